import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import {
  candidateRewardKey,
  type CandidateRewards,
  MAX_REWARD_SHARE,
} from '../../../src/rostering/milp/roster-rewards';
import { rosterObjective } from '../../../src/rostering/roster-kpi';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { solveRoster } from '../../../src/rostering/roster-solver';

const problem = parseRosterProblem({
  weekStart: '2025-03-03',
  intervalMinutes: 60,
  staff: ['a', 'b'].map((id) => ({
    id,
    skills: ['voice'],
    hourlyCost: 20,
    minHoursWeek: 0,
    maxHoursWeek: 40,
    maxDaysWeek: 5,
    availability: [{ dayOfWeek: 1, from: '00:00', to: '24:00' }],
  })),
  shiftTemplates: [
    { id: 'E', start: '08:00', durationMinutes: 480, breakMinutes: 0, daysOfWeek: [1], skills: ['voice'] },
  ],
  requirements: [{ skill: 'voice', values: new Array(168).fill(0) }],
});

const xCost = (rewards?: CandidateRewards) => {
  const m = buildRosterModel(problem, { rewards, disable: ['preferences'] });
  return m.xCol.map((c) => m.milp.columns[c].cost);
};

describe('candidate reward terms', () => {
  it('add −scale × reward to the rewarded candidate only', () => {
    const costs = xCost({ values: { [candidateRewardKey('a', 0, 'E', 'voice')]: 0.5 }, scale: 10 });
    expect(costs).toEqual([160 - 5, 160]);
  });

  it('cap the scale at MAX_REWARD_SHARE of the cheapest shift and clamp rewards to [−1, 1]', () => {
    const costs = xCost({
      values: {
        [candidateRewardKey('a', 0, 'E', 'voice')]: 3,
        [candidateRewardKey('b', 0, 'E', 'voice')]: -1,
      },
      scale: 1000,
    });
    expect(MAX_REWARD_SHARE * 160).toBe(16);
    expect(costs).toEqual([160 - 16, 160 + 16]);
  });

  it('no rewards leave the objective as it was', () => {
    expect(xCost()).toEqual([160, 160]);
  });
});

describe('a solve with rewards', () => {
  // One 8-hour shift to cover; a is cheaper (20 vs 20.5 an hour, 160 vs 164), the model wants b.
  const need = new Array<number>(168).fill(0).map((_, h) => (h >= 8 && h < 16 ? 1 : 0));
  const twoPeople = parseRosterProblem({
    ...problem,
    staff: problem.staff.map((s) => ({ ...s, hourlyCost: s.id === 'a' ? 20 : 20.5 })),
    requirements: [{ skill: 'voice', values: need }],
  });
  const rewards: CandidateRewards = {
    values: {
      [candidateRewardKey('a', 0, 'E', 'voice')]: -1,
      [candidateRewardKey('b', 0, 'E', 'voice')]: 1,
    },
    scale: 16,
  };

  it("keeps HiGHS' roster that follows the rewards: the greedy start (a) is priced with them too", async () => {
    const rules = await solveRoster(twoPeople);
    expect(rules.assignments.map((a) => a.staffId)).toEqual(['a']);
    const r = await solveRoster(twoPeople, { rewards });
    // b: 164 − 16 = 148 against a: 160 + 16 = 176 (each plus the same contract deviation)
    expect(r.assignments.map((a) => a.staffId)).toEqual(['b']);
    expect(r.source).toBe('MILP');
    expect(r.status).toBe('OPTIMAL');
    expect(r.gap).toBe(0);
    expect(r.objective).toBeCloseTo(rosterObjective(twoPeople, r.assignments) - 16, 6);
  });

  it('prices the greedy roster with the rewards when HiGHS is skipped', async () => {
    const r = await solveRoster(twoPeople, { rewards, heuristicOnly: true });
    expect(r.objective).toBeCloseTo(rosterObjective(twoPeople, r.assignments) + 16, 6);
  });
});
