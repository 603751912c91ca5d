/**
 * rosterOutcome on clock-change days (Europe/London): the volume buckets of 2026-03-29 (23
 * hours) and 2026-10-25 (25 hours) count elapsed hours from local midnight, the roster grid
 * counts wall-clock slots. Every stored value must reach the outcome (the day's arrivals
 * equal the stored day total) in the rows of its own wall-clock hour: in spring nothing at
 * 01:00 and 02:00 onwards on time, in autumn both passes of 01:00 in the 01:00 rows.
 * Before the fix, values were placed at index × 60 minutes: an hour late after the autumn
 * change (the last hour dropped, 262 of 266 on the demo), an hour early after the spring one.
 */
import { DateTime } from 'luxon';
import { ROSTERS, type RosterDoc } from '../../../src/rostering/roster.doc';
import type { RosterOutcome } from '../../../src/rostering/roster-outcome.service';
import type { Services } from '../../../src/server/services';
import { erlangCalculator } from '../../../src/staffing/erlang-calculator';
import { closeServices, servicesFor } from '../staff/services.fixture';
import { ALWAYS_OPEN, channel, seed } from '../staffing/fixtures';

const ZONE = 'Europe/London';
const SPRING = { week: '2026-03-23', day: '2026-03-29' };
const AUTUMN = { week: '2026-10-19', day: '2026-10-25' };
const AGENTS = 10;

/** Value of the k-th elapsed hour of a day: distinct per hour, so a shifted hour shows. */
const emails = (k: number): number => 10 + k;
const calls = (k: number): number => 40 + 2 * k;

/** Every real hour of a local day: its UTC start and its wall-clock hour. */
function hoursOf(day: string): { utc: string; hour: number }[] {
  const out: { utc: string; hour: number }[] = [];
  const end = DateTime.fromISO(day, { zone: ZONE }).plus({ days: 1 });
  for (let t = DateTime.fromISO(day, { zone: ZONE }); t < end; t = t.plus({ hours: 1 }))
    out.push({ utc: t.toUTC().toISO({ suppressMilliseconds: true })!, hour: t.hour });
  return out;
}

function csvOf(day: string): string {
  const lines = ['timestamp,channel,value'];
  hoursOf(day).forEach(({ utc }, k) => lines.push(`${utc},emails,${emails(k)}`, `${utc},calls,${calls(k)}`));
  return lines.join('\n') + '\n';
}

/** A published roster of `week` with AGENTS on shift in every quarter-hour of both skills. */
function rosterDoc(id: string, week: string): RosterDoc {
  const flat = new Array<number>(7 * 96).fill(AGENTS);
  return {
    _id: id,
    week,
    version: 1,
    status: 'PUBLISHED',
    intervalMinutes: 15,
    assignments: [],
    coverage: [
      { skill: 'emails', required: flat, scheduled: flat },
      { skill: 'phone', required: flat, scheduled: flat },
    ],
  } as unknown as RosterDoc;
}

