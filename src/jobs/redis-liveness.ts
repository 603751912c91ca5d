import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { ProcessLiveness } from '../workers/process-liveness';

/**
 * Several API processes: each keeps a key `<prefix>:process:<id>` alive in Redis (a TTL of
 * PROCESS_LIVENESS_SECONDS, 15 s by default, renewed every third of it). A process whose key
 * has expired has ended; its unfinished jobs can be recovered by any other. While Redis is
 * down nobody can tell, and nothing is recovered. The key is written as soon as the connection
 * is ready (at start and after an outage), not a third of the TTL later: until then another
 * process's sweep would take this one's new jobs for a dead process's.
 */
export class RedisLiveness implements ProcessLiveness {
  readonly self = randomUUID();
  private readonly timer: NodeJS.Timeout;
  /** Beats as soon as Redis is connected: at start and after an outage the key may be missing. */
  private readonly onReady = (): void => void this.beat();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly ttlMs: number,
  ) {
    this.timer = setInterval(() => void this.beat(), Math.floor(ttlMs / 3));
    this.timer.unref();
    this.redis.on('ready', this.onReady);
    void this.beat();
  }

  private key(id: string): string {
    return `${this.prefix}:process:${id}`;
  }

  private async beat(): Promise<void> {
    if (this.redis.status !== 'ready') return;
    await this.redis
      .set(this.key(this.self), String(process.pid), 'PX', this.ttlMs)
      .catch((err: unknown) => this.logger.debug({ err }, 'liveness beat failed'));
  }

  async isLive(id: string): Promise<boolean | null> {
    if (id === this.self) return true;
    if (this.redis.status !== 'ready') return null;
    try {
      return (await this.redis.exists(this.key(id))) === 1;
    } catch (err) {
      this.logger.debug({ err }, 'liveness check failed');
      return null;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.redis.off('ready', this.onReady);
    if (this.redis.status === 'ready')
      await this.redis
        .del(this.key(this.self))
        .catch((err: unknown) => this.logger.debug({ err }, 'liveness key not removed'));
  }
}
