/**
 * Redis connections for events and jobs. ioredis reconnects for ever (a Redis that is down
 * at start or later is retried, never fatal); `RedisHealth` remembers why it is down so
 * `/readyz` and enqueueing can say so at once instead of waiting.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/** Reconnect delay: 100 ms, growing to 2 s. */
const retryStrategy = (times: number): number => Math.min(100 * times, 2000);

export type RedisRole = 'command' | 'blocking' | 'subscriber';

export class RedisHealth {
  private lastError: string | null = null;
  private readonly watched = new Set<Redis>();
  /** Callers of `whenUp` waiting for every watched client to be connected. */
  private readonly upWaiters: (() => void)[] = [];

  constructor(private readonly logger: Logger) {}

  /**
   * Tracks a client: losing and regaining it is logged, errors are remembered, never thrown. A
   * client ended on purpose (quit, disconnect) is not lost: it emits 'end', never 'reconnecting'.
   */
  watch(client: Redis, name: string): Redis {
    this.watched.add(client);
    let lost = false;
    let lastLogged = 0;
    client.on('error', (err: Error) => {
      this.lastError = err.message;
      if (Date.now() - lastLogged > 10_000) {
        lastLogged = Date.now();
        this.logger.warn({ redis: name, err: err.message }, 'redis connection error; retrying');
      }
    });
    client.on('reconnecting', () => {
      if (lost || !this.watched.has(client)) return;
      lost = true;
      this.lastError = 'the connection closed';
      this.logger.warn({ redis: name }, 'redis connection lost; reconnecting');
    });
    client.on('ready', () => {
      if (lost) this.logger.info({ redis: name }, 'redis connection restored');
      lost = false;
      lastLogged = 0;
      if (this.up) for (const resolve of this.upWaiters.splice(0)) resolve();
    });
    return client;
  }

  /**
   * Resolves once, the first time every watched client is connected (at once if they are now):
   * work that needs Redis at start runs as soon as it can, while start-up never waits for it.
   */
  whenUp(): Promise<void> {
    if (this.up) return Promise.resolve();
    return new Promise((resolve) => this.upWaiters.push(resolve));
  }

  /** Up when every watched client is connected. */
  get up(): boolean {
    for (const c of this.watched) if (c.status !== 'ready') return false;
    return this.watched.size > 0;
  }

  /** Why Redis is down (the last connection error), or null when it is up. */
  get reason(): string | null {
    if (this.up) return null;
    return this.lastError ?? 'not connected yet';
  }

  /** Throws UNAVAILABLE naming the cause when Redis is down. */
  assertUp(what: string): void {
    if (!this.up)
      throw new AppError(
        'UNAVAILABLE',
        `${what} is unavailable: Redis is not reachable (${this.reason}); try again shortly`,
      );
  }

  /**
   * Disconnects every watched client not ended yet. One ended already (BullMQ quits the readers'
   * copies) is left alone: ioredis would end its closed socket again and hold the process for its
   * 2 s disconnect timeout, waiting for a 'close' that came before.
   */
  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.watched].map(async (c) => {
        this.watched.delete(c);
        if (c.status !== 'end') c.disconnect();
      }),
    );
  }
}

/**
 * A new client for `url`. `command` clients fail fast while disconnected (no offline queue),
 * so an enqueue during an outage errors at once; `blocking` and `subscriber` clients wait and
 * resume (BullMQ's workers and event readers need `maxRetriesPerRequest: null`).
 */
export function redisClient(url: string, role: RedisRole): Redis {
  return new Redis(url, optionsFor(role));
}

/**
 * The client to hand BullMQ's `QueueEvents`, which never uses the client it is given: it reads on
 * a copy (`duplicate()`) and leaves the original to the caller. Given a connected client, each
 * API process held one idle connection per queue, and `RedisHealth` watched those instead of the
 * ones reading. This one never connects (`lazyConnect`); its copy connects at once and is watched
 * as `name`, so health follows the connection that carries the reads. BullMQ owns the copy and
 * quits it when the reader closes.
 */
export function readerClient(url: string, health: RedisHealth, name: string): Redis {
  const unused = new Redis(url, { ...optionsFor('blocking'), lazyConnect: true });
  unused.duplicate = (override?: Partial<RedisOptions>) =>
    health.watch(new Redis(url, { ...optionsFor('blocking'), ...override }), name);
  return unused;
}

function optionsFor(role: RedisRole): RedisOptions {
  return {
    retryStrategy,
    connectTimeout: 2000,
    lazyConnect: false,
    ...(role === 'command'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 }
      : { maxRetriesPerRequest: null, enableReadyCheck: true }),
  };
}
