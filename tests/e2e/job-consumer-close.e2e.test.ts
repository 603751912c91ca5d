/**
 * `JobConsumer.close()` returns with Redis down. BullMQ's `Worker.close()` waits for its blocking
 * connection to be ready, then for an end event that a reconnecting ioredis client never emits
 * (as `QueueEvents.close()`, bullmq#4656): before, a worker process whose Redis was unreachable
 * or gone ended only by its 30 s forced exit, with code 1.
 */
import { JobConsumer } from '../../src/jobs/bullmq-consumer';
import { JOB_KINDS } from '../../src/jobs/job-kinds';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { WorkerPool } from '../../src/workers/worker-pool';
import { closedWithin } from '../helpers/job-layer';
import { freePort, startRedis, startWorker } from '../helpers/processes';
import { watchedLogger } from '../helpers/watched-logger';

/** Generous: the fixed close takes milliseconds; the old one waited for the 30 s forced exit. */
const CLOSE_BOUND_MS = 5000;
/** The consumer's connections: its commands, its cancel subscriber and one per kind. */
const CONNECTIONS = 2 + JOB_KINDS.length;

describe('closing the job consumer with Redis down', () => {
  it('lets a worker process that never reached Redis exit at once with 0 on SIGTERM', async () => {
    const worker = await startWorker('worker-no-redis', {
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    await worker.waitFor(/redis connection error; retrying/);
    const t0 = Date.now();
    await worker.kill('SIGTERM');
    expect({ code: await worker.exited, fast: Date.now() - t0 < CLOSE_BOUND_MS }).toEqual({
      code: 0,
      fast: true,
    });
  }, 45_000);

  it('returns at once when Redis has gone away', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const { logger, until } = watchedLogger();
    const health = new RedisHealth(logger);
    const pool = new WorkerPool({ maxThreads: 1, maxQueue: 1, taskTimeoutMs: 60_000 });
    const consumer = new JobConsumer({
      url: `redis://127.0.0.1:${port}`,
      prefix: 'consumer-close',
      concurrency: 1,
      lockSeconds: 30,
      pool,
      health,
      logger,
    });
    try {
      await health.whenUp();
      await redis.kill('SIGKILL');
      await until(/redis connection lost; reconnecting/, CONNECTIONS);
      expect(await closedWithin(consumer.close(), CLOSE_BOUND_MS)).toBe('closed');
    } finally {
      await health.closeAll();
      await pool.close();
      await redis.kill('SIGKILL');
    }
  }, 30_000);
});
