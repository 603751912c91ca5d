/**
 * A DEFERRED channel's per-channel plan is its share of its skill's pooled workload plan:
 * the same numbers as the skill requirement, never a second, closed-form figure.
 */
import type { Services } from '../../../src/server/services';
import { channelStaffing } from '../../../src/staffing/staffing-plan.core';
import { StaffingService } from '../../../src/staffing/staffing.service';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import type { DocumentStore } from '../../../src/store/document-store';
import { closeServices, servicesFor } from '../staff/services.fixture';
import { channel, forecast, seed } from './fixtures';

const WEEK = '2026-11-23'; // GMT: local = UTC
// DEFERRED plans solve the workload LP to its node limit (no clock limit): slow on a busy machine
jest.setTimeout(120_000);
const WEEK_START = '2026-11-23T00:00:00Z';

const outbound = (key: string) =>
  channel({
    key,
    kind: 'DEFERRED',
    intervalMinutes: 60,
    ahtSeconds: 420,
    maxOccupancy: 0.9,
    shrinkage: 0.3,
    responseHours: 24,
    requiredSkill: 'outbound',
    openingHours: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, from: '09:00', to: '17:00' })),
  });
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('per-channel plans of pooled DEFERRED channels', () => {
  let store: DocumentStore;
  let services: Services;
  let service: StaffingService;

  beforeEach(async () => {
    store = await EmbeddedStore.open();
    // channels and forecasts are read through their owners' services
    services = await servicesFor(store);
    service = new StaffingService(store, services, { timeZone: 'Europe/London' });
    await seed(
      store,
      [outbound('ob_big'), outbound('ob_small'), channel({ key: 'calls' })],
      [
        forecast({ id: 'f-big', channel: 'ob_big', start: WEEK_START, intervalMinutes: 60, mean: 3 }),
        forecast({ id: 'f-small', channel: 'ob_small', start: WEEK_START, intervalMinutes: 60, mean: 0.7 }),
        forecast({ id: 'f-calls', channel: 'calls', start: WEEK_START, mean: 50 }),
      ],
    );
  });
  afterEach(() => closeServices(services));

  it('the channels’ shares add up to the pooled agents in every interval and to the skill’s staff hours', async () => {
    const plan = await service.skillPlan(WEEK);
    const pool = plan.workloads.find((w) => w.skill === 'outbound')!;
    const big = await service.channelPlan({ channel: 'ob_big', week: WEEK });
    const small = await service.channelPlan({ channel: 'ob_small', week: WEEK });
    for (let t = 0; t < 168; t++)
      expect(big.rows[t]!.scheduledAgents + small.rows[t]!.scheduledAgents).toBeCloseTo(
        pool.scheduledAgents[t]!,
        9,
      );
    const skill = plan.skills.find((k) => k.skill === 'outbound')!;
    expect(big.totals.weeklyStaffHours + small.totals.weeklyStaffHours).toBeCloseTo(skill.staffHours, 9);
    // the bigger channel takes the bigger share; each share follows the capacity its work uses
    expect(big.totals.weeklyStaffHours).toBeGreaterThan(3 * small.totals.weeklyStaffHours);
    // the week's summary lists the same per-channel figures as the channel view
    for (const p of [big, small]) {
      const summary = plan.channels.find((c) => c.channel === p.channel)!;
      expect(summary.weeklyStaffHours).toBeCloseTo(p.totals.weeklyStaffHours, 9);
      expect(summary.peakScheduledAgents).toBeCloseTo(p.totals.peakScheduledAgents, 9);
      expect(p.workload).toMatchObject({ channel: p.channel, onTimeShare: 1 });
      expect(p.totals.unplacedWorkHours).toBe(0);
    }
    // pooled and rounded once: within 10 % of the work hours / occupancy / (1 − shrinkage)
    const workHours = ((3 + 0.7) * 168 * 420) / 3600;
    expect(skill.staffHours).toBeLessThan((1.1 * workHours) / 0.9 / 0.7);
    // the closed-form spread, rounded up per channel and interval, asks for more
    const closedForm = [big, small].map((p) => {
      const ch = outbound(p.channel);
      return channelStaffing(
        { ...ch, responseHours: 24, patienceSeconds: undefined, open: p.rows.map((r) => r.open) },
        p.rows.map((r) => r.volume),
      ).totals.weeklyStaffHours;
    });
    expect(skill.staffHours).toBeLessThan(sum(closedForm));
  });

  it('weekPlans shows the same shares (one solve for all channels)', async () => {
    const plans = await service.weekPlans(WEEK);
    const big = await service.channelPlan({ channel: 'ob_big', week: WEEK });
    const fromWeek = plans.find((p) => p.channel === 'ob_big')!;
    expect(fromWeek.rows.map((r) => r.scheduledAgents)).toEqual(big.rows.map((r) => r.scheduledAgents));
    expect(plans.find((p) => p.channel === 'calls')!.workload).toBeNull();
  });

  it('a scenario re-solves the pool with the channel changed: its base is the channel plan', async () => {
    const s = await service.scenario({ channel: 'ob_big', week: WEEK }, { volumeMultiplier: 3 });
    const big = await service.channelPlan({ channel: 'ob_big', week: WEEK });
    expect(s.base.rows.map((r) => r.scheduledAgents)).toEqual(big.rows.map((r) => r.scheduledAgents));
    expect(s.scenario.totals.workloadHours).toBeCloseTo(3 * s.base.totals.workloadHours, 6);
    expect(s.scenario.totals.weeklyStaffHours).toBeGreaterThan(s.base.totals.weeklyStaffHours);
    expect(s.diff.totals.scheduledStaffHours).toBeCloseTo(
      s.scenario.totals.scheduledStaffHours - s.base.totals.scheduledStaffHours,
      9,
    );
    expect(s.diff.rows[9]!.scheduledAgents).toBeCloseTo(
      s.scenario.rows[9]!.scheduledAgents - s.base.rows[9]!.scheduledAgents,
      12,
    );
    expect(s.scenario.workload!.onTimeShare).toBe(1);
  });

  it('names a bad override of a DEFERRED scenario', async () => {
    await expect(
      service.scenario({ channel: 'ob_small', week: WEEK }, { maxOccupancy: 1.5 }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'maxOccupancy must be in [0.05, 1], got 1.5',
      details: [{ field: 'overrides.maxOccupancy' }],
    });
  });

  it('refuses a channel plan while a channel pooled with it has no forecast for the week', async () => {
    await seed(store, [outbound('ob_new')], []);
    await expect(service.channelPlan({ channel: 'ob_big', week: WEEK })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message:
        'no forecast covers week 2026-11-23 for ob_new, pooled with ob_big in skill outbound: run runForecast first',
    });
  });

  it('sums to the handled work: occupancy × productive agents × 1 h per channel', async () => {
    const small = await service.channelPlan({ channel: 'ob_small', week: WEEK });
    const handled = sum(small.rows.map((r) => r.occupancy * r.rawAgents));
    expect(handled).toBeCloseTo((small.workload!.handledItems * 420) / 3600, 6);
  });
});
