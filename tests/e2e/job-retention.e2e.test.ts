/**
 * Finished BullMQ jobs are kept by count as well as by age (JOB_KEEP_COUNT per queue, completed
 * and failed each, within 1 h / 24 h): a burst no longer keeps every payload and result in Redis
 * until it ages out (a 500-staff roster job holds 0.8 MB). The API process that started each job
 * still gets its result from the job's completed event, and the newest finished jobs can still
 * be read by a process recovering the jobs of one that ended (`outcome`).
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JobConsumer } from '../../src/jobs/bullmq-consumer';
import { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { queueName } from '../../src/jobs/job-kinds';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { createLogger } from '../../src/logger';
import type { WorkloadPlan, WorkloadProblem } from '../../src/staffing/workload-lp.core';
import { taskFile, WorkerPool } from '../../src/workers/worker-pool';
import { freePort, startRedis, type Proc } from '../helpers/processes';
import { handSolvedWeek } from '../helpers/hand-solved-week';

const PREFIX = 'job-retention';
/** The least JOB_KEEP_COUNT allows. */
const KEEP = 10;
const BURST = 25;
const TASK = taskFile('staffing/workload.task');
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

/** The hand-solved workload week: 10 staff hours. */
const WEEK = handSolvedWeek();

describe('finished jobs kept by count and age', () => {
  let redis: Proc;
  let client: Redis;
  let queue: Queue;
  let runner: BullmqTaskRunner;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const apiHealth = new RedisHealth(logger);
    runner = new BullmqTaskRunner({
      url,
      prefix: PREFIX,
      defaultTimeoutMs: 60_000,
      parallelism: 2,
      maxWaiting: BURST,
      keepCount: KEEP,
      health: apiHealth,
      logger,
    });
    const workerHealth = new RedisHealth(logger);
    const pool = new WorkerPool({ maxThreads: 2, maxQueue: BURST, taskTimeoutMs: 60_000 });
    const consumer = new JobConsumer({
      url,
      prefix: PREFIX,
      concurrency: 2,
      lockSeconds: 30,
      pool,
      health: workerHealth,
      logger,
    });
    client = new Redis(url, { maxRetriesPerRequest: null });
    queue = new Queue(queueName('staffing'), { connection: client, prefix: PREFIX });
    closers.push(
      () => queue.close(),
      async () => client.disconnect(),
      () => consumer.close(),
      () => pool.close(),
      () => workerHealth.closeAll(),
      () => runner.close(),
      () => apiHealth.closeAll(),
    );
    await Promise.all([apiHealth.whenUp(), workerHealth.whenUp()]);
  }, 30_000);

  afterAll(async () => {
    for (const close of closers) await close();
    await redis.kill();
  }, 30_000);

  /** The ids of the staffing jobs whose hash is still in Redis. */
  const storedJobIds = async (prefix: string): Promise<string[]> => {
    const keys = await client.keys(`${PREFIX}:${queueName('staffing')}:${prefix}-*`);
    return keys.map((k) => k.split(':').pop()!).filter((id) => /^[a-z]+-\d+$/.test(id));
  };

  it('keeps the newest completed jobs only, and every starter gets its result', async () => {
    const plans = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        runner.run<WorkloadProblem, WorkloadPlan>(TASK, 'solveWorkloadPlan', WEEK, { jobId: `done-${i}` }),
      ),
    );
    expect(plans.map((p) => p.staffHours)).toEqual(Array(BURST).fill(10));

    expect(await queue.getCompletedCount()).toBe(KEEP);
    const kept = (await queue.getJobs(['completed'])).map((j) => j.id!);
    expect((await storedJobIds('done')).sort()).toEqual([...kept].sort());
    // a kept result can be recovered by another process; a trimmed one is gone for good
    const gone = Array.from({ length: BURST }, (_, i) => `done-${i}`).find((id) => !kept.includes(id))!;
    expect(await runner.outcome(kept[0]!)).toMatchObject({
      state: 'completed',
      output: { staffHours: 10 },
    });
    expect(await runner.outcome(gone)).toBeNull();
  }, 120_000);

  it('keeps the newest failed jobs only, and every starter gets its failure', async () => {
    const failures = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        runner.run(TASK, 'solveWorkloadPlan', { skill: 'emails' }, { jobId: `bad-${i}` }).then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    for (const e of failures)
      expect(e).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringMatching(/The staffing job failed/),
      });
    expect(await queue.getFailedCount()).toBe(KEEP);
    expect(await storedJobIds('bad')).toHaveLength(KEEP);
  }, 120_000);
});
