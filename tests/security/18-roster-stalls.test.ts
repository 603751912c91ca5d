/**
 * Roster and staffing requests that held the event loop in one piece, growing with the roster
 * and the channels (measured 2026-12-02 on the built server, /healthz polled throughout, a
 * site of 1,000 people, 5,000 shifts and 17 channels): the roster export 0.43-0.47 s,
 * `updateAssignment` 0.34-0.45 s, `staffingPlan` 0.44-0.48 s, the staffing export about as
 * long, `rosterOutcome` 0.13-0.16 s. Quadratic loops (the timetable's scan per person and day,
 * each deadline listing a week's open slots again), dates parsed again for every shift, luxon
 * asked for every slot of every channel's week, all in one turn.
 *
 * Safe outcome: at that size every one of them answers with the event loop free for other
 * requests (slowest health check 50-170 ms on a busy 2-core machine). The bounds are on the
 * CPU time the server's event-loop thread spent while a health check waited
 * (`slowestHealthCpuMs`), not on its wall time, which a machine busy with other processes
 * lengthens: beside two busy loops on 2 cores (load 12) the slowest checks took 311-1,155 ms
 * of wall time and 17-93 ms of the loop's CPU; with the slicing taken out, 179-786 ms of CPU.
 */
import { ROSTER_WEEK, startRosterSite, type RosterSite } from './roster-site';
import { sendFromChild, watchWhile } from './hostile';
import { ROSTER_EDIT_QUEUE } from '../../src/rostering/roster.service';
import { postGql, signIn } from '../helpers/server-process';
import { DEMO_PASSWORD } from '../helpers/test-config';
import { processCpuMs } from '../helpers/thread-cpu';

/** The bound of the other event-loop suites (16, 17): CPU ms of the server's loop thread. */
const SLOWEST_HEALTH_MS = 300;
const STAFF = 1000;
const QUEUES = 12;

const log = (what: string, watch: { slowestHealthMs: number; slowestHealthCpuMs: number }): void =>
  void process.stdout.write(
    `18-roster-stalls ${what}: slowest /healthz ${watch.slowestHealthMs.toFixed(0)} ms, ` +
      `its loop's CPU ${watch.slowestHealthCpuMs.toFixed(0)} ms\n`,
  );

