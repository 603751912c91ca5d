/**
 * The site's KPI baselines and targets on /metrics, scraped from the real server over HTTP: one
 * sample per KPI in each of `shiftcast_scheduling_kpi_baseline` and `_target`, labelled with the
 * KPI, its unit and its direction, served beside the KPI gauges themselves and the same numbers
 * `schedulingKpis { targets }` serves.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startTestApp, type TestApp } from '../helpers/test-app';

// a site's own figures, none of them the defaults
const SITE = {
  KPI_SUCCESS_RATE_BASELINE: '0.6',
  KPI_SUCCESS_RATE_TARGET: '0.75',
  KPI_WORKLOAD_BALANCE_BASELINE: '3.5',
  KPI_WORKLOAD_BALANCE_TARGET: '2.25',
  KPI_INTERVENTION_RATE_BASELINE: '0.4',
  KPI_INTERVENTION_RATE_TARGET: '0.15',
};

describe('KPI baselines and targets on /metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: SITE });
  });
  afterAll(() => t.close());

  it('are gauges labelled by KPI, unit and direction, beside the KPI gauges', async () => {
    const res = await fetch(`${t.app.url}/metrics`);
    expect(res.status).toBe(200);
    const families = new Map(parsePrometheusTextFormat(await res.text()).map((f) => [f.name, f]));
    const samples = (name: string) => {
      const family = families.get(name);
      expect(family?.type).toBe('GAUGE');
      return (family?.metrics ?? [])
        .map((m): Record<string, string | number> => ({ ...m.labels, value: Number(m.value) }))
        .sort((a, b) => String(a.kpi).localeCompare(String(b.kpi)));
    };
    expect(samples('shiftcast_scheduling_kpi_baseline')).toEqual([
      { kpi: 'intervention_rate', unit: 'ratio', direction: 'lower_is_better', value: 0.4 },
      { kpi: 'success_rate', unit: 'ratio', direction: 'higher_is_better', value: 0.6 },
      { kpi: 'workload_balance', unit: 'hours', direction: 'lower_is_better', value: 3.5 },
    ]);
    expect(samples('shiftcast_scheduling_kpi_target')).toEqual([
      { kpi: 'intervention_rate', unit: 'ratio', direction: 'lower_is_better', value: 0.15 },
      { kpi: 'success_rate', unit: 'ratio', direction: 'higher_is_better', value: 0.75 },
      { kpi: 'workload_balance', unit: 'hours', direction: 'lower_is_better', value: 2.25 },
    ]);
    // the figures they judge are served by the same scrape
    for (const name of [
      'shiftcast_scheduling_success_ratio',
      'shiftcast_scheduling_workload_balance_hours',
      'shiftcast_scheduling_intervention_ratio',
    ])
      expect(families.has(name)).toBe(true);

    // the same numbers the API serves
    const token = await t.login('manager');
    const answer = await t.gql<{
      schedulingKpis: { targets: Record<string, { baseline: number; target: number }> };
    }>(
      `{ schedulingKpis(from: "2026-11-02", to: "2026-11-02") { targets {
        successRate { baseline target } workloadBalance { baseline target } interventionRate { baseline target }
      } } }`,
      {},
      token,
    );
    expect(answer.data!.schedulingKpis.targets).toEqual({
      successRate: { baseline: 0.6, target: 0.75 },
      workloadBalance: { baseline: 3.5, target: 2.25 },
      interventionRate: { baseline: 0.4, target: 0.15 },
    });
  });
});
