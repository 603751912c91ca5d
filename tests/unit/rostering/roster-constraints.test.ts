/**
 * One test per constraint family: solved with the family the checker (or the roster)
 * shows the rule holding; solved without it, the rule is broken.
 */
import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { demand, person, problem, rules, solveModel, who } from './roster.fixtures';

describe('addCoverageRows', () => {
  const p = problem({
    requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
  });

  it('covers the requirement when present and leaves it uncovered when removed', async () => {
    const on = await solveModel(p);
    expect(who(on)).toEqual(['a@2025-03-03:day']);
    expect(on.warnings.filter((w) => w.kind === 'UNDER_COVER')).toEqual([]);
    const off = await solveModel(p, { disable: ['coverage'] });
    expect(off.assignments).toEqual([]);
    expect(off.warnings.map((w) => w.kind)).toContain('UNDER_COVER');
  });

  it('adds one row per covered or required interval with under/over slack', () => {
    const m = buildRosterModel(parseRosterProblem(p));
    const cov = m.milp.rows.filter((r) => r.name.startsWith('cov_'));
    // Monday 06:00–22:00 is coverable by some template: 16 rows on each of 7 days.
    expect(cov).toHaveLength(16 * 7);
  });
});

describe('addOneShiftPerDayRows', () => {
  it('stops the cheapest person from working two shifts on one day', async () => {
    const p = problem({
      staff: [person('a', 10), person('b', 30)],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 6, to: 22, n: 1 }]) }],
    });
    const on = await solveModel(p);
    expect(on.assignments.map((a) => a.staffId).sort()).toEqual(['a', 'b']);
    expect(on.violations).toEqual([]);
    const off = await solveModel(p, { disable: ['oneShiftPerDay'] });
    expect(off.assignments.map((a) => a.staffId)).toEqual(['a', 'a']);
    expect(rules(off)).toEqual(['ONE_SHIFT_PER_DAY', 'REST']);
  });
});

describe('addRestRows', () => {
  const base = {
    staff: [person('a', 10), person('b', 30)],
    requirements: [
      {
        skill: 'calls',
        values: demand([
          { day: 0, from: 14, to: 22, n: 1 },
          { day: 1, from: 6, to: 14, n: 1 },
        ]),
      },
    ],
  };

  it('keeps 11 h between a late and the next early shift', async () => {
    const on = await solveModel(problem(base));
    expect(on.violations).toEqual([]);
    expect(who(on)).toHaveLength(2);
    expect(new Set(on.assignments.map((a) => a.staffId)).size).toBe(2);
    const off = await solveModel(problem(base), { disable: ['rest'] });
    expect(rules(off)).toEqual(['REST']);
  });

  it('counts rest from previousWeek.lastShiftEnd', async () => {
    const p = problem({
      staff: [person('a', 10, { previousWeek: { lastShiftEnd: '2025-03-02T23:00' } }), person('b', 30)],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 6, to: 14, n: 1 }]) }],
    });
    expect(who(await solveModel(p))).toEqual(['b@2025-03-03:early']);
    const off = await solveModel(p, { disable: ['rest'] });
    expect(who(off)).toEqual(['a@2025-03-03:early']);
    expect(rules(off)).toEqual(['REST']);
  });
});

describe('addContractHoursRows', () => {
  it('caps paid hours at maxHoursWeek', async () => {
    const p = problem({
      staff: [person('a', 10, { maxHoursWeek: 8 }), person('b', 30)],
      requirements: [
        { skill: 'calls', values: demand([0, 1].map((day) => ({ day, from: 8, to: 16, n: 1 }))) },
      ],
    });
    expect((await solveModel(p)).violations).toEqual([]);
    expect(rules(await solveModel(p, { disable: ['contractHours'] }))).toEqual(['MAX_HOURS']);
  });

  it('enforces minHoursWeek even beyond the requirement', async () => {
    const p = problem({
      staff: [person('a', 10, { minHoursWeek: 16 })],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
    });
    const on = await solveModel(p);
    expect(on.violations).toEqual([]);
    expect(on.assignments).toHaveLength(2);
    expect(rules(await solveModel(p, { disable: ['contractHours'] }))).toEqual(['MIN_HOURS']);
  });
});

