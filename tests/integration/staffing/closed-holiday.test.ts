/**
 * A day the site's calendar marks CLOSED: no channel is open on it, so no staff are planned
 * there; a DEFERRED channel's work waits for the next open day.
 */
import type { Services } from '../../../src/server/services';
import { StaffingService } from '../../../src/staffing/staffing.service';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import type { DocumentStore } from '../../../src/store/document-store';
import { closeServices, servicesFor } from '../staff/services.fixture';
import { channel, forecast, seed } from './fixtures';

// DEFERRED plans solve the workload LP: slow on a busy machine
jest.setTimeout(120_000);

const WEEK = '2026-11-23'; // GMT: local = UTC
const WEEK_START = '2026-11-23T00:00:00Z';
const WEDNESDAY = '2026-11-25';
const emails = channel({
  key: 'emails',
  kind: 'DEFERRED',
  intervalMinutes: 60,
  ahtSeconds: 480,
  maxOccupancy: 0.9,
  responseHours: 24,
  requiredSkill: 'emails',
});
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('staffing on a CLOSED holiday', () => {
  let store: DocumentStore;
  let services: Services;
  let service: StaffingService;

  beforeEach(async () => {
    store = await EmbeddedStore.open();
    services = await servicesFor(store);
    service = new StaffingService(store, services, { timeZone: 'Europe/London' });
    await seed(
      store,
      [emails, channel({ key: 'calls' })],
      [
        forecast({ id: 'f-emails', channel: 'emails', start: WEEK_START, intervalMinutes: 60, mean: 6 }),
        forecast({ id: 'f-calls', channel: 'calls', start: WEEK_START, mean: 40 }),
      ],
    );
  });
  afterEach(() => closeServices(services));

  it('plans nobody on the day, for LIVE and DEFERRED channels, and handles the deferred work on other days', async () => {
    const before = await service.skillPlan(WEEK);
    await services.holidays.set({ date: WEDNESDAY, name: 'Closure', effect: 'CLOSED' }, null);
    const after = await service.skillPlan(WEEK);
    for (const key of ['calls', 'emails']) {
      const plan = await service.channelPlan({ channel: key, week: WEEK });
      const day = plan.rows.filter((r) => r.localTime.startsWith(WEDNESDAY));
      expect(day.length).toBeGreaterThan(0);
      expect(day.every((r) => !r.open && r.scheduledAgents === 0)).toBe(true);
      expect(plan.totals.days.find((d) => d.date === WEDNESDAY)!.staffHours).toBe(0);
    }
    // every skill's requirement is 0 on the Wednesday: 96 quarter-hours from index 2 × 96
    for (const skill of after.skills) expect(sum(skill.values.slice(2 * 96, 3 * 96))).toBe(0);
    // the deferred work still arrives (the forecast's) and is handled on the other days
    const flow = (p: typeof after) => p.workloads.find((w) => w.skill === 'emails')!.channels[0]!;
    expect(flow(after).arrivedItems).toBeCloseTo(flow(before).arrivedItems, 6);
    expect(
      flow(after)
        .handled.slice(48, 72)
        .every((h) => h === 0),
    ).toBe(true);
    const done = (p: typeof after): number => flow(p).handledItems + flow(p).carriedOutItems;
    expect(done(after)).toBeCloseTo(done(before), 6);
  });
});
