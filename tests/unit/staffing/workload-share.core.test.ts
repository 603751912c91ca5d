import type { StaffingChannel } from '../../../src/staffing/staffing-plan.core';
import type { WorkloadPlan, WorkloadProblem } from '../../../src/staffing/workload-lp.core';
import { agentShares, pooledChannelPlan } from '../../../src/staffing/workload-share.core';

/** Two channels pooled on 4 one-hour slots; the plan is given (as if solved). */
const problem: WorkloadProblem = {
  skill: 'outbound',
  intervalMinutes: 60,
  shrinkage: 0.2,
  channels: [
    {
      key: 'a',
      arrivals: [0, 0, 0, 0],
      open: [true, true, true, false],
      ahtSeconds: 3600,
      responseHours: 2,
      maxOccupancy: 1,
    },
    {
      key: 'b',
      arrivals: [0, 0, 0, 0],
      open: [true, true, true, true],
      ahtSeconds: 1800,
      responseHours: 2,
      maxOccupancy: 0.5,
    },
  ],
};
const flow = (key: string, handled: number[]) => ({
  key,
  arrivedItems: 0,
  carriedInItems: 0,
  handledItems: 0,
  carriedOutItems: 0,
  dueItems: 0,
  onTimeShare: 1,
  handled,
  carryOut: [],
});
const plan: WorkloadPlan = {
  skill: 'outbound',
  intervalMinutes: 60,
  shrinkage: 0.2,
  scheduledAgents: [5, 2, 3, 0],
  productiveAgents: [4, 1.6, 2.4, 0],
  workHours: [0, 0, 0, 0],
  occupancy: [0, 0, 0, 0],
  // slot 0: a uses 3 × 1 h / 1 = 3 h of capacity, b 2 × 0.5 h / 0.5 = 2 h; slot 1: nothing handled; slot 2: only b
  channels: [flow('a', [3, 0, 0, 0]), flow('b', [2, 0, 1, 0])],
  staffHours: 10,
  workloadHours: 0,
};

describe('agentShares', () => {
  it('splits the pooled agents by the capacity each channel’s handled work uses', () => {
    const [a, b] = agentShares(problem, plan);
    expect(a![0]).toBeCloseTo(3, 12);
    expect(b![0]).toBeCloseTo(2, 12);
    expect(a![2]).toBe(0);
    expect(b![2]).toBe(3);
  });

  it('splits idle agents equally among the channels open in the slot; shares add up in every slot', () => {
    const shares = agentShares(problem, plan);
    expect(shares.map((s) => s[1])).toEqual([1, 1]);
    for (let t = 0; t < 4; t++)
      expect(shares[0]![t]! + shares[1]![t]!).toBeCloseTo(plan.scheduledAgents[t]!, 12);
  });
});

describe('pooledChannelPlan', () => {
  const channel: StaffingChannel = {
    key: 'b',
    kind: 'DEFERRED',
    intervalMinutes: 120,
    ahtSeconds: 1800,
    serviceLevel: { target: 0.8, answerSeconds: 20 },
    maxOccupancy: 0.5,
    shrinkage: 0.1,
    responseHours: 2,
    open: [true, true],
  };
  const share = { intervalMinutes: 60, shrinkage: 0.2, agents: [1, 3, 2, 0], handled: [2, 0, 1, 0] };

  it('averages the share over the channel’s longer interval, so staff hours add up', () => {
    const p = pooledChannelPlan(channel, [4, 2], share);
    expect(p.rows.map((r) => r.scheduledAgents)).toEqual([2, 1]);
    expect(p.rows[0]!.rawAgents).toBeCloseTo(1.6, 12); // the pool's shrinkage, not the channel's
    expect(p.totals.scheduledStaffHours).toBe(2 * (2 + 1));
    // 2 items × 0.5 h handled over 1.6 productive agents × 2 h
    expect(p.rows[0]!.occupancy).toBeCloseTo(1 / 3.2, 12);
    expect(p.rows[0]!.trafficErlangs).toBe(1); // 4 × 1800 s / 7200 s
    expect(p.totals.unplacedWorkHours).toBe(0);
    expect(p.model).toBe('WORKLOAD');
  });

  it('refuses a share on a grid that does not divide the channel’s interval', () => {
    expect(() => pooledChannelPlan({ ...channel, intervalMinutes: 90 }, [4, 2], share)).toThrow(
      "intervalMinutes must be a multiple of the pooled plan's 60, got 90",
    );
    expect(() => pooledChannelPlan(channel, [4, 2, 1], share)).toThrow('share must have 6 slots, got 4');
  });
});