describe('addMaxDaysRows', () => {
  it('limits working days to maxDaysWeek', async () => {
    const p = problem({
      staff: [person('a', 10, { maxDaysWeek: 1 }), person('b', 30)],
      requirements: [
        { skill: 'calls', values: demand([0, 2].map((day) => ({ day, from: 8, to: 16, n: 1 }))) },
      ],
    });
    const on = await solveModel(p);
    expect(on.violations).toEqual([]);
    expect(on.assignments.filter((a) => a.staffId === 'a')).toHaveLength(1);
    expect(rules(await solveModel(p, { disable: ['maxDays'] }))).toEqual(['MAX_DAYS']);
  });
});

describe('addConsecutiveDaysRows', () => {
  it('counts the consecutive days worked at the end of the previous week', async () => {
    const p = problem({
      staff: [
        person('a', 10, { maxConsecutiveDays: 2, previousWeek: { consecutiveDaysWorked: 2 } }),
        person('b', 30),
      ],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
    });
    expect(who(await solveModel(p))).toEqual(['b@2025-03-03:day']);
    expect(rules(await solveModel(p, { disable: ['consecutiveDays'] }))).toEqual(['MAX_CONSECUTIVE_DAYS']);
  });

  it('limits runs inside the week', async () => {
    const p = problem({
      staff: [person('a', 10, { maxConsecutiveDays: 3 }), person('b', 30)],
      requirements: [
        { skill: 'calls', values: demand([0, 1, 2, 3].map((day) => ({ day, from: 8, to: 16, n: 1 }))) },
      ],
    });
    expect((await solveModel(p)).assignments.filter((a) => a.staffId === 'a')).toHaveLength(3);
    expect(rules(await solveModel(p, { disable: ['consecutiveDays'] }))).toEqual(['MAX_CONSECUTIVE_DAYS']);
  });
});

const softOptions = (penalties: Record<string, number>) => ({
  timeLimitSeconds: 10,
  relativeGap: 0,
  penalties: { contractDeviation: 0, weekendFairness: 0, preference: 0, ...penalties },
});

describe('addContractDeviationTerms', () => {
  it('gives hours to the person below target', async () => {
    const p = problem({
      staff: [person('a', 10.5, { targetHoursWeek: 8 }), person('b', 10, { targetHoursWeek: 0 })],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
      options: softOptions({ contractDeviation: 2 }),
    });
    expect(who(await solveModel(p))).toEqual(['a@2025-03-03:day']);
    expect(who(await solveModel(p, { disable: ['contractDeviation'] }))).toEqual(['b@2025-03-03:day']);
  });
});

describe('addWeekendFairnessTerms', () => {
  it('spreads weekend shifts', async () => {
    const p = problem({
      staff: [person('a', 10), person('b', 11)],
      requirements: [
        { skill: 'calls', values: demand([5, 6].map((day) => ({ day, from: 8, to: 16, n: 1 }))) },
      ],
      options: softOptions({ weekendFairness: 20 }),
    });
    const on = await solveModel(p);
    expect(on.assignments.map((a) => a.staffId).sort()).toEqual(['a', 'b']);
    const off = await solveModel(p, { disable: ['weekendFairness'] });
    expect(off.assignments.map((a) => a.staffId)).toEqual(['a', 'a']);
  });
});

describe('addPreferenceTerms', () => {
  it('avoids undesired days when the price difference is small', async () => {
    const p = problem({
      staff: [person('a', 10, { preferences: { undesiredDays: [1] } }), person('b', 10.5)],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
      options: softOptions({ preference: 5 }),
    });
    const on = await solveModel(p);
    expect(who(on)).toEqual(['b@2025-03-03:day']);
    expect(on.warnings.filter((w) => w.kind === 'PREFERENCE')).toEqual([]);
    const off = await solveModel(p, { disable: ['preferences'] });
    expect(who(off)).toEqual(['a@2025-03-03:day']);
    expect(off.warnings.map((w) => w.kind)).toEqual(['PREFERENCE']);
  });
});
