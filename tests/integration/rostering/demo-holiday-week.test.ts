/**
 * The demo site seeded for week 2027-03-22 (Good Friday 2027-03-26 closed in its holiday
 * calendar, Wednesday appointments, some leave) is planned by the real job service from the
 * store: master data, holiday closure and credited minimums, a HiGHS solve and the checker.
 * The requirement is passed in (all zero: contract minimums alone can make a week
 * infeasible), so no forecast is needed. Until 2026-12-04 this job FAILED with staff-0027
 * and staff-0100 below their minimums (tests/unit/seed/demo-weeks.test.ts).
 */
import type { Viewer } from '../../../src/auth/request-context';
import { sum } from '../../../src/common/sum';
import { seedDemo } from '../../../src/seed/demo-seed';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';

const WEEK = '2027-03-22';
const zeros = new Array<number>(7 * 24).fill(0);

describe('demo week 2027-03-22', () => {
  let t: GqlApp;
  let viewer: Viewer;
  beforeAll(async () => {
    t = await createInProcessApp({
      seed: async (s) => {
        await seedDemo(s, { anchorDate: WEEK, history: false });
      },
    });
    const manager = await t.services.users.findByUsername('manager');
    viewer = { userId: manager!._id, username: 'manager', roles: manager!.roles, staffId: null };
  }, 60_000);
  afterAll(() => t.close());

  it('is rostered with nobody on Good Friday and every credited minimum met', async () => {
    const requirement = {
      intervalMinutes: 60,
      requirements: ['calls', 'emails', 'outbound'].map((skill) => ({ skill, values: zeros })),
    };
    const job = await t.services.rosterJobs.generate(
      WEEK,
      { timeLimitSeconds: 30, relativeGap: 0.05, requirement },
      viewer,
    );
    const final = await t.services.rosterJobs.settled(job._id);
    expect(final).toMatchObject({ state: 'SUCCEEDED', error: null, diagnosis: null });
    expect(final.notes).toEqual(
      expect.arrayContaining([
        'site closed on 2027-03-26: nobody is rostered on those days',
        'staff E0027: minimum hours 8 → 2.66 for 2 days of absence or closure (2027-03-24, 2027-03-26)',
        'staff E0100: minimum hours 30 → 18 for 2 days of absence or closure (2027-03-24, 2027-03-26)',
      ]),
    );
    const roster = await t.services.rosters.require(final.rosterId!);
    expect(roster.assignments.filter((a) => a.date === '2027-03-26')).toEqual([]);
    const paid = (id: string): number => roster.kpis.staff.find((s) => s.staffId === id)!.paidHours;
    // staff-0027 can work only Thursday's 4 h morning; staff-0100 Mon, Tue and Thu
    expect(paid('staff-0027')).toBeGreaterThanOrEqual(2.66);
    expect(paid('staff-0100')).toBeGreaterThanOrEqual(18);
    expect(sum(roster.kpis.staff, (s) => (s.paidHours < s.minHoursWeek - 1e-6 ? 1 : 0))).toBe(0);
  }, 120_000);
});
