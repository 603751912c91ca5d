import { Router } from 'express';
import type { Services } from './services';

const READY_TIMEOUT_MS = 2000;

/**
 * `GET /healthz`: the process is up. `GET /readyz`: the store answers within 2 s and, when
 * Redis is configured, Redis is connected; a 503 says which one is not and why.
 */
export function healthRoutes(services: Pick<Services, 'store' | 'redis'>): Router {
  const router = Router();
  const started = Date.now();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/readyz', async (_req, res) => {
    const t0 = Date.now();
    const health = services.redis?.health;
    const redis = health ? (health.up ? 'up' : 'down') : 'off';
    try {
      await Promise.race([
        services.store.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('store ping timed out')), READY_TIMEOUT_MS).unref(),
        ),
      ]);
    } catch (e) {
      res
        .status(503)
        .json({ status: 'unavailable', store: services.store.kind, redis, error: (e as Error).message });
      return;
    }
    if (health && !health.up) {
      res.status(503).json({
        status: 'unavailable',
        store: services.store.kind,
        redis,
        error: `Redis is not reachable: ${health.reason}`,
      });
      return;
    }
    res.json({ status: 'ready', store: services.store.kind, redis, ms: Date.now() - t0 });
  });
  return router;
}
