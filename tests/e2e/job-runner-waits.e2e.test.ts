/**
 * Many jobs waited on at once: each starter gets its own job's result, through one 'completed'
 * and one 'failed' listener per queue's events reader. Before, each wait (BullMQ's
 * `job.waitUntilFinished`) added its own listeners, among them a 'closing' one on the shared
 * Queue: past 10 jobs waited on at once Node printed MaxListenersExceededWarning. The starter of
 * the 30 jobs is a child process (fixtures/process/wait-many-jobs.js): Node emits warnings on the
 * real `process`, which a Jest test does not see.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { JobConsumer } from '../../src/jobs/bullmq-consumer';
import { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { createLogger } from '../../src/logger';
import type { WorkloadPlan, WorkloadProblem } from '../../src/staffing/workload-lp.core';
import { taskFile, WorkerPool } from '../../src/workers/worker-pool';
import { freePort, startRedis, type Proc } from '../helpers/processes';
import { handSolvedWeek } from '../helpers/hand-solved-week';

const PREFIX = 'runner-waits';
const STARTER = path.join(__dirname, '..', 'fixtures', 'process', 'wait-many-jobs.js');
const JOBS = 30;
const TASK = taskFile('staffing/workload.task');
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

/** The hand-solved workload week with `items` carried in: 2 · items + 6 staff hours. */
const week = handSolvedWeek;

describe('jobs waited on at once', () => {
  let redis: Proc;
  let url: string;
  let runner: BullmqTaskRunner;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    url = `redis://127.0.0.1:${port}`;
    const apiHealth = new RedisHealth(logger);
    runner = new BullmqTaskRunner({
      url,
      prefix: PREFIX,
      defaultTimeoutMs: 60_000,
      parallelism: 2,
      maxWaiting: JOBS,
      keepCount: 100,
      health: apiHealth,
      logger,
    });
    const workerHealth = new RedisHealth(logger);
    const pool = new WorkerPool({ maxThreads: 2, maxQueue: JOBS, taskTimeoutMs: 60_000 });
    const consumer = new JobConsumer({
      url,
      prefix: PREFIX,
      concurrency: 2,
      lockSeconds: 30,
      pool,
      health: workerHealth,
      logger,
    });
    closers.push(
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

  it(`gives each of ${JOBS} jobs waited on at once its own result, with no MaxListenersExceededWarning`, async () => {
    const problems = Array.from({ length: JOBS }, (_, i) => week(i + 1));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [STARTER, url, PREFIX, JSON.stringify(problems)],
      { timeout: 90_000 },
    );
    const { staffHours, warnings } = JSON.parse(stdout) as {
      staffHours: number[];
      warnings: { name: string; message: string }[];
    };
    expect(staffHours).toEqual(problems.map((_, i) => 2 * (i + 1) + 6));
    expect(warnings).toEqual([]);
  }, 120_000);

  it('gives a starter the result of a job that had finished before it asked (no end event comes)', async () => {
    const first = await runner.run<WorkloadProblem, WorkloadPlan>(TASK, 'solveWorkloadPlan', week(3), {
      jobId: 'asked-twice',
    });
    // the same id again: BullMQ keeps the finished job and adds nothing, so no event follows
    const again = await runner.run<WorkloadProblem, WorkloadPlan>(TASK, 'solveWorkloadPlan', week(3), {
      jobId: 'asked-twice',
      timeoutMs: 5000,
    });
    expect(again.staffHours).toBe(first.staffHours);
    expect(first.staffHours).toBe(12);
  }, 60_000);
});
