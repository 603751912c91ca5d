/**
 * Conflicts after publishing, end to end over HTTP and a real WebSocket: publish a week, an
 * agent enters leave, the conflict shows on roster.conflicts, on myTimetable and on the
 * rosterConflict subscription, and repairRoster changes only that day.
 */
import type { Client } from 'graphql-ws';
import { addDays, mondayOf, todayIn } from '../../src/common/calendar';
import { TOPIC } from '../../src/events/topics';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { wsClient } from '../helpers/ws-client';
import { EVERY_DAY, GENERATE, generateVariables, seedRosterSite } from '../integration/rostering/roster.seed';
import { expectOk } from '../helpers/expect-ok';

interface Conflict {
  staffId: string;
  date: string;
  shiftTemplateId: string;
  cause: string;
  rule: string;
  reason: string;
}
interface Assignment {
  staffId: string;
  date: string;
  shiftTemplateId: string;
  skill: string;
}

/** A roster's shifts, a page of people's weeks (all of them at once count 10,000 people's). */
const STAFF_WEEKS = 'staffWeeks(first: 100) { nodes { assignments { staffId date shiftTemplateId skill } } }';
type StaffWeeks = { nodes: { assignments: Assignment[] }[] };
const shiftsOf = (weeks: StaffWeeks): Assignment[] => weeks.nodes.flatMap((n) => n.assignments);

const CONFLICT_FIELDS = 'staffId date shiftTemplateId start end skill cause rule reason detectedAt';
const SUBSCRIPTION = `subscription($week: String!) { rosterConflict(week: $week) { rosterId week added conflicts { ${CONFLICT_FIELDS} } } }`;
type ConflictEvent = { rosterId: string; week: string; added: number; conflicts: Conflict[] };

/**
 * Subscribes to rosterConflict and resolves once the server-side subscription is live: the
 * test publishes a probe on the week's topic until the client sees it (a handshake, no sleep).
 * `next` then yields the following real event.
 */
async function liveConflictStream(
  t: TestApp,
  client: Client,
  week: string,
): Promise<{ next: Promise<ConflictEvent>; dispose: () => void }> {
  let seenProbe!: () => void;
  const probeSeen = new Promise<void>((r) => (seenProbe = r));
  let gotEvent!: (e: ConflictEvent) => void;
  let failed!: (e: unknown) => void;
  const next = new Promise<ConflictEvent>((resolve, reject) => {
    gotEvent = resolve;
    failed = reject;
  });
  const dispose = client.subscribe<{ rosterConflict: ConflictEvent }>(
    { query: SUBSCRIPTION, variables: { week } },
    {
      next: (r) => {
        if (r.errors) return failed(new Error(JSON.stringify(r.errors)));
        const e = r.data!.rosterConflict;
        if (e.rosterId === 'probe') seenProbe();
        else gotEvent(e);
      },
      error: failed,
      complete: () => failed(new Error('subscription completed early')),
    },
  );
  let live = false;
  void probeSeen.then(() => (live = true));
  while (!live) {
    t.services.events.publish(TOPIC.ROSTER_CONFLICT, week, {
      rosterId: 'probe',
      week,
      conflicts: [],
      conflictCount: 0,
      added: 0,
      at: new Date(),
    });
    await new Promise((r) => setImmediate(r));
  }
  return { next, dispose };
}

