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
import type { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import type { WorkloadPlan, WorkloadProblem } from '../../src/staffing/workload-lp.core';
import { taskFile } from '../../src/workers/worker-pool';
import { handSolvedWeek } from '../helpers/hand-solved-week';
import { startJobLayer, type JobLayer } from '../helpers/job-layer';

const PREFIX = 'runner-waits';
const STARTER = path.join(__dirname, '..', 'fixtures', 'process', 'wait-many-jobs.js');
const JOBS = 30;
const TASK = taskFile('staffing/workload.task');

/** The hand-solved workload week with `items` carried in: 2 · items + 6 staff hours. */
const week = handSolvedWeek;

describe('jobs waited on at once', () => {
  let jobs: JobLayer;
  let url: string;
  let runner: BullmqTaskRunner;

  beforeAll(async () => {
    jobs = await startJobLayer({
      prefix: PREFIX,
      runner: { parallelism: 2, maxWaiting: JOBS },
      consumer: { concurrency: 2, maxQueue: JOBS },
    });
    ({ url, runner } = jobs);
    await Promise.all([jobs.apiHealth.whenUp(), jobs.workerHealth.whenUp()]);
  }, 30_000);

  afterAll(() => jobs.close(), 30_000);

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
