/**
 * Everything an API process runs on Redis when `REDIS_URL` is set: the event bus clients,
 * the BullMQ job runner and the process liveness keys, with one health view over them.
 * Nothing here waits for Redis: an unreachable Redis is retried for ever and reported.
 */
import type { Config } from '../config';
import type { RedisBusClients } from '../events/pubsub';
import type { Logger } from '../logger';
import { BullmqTaskRunner } from './bullmq-runner';
import { RedisHealth, redisClient } from './redis-connection';
import { RedisLiveness } from './redis-liveness';

export interface RedisInfra {
  health: RedisHealth;
  runner: BullmqTaskRunner;
  liveness: RedisLiveness;
  bus: RedisBusClients;
  /** Resolves when Redis answers a PING (a connected Redis can still hang: /readyz asks it). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The settings `connectRedis` reads. */
export type RedisInfraConfig = Pick<
  Config,
  | 'REDIS_PREFIX'
  | 'WORKER_TASK_TIMEOUT_SECONDS'
  | 'WORKER_THREADS'
  | 'WORKER_QUEUE_SIZE'
  | 'JOB_KEEP_COUNT'
  | 'PROCESS_LIVENESS_SECONDS'
> & { REDIS_URL: string };

export function connectRedis(config: RedisInfraConfig, logger: Logger): RedisInfra {
  const url = config.REDIS_URL;
  const health = new RedisHealth(logger);
  const command = health.watch(redisClient(url, 'command'), 'commands');
  const bus: RedisBusClients = {
    publish: health.watch(redisClient(url, 'subscriber'), 'events-publish'),
    subscribe: health.watch(redisClient(url, 'subscriber'), 'events-subscribe'),
    prefix: config.REDIS_PREFIX,
    onPublishError: (err) => logger.warn({ err }, 'an event could not be published to Redis'),
  };
  const runner = new BullmqTaskRunner({
    url,
    prefix: config.REDIS_PREFIX,
    defaultTimeoutMs: config.WORKER_TASK_TIMEOUT_SECONDS * 1000,
    parallelism: config.WORKER_THREADS,
    maxWaiting: config.WORKER_QUEUE_SIZE,
    keepCount: config.JOB_KEEP_COUNT,
    health,
    logger,
  });
  const liveness = new RedisLiveness(
    command,
    config.REDIS_PREFIX,
    logger,
    config.PROCESS_LIVENESS_SECONDS * 1000,
  );
  return {
    health,
    runner,
    liveness,
    bus,
    async ping() {
      await command.ping();
    },
    async close() {
      await liveness.close();
      await runner.close();
      await health.closeAll();
    },
  };
}
