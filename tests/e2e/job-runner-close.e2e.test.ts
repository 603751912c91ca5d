/**
 * `BullmqTaskRunner.close()` returns with Redis down. BullMQ's `QueueEvents.close()` waits for its
 * connection to be ready, then for an end event that a reconnecting ioredis client never emits
 * (bullmq#4656): before, close() never returned when Redis was unreachable or had gone away, and
 * a stopping API process ended only by its forced exit 10 s after the signal. With Redis up it
 * still drains: a caller still waiting is told, and the runner's connections end.
 */
import { Redis } from 'ioredis';
import type pino from 'pino';
import { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { JOB_KINDS } from '../../src/jobs/job-kinds';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { taskFile } from '../../src/workers/worker-pool';
import { freePort, startRedis } from '../helpers/processes';
import { watchedLogger } from '../helpers/watched-logger';

const PREFIX = 'runner-close';
/** The runner's own connections: its commands and one events reader per kind. */
const CONNECTIONS = 1 + JOB_KINDS.length;
/** Generous: the fixed close takes milliseconds; the old one never returned. */
const CLOSE_BOUND_MS = 3000;

const runnerOn = (url: string, health: RedisHealth, logger: pino.Logger) =>
  new BullmqTaskRunner({
    url,
    prefix: PREFIX,
    defaultTimeoutMs: 60_000,
    parallelism: 1,
    maxWaiting: 8,
    keepCount: 100,
    health,
    logger,
  });

/** 'closed' when `p` resolves within `ms`, else 'still closing'. */
const within = (p: Promise<void>, ms: number) =>
  Promise.race([
    p.then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still closing'), ms).unref()),
  ]);

describe('closing the BullMQ runner', () => {
  it('returns at once when Redis was never reachable', async () => {
    const { logger, until } = watchedLogger();
    const health = new RedisHealth(logger);
    const runner = runnerOn(`redis://127.0.0.1:${await freePort()}`, health, logger);
    try {
      // every connection has been refused once: they are all reconnecting now
      await until(/redis connection error; retrying/, CONNECTIONS);
      expect(health.up).toBe(false);
      expect(await within(runner.close(), CLOSE_BOUND_MS)).toBe('closed');
    } finally {
      await health.closeAll();
    }
  }, 15_000);

  it('returns at once when Redis has gone away', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const { logger, until } = watchedLogger();
    const health = new RedisHealth(logger);
    const runner = runnerOn(`redis://127.0.0.1:${port}`, health, logger);
    try {
      await health.whenUp();
      await redis.kill('SIGKILL');
      await until(/redis connection lost; reconnecting/, CONNECTIONS);
      expect(await within(runner.close(), CLOSE_BOUND_MS)).toBe('closed');
    } finally {
      await health.closeAll();
      await redis.kill('SIGKILL');
    }
  }, 30_000);

  it('with Redis up, ends the waits still open and closes its connections', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const { logger } = watchedLogger();
    const health = new RedisHealth(logger);
    const runner = runnerOn(`redis://127.0.0.1:${port}`, health, logger);
    const admin = new Redis(`redis://127.0.0.1:${port}`);
    try {
      await health.whenUp();
      // no worker: the job waits in the queue until the runner closes
      const waiting = runner
        .run(taskFile('staffing/workload.task'), 'solveWorkloadPlan', {}, { jobId: 'left-waiting' })
        .catch((e: unknown) => e);
      const queued = () => admin.exists(`${PREFIX}:jobs-staffing:left-waiting`);
      while ((await queued()) === 0) await new Promise((r) => setTimeout(r, 20));

      expect(await within(runner.close(), CLOSE_BOUND_MS)).toBe('closed');
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
      admin.disconnect();
      await redis.kill('SIGKILL');
    }
  }, 30_000);
});
