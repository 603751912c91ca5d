import { sumBySkill } from '../../../src/staffing/skill-requirement.core';
import {
  channelStaffing,
  staffHoursToFte,
  type StaffingChannel,
} from '../../../src/staffing/staffing-plan.core';
import { compareScenario } from '../../../src/staffing/staffing-scenario.core';

const live = (n: number, overrides: Partial<StaffingChannel> = {}): StaffingChannel => ({
  key: 'phone',
  kind: 'LIVE',
  intervalMinutes: 30,
  ahtSeconds: 180,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  open: new Array<boolean>(n).fill(true),
  ...overrides,
});

describe('channelStaffing (LIVE)', () => {
  it('plans each interval with Erlang C and reports the metrics at the raw agents', () => {
    const plan = channelStaffing(live(2), [100, 0]);
    expect(plan.model).toBe('ERLANG_C');
    expect(plan.rows[0]).toMatchObject({
      index: 0,
      volume: 100,
      trafficErlangs: 10,
      rawAgents: 14,
      scheduledAgents: 20,
    });
    expect(plan.rows[0].serviceLevel).toBeCloseTo(0.88835, 5);
    expect(plan.rows[0].asaSeconds).toBeCloseTo(7.84, 2);
    expect(plan.rows[0].abandonProbability).toBeNull();
    expect(plan.rows[1]).toMatchObject({ rawAgents: 0, scheduledAgents: 0, serviceLevel: 1, occupancy: 0 });
  });

  it('gives closed intervals no agents and null queue metrics', () => {
    const plan = channelStaffing(live(2, { open: [false, true] }), [100, 100]);
    expect(plan.rows[0]).toMatchObject({
      open: false,
      rawAgents: 0,
      scheduledAgents: 0,
      serviceLevel: null,
      asaSeconds: null,
    });
    expect(plan.rows[1].rawAgents).toBe(14);
  });

  it('uses Erlang A when the channel has a patience', () => {
    const plan = channelStaffing(live(1, { patienceSeconds: 300 }), [100]);
    expect(plan.model).toBe('ERLANG_A');
    expect(plan.rows[0].abandonProbability).not.toBeNull();
    expect(plan.rows[0].rawAgents).toBe(13);
  });

  it('honours an ASA target on top of the service level', () => {
    expect(channelStaffing(live(1, { targetAsaSeconds: 2 }), [100]).rows[0].rawAgents).toBe(16);
  });

  it('totals staff hours per day, per week and in FTE', () => {
    const n = 48 * 2;
    const plan = channelStaffing(live(n), new Array<number>(n).fill(100), { fullTimeHoursPerWeek: 40 });
    const t = plan.totals;
    expect(t.days).toBe(2);
    expect(t.scheduledStaffHours).toBe(20 * 0.5 * n);
    expect(t.rawStaffHours).toBe(14 * 0.5 * n);
    expect(t.staffHoursPerDay).toEqual([480, 480]);
    expect(t.workloadHours).toBeCloseTo(10 * 0.5 * n, 9);
    expect(t.weeklyStaffHours).toBeCloseTo(480 * 7, 9);
    expect(t.weeklyFte).toBeCloseTo((480 * 7) / 40, 9);
    expect(t.peakScheduledAgents).toBe(20);
  });

  it('splits days by a custom intervalsPerDay (opening-hours day)', () => {
    const plan = channelStaffing(live(6), [100, 100, 100, 100, 100, 100], { intervalsPerDay: 4 });
    expect(plan.totals.staffHoursPerDay).toEqual([40, 20]);
    expect(plan.totals.days).toBe(1.5);
  });

  it('converts staff hours to FTE', () => {
    expect(staffHoursToFte(75)).toBe(2);
    expect(staffHoursToFte(160, 40, 2)).toBe(2);
  });
});

