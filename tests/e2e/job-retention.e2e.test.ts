/**
 * Finished BullMQ jobs are kept by count as well as by age (JOB_KEEP_COUNT per queue, completed
 * and failed each, within 1 h / 24 h): a burst no longer keeps every payload and result in Redis
 * until it ages out (a 500-staff roster job holds 0.8 MB). The API process that started each job
 * still gets its result from the job's completed event, and the newest finished jobs can still
 * be read by a process recovering the jobs of one that ended (`outcome`).
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { queueName } from '../../src/jobs/job-kinds';
import type { WorkloadPlan, WorkloadProblem } from '../../src/staffing/workload-lp.core';
import { taskFile } from '../../src/workers/worker-pool';
import { handSolvedWeek } from '../helpers/hand-solved-week';
import { startJobLayer, type JobLayer } from '../helpers/job-layer';

const PREFIX = 'job-retention';
/** The least JOB_KEEP_COUNT allows. */
const KEEP = 10;
const BURST = 25;
const TASK = taskFile('staffing/workload.task');

/** The hand-solved workload week: 10 staff hours. */
const WEEK = handSolvedWeek();

describe('finished jobs kept by count and age', () => {
  let jobs: JobLayer;
  let client: Redis;
  let queue: Queue;
  let runner: BullmqTaskRunner;

  beforeAll(async () => {
    jobs = await startJobLayer({
      prefix: PREFIX,
      runner: { parallelism: 2, maxWaiting: BURST, keepCount: KEEP },
      consumer: { concurrency: 2, maxQueue: BURST },
    });
    ({ client, runner } = jobs);
    queue = new Queue(queueName('staffing'), { connection: client, prefix: PREFIX });
    await Promise.all([jobs.apiHealth.whenUp(), jobs.workerHealth.whenUp()]);
  }, 30_000);

  afterAll(async () => {
    await queue.close();
    await jobs.close();
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
