import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Metrics } from '../../src/server/metrics';
import { metricsRoutes } from '../../src/server/metrics.routes';
import { quietSources } from '../helpers/quiet-metrics';

const TOKEN = 'metrics-token-0123456789';

async function serve(config: { production: boolean; METRICS_TOKEN: string | undefined }) {
  const metrics = new Metrics(quietSources());
  const app = express().use(metricsRoutes(metrics, config));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('/metrics access', () => {
  it('is closed in production when no METRICS_TOKEN is set', async () => {
    const s = await serve({ production: true, METRICS_TOKEN: undefined });
    try {
      expect((await fetch(s.url)).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const s = await serve({ production: true, METRICS_TOKEN: TOKEN });
    try {
      expect((await fetch(s.url)).status).toBe(401);
      expect((await fetch(s.url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
      const ok = await fetch(s.url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await ok.text()).toMatch(/^# HELP nodejs_eventloop_lag_seconds /m);
    } finally {
      await s.close();
    }
  });

  it('is open in development without a token', async () => {
    const s = await serve({ production: false, METRICS_TOKEN: undefined });
    try {
      expect((await fetch(s.url)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('scheduling KPI gauges', () => {
  it('share one KPI computation per scrape and show only the KPIs that have a value', async () => {
    let calls = 0;
    const metrics = new Metrics(
      quietSources({
        schedulingKpis: async () => {
          calls += 1;
          return { successRate: 0.9, workloadBalance: 2, interventionRate: null, fallbackRate: 0.1 };
        },
      }),
    );
    const text = await metrics.registry.metrics();
    expect(calls).toBe(1);
    expect(text).toMatch(/^shiftcast_scheduling_success_ratio\{weeks="8"\} 0\.9$/m);
    expect(text).toMatch(/^shiftcast_scheduling_workload_balance_hours\{weeks="8"\} 2$/m);
    expect(text).toMatch(/^shiftcast_scheduling_fallback_ratio\{weeks="8"\} 0\.1$/m);
    expect(text).not.toMatch(/^shiftcast_scheduling_intervention_ratio\{/m);
    await metrics.registry.metrics();
    expect(calls).toBe(2);
  });
});
