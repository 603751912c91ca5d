/**
 * Break placement in the MILP (addBreakRows + coverage net of breaks), pinned without the
 * solver on a two-person fixture, then solved: people on the same shift stagger their breaks.
 */
import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { solveRoster } from '../../../src/rostering/roster-solver';
import { roundCounts } from '../../../src/rostering/milp/roster-solution';
import { demand, person, problem, solveModel } from './roster.fixtures';

const twoOnOneShift = problem({
  staff: [person('a', 10), person('b', 12)],
  shiftTemplates: [
    {
      id: 'day',
      start: '08:00',
      durationMinutes: 480,
      breaks: [{ durationMinutes: 60, paid: false, earliestStartMinutes: 180, latestStartMinutes: 300 }],
      daysOfWeek: [1],
      skills: ['calls'],
    },
  ],
  requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
});

describe('addBreakRows', () => {
  const m = buildRosterModel(parseRosterProblem(twoOnOneShift));
  const col = (name: string): number => m.milp.columns.findIndex((c) => c.name === name);
  const row = (name: string) => m.milp.rows.find((r) => r.name === name)!;
  const terms = (name: string): Record<string, number> => {
    const r = row(name);
    return Object.fromEntries(r.indices.map((c, i) => [m.milp.columns[c].name, r.values[i]]));
  };

  it('adds one count column per grid start in the window, bounded by the group size', () => {
    // 60-minute grid, window +3 h…+5 h from 08:00: starts 11:00, 12:00, 13:00.
    expect(m.breakCols.map((y) => y.start)).toEqual([11 * 60, 12 * 60, 13 * 60]);
    expect(m.milp.columns.filter((c) => c.name.startsWith('y_'))).toEqual(
      [0, 1, 2].map((j) => ({ name: `y_0_0_0_0_${j}`, kind: 'continuous', cost: 0, lower: 0, upper: 2 })),
    );
    expect(m.breakColumns).toBe(3);
  });

  it('chooses exactly one start per person: Σ y − n = 0', () => {
    expect(terms('brk_0_0_0_0')).toEqual({ y_0_0_0_0_0: 1, y_0_0_0_0_1: 1, y_0_0_0_0_2: 1, n_0_0_0: -1 });
    expect([row('brk_0_0_0_0').lower, row('brk_0_0_0_0').upper]).toEqual([0, 0]);
    expect(terms('link_0_0_0')).toEqual({ n_0_0_0: 1, x_0_0_0_0: -1, x_1_0_0_0: -1 });
  });

  it('subtracts the breaks covering an interval from its coverage row', () => {
    expect(terms('cov_0_12')).toEqual({ n_0_0_0: 1, y_0_0_0_0_1: -1, u_0_12: 1, o_0_12: -1 });
    expect(terms('cov_0_9')).toEqual({ n_0_0_0: 1, u_0_9: 1, o_0_9: -1 });
    expect(col('y_0_0_0_0_2')).toBeGreaterThan(col('n_0_0_0'));
  });

  it('staggers the breaks of two people so the interval is never left empty', async () => {
    const on = await solveModel(twoOnOneShift);
    expect(on.assignments.map((a) => a.staffId).sort()).toEqual(['a', 'b']);
    const starts = on.assignments.map((a) => a.breaks[0].start).sort();
    expect(new Set(starts).size).toBe(2);
    expect(on.warnings.filter((w) => w.kind === 'UNDER_COVER')).toEqual([]);
    expect(on.violations).toEqual([]);
    // Without break variables the model counts gross coverage: one person, and the checker
    // (net of the break at its middle start) sees the hour nobody covers.
    const off = await solveModel(twoOnOneShift, { disable: ['breaks'] });
    expect(off.assignments).toHaveLength(1);
    expect(off.warnings.map((w) => w.kind)).toContain('UNDER_COVER');
  });

  it('places two breaks per shift (paid and unpaid) and pays the paid one', async () => {
    const input = {
      ...twoOnOneShift,
      shiftTemplates: [
        {
          ...twoOnOneShift.shiftTemplates[0],
          breaks: [
            { durationMinutes: 60, paid: true, earliestStartMinutes: 60, latestStartMinutes: 120 },
            { durationMinutes: 60, paid: false, earliestStartMinutes: 240, latestStartMinutes: 360 },
          ],
        },
      ],
    };
    const r = await solveRoster(input, { relativeGap: 0 });
    expect(r.status).toBe('OPTIMAL');
    expect(r.violations).toEqual([]);
    for (const a of r.assignments) expect(a.breaks.map((b) => b.paid)).toEqual([true, false]);
    expect(r.kpis!.staff.map((s) => s.paidHours)).toEqual([7, 7]);
    expect(r.kpis!.skills[0].coveragePercent).toBe(100);
  });
});

describe('roundCounts', () => {
  it('keeps whole counts and deals split ones by largest remainder', () => {
    expect(roundCounts([2, 0, 1], 3)).toEqual([2, 0, 1]);
    expect(roundCounts([0.5, 1.5, 1], 3)).toEqual([1, 1, 1]);
    expect(roundCounts([0.2, 1.7, 0.1], 2)).toEqual([0, 2, 0]);
    expect(roundCounts([0.4, 0.35, 0.25], 1)).toEqual([1, 0, 0]);
    expect(roundCounts([1.0000001, 0.9999999], 2)).toEqual([1, 1]);
  });
});

describe('solveRoster progress and source', () => {
  it('reports the greedy start as the first solve event and names the roster it returns', async () => {
    const events: { phase: string; objective: number | null }[] = [];
    const r = await solveRoster(twoOnOneShift, { onProgress: (e) => events.push(e) });
    const firstSolve = events.find((e) => e.phase === 'solve');
    expect(firstSolve!.objective).toBeCloseTo(r.greedyObjective!, 6);
    if (r.source === 'GREEDY') expect(r.objective).toBeCloseTo(r.greedyObjective!, 6);
    else expect(r.objective).toBeCloseTo(r.milpObjective!, 6);
    expect(r.gap).toBe(0);
    expect(r.timing.phases.map((p) => p.phase)).toEqual(['validate', 'heuristic', 'build', 'solve', 'check']);
  });
});