describe('security #18: large rosters leave the event loop free', () => {
  let site: RosterSite;

  const read = async (name: string, query: string, variables: Record<string, unknown> = {}) => {
    const watch = await watchWhile(
      site.server,
      sendFromChild(site.server.url, JSON.stringify({ query, variables }), site.token),
    );
    log(name, watch);
    expect(watch.result.json.errors).toBeUndefined();
    return watch;
  };

  const download = async (name: string, path: string) => {
    const fetched = fetch(`${site.server.url}${path}`, {
      headers: { authorization: `Bearer ${site.token}` },
    }).then(async (res) => ({ status: res.status, bytes: (await res.arrayBuffer()).byteLength }));
    const watch = await watchWhile(site.server, fetched);
    log(name, watch);
    expect(watch.result.status).toBe(200);
    return watch;
  };

  beforeAll(async () => {
    site = await startRosterSite(STAFF, QUEUES);
  }, 180_000);
  afterAll(async () => expect(await site.stop()).toBe(0));

  it('holds a roster of 5,000 shifts', () => {
    expect(site.shifts).toBe(STAFF * 5);
  });

  it('answers rosterOutcome with the event loop free', async () => {
    const watch = await read(
      'rosterOutcome',
      'query($id: ID!) { rosterOutcome(rosterId: $id) { total { liveArrivals serviceLevel labourCost } days { date } intervals(skill: "calls") { start skill serviceLevel } } }',
      { id: site.rosterId },
    );
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  it('exports the roster (with its outcome) and the outcome alone with the event loop free', async () => {
    const roster = await download('roster export', `/exports/rosters/${site.rosterId}.xlsx`);
    expect(roster.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    const outcome = await download('outcome export', `/exports/rosters/${site.rosterId}/outcome.xlsx`);
    expect(outcome.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  it('applies updateAssignment with the event loop free', async () => {
    const { staffId, date, shiftTemplateId } = site.firstShift;
    const watch = await read(
      'updateAssignment',
      'mutation($id: ID!, $c: UpdateAssignmentInput!) { updateAssignment(rosterId: $id, input: $c) { roster { id manualEdits } warnings { kind message } } }',
      {
        id: site.rosterId,
        c: {
          action: 'MOVE',
          staffId,
          date,
          toShiftTemplateId: shiftTemplateId === 'early' ? 'day' : 'early',
        },
      },
    );
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  // measured 2026-12-02 before edits of a roster ran one at a time: 40 at once took 3.9 s,
  // 33 of them lost to the revision check after paying for their checks, /healthz up to 234 ms;
  // queued, 2.0 s, 14 applied one after another and 26 refused at once, /healthz up to 167 ms
  it('serves a flood of 40 concurrent edits of one roster one at a time, refusing what overflows its queue', async () => {
    const { staffId, date, shiftTemplateId } = site.firstShift;
    const other = shiftTemplateId === 'early' ? 'day' : 'early';
    const edit = (i: number) =>
      site.gql(
        'mutation($id: ID!, $c: UpdateAssignmentInput!) { updateAssignment(rosterId: $id, input: $c) { roster { manualEdits } } }',
        {
          id: site.rosterId,
          c: { action: 'MOVE', staffId, date, toShiftTemplateId: i % 2 === 0 ? shiftTemplateId : other },
        },
      );
    const watch = await watchWhile(site.server, Promise.all(Array.from({ length: 40 }, (_, i) => edit(i))));
    log('40 concurrent updateAssignment', watch);
    const codes = watch.result.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK');
    const count = (code: string): number => codes.filter((c) => c === code).length;
    process.stdout.write(
      `18-roster-stalls edit flood outcomes: ${JSON.stringify(Object.fromEntries(codes.map((c) => [c, count(c)])))}\n`,
    );
    // one runs and ROSTER_EDIT_QUEUE - 1 wait; the rest are refused at once, without the work
    // (how many depends on how fast the 40 arrive: 26 of 40 in the run that measured it)
    expect(count('OK')).toBeGreaterThanOrEqual(ROSTER_EDIT_QUEUE);
    expect(count('RATE_LIMITED')).toBeGreaterThan(0);
    // queued edits apply on top of each other: none is lost to a revision conflict
    expect(count('OK') + count('RATE_LIMITED')).toBe(40);
    const edits = watch.result.flatMap((r) => {
      const roster = (r.body.data?.updateAssignment as { roster: { manualEdits: number } } | undefined)
        ?.roster;
      return roster ? [roster.manualEdits] : [];
    });
    expect(new Set(edits).size).toBe(count('OK'));
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  it('answers staffingPlan and the staffing export with the event loop free', async () => {
    const week = ROSTER_WEEK;
    const plan = await read(
      'staffingPlan',
      'query($w: String!) { staffingPlan(week: $w) { intervalMinutes skills { skill peak values } channels { channel weeklyFte } } }',
      { w: week },
    );
    expect(plan.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    const sheet = await download('staffing export', `/exports/staffing/${week}.xlsx`);
    expect(sheet.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    // the site's first plan solves every channel's week (3-5 s alone, 27 s beside two busy
    // loops): a bound against a hang only
  }, 120_000);

  // measured 2026-12-02: alone 187 ms, during the flood 1,991 ms before the lanes; 251 and 433 ms
  // after. The bound is on the CPU time the server spent (every thread) while the manager's plan
  // ran, against its plan alone: the work it waited for, not the milliseconds a busy machine
  // adds to both (beside two busy loops, 219 ms alone and 1,218 ms during, with the lanes)
  it("bounds one user's concurrent heavy reads: another user's plan is not held behind a flood of them", async () => {
    const PLAN = 'query($w: String!) { staffingPlan(week: $w) { skills { skill peak } } }';
    const manager = await signIn(site.server.url, 'manager', DEMO_PASSWORD);
    const pid = site.server.child.pid!;
    const timed = async (token: string) => {
      const t0 = performance.now();
      const cpu0 = processCpuMs(pid);
      const res = await postGql(site.server.url, PLAN, { w: ROSTER_WEEK }, token);
      return {
        ms: performance.now() - t0,
        cpuMs: processCpuMs(pid) - cpu0,
        code: res.body.errors?.[0]?.extensions?.code ?? 'OK',
      };
    };
    const alone = await timed(manager);
    const flood = Array.from({ length: 20 }, () => timed(site.token));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await timed(manager);
    const flooded = await Promise.all(flood);
    const codes = flooded.map((r) => r.code);
    process.stdout.write(
      `18-roster-stalls plan alone ${alone.ms.toFixed(0)} ms (server CPU ${alone.cpuMs.toFixed(0)} ms), ` +
        `during 20 of another user's ${during.ms.toFixed(0)} ms (server CPU ${during.cpuMs.toFixed(0)} ms); ` +
        `theirs ${JSON.stringify({ OK: codes.filter((c) => c === 'OK').length, RATE_LIMITED: codes.filter((c) => c === 'RATE_LIMITED').length })}\n`,
    );
    expect(during.code).toBe('OK');
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    // with the lanes the manager's plan shares the server with two of theirs at a time; without
    // them, with all twenty
    expect(during.cpuMs).toBeLessThan(4 * alone.cpuMs + 300);
  });
});
