/**
 * The scheduling KPIs on /metrics (read from the process's registry, in-process): computed on scrape over the last 8 weeks, from the rosters
 * and the labels recorded at publish time.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { Role } from '../../../src/auth/roles';
import { addDays, mondayOf, todayIn } from '../../../src/common/calendar';
import type { Viewer } from '../../../src/auth/request-context';
import { demoProblem } from '../../../src/ranking/simulated-manager.core';
import { SUCCESS_COVERAGE } from '../../../src/ranking/scheduling-kpis.core';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { solveRoster } from '../../../src/rostering/roster-solver';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';

const manager: Viewer = { userId: 'u-manager', username: 'manager', roles: [Role.MANAGER], staffId: null };
const GAUGES = [
  'shiftcast_scheduling_success_ratio',
  'shiftcast_scheduling_workload_balance_hours',
  'shiftcast_scheduling_intervention_ratio',
  'shiftcast_scheduling_fallback_ratio',
];

describe('scheduling KPIs on /metrics', () => {
  let t: GqlApp;

  beforeAll(async () => {
    t = await createInProcessApp();
  });
  afterAll(() => t.close());

  const scrape = async (): Promise<Map<string, number[]>> => {
    // the text /metrics serves (its route and access rule: tests/e2e/metrics-access.e2e.test.ts)
    const families = parsePrometheusTextFormat(await t.services.metrics.registry.metrics());
    return new Map(
      families
        .filter((f) => GAUGES.includes(f.name))
        .map((f) => [
          f.name,
          f.metrics.map((m) => {
            expect(m.labels).toEqual({ weeks: '8' });
            return Number((m as { value: string }).value);
          }),
        ]),
    );
  };

  /** A heuristic roster of the demo problem moved to `week`, stored with the given fallback rate. */
  const draft = async (week: string, fallbackRate: number) => {
    const problem = parseRosterProblem({ ...demoProblem(3), weekStart: week });
    const result = await solveRoster(problem, { heuristicOnly: true });
    const ranking = { path: 'RULES' as const, fallbackRate, modelId: null, reason: null };
    return t.services.rosters.storeDraft(problem, result, null, manager.userId, { ranking });
  };

  it('has the gauges without samples while nothing was generated', async () => {
    const gauges = await scrape();
    expect([...gauges.keys()].sort()).toEqual([...GAUGES].sort());
    for (const name of GAUGES) expect({ name, values: gauges.get(name) }).toEqual({ name, values: [] });
  });

  it('shows the KPIs of a roster published this week, not of one 8 weeks back', async () => {
    const thisWeek = mondayOf(todayIn(t.config.SITE_TIME_ZONE));
    await draft(addDays(thisWeek, -7 * 8), 1);
    const doc = await draft(thisWeek, 0.25);
    const first = doc.assignments[0];
    const to = first.shiftTemplateId === 'E' ? 'M' : 'E';
    await t.services.rosters.updateAssignment(
      doc._id,
      { action: 'MOVE', staffId: first.staffId, date: first.date, toShiftTemplateId: to },
      manager,
    );
    const published = await t.services.rosters.publish(doc._id, manager);

    // Workload balance: population std dev of |paid − target| hours over the published staff.
    const deviations = published.kpis.staff.map((s) => Math.abs(s.paidHours - s.targetHoursWeek));
    const m = deviations.reduce((a, b) => a + b, 0) / deviations.length;
    const balance = Math.sqrt(deviations.reduce((a, d) => a + (d - m) ** 2, 0) / deviations.length);

    const gauges = await scrape();
    // The one generated roster of the window met coverage as generated: a success, the
    // manager's move before publishing notwithstanding (it is an intervention).
    expect(published.generatedCoveragePercent!).toBeGreaterThanOrEqual(SUCCESS_COVERAGE);
    expect(gauges.get('shiftcast_scheduling_success_ratio')).toEqual([1]);
    // One assignment of the published roster was added by hand (the moved one).
    expect(gauges.get('shiftcast_scheduling_intervention_ratio')).toHaveLength(1);
    expect(gauges.get('shiftcast_scheduling_intervention_ratio')![0]).toBeCloseTo(
      1 / doc.assignments.length,
      12,
    );
    expect(gauges.get('shiftcast_scheduling_workload_balance_hours')).toHaveLength(1);
    expect(gauges.get('shiftcast_scheduling_workload_balance_hours')![0]).toBeCloseTo(balance, 9);
    expect(balance).toBeGreaterThan(0);
    // The roster 8 weeks back (fallback rate 1) is outside the window.
    expect(gauges.get('shiftcast_scheduling_fallback_ratio')).toEqual([0.25]);
  }, 60_000);
});
