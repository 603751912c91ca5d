/**
 * The "Done when" checks of the planning pipeline on the demo site: next week, MEAN basis.
 * The site is the run's seeded snapshot (history up to the Sunday before its anchor, models
 * trained; tests/helpers/demo-snapshot.ts), then `planWeek` forecasts, staffs and rosters the
 * week after the anchor week.
 */
import { DEMO_HISTORY_WEEKS } from '../../../src/forecasting/forecast.seed';
import { addDays } from '../../../src/common/calendar';
import type { Services } from '../../../src/server/services';
import type { SkillWeekPlan } from '../../../src/staffing/staffing.types';
import type { RosterDoc } from '../../../src/rostering/roster.doc';
import { demoSeedReport, openDemoStore } from '../../helpers/demo-snapshot';
import { closeServices, servicesFor } from '../staff/services.fixture';

jest.setTimeout(240_000);

describe('demo site, next week, MEAN basis', () => {
  let s: Services;
  let anchor: string;
  let week: string;
  let plan: SkillWeekPlan;
  let roster: RosterDoc;

  beforeAll(async () => {
    s = await servicesFor(await openDemoStore());
    anchor = demoSeedReport().anchorDate;
    week = addDays(anchor, 7);
    const manager = (await s.users.findByUsername('manager'))!;
    const job = await s.planWeek.planWeek(
      week,
      { timeLimitSeconds: 40, basis: 'MEAN' },
      { userId: manager._id, username: 'manager', roles: manager.roles, staffId: null },
    );
    const done = await s.rosterJobs.settled(job._id);
    expect(done).toMatchObject({ state: 'SUCCEEDED' });
    roster = await s.rosters.require(done.rosterId!);
    plan = await s.staffing.skillPlan(week, 'MEAN');
  });
  afterAll(() => closeServices(s));

  it('the demo history ends on the Sunday before the seeded week, so next week can be planned', async () => {
    expect(new Date(`${anchor}T00:00:00Z`).getUTCDay()).toBe(1);
    // e-mails arrive every day: their history runs up to that Sunday; no channel's goes beyond
    expect(await s.volumes.lastDate('emails')).toBe(addDays(anchor, -1));
    for (const c of await s.channels.listAll({ active: true }))
      expect((await s.volumes.lastDate(c.key))! < anchor).toBe(true);
  });

  it('emails: planned arrivals within 5 % of the history’s weekly mean; flow conserved to 1e-6', async () => {
    const history = await s.volumes.buckets(
      'emails',
      addDays(anchor, -7 * DEMO_HISTORY_WEEKS),
      addDays(anchor, -1),
    );
    const total = history.reduce((sum, b) => sum + b.values.reduce<number>((a, v) => a + (v ?? 0), 0), 0);
    const weeklyMean = total / DEMO_HISTORY_WEEKS;
    const emails = plan.workloads.find((w) => w.skill === 'emails')!.channels[0]!;
    expect(Math.abs(emails.arrivedItems / weeklyMean - 1)).toBeLessThan(0.05);
    expect(emails.carriedInItems).toBeGreaterThan(0);
    expect(emails.carriedOutItems).toBeGreaterThan(0);
    expect(
      Math.abs(emails.handledItems + emails.carriedOutItems - emails.arrivedItems - emails.carriedInItems),
    ).toBeLessThan(1e-6);
    expect(emails.onTimeShare).toBe(1);
  });

  it('outbound: staff hours ≤ 1.3 × (work hours / maxOccupancy) / (1 − shrinkage)', async () => {
    const channels = await s.channels.listAll({ active: true });
    const outbound = plan.workloads.find((w) => w.skill === 'outbound')!;
    const work = outbound.channels.reduce((sum, c) => {
      const ch = channels.find((x) => x.key === c.channel)!;
      return sum + (c.arrivedItems * ch.ahtSeconds) / 3600 / ch.maxOccupancy / (1 - ch.shrinkage);
    }, 0);
    const staffHours = plan.skills.find((k) => k.skill === 'outbound')!.staffHours;
    expect(staffHours).toBeLessThanOrEqual(1.3 * work);
    for (const c of outbound.channels) expect(c.onTimeShare).toBe(1);
    // the per-channel plans are shares of the pooled plan: one number for the same work
    const perChannel = (await s.staffing.weekPlans(week, 'MEAN')).filter(
      (p) => p.requiredSkill === 'outbound',
    );
    expect(perChannel).toHaveLength(3);
    expect(perChannel.reduce((a, p) => a + p.totals.weeklyStaffHours, 0)).toBeCloseTo(staffHours, 6);
  });

  it('intervals: backtest coverage of the 80 % and 95 % intervals within ±5 points, every channel', async () => {
    for (const c of await s.channels.listAll({ active: true })) {
      const model = (await s.models.active(c.key))!;
      expect({ channel: c.key, ok80: Math.abs(model.metrics.coverage80 - 0.8) <= 0.05 }).toEqual({
        channel: c.key,
        ok80: true,
      });
      expect({ channel: c.key, ok95: Math.abs(model.metrics.coverage95 - 0.95) <= 0.05 }).toEqual({
        channel: c.key,
        ok95: true,
      });
    }
  });

  it('the next week starts with the backlog this week’s stored plan carries out', async () => {
    const next = addDays(week, 7);
    for (const c of await s.channels.listAll({ active: true })) await s.forecasts.run(c.key, next, 7, null);
    const following = await s.staffing.skillPlan(next, 'MEAN');
    for (const w of following.workloads) {
      const before = plan.workloads.find((x) => x.skill === w.skill)!;
      for (const c of w.channels) {
        expect(c.carryInSource).toBe('STORED_PLAN');
        const out = before.channels.find((x) => x.channel === c.channel)!.carriedOutItems;
        expect(Math.abs(c.carriedInItems - out)).toBeLessThan(1e-6);
      }
    }
  });

  it('calls (open 08–20 weekdays, 09–17 Saturday) fit on the union grid of open hours: next week at the history’s level', async () => {
    const model = (await s.models.active('calls'))!;
    // six open days of 48 quarter-hours; Saturday's 16 closed quarter-hours imputed every week
    const { openOnly } = model.params.details as { openOnly: { openPerDay: number; imputed: number } };
    expect(openOnly).toMatchObject({ openPerDay: 48, gridPeriods: [96, 672] });
    expect(openOnly.imputed).toBeGreaterThan(0);
    // planned volume per open day against the mean of the same weekday over the last 4 weeks
    // (days without rows — bank holidays — left out on both sides)
    const history = await s.volumes.buckets('calls', addDays(anchor, -28), addDays(anchor, -1));
    const byWeekday = new Map<number, number[]>();
    for (const b of history) {
      const d = new Date(`${b.date}T00:00:00Z`).getUTCDay();
      byWeekday.set(d, [...(byWeekday.get(d) ?? []), b.values.reduce<number>((a, v) => a + (v ?? 0), 0)]);
    }
    const calls = (await s.staffing.weekPlans(week, 'MEAN')).find((p) => p.channel === 'calls')!;
    let planned = 0;
    let expected = 0;
    for (let d = 0; d < 7; d++) {
      const day = calls.rows.slice(d * 96, (d + 1) * 96).reduce((a, r) => a + r.volume, 0);
      const past = byWeekday.get(new Date(`${addDays(week, d)}T00:00:00Z`).getUTCDay()) ?? [];
      if (day === 0 || past.length === 0) continue;
      planned += day;
      expected += past.reduce((a, b) => a + b, 0) / past.length;
    }
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(planned / expected - 1)).toBeLessThan(0.07);
  });

  it('roster: planWeek covers ≥ 97 % of the required hours of every skill', () => {
    for (const k of roster.kpis.skills.filter((x) => x.requiredHours > 0))
      expect({ skill: k.skill, coverage: k.coveragePercent! >= 97 }).toEqual({
        skill: k.skill,
        coverage: true,
      });
  });
});
