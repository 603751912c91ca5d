/**
 * Every kind of staff change re-checks the published roster through the hooks the
 * rostering feature registers at start: a contract change, a weekly-window import and a
 * deactivation each leave the matching conflicts on the roster.
 */
import { addDays, mondayOf, todayIn } from '../../../src/common/calendar';
import type { RosterConflictInfo } from '../../../src/events/topics';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { GENERATE, generateVariables, seedRosterSite } from './roster.seed';
import { expectOk } from '../../helpers/expect-ok';

describe('conflicts after publishing, per kind of change', () => {
  let t: GqlApp;
  let rosterId: string;
  let shiftsOfA: string[];
  let manager: string;
  let week: string;

  const conflicts = async (): Promise<RosterConflictInfo[]> =>
    (await t.services.rosters.require(rosterId)).conflicts ?? [];

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: async (s) => {
        await seedRosterSite(s);
        // staff updates validate skills against the channels
        await s.channels.create({
          key: 'calls',
          name: 'Calls',
          kind: 'LIVE' as never,
          intervalMinutes: 60,
          ahtSeconds: 180,
          serviceLevel: { target: 0.8, answerSeconds: 20 },
          maxOccupancy: 1,
          shrinkage: 0,
          requiredSkill: 'calls',
          openingHours: [],
        });
      },
    });
    manager = await t.login('manager');
    week = addDays(mondayOf(todayIn(t.config.SITE_TIME_ZONE)), 7);
    const res = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(week), manager);
    rosterId = (await t.services.rosterJobs.settled(res.data!.generateRoster.id)).rosterId!;
    const pub = await t.gql(
      'mutation($id: ID!) { publishRoster(id: $id) { id } }',
      { id: rosterId },
      manager,
    );
    expectOk(pub);
    const doc = await t.services.rosters.require(rosterId);
    shiftsOfA = doc.assignments.filter((a) => a.staffId === 'st-a').map((a) => a.date);
    expect(shiftsOfA).toHaveLength(5);
  });
  afterAll(() => t.close());

  it('starts with none', async () => {
    expect(await conflicts()).toEqual([]);
  });

  it('a contract change: too many days, on the last shift of the week', async () => {
    const a = await t.services.staff.require('st-a');
    await t.services.staff.update('st-a', {
      contract: { ...a.contract, maxDaysWeek: 3, maxConsecutiveDays: 3 },
    });
    const found = await conflicts();
    expect(found.map((c) => [c.date, c.rule, c.cause])).toEqual([
      [shiftsOfA[4], 'MAX_DAYS', 'CONTRACT'],
      [shiftsOfA[4], 'MAX_CONSECUTIVE_DAYS', 'CONTRACT'],
    ]);
  });

  it('an unrelated change (the hourly cost) leaves the list as it was', async () => {
    const before = await conflicts();
    await t.services.staff.update('st-a', { hourlyCost: 11 });
    expect(await conflicts()).toEqual(before);
  });

  it('a weekly-window import that starts too late: every shift of the person', async () => {
    await t.services.availability.importRows(
      [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({
        employeeNo: 'E-st-a',
        dayOfWeek,
        from: '07:00',
        to: '22:00',
      })),
      null,
    );
    const found = (await conflicts()).filter((c) => c.rule === 'AVAILABILITY');
    expect(found.map((c) => c.date)).toEqual(shiftsOfA);
    expect(new Set(found.map((c) => c.cause))).toEqual(new Set(['AVAILABILITY']));
  });

  it('a deactivation: every shift, and nothing else', async () => {
    await t.services.staff.deactivate('st-a');
    const found = await conflicts();
    expect(found.map((c) => [c.date, c.rule, c.cause])).toEqual(
      shiftsOfA.map((d) => [d, 'STAFF_INACTIVE', 'DEACTIVATION']),
    );
  });

  it('publishing a draft that a later change already breaks opens the conflict at once', async () => {
    const res = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(week), manager);
    const draftId = (await t.services.rosterJobs.settled(res.data!.generateRoster.id)).rosterId!;
    const draft = await t.services.rosters.require(draftId);
    const monday = draft.assignments.find((a) => a.date === week)!;
    const pattern = await t.services.availability.get(monday.staffId);
    await t.services.availability.set(
      monday.staffId,
      { weekly: pattern.weekly, exceptions: [{ date: week, available: false, reason: 'sickness' }] },
      null,
    );
    const pub = await t.gql<{
      publishRoster: { conflicts: { staffId: string; date: string; cause: string }[] };
    }>(
      'mutation($id: ID!) { publishRoster(id: $id) { conflicts { staffId date cause } } }',
      { id: draftId },
      manager,
    );
    expect(pub.data!.publishRoster.conflicts).toEqual([
      { staffId: monday.staffId, date: week, cause: 'AVAILABILITY' },
    ]);
  });
});