describe('channelStaffing (DEFERRED)', () => {
  const email: StaffingChannel = {
    key: 'email',
    kind: 'DEFERRED',
    intervalMinutes: 60,
    ahtSeconds: 360,
    serviceLevel: { target: 0.9, answerSeconds: 0 },
    maxOccupancy: 0.9,
    shrinkage: 0.2,
    responseHours: 2,
    open: [false, true, true, true],
  };

  it('plans by workload with null queue metrics', () => {
    const plan = channelStaffing(email, [20, 10, 0, 0]);
    expect(plan.model).toBe('WORKLOAD');
    // work 7,200 s (closed, window {1, 2}) + 3,600 s (window {1, 2}) → 5,400 s in each of 1 and 2;
    // 5,400 / (3,600 × 0.9) = 1.67 → 2 raw → ceil(2 / 0.8) = 3 scheduled
    expect(plan.rows.map((r) => r.rawAgents)).toEqual([0, 2, 2, 0]);
    expect(plan.rows.map((r) => r.scheduledAgents)).toEqual([0, 3, 3, 0]);
    expect(plan.rows[1]).toMatchObject({ serviceLevel: null, asaSeconds: null, waitProbability: null });
    expect(plan.rows[1].occupancy).toBeLessThanOrEqual(0.9);
    expect(plan.rows[0].trafficErlangs).toBeCloseTo(2, 12);
    expect(plan.totals.unplacedWorkHours).toBe(0);
  });
});

describe('compareScenario', () => {
  const channel = live(3, { open: [true, true, false] });
  const volumes = [100, 200, 50];

  it('reports base, scenario and per-interval and total differences', () => {
    const c = compareScenario(channel, volumes, { volumeMultiplier: 1.2 });
    expect(c.scenario.rows[0].volume).toBeCloseTo(120, 12);
    c.diff.rows.forEach((d, i) => {
      expect(d.scheduledAgents).toBe(c.scenario.rows[i].scheduledAgents - c.base.rows[i].scheduledAgents);
      expect(d.rawAgents).toBeGreaterThanOrEqual(0);
    });
    expect(c.diff.rows[2].serviceLevel).toBeNull();
    expect(c.diff.totals.scheduledStaffHours).toBe(
      c.scenario.totals.scheduledStaffHours - c.base.totals.scheduledStaffHours,
    );
    expect(c.diff.totals.scheduledStaffHours).toBeGreaterThan(0);
    expect(c.diff.totals.weeklyFte).toBeCloseTo(c.scenario.totals.weeklyFte - c.base.totals.weeklyFte, 12);
  });

  it('no shrinkage: scheduled equals raw', () => {
    const c = compareScenario(channel, volumes, { shrinkage: 0 });
    c.scenario.rows.forEach((r) => expect(r.scheduledAgents).toBe(r.rawAgents));
    expect(c.diff.rows[0].rawAgents).toBe(0);
  });

  it('a lower target, longer answer time and shorter AHT all need fewer agents', () => {
    for (const overrides of [{ serviceLevelTarget: 0.6 }, { answerSeconds: 60 }, { ahtSeconds: 120 }]) {
      const c = compareScenario(channel, volumes, overrides);
      expect(c.diff.totals.rawStaffHours).toBeLessThan(0);
    }
  });

  it('a lower occupancy cap needs more agents', () => {
    const c = compareScenario(channel, volumes, { maxOccupancy: 0.6 });
    expect(c.diff.rows[0].rawAgents).toBe(17 - 14);
  });

  it('no overrides: no differences', () => {
    const c = compareScenario(channel, volumes, {});
    expect(c.diff.totals).toEqual({
      workloadHours: 0,
      rawStaffHours: 0,
      scheduledStaffHours: 0,
      peakScheduledAgents: 0,
      weeklyFte: 0,
    });
  });
});

describe('sumBySkill', () => {
  it('sums scheduled agents per skill and interval, in first-seen order', () => {
    const rows = (xs: number[]) => xs.map((scheduledAgents) => ({ scheduledAgents }));
    const out = sumBySkill([
      { skill: 'en', rows: rows([1, 2, 3]) },
      { skill: 'fr', rows: rows([0, 1, 0]) },
      { skill: 'en', rows: rows([4, 0, 1]) },
    ]);
    expect(out).toEqual([
      { skill: 'en', scheduledAgents: [5, 2, 4] },
      { skill: 'fr', scheduledAgents: [0, 1, 0] },
    ]);
  });

  it('does not alias the input rows', () => {
    const first = [{ scheduledAgents: 1 }];
    sumBySkill([
      { skill: 'en', rows: first },
      { skill: 'en', rows: [{ scheduledAgents: 2 }] },
    ]);
    expect(first[0].scheduledAgents).toBe(1);
  });
});
