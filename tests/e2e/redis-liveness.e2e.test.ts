/**
 * A process's liveness key is written as soon as its Redis connection is ready, at start and
 * after Redis comes back empty, not a third of PROCESS_LIVENESS_SECONDS later (5 s by default):
 * until then another process's recovery sweep would take this live process's new roster jobs
 * for those of a dead one and fail them "interrupted by restart".
 */
import { Redis } from 'ioredis';
import { redisClient } from '../../src/jobs/redis-connection';
import { RedisLiveness } from '../../src/jobs/redis-liveness';
import { createLogger } from '../../src/logger';
import { freePort, startRedis, type Proc } from '../helpers/processes';

const PREFIX = 'liveness';
/** A 600 s key renewed every 200 s: a key seen within the test's waits was written on connect. */
const TTL_MS = 600_000;
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

/**
 * Resolves when `key` exists in the Redis at `url`: at once, or when Redis announces it written
 * (keyspace notifications, subscribed before looking, so no write is missed).
 */
async function written(url: string, key: string): Promise<void> {
  const commands = new Redis(url, { maxRetriesPerRequest: null });
  const announcements = commands.duplicate();
  try {
    await commands.config('SET', 'notify-keyspace-events', 'E$');
    const set = new Promise<void>((resolve) =>
      announcements.on('message', (_channel: string, written: string) => {
        if (written === key) resolve();
      }),
    );
    await announcements.subscribe('__keyevent@0__:set');
    if ((await commands.exists(key)) === 0) await set;
  } finally {
    announcements.disconnect();
    commands.disconnect();
  }
}

describe('process liveness key', () => {
  let redis: Proc;
  afterAll(() => redis.kill());

  it('is written when the connection is ready, at start and after Redis restarts empty', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const client = redisClient(url, 'command');
    const liveness = new RedisLiveness(client, PREFIX, logger, TTL_MS);
    const key = `${PREFIX}:process:${liveness.self}`;
    try {
      await written(url, key);
      await redis.kill('SIGTERM');
      redis = await startRedis(port);
      await written(url, key);
    } finally {
      await liveness.close();
      client.disconnect();
    }
  }, 60_000);
});
