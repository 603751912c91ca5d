/**
 * `BullmqTaskRunner.close()` returns with Redis down. BullMQ's `QueueEvents.close()` waits for its
 * connection to be ready, then for an end event that a reconnecting ioredis client never emits
 * (bullmq#4656): before, close() never returned when Redis was unreachable or had gone away, and
 * a stopping API process ended only by its forced exit 10 s after the signal. With Redis up it
 * still drains: a caller still waiting is told, and the runner's connections end.
 */
import { JOB_KINDS } from '../../src/jobs/job-kinds';
import { taskFile } from '../../src/workers/worker-pool';
import { closedWithin, startJobLayer } from '../helpers/job-layer';
import { watchedLogger } from '../helpers/watched-logger';

const PREFIX = 'runner-close';
/** The runner's own connections: its commands and one events reader per kind. */
const CONNECTIONS = 1 + JOB_KINDS.length;
/** Generous: the fixed close takes milliseconds; the old one never returned. */
const CLOSE_BOUND_MS = 3000;

describe('closing the BullMQ runner', () => {
  it('returns at once when Redis was never reachable', async () => {
    const { logger, until } = watchedLogger();
    const jobs = await startJobLayer({ prefix: PREFIX, runner: {}, redis: false, logger });
    try {
      // every connection has been refused once: they are all reconnecting now
      await until(/redis connection error; retrying/, CONNECTIONS);
      expect(jobs.apiHealth.up).toBe(false);
      expect(await closedWithin(jobs.runner.close(), CLOSE_BOUND_MS)).toBe('closed');
    } finally {
      await jobs.close();
    }
  }, 15_000);

  it('returns at once when Redis has gone away', async () => {
    const { logger, until } = watchedLogger();
    const jobs = await startJobLayer({ prefix: PREFIX, runner: {}, logger });
    try {
      await jobs.apiHealth.whenUp();
      await jobs.redis!.kill('SIGKILL');
      await until(/redis connection lost; reconnecting/, CONNECTIONS);
      expect(await closedWithin(jobs.runner.close(), CLOSE_BOUND_MS)).toBe('closed');
    } finally {
      await jobs.close();
    }
  }, 30_000);

  it('with Redis up, ends the waits still open and closes its connections', async () => {
    const { logger } = watchedLogger();
    const jobs = await startJobLayer({ prefix: PREFIX, runner: {}, logger });
    const { runner, apiHealth: health, client: admin } = jobs;
    try {
      await health.whenUp();
      // no worker: the job waits in the queue until the runner closes
      const waiting = runner
        .run(taskFile('staffing/workload.task'), 'solveWorkloadPlan', {}, { jobId: 'left-waiting' })
        .catch((e: unknown) => e);
      const queued = () => admin.exists(`${PREFIX}:jobs-staffing:left-waiting`);
      while ((await queued()) === 0) await new Promise((r) => setTimeout(r, 20));

      expect(await closedWithin(runner.close(), CLOSE_BOUND_MS)).toBe('closed');
      expect(await waiting).toMatchObject({
        code: 'UNAVAILABLE',
        message: 'The job queue closed before the job finished',
      });
      await health.closeAll();
      // the readers' connections (BullMQ's own copies) ended with close(): only admin's is left
      const clients = async () => ((await admin.client('LIST')) as string).trim().split('\n').length;
      const deadline = Date.now() + 2000;
      while ((await clients()) > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await clients()).toBe(1);
    } finally {
      await jobs.close();
    }
  }, 30_000);
});
