import { Router } from 'express';
import type { Services } from './services';

const READY_TIMEOUT_MS = 2000;

const within = <T>(p: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out`)), READY_TIMEOUT_MS).unref(),
    ),
  ]);

/**
 * `GET /healthz`: the process is up. `GET /readyz`: within 2 s the store answers and can take
 * writes (a store that can only read is not ready: 503 with `writable: false` and the reason),
 * and, when Redis is configured, Redis is connected and answers a PING; a 503 says which one is
 * not and why.
 */
export function healthRoutes(services: Pick<Services, 'store' | 'redis'>): Router {
  const router = Router();
  const started = Date.now();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/readyz', async (_req, res) => {
    const t0 = Date.now();
    const store = services.store.kind;
    const health = services.redis?.health;
    const redis = health ? (health.up ? 'up' : 'down') : 'off';
    const unavailable = (body: Record<string, unknown>): void =>
      void res.status(503).json({ status: 'unavailable', store, redis, ...body });
    try {
      await within(services.store.ping(), 'store ping');
    } catch (e) {
      return unavailable({ error: (e as Error).message });
    }
    try {
      await within(services.store.checkWritable(), 'store write check');
    } catch (e) {
      return unavailable({ writable: false, error: (e as Error).message });
    }
    if (health && !health.up) {
      return unavailable({ writable: true, error: `Redis is not reachable: ${health.reason}` });
    }
    try {
      // connected is not enough: a Redis that hangs (stopped, partitioned) keeps its sockets open
      if (services.redis) await within(services.redis.ping(), 'Redis ping');
    } catch (e) {
      return unavailable({
        redis: 'down',
        writable: true,
        error: `Redis is not answering: ${(e as Error).message}`,
      });
    }
    res.json({ status: 'ready', store, redis, writable: true, ms: Date.now() - t0 });
  });
  return router;
}
