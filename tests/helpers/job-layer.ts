/**
 * The BullMQ job layer of a test on a private Redis: the API side (a `BullmqTaskRunner` with its
 * own `RedisHealth`), the worker side (a `JobConsumer` on a worker pool, with its own), both, or
 * neither, each with the limits the test is about. `close()` ends what was made, worker side
 * first, then the Redis. The tasks run from dist/ (`npm run build`).
 */
import { Redis } from 'ioredis';
import { JobConsumer } from '../../src/jobs/bullmq-consumer';
import { BullmqTaskRunner, type BullmqRunnerOptions } from '../../src/jobs/bullmq-runner';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { createLogger, type Logger } from '../../src/logger';
import { WorkerPool } from '../../src/workers/worker-pool';
import { freePort, startRedis, type Proc } from './processes';

/** The API side's limits; the defaults are what most job tests use. */
export type RunnerLimits = Partial<
  Pick<BullmqRunnerOptions, 'defaultTimeoutMs' | 'parallelism' | 'maxWaiting' | 'keepCount'>
>;

/** The worker side's limits: jobs at once per kind (and pool threads), lock, pool queue and timeout. */
export interface ConsumerLimits {
  concurrency?: number;
  lockSeconds?: number;
  maxQueue?: number;
  taskTimeoutMs?: number;
}

export interface JobLayerOptions {
  prefix: string;
  /** A runner with these limits (`{}`: the defaults); none when left out. */
  runner?: RunnerLimits;
  /** A consumer with these limits (`{}`: the defaults); none when left out. */
  consumer?: ConsumerLimits;
  /** False: no Redis at all, the url names a port where none listens. */
  redis?: boolean;
  /** Silent unless given (a test that waits for log lines passes its own). */
  logger?: Logger;
}

export interface JobLayer {
  url: string;
  /** The private Redis (to kill or stop); undefined when the layer was made without one. */
  redis: Proc | undefined;
  /** A plain client on the same Redis for the test's own reads (`maxRetriesPerRequest: null`). */
  client: Redis;
  /** The runner and its health; throw when the layer was made without a runner. */
  runner: BullmqTaskRunner;
  apiHealth: RedisHealth;
  /** The consumer, its pool and its health; throw when the layer was made without a consumer. */
  consumer: JobConsumer;
  pool: WorkerPool;
  workerHealth: RedisHealth;
  /** Another runner on the same Redis, as a second API process has it; `close()` ends it too. */
  addRunner(limits?: RunnerLimits): { runner: BullmqTaskRunner; health: RedisHealth };
  /** Ends the consumer, its pool, the runners, the client and the Redis, in that order. */
  close(): Promise<void>;
}

const silent = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

/** Starts the Redis (unless `redis: false`) and the sides asked for; does not wait for Redis. */
export async function startJobLayer(opts: JobLayerOptions): Promise<JobLayer> {
  const logger = opts.logger ?? silent;
  const port = await freePort();
  const redis = opts.redis === false ? undefined : await startRedis(port);
  const url = `redis://127.0.0.1:${port}`;
  const runners: { runner: BullmqTaskRunner; health: RedisHealth }[] = [];

  const addRunner = (limits: RunnerLimits = {}) => {
    const health = new RedisHealth(logger);
    const runner = new BullmqTaskRunner({
      url,
      prefix: opts.prefix,
      defaultTimeoutMs: 60_000,
      parallelism: 1,
      maxWaiting: 8,
      keepCount: 100,
      ...limits,
      health,
      logger,
    });
    runners.push({ runner, health });
    return { runner, health };
  };
  const api = opts.runner ? addRunner(opts.runner) : undefined;

  let worker: { consumer: JobConsumer; pool: WorkerPool; health: RedisHealth } | undefined;
  if (opts.consumer) {
    const { concurrency = 1, lockSeconds = 30, maxQueue = 4, taskTimeoutMs = 60_000 } = opts.consumer;
    const health = new RedisHealth(logger);
    const pool = new WorkerPool({ maxThreads: concurrency, maxQueue, taskTimeoutMs });
    const consumer = new JobConsumer({
      url,
      prefix: opts.prefix,
      concurrency,
      lockSeconds,
      pool,
      health,
      logger,
    });
    worker = { consumer, pool, health };
  }
  // it connects on its first command: a test that sends none holds no connection
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`this job layer was made without ${what}`);
    return value;
  };
  return {
    url,
    redis,
    client,
    get runner() {
      return need(api, 'a runner').runner;
    },
    get apiHealth() {
      return need(api, 'a runner').health;
    },
    get consumer() {
      return need(worker, 'a consumer').consumer;
    },
    get pool() {
      return need(worker, 'a consumer').pool;
    },
    get workerHealth() {
      return need(worker, 'a consumer').health;
    },
    addRunner,
    async close() {
      if (worker) {
        await worker.consumer.close();
        await worker.pool.close();
        await worker.health.closeAll();
      }
      for (const { runner, health } of runners.reverse()) {
        await runner.close();
        await health.closeAll();
      }
      client.disconnect();
      await redis?.kill();
    },
  };
}

/** 'closed' when `closing` resolves within `ms`, else 'still closing' (a close that hangs). */
export const closedWithin = (closing: Promise<unknown>, ms: number): Promise<unknown> =>
  Promise.race([
    closing.then(() => 'closed'),
    new Promise((resolve) => setTimeout(() => resolve('still closing'), ms).unref()),
  ]);
