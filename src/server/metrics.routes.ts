import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../config';
import type { Metrics } from './metrics';

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * `GET /metrics` in Prometheus text format. With `METRICS_TOKEN` set it needs
 * `Authorization: Bearer <token>`; without it, it is open in development and closed (404)
 * in production.
 */
export function metricsRoutes(
  metrics: Metrics,
  config: Pick<Config, 'production' | 'METRICS_TOKEN'>,
): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const token = config.METRICS_TOKEN;
    if (!token && config.production) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    if (token) {
      const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer')
          .json({ error: 'A valid metrics token is required' });
        return;
      }
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