describe('conflicts after publishing (GraphQL e2e)', () => {
  let t: TestApp;
  let manager: string;
  let agent: string;
  let week: string;
  let publishedId: string;
  let published: Assignment[];

  beforeAll(async () => {
    t = await startTestApp({ seed: seedRosterSite });
    // a week that is not over yet: conflicts are tracked on current and future weeks only
    week = addDays(mondayOf(todayIn(t.config.SITE_TIME_ZONE)), 14);
    [manager, agent] = await Promise.all([t.login('manager'), t.login('agent')]);
    const agentUser = await t.services.users.findByUsername('agent');
    await t.services.users.update(agentUser!._id, { staffId: 'st-a' });
  });
  afterAll(() => t.close());

  it('publishes a week in which the agent works', async () => {
    const res = await t.gql<{ generateRoster: { id: string } }>(GENERATE, generateVariables(week), manager);
    const job = await t.services.rosterJobs.settled(res.data!.generateRoster.id);
    expect(job.state).toBe('SUCCEEDED');
    const pub = await t.gql<{ publishRoster: { id: string; staffWeeks: StaffWeeks } }>(
      `mutation($id: ID!) { publishRoster(id: $id) { id ${STAFF_WEEKS} } }`,
      { id: job.rosterId },
      manager,
    );
    expectOk(pub);
    publishedId = pub.data!.publishRoster.id;
    published = shiftsOf(pub.data!.publishRoster.staffWeeks);
    // the cheapest person covers every weekday morning
    expect(published.filter((a) => a.staffId === 'st-a').map((a) => a.date)).toContain(addDays(week, 2));
  });

  it('turns leave entered after publishing into a conflict on the roster, the timetable and the subscription', async () => {
    const client = wsClient(t.app.url, manager);
    const stream = await liveConflictStream(t, client, week);
    const leave = addDays(week, 2);
    const set = await t.gql(
      'mutation($input: AvailabilityInput!) { setMyAvailability(input: $input) { staffId } }',
      {
        input: {
          weekly: EVERY_DAY.map((dayOfWeek) => ({ dayOfWeek, from: '06:00', to: '22:00' })),
          exceptions: [{ date: leave, available: false, reason: 'annual leave' }],
        },
      },
      agent,
    );
    expectOk(set);

    const event = await stream.next;
    stream.dispose();
    await client.dispose();
    expect(event).toMatchObject({ rosterId: publishedId, week, added: 1 });
    expect(event.conflicts).toEqual([
      expect.objectContaining({
        staffId: 'st-a',
        date: leave,
        shiftTemplateId: 'tpl-early',
        cause: 'AVAILABILITY',
        rule: 'AVAILABILITY',
      }),
    ]);
    expect(event.conflicts[0].reason).toContain('annual leave');

    const roster = await t.gql<{ roster: { conflicts: Conflict[] } }>(
      `query($id: ID!) { roster(id: $id) { conflicts { ${CONFLICT_FIELDS} } } }`,
      { id: publishedId },
      manager,
    );
    expect(roster.data!.roster.conflicts).toEqual([
      expect.objectContaining({ staffId: 'st-a', date: leave, rule: 'AVAILABILITY' }),
    ]);

    const mine = await t.gql<{
      myTimetable: { shifts: { date: string; conflict: { rule: string; reason: string } | null }[] };
    }>(
      'query($week: String!) { myTimetable(week: $week) { shifts { date conflict { rule reason } } } }',
      { week },
      agent,
    );
    const shifts = mine.data!.myTimetable.shifts;
    expect(shifts.filter((s) => s.conflict !== null).map((s) => s.date)).toEqual([leave]);
    expect(shifts.find((s) => s.date === leave)!.conflict!.rule).toBe('AVAILABILITY');
  });

  it('repairs the week by changing only the day of leave', async () => {
    const res = await t.gql<{
      repairRoster: {
        changedAssignments: number;
        changedStaff: number;
        conflictDays: string[];
        before: { coveragePercent: number; labourCost: number };
        withoutConflicts: { coveragePercent: number };
        after: { coveragePercent: number; labourCost: number };
        roster: { id: string; status: string; staffWeeks: StaffWeeks };
      };
    }>(
      `mutation($id: ID!) { repairRoster(id: $id) {
        changedAssignments changedStaff conflictDays
        before { coveragePercent underStaffedHours labourCost }
        withoutConflicts { coveragePercent underStaffedHours labourCost }
        after { coveragePercent underStaffedHours labourCost }
        roster { id status ${STAFF_WEEKS} }
      } }`,
      { id: publishedId },
      manager,
    );
    expectOk(res);
    const r = res.data!.repairRoster;
    const leave = addDays(week, 2);
    expect(r.roster.status).toBe('DRAFT');
    expect(r.conflictDays).toEqual([leave]);
    const key = (a: Assignment) => `${a.staffId}|${a.date}|${a.shiftTemplateId}|${a.skill}`;
    const before = new Set(published.map(key));
    const repaired = shiftsOf(r.roster.staffWeeks);
    const after = new Set(repaired.map(key));
    const changed = [
      ...published.filter((a) => !after.has(key(a))),
      ...repaired.filter((a) => !before.has(key(a))),
    ];
    expect(changed.map((a) => a.date)).toEqual([leave, leave]);
    expect(r.changedAssignments).toBe(2);
    expect(r.changedStaff).toBe(2);
    expect(repaired.some((a) => a.staffId === 'st-a' && a.date === leave)).toBe(false);
    // the gap the leave opened is covered again
    expect(r.withoutConflicts.coveragePercent).toBeLessThan(r.before.coveragePercent);
    expect(r.after.coveragePercent).toBe(r.before.coveragePercent);

    const pub = await t.gql<{ publishRoster: { status: string } }>(
      'mutation($id: ID!) { publishRoster(id: $id) { status } }',
      { id: r.roster.id },
      manager,
    );
    expect(pub.data!.publishRoster.status).toBe('PUBLISHED');
    const old = await t.gql<{ roster: { status: string } }>(
      'query($id: ID!) { roster(id: $id) { status } }',
      { id: publishedId },
      manager,
    );
    expect(old.data!.roster.status).toBe('SUPERSEDED');
  });
});