describe('rosterOutcome on clock-change days', () => {
  let services: Services;

  beforeAll(async () => {
    services = await servicesFor(undefined, { SITE_TIME_ZONE: ZONE });
    await seed(
      services.store,
      [
        channel({
          key: 'emails',
          kind: 'DEFERRED',
          intervalMinutes: 60,
          ahtSeconds: 480,
          responseHours: 4,
          maxOccupancy: 0.9,
          requiredSkill: 'emails',
          openingHours: ALWAYS_OPEN,
        }),
        channel({ key: 'calls', intervalMinutes: 60, openingHours: ALWAYS_OPEN }),
      ],
      [],
    );
    for (const { day } of [SPRING, AUTUMN]) await services.volumes.importCsv(csvOf(day));
    await services.store
      .collection<RosterDoc>(ROSTERS)
      .insertMany([rosterDoc('r-spring', SPRING.week), rosterDoc('r-autumn', AUTUMN.week)]);
  });
  afterAll(() => closeServices(services));

  /** Arrivals of a channel's rows in each wall-clock hour of `day`. */
  const byHour = (o: RosterOutcome, day: string, kind: string): Map<number, number> => {
    const out = new Map<number, number>();
    for (const r of o.intervals.filter((x) => x.date === day && x.kind === kind)) {
      const hour = Number(r.start.slice(11, 13));
      out.set(hour, (out.get(hour) ?? 0) + r.arrivals);
    }
    return out;
  };

  /** What was stored per wall-clock hour (both passes of a repeated hour together). */
  const storedByHour = (day: string, value: (k: number) => number): Map<number, number> => {
    const out = new Map<number, number>();
    hoursOf(day).forEach(({ hour }, k) => out.set(hour, (out.get(hour) ?? 0) + value(k)));
    return out;
  };

  it.each([
    ['spring forward', SPRING, 'r-spring', 23],
    ['fall back', AUTUMN, 'r-autumn', 25],
  ])('%s: the day’s arrivals equal the stored totals, hour by hour', async (_, at, id, hours) => {
    const stored = await services.volumes.series('emails', at.day, at.day);
    expect(stored.intervals).toHaveLength(hours);
    const storedEmails = stored.intervals.reduce((s, i) => s + (i.value ?? 0), 0);
    const storedCalls = hoursOf(at.day).reduce((s, _h, k) => s + calls(k), 0);

    const o = await services.rosterOutcomes.outcome(id, null);
    const day = o.days.find((d) => d.date === at.day)!;
    expect(day.deferredArrivals).toBeCloseTo(storedEmails, 6);
    expect(day.liveArrivals).toBeCloseTo(storedCalls, 6);
    expect([...byHour(o, at.day, 'DEFERRED')].sort((a, b) => a[0] - b[0])).toEqual(
      [...storedByHour(at.day, emails)].sort((a, b) => a[0] - b[0]),
    );
    expect([...byHour(o, at.day, 'LIVE')].sort((a, b) => a[0] - b[0])).toEqual(
      [...storedByHour(at.day, calls)].sort((a, b) => a[0] - b[0]),
    );
  });

  it('spring: the skipped hour has no rows, 02:00 holds the day’s second real hour', async () => {
    const o = await services.rosterOutcomes.outcome('r-spring', null);
    const rows = o.intervals.filter((r) => r.date === SPRING.day);
    expect(rows.filter((r) => r.start.startsWith(`${SPRING.day}T01:`))).toEqual([]);
    const at0200 = rows.find((r) => r.start === `${SPRING.day}T02:00:00` && r.kind === 'DEFERRED')!;
    expect(at0200.arrivals).toBeCloseTo(emails(1) / 4, 9);
    const at2300 = rows.find((r) => r.start === `${SPRING.day}T23:45:00` && r.kind === 'DEFERRED')!;
    expect(at2300.arrivals).toBeCloseTo(emails(22) / 4, 9);
  });

  it('autumn: the repeated hour holds both passes; its service level is judged per pass', async () => {
    const o = await services.rosterOutcomes.outcome('r-autumn', null);
    const row = (start: string, kind: string) =>
      o.intervals.find((r) => r.start === `${AUTUMN.day}T${start}:00` && r.kind === kind)!;
    expect(row('01:15', 'DEFERRED').arrivals).toBeCloseTo((emails(1) + emails(2)) / 4, 9);
    expect(row('02:00', 'DEFERRED').arrivals).toBeCloseTo(emails(3) / 4, 9);
    expect(row('23:45', 'DEFERRED').arrivals).toBeCloseTo(emails(24) / 4, 9);
    // each pass of 01:00–01:15 had (calls(1) + calls(2)) / 8 calls against the same agents
    const live = row('01:00', 'LIVE');
    expect(live.arrivals).toBeCloseTo((calls(1) + calls(2)) / 4, 9);
    const perPass = erlangCalculator({
      volume: (calls(1) + calls(2)) / 8,
      intervalMinutes: 15,
      ahtSeconds: 180,
      answerSeconds: 20,
      serviceLevelTarget: 0.8,
      agents: Math.floor(AGENTS * 0.7),
    }).atAgents!;
    expect(live.serviceLevel).toBeCloseTo(perPass.serviceLevel, 6);
  });
});
