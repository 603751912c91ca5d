import { loadConfig } from '../../../src/config';
import { kpiTargets } from '../../../src/ranking/kpi-targets.core';
import { Metrics, type MetricSources } from '../../../src/server/metrics';

const sources = (calls: { kpis: number }): MetricSources => ({
  depth: async () => ({ forecast: { waiting: 2, active: 1 } }),
  backtestMase: async () => [
    { channel: 'voice', mase: 0.8 },
    { channel: 'chat', mase: Number.NaN },
  ],
  schedulingKpis: async () => {
    calls.kpis += 1;
    return { successRate: 0.5, workloadBalance: 1.25, interventionRate: null, fallbackRate: 0 };
  },
  kpiTargets: kpiTargets(loadConfig({})),
});

describe('Metrics', () => {
  it('declares every metric once, with its labels and buckets', async () => {
    const metrics = new Metrics(sources({ kpis: 0 }));
    metrics.httpDuration.observe({ method: 'GET', route: '/health', status: '200' }, 0.02);
    metrics.solverGap.observe(0.003);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'shiftcast_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/health",status="200"} 1',
    );
    expect(text).toContain('shiftcast_solver_gap_bucket{le="0.005"} 1');
    for (const name of ['graphql_operations_total', 'graphql_errors_total', 'websocket_subscriptions_active'])
      expect(text).toContain(`# TYPE shiftcast_${name} `);
  });

  it('collects the gauges on a scrape, leaving out null and non-finite values', async () => {
    const calls = { kpis: 0 };
    const text = await new Metrics(sources(calls)).registry.metrics();
    expect(text).toContain('shiftcast_job_queue_depth{kind="forecast",state="waiting"} 2');
    expect(text).toContain('shiftcast_job_queue_depth{kind="forecast",state="active"} 1');
    expect(text).toContain('shiftcast_forecast_backtest_mase{channel="voice"} 0.8');
    expect(text).not.toContain('shiftcast_forecast_backtest_mase{channel="chat"}');
    expect(text).toMatch(/shiftcast_scheduling_workload_balance_hours\{weeks="\d+"\} 1.25/);
    expect(text).toMatch(/shiftcast_scheduling_fallback_ratio\{weeks="\d+"\} 0/);
    expect(text).not.toMatch(/shiftcast_scheduling_intervention_ratio\{/);
    expect(calls.kpis).toBe(1);
  });

  it('serves each KPI baseline and target with its unit and direction, without a scrape-time source', async () => {
    const calls = { kpis: 0 };
    const text = await new Metrics(sources(calls)).registry.metrics();
    const line = (name: string, kpi: string, unit: string, direction: string, value: number) =>
      `shiftcast_scheduling_kpi_${name}{kpi="${kpi}",unit="${unit}",direction="${direction}"} ${value}`;
    for (const [name, values] of [
      ['baseline', [0.85, 2.5, 0.3]],
      ['target', [0.9, 2, 0.21]],
    ] as const) {
      expect(text).toContain(`# TYPE shiftcast_scheduling_kpi_${name} gauge`);
      expect(text).toContain(line(name, 'success_rate', 'ratio', 'higher_is_better', values[0]));
      expect(text).toContain(line(name, 'workload_balance', 'hours', 'lower_is_better', values[1]));
      expect(text).toContain(line(name, 'intervention_rate', 'ratio', 'lower_is_better', values[2]));
    }
  });
});
