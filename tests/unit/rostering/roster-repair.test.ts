/**
 * The repair family (addFixedAssignmentRows) pinned without the solver, then a few whole
 * solves; and the conflict finder on each kind of change.
 */
import { findConflicts } from '../../../src/rostering/roster-conflicts.core';
import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { FixedAssignments } from '../../../src/rostering/milp/roster-repair';
import { solveRepair } from '../../../src/rostering/roster-repair-solver';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { demand, person, problem, solveModel, who } from './roster.fixtures';

const TUESDAY = '2025-03-04';
const early = (staffId: string, date: string): RosterAssignment => ({
  staffId,
  date,
  shiftTemplateId: 'early',
  start: `${date}T06:00:00`,
  end: `${date}T14:00:00`,
  skill: 'calls',
  breaks: [],
});
const PUBLISHED = [early('a', '2025-03-03'), early('a', TUESDAY)];

/** a (10/h) and b (30/h), one early template, one agent 08–12 on Monday and Tuesday. */
const week = (a = person('a', 10), b = person('b', 30)) =>
  problem({
    staff: [a, b],
    shiftTemplates: [problem().shiftTemplates[0]],
    requirements: [
      {
        skill: 'calls',
        values: demand([
          { day: 0, from: 8, to: 12, n: 1 },
          { day: 1, from: 8, to: 12, n: 1 },
        ]),
      },
    ],
  });
/** After publishing, a takes leave on Tuesday. */
const onLeave = () => week(person('a', 10, { unavailableDates: [TUESDAY] }));
const fixed = (over: Partial<FixedAssignments> = {}): FixedAssignments => ({
  published: PUBLISHED,
  freeDays: [1],
  freeStaff: [],
  personChangeCost: 100,
  assignmentChangeCost: 50,
  ...over,
});

describe('addFixedAssignmentRows', () => {
  it('fixes kept shifts, closes other fixed days and prices changes on the free day', () => {
    const m = buildRosterModel(parseRosterProblem(onLeave()), { fixed: fixed() });
    const rows = (prefix: string) => m.milp.rows.filter((r) => r.name.startsWith(prefix));
    const col = (name: string) => m.milp.columns.find((c) => c.name === name)!;
    // a keeps Monday (x = 1); a's other days and all of b's fixed days stay off
    expect(rows('fix_').map((r) => [r.name.split('_').slice(0, 3).join('_'), r.lower, r.upper])).toEqual([
      ['fix_0_0', 1, 1],
    ]);
    expect(rows('off_0_').map((r) => r.name)).toEqual([
      'off_0_2',
      'off_0_3',
      'off_0_4',
      'off_0_5',
      'off_0_6',
    ]);
    expect(rows('off_1_').map((r) => r.name)).toEqual([
      'off_1_0',
      'off_1_2',
      'off_1_3',
      'off_1_4',
      'off_1_5',
      'off_1_6',
    ]);
    // b's Tuesday is the only free choice: z_b ≥ x
    const chg = rows('chg_');
    expect(chg).toHaveLength(1);
    expect(chg[0].values).toEqual([1, -1]);
    expect([chg[0].lower, chg[0].upper]).toEqual([0, Infinity]);
    // a's lost Tuesday is a change for sure: z_a fixed at 1, one dropped shift in the constant
    expect(col('zchg_0')).toMatchObject({ lower: 1, upper: 1, cost: 100 });
    expect(col('zchg_1')).toMatchObject({ lower: 0, upper: 1, cost: 100 });
    expect(col('chg_base')).toMatchObject({ lower: 1, upper: 1, cost: 50 });
  });

  it('repairs the day of leave with b and prices the change exactly', async () => {
    const run = await solveModel(onLeave(), { fixed: fixed() });
    expect(who(run)).toEqual(['a@2025-03-03:early', 'b@2025-03-04:early']);
    expect(run.violations).toEqual([]);
    // labour 8·10 + 8·30, over-cover 2 × 4 agent-hours × 1, 2 people × 100, 2 shifts × 50
    expect(run.objective).toBeCloseTo(80 + 240 + 8 + 200 + 100, 6);
  });

  it('binds: with no free day the gap stays open rather than moving anyone', async () => {
    const run = await solveModel(onLeave(), { fixed: fixed({ freeDays: [] }) });
    expect(who(run)).toEqual(['a@2025-03-03:early']);
    expect(run.warnings.map((w) => w.kind)).toContain('UNDER_COVER');
  });

  it('keeps unchanged shifts even when dropping one would be cheaper', async () => {
    // without leave nothing needs to change: the published roster comes back as it was
    const run = await solveModel(week(), { fixed: fixed({ freeDays: [0, 1, 2, 3, 4, 5, 6] }) });
    expect(who(run)).toEqual(['a@2025-03-03:early', 'a@2025-03-04:early']);
  });
});

describe('solveRepair', () => {
  it('opens the conflicted person’s week when the free days alone are infeasible', async () => {
    // a's contract now needs 24 h; a works Monday and Tuesday (MIN_HOURS, reported on Tuesday)
    const p = week(person('a', 10, { minHoursWeek: 24 }));
    const { result, widened } = await solveRepair({
      problem: p,
      published: PUBLISHED,
      freeDays: [1],
      freeStaff: [],
      conflictStaff: ['a'],
      timeLimitSeconds: 10,
      relativeGap: 0,
    });
    expect(widened).toBe(true);
    expect(result.status).toBe('OPTIMAL');
    expect(result.violations).toEqual([]);
    expect(result.assignments.filter((x) => x.staffId === 'a')).toHaveLength(3);
  });
});

describe('findConflicts', () => {
  const current = (a: Parameters<typeof person>[2]) => parseRosterProblem(week(person('a', 10, a)));

  it('flags the shift on a day of leave with the note', () => {
    const found = findConflicts(current({ unavailableDates: [TUESDAY] }), PUBLISHED, ['a'], () => 'sick');
    expect(found.map((f) => [f.assignment.date, f.rule])).toEqual([[TUESDAY, 'AVAILABILITY']]);
    expect(found[0].reason).toMatch(/not available for the whole shift; sick$/);
  });

  it('flags a weekly-window change that no longer covers the shift', () => {
    const windows = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({
      dayOfWeek,
      from: dayOfWeek === 1 ? '10:00' : '00:00',
      to: '24:00',
    }));
    expect(
      findConflicts(current({ availability: windows }), PUBLISHED, ['a']).map((f) => f.assignment.date),
    ).toEqual(['2025-03-03']);
  });

  it('flags a contract change on the last shift of the week', () => {
    const found = findConflicts(current({ maxDaysWeek: 1 }), PUBLISHED, ['a']);
    expect(found.map((f) => [f.assignment.date, f.rule])).toEqual([[TUESDAY, 'MAX_DAYS']]);
  });

  it('flags a skill removed from the person', () => {
    const found = findConflicts(current({ skills: ['email'] }), PUBLISHED, ['a']);
    expect(found.map((f) => f.rule)).toEqual(['SKILL', 'SKILL']);
  });

  it('flags every shift of a person who is no longer active', () => {
    const p = parseRosterProblem(week());
    const without = { ...p, staff: p.staff.filter((s) => s.id !== 'a') };
    expect(findConflicts(without, PUBLISHED, ['a']).map((f) => f.rule)).toEqual([
      'STAFF_INACTIVE',
      'STAFF_INACTIVE',
    ]);
  });

  it('finds nothing when current data still admits the roster', () => {
    expect(findConflicts(current({}), PUBLISHED, ['a', 'b'])).toEqual([]);
  });
});
