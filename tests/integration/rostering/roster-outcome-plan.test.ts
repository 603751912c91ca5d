/**
 * Plan versus actual agrees with the plan when the actuals are the forecast: a roster that
 * staffs exactly the staffing plan's e-mail requirement (plan on time: onTimeShare 1),
 * replayed with actual arrivals equal to the forecast, misses no deadline. That needs the
 * outcome to count response time in OPEN hours (an e-mail arriving Friday 17:30 is due on
 * Monday morning) and to start the week with the backlog the plan carried in from the
 * weekend. Before, it counted wall-clock hours and started empty: every e-mail arriving after
 * ~14:00, overnight or at weekends was a miss (demo week 2026-03-16: 751 of 2,701 e-mails).
 */
import { ROSTERS, type RosterDoc } from '../../../src/rostering/roster.doc';
import type { Services } from '../../../src/server/services';
import { closeServices, servicesFor } from '../staff/services.fixture';
import { channel, forecast, seed, WEEKDAYS_8_TO_18 } from '../staffing/fixtures';

const WEEK = '2026-11-23'; // GMT all week: local = UTC
const PREVIOUS = '2026-11-16';
// the workload LP runs to its node limit: slow on a busy machine
jest.setTimeout(120_000);

/** Forecast (and actual) e-mails per hour: a daytime peak, some at night and at weekends. */
const perHour = (t: number): number => {
  const hour = new Date(t).getUTCHours();
  return hour >= 8 && hour < 18 ? 24 : 6;
};

/** 10 hours of 24 and 14 of 6. */
const DAY_TOTAL = 10 * 24 + 14 * 6;

function actualsCsv(): string {
  const lines = ['timestamp,channel,value'];
  const start = Date.parse(`${WEEK}T00:00:00Z`);
  for (let t = start; t < start + 7 * 86_400_000; t += 3_600_000)
    lines.push(`${new Date(t).toISOString().replace('.000', '')},emails,${perHour(t)}`);
  return lines.join('\n') + '\n';
}

describe('rosterOutcome of a roster that staffs the plan, actuals = forecast', () => {
  let services: Services;
  let onTimeShare: number;
  let carriedIn: number;

  beforeAll(async () => {
    services = await servicesFor();
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
          shrinkage: 0.3,
          requiredSkill: 'emails',
          openingHours: WEEKDAYS_8_TO_18,
        }),
      ],
      [
        forecast({
          id: 'f-emails',
          channel: 'emails',
          start: `${PREVIOUS}T00:00:00Z`,
          days: 14,
          intervalMinutes: 60,
          mean: perHour,
        }),
      ],
    );
    // the requirement the roster optimiser would get; its workload plan is stored
    const requirement = await services.staffing.requirementForWeek(WEEK, 'MEAN');
    const plan = await services.staffing.skillPlan(WEEK, 'MEAN');
    const flow = plan.workloads.find((w) => w.skill === 'emails')!.channels[0]!;
    onTimeShare = flow.onTimeShare;
    carriedIn = flow.carriedInItems;
    const emails = requirement.requirements.find((r) => r.skill === 'emails')!;
    const size = requirement.intervalMinutes;
    const doc = {
      _id: 'r-plan',
      week: WEEK,
      version: 1,
      status: 'PUBLISHED',
      intervalMinutes: size,
      assignments: [],
      jobId: null,
      coverage: [{ skill: 'emails', required: emails.values, scheduled: emails.values }],
    } as unknown as RosterDoc;
    await services.store.collection<RosterDoc>(ROSTERS).insertOne(doc);
    await services.volumes.importCsv(actualsCsv());
  });
  afterAll(() => closeServices(services));

  it('the plan is on time and carries a weekend backlog in', () => {
    expect(onTimeShare).toBeCloseTo(1, 9);
    // Saturday and Sunday are closed: the weekend's e-mails wait for Monday
    expect(carriedIn).toBeGreaterThan(2 * DAY_TOTAL);
  });

  it('the outcome misses no deadline, every day', async () => {
    const o = await services.rosterOutcomes.outcome('r-plan', null);
    expect(o.days).toHaveLength(7);
    expect(o.total.deferredArrivals).toBeCloseTo(7 * DAY_TOTAL, 6);
    expect(o.total.deadlineMisses).toBeLessThan(1e-6);
    expect(o.total.shareMeetingTarget).toBe(1);
    for (const d of o.days) expect(d.shareMeetingTarget).toBe(1);
    // the week starts with the plan's carry-in, not empty: Monday 00:00 holds it and its own
    const first = o.intervals.find((r) => r.start === `${WEEK}T00:00:00`)!;
    expect(first.backlog).toBeCloseTo(carriedIn + 6 / 4, 6);
  });

  it('Friday evening’s e-mails are open over the weekend, not late', async () => {
    const o = await services.rosterOutcomes.outcome('r-plan', null);
    const friday = o.days.find((d) => d.date === '2026-11-27')!;
    const sunday = o.days.find((d) => d.date === '2026-11-29')!;
    expect(friday.backlogAtEnd).toBeGreaterThan(0);
    // Saturday's and Sunday's e-mails wait on top of Friday's backlog
    expect(sunday.backlogAtEnd).toBeCloseTo(friday.backlogAtEnd + 2 * DAY_TOTAL, 6);
    expect(sunday.deadlineMisses).toBe(0);
  });
});
