/**
 * The HTTP latency histogram's `route` label: the route a request reached (a router mounted at
 * `/graphql` rewrites `req.url` inside it), and never a path a client made up — each distinct
 * label is a new histogram series (14 lines) kept for the life of the process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { Metrics } from '../../src/server/metrics';
import { quietSources } from '../helpers/quiet-metrics';

const metricsOf = () => new Metrics(quietSources());

/** The shape of app.ts: the timing middleware first, a router mounted at /graphql, a JSON 404. */
async function serve(metrics: Metrics) {
  const graphql = Router().post('/', (_req, res) => void res.json({ data: {} }));
  const app = express()
    .use(metrics.http())
    .get('/healthz', (_req, res) => void res.json({ status: 'ok' }))
    .use('/graphql', graphql)
    .use((_req, res) => void res.status(404).json({ error: 'Not found' }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
}

const routeLabels = async (metrics: Metrics): Promise<string[]> => {
  const text = await metrics.registry.metrics();
  const labels = [...text.matchAll(/shiftcast_http_request_duration_seconds_count\{[^}]*route="([^"]*)"/g)];
  return [...new Set(labels.map((m) => m[1] ?? ''))].sort();
};

describe('HTTP metrics route label', () => {
  it('labels a GraphQL POST /graphql, not /', async () => {
    const metrics = metricsOf();
    const s = await serve(metrics);
    try {
      expect((await fetch(`${s.base}/graphql`, { method: 'POST' })).status).toBe(200);
      expect((await fetch(`${s.base}/healthz?x=1`)).status).toBe(200);
      expect(await routeLabels(metrics)).toEqual(['/graphql', '/healthz']);
    } finally {
      await s.close();
    }
  });

  it('counts paths the server does not serve as one "other" route, however many there are', async () => {
    const metrics = metricsOf();
    const s = await serve(metrics);
    try {
      for (let i = 0; i < 50; i++) {
        const res = await fetch(`${s.base}/made-up-${i}/x`, { method: i % 2 ? 'GET' : 'POST' });
        expect(res.status).toBe(404);
      }
      await fetch(`${s.base}/graphql-${Date.now()}`, { method: 'POST' });
      await fetch(`${s.base}/%E2%98%83`);
      expect(await routeLabels(metrics)).toEqual(['other']);
      const series = (await metrics.registry.metrics()).match(
        /^shiftcast_http_request_duration_seconds_count/gm,
      );
      expect(series).toHaveLength(2); // GET and POST, status 404
    } finally {
      await s.close();
    }
  });
});
