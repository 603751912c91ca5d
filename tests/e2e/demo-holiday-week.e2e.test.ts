/**
 * The demo site seeded for week 2027-03-22 (Good Friday 2027-03-26 closed by its holiday
 * calendar, Wednesday appointments, some leave), planned over HTTP by the real server: the
 * job service loads master data, closure and credited minimums from the store, HiGHS solves
 * and the checker passes. The requirement is passed in, all zero (contract minimums alone
 * make a week infeasible), so no forecast is needed. Until 2026-12-04 this job FAILED with
 * staff-0027 and staff-0100 below their minimums (tests/unit/seed/demo-weeks.test.ts).
 */
import { seedDemo } from '../../src/seed/demo-seed';
import { expectOk } from '../helpers/expect-ok';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { GENERATE } from '../integration/rostering/roster.seed';

const WEEK = '2027-03-22';

interface StaffIssue {
  staffId: string;
  code: string | null;
  minHoursWeek: number | null;
  reachableHours: number | null;
  reason: string;
}
interface Job {
  state: string;
  error: string | null;
  notes: string[];
  rosterId: string | null;
  diagnosis: { staff: StaffIssue[] } | null;
}

const JOB = /* GraphQL */ `
  query ($id: ID!) {
    rosterJob(id: $id) {
      state
      error
      notes
      rosterId
      diagnosis {
        staff {
          staffId
          code
          minHoursWeek
          reachableHours
          reason
        }
      }
    }
  }
`;

describe('demo week 2027-03-22 over HTTP', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({
      seed: async (s) => {
        await seedDemo(s, { anchorDate: WEEK, history: false });
      },
    });
    token = await t.login('manager');
  }, 60_000);
  afterAll(() => t.close());

  /** generateRoster of the week against an all-zero requirement, followed to its end. */
  async function plan(): Promise<Job> {
    const options = {
      timeLimitSeconds: 30,
      relativeGap: 0.05,
      intervalMinutes: 60,
      requirements: ['calls', 'emails', 'outbound'].map((skill) => ({
        skill,
        values: new Array<number>(7 * 24).fill(0),
      })),
    };
    const started = expectOk(
      await t.gql<{ generateRoster: { id: string } }>(GENERATE, { week: WEEK, options }, token),
    );
    const id = started.generateRoster.id;
    await t.services.rosterJobs.settled(id);
    return expectOk(await t.gql<{ rosterJob: Job }>(JOB, { id }, token)).rosterJob;
  }

  it('is rostered with nobody on Good Friday and every credited minimum met', async () => {
    const job = await plan();
    expect(job).toMatchObject({ state: 'SUCCEEDED', error: null, diagnosis: null });
    expect(job.notes).toEqual(
      expect.arrayContaining([
        'site closed on 2027-03-26: nobody is rostered on those days',
        'staff E0027: minimum hours 8 → 2.66 for 2 days of absence or closure (2027-03-24, 2027-03-26)',
        'staff E0100: minimum hours 30 → 18 for 2 days of absence or closure (2027-03-24, 2027-03-26)',
      ]),
    );
    const { roster } = expectOk(
      await t.gql<{
        roster: {
          friday: unknown[];
          kpis: { staff: { staffId: string; paidHours: number; minHoursWeek: number }[] };
        };
      }>(
        `query ($id: ID!) { roster(id: $id) { friday: assignments(date: "2027-03-26") { staffId }
           kpis { staff { staffId paidHours minHoursWeek } } } }`,
        { id: job.rosterId },
        token,
      ),
    );
    expect(roster.friday).toEqual([]);
    const hours = (id: string) => roster.kpis.staff.find((s) => s.staffId === id);
    expect(hours('staff-0027')!.minHoursWeek).toBe(2.66);
    expect(hours('staff-0100')!.minHoursWeek).toBe(18);
    expect(roster.kpis.staff.filter((s) => s.paidHours < s.minHoursWeek - 1e-6)).toEqual([]);
  }, 120_000);

  it('names the person and the numbers when no rule can meet a minimum', async () => {
    // Monday cut to 08:00–11:00 in the weekly pattern (not an absence: nothing credited; no
    // shift fits it, the 4 h part-time morning 08:00–12:00 neither): staff-0100 keeps Tue and
    // Thu, 2 × 7.5 h against the week's 18 h
    const current = await t.services.availability.get('staff-0100');
    const input = {
      weekly: current.weekly.map((w) => (w.dayOfWeek === 1 ? { ...w, to: '11:00' } : w)),
      exceptions: current.exceptions.map(({ date, available, from, to, reason }) => ({
        date,
        available,
        from,
        to,
        reason,
      })),
    };
    expectOk(
      await t.gql(
        `mutation ($input: AvailabilityInput!) { setAvailability(staffId: "staff-0100", input: $input) { staffId } }`,
        { input },
        token,
      ),
    );
    const job = await plan();
    expect(job).toMatchObject({ state: 'FAILED', error: 'Minimum hours cannot be met', rosterId: null });
    expect(job.diagnosis!.staff).toEqual([
      {
        staffId: 'staff-0100',
        code: 'MIN_HOURS_ABOVE_SHIFTS',
        minHoursWeek: 18,
        reachableHours: 15,
        reason:
          'Ella Sato (staff-0100): minimum 18 h this week exceeds the 15 h they can work (shifts fit Tue 7.5 h, Thu 7.5 h; at most 5 days, 37.5 h)',
      },
    ]);
  }, 120_000);
});
