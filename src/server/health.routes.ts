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
 * writes (a store that can only read is not ready: 503 with `writable: false` and the reason).
 */
export function healthRoutes(services: Pick<Services, 'store'>): Router {
  const router = Router();
  const started = Date.now();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/readyz', async (_req, res) => {
    const t0 = Date.now();
    const store = services.store.kind;
    try {
      await within(services.store.ping(), 'store ping');
    } catch (e) {
      return void res.status(503).json({ status: 'unavailable', store, error: (e as Error).message });
    }
    try {
      await within(services.store.checkWritable(), 'store write check');
    } catch (e) {
      return void res
        .status(503)
        .json({ status: 'unavailable', store, writable: false, error: (e as Error).message });
    }
    res.json({ status: 'ready', store, writable: true, ms: Date.now() - t0 });
  });
  return router;
}
