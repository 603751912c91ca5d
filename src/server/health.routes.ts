import { Router } from 'express';
import type { Services } from './services';

const READY_TIMEOUT_MS = 2000;

/** `GET /healthz`: the process is up. `GET /readyz`: the store answers within 2 s. */
export function healthRoutes(services: Pick<Services, 'store'>): Router {
  const router = Router();
  const started = Date.now();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/readyz', async (_req, res) => {
    const t0 = Date.now();
    try {
      await Promise.race([
        services.store.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('store ping timed out')), READY_TIMEOUT_MS).unref(),
        ),
      ]);
      res.json({ status: 'ready', store: services.store.kind, ms: Date.now() - t0 });
    } catch (e) {
      res
        .status(503)
        .json({ status: 'unavailable', store: services.store.kind, error: (e as Error).message });
    }
  });
  return router;
}
