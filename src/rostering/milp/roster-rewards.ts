/**
 * Soft rewards per candidate (learned preferences, see src/ranking/): a cost of
 * `−scale × reward` on x for each candidate with a reward in [−1, 1]. The scale is capped at
 * `MAX_REWARD_SHARE` of the cheapest candidate shift's labour cost, so no reward can pay for
 * a shift, and under-cover (priced per missing agent-hour) always dominates.
 */
import { daysBetween } from '../../common/calendar';
import { at } from '../../common/indexed';
import type { RosterProblem } from '../roster-problem-schema';
import type { RosterAssignment } from '../roster.types';
import type { BuildContext } from './roster-constraints';
import type { Candidate } from './shift-candidates';

/** Rewards keyed by `candidateRewardKey`; keys absent get no reward. */
export interface CandidateRewards {
  values: Record<string, number>;
  /** Cost units of a reward of 1 before the cap. */
  scale: number;
}

export const MAX_REWARD_SHARE = 0.1;

/** `staffId|day|templateId|skill`, day 0…6 from the Monday. */
export const candidateRewardKey = (staffId: string, day: number, templateId: string, skill: string): string =>
  `${staffId}|${day}|${templateId}|${skill}`;

/** The scale the reward terms use: `rewards.scale` capped at MAX_REWARD_SHARE of the cheapest candidate shift. */
export function rewardScale(
  problem: RosterProblem,
  candidates: readonly Candidate[],
  rewards: CandidateRewards,
): number {
  let cheapest = Infinity;
  for (const c of candidates)
    cheapest = Math.min(cheapest, at(problem.staff, c.staffIndex).hourlyCost * c.shift.paidHours);
  return Number.isFinite(cheapest) ? Math.max(0, Math.min(rewards.scale, MAX_REWARD_SHARE * cheapest)) : 0;
}

/** The cost term of one reward (0 when the key has none), clamped to [−1, 1]. */
function rewardTerm(rewards: CandidateRewards, key: string, scale: number): number {
  const reward = rewards.values[key];
  if (reward === undefined || !Number.isFinite(reward)) return 0;
  return -scale * Math.max(-1, Math.min(1, reward));
}

/** Adds `−scale × reward` to each rewarded candidate's x; returns the scale actually used. */
export function addCandidateRewardTerms(ctx: BuildContext, rewards: CandidateRewards): number {
  const { problem, candidates } = ctx;
  const scale = rewardScale(problem, candidates, rewards);
  if (scale === 0) return 0;
  candidates.forEach((c, i) => {
    const templateId = at(problem.shiftTemplates, c.shift.templateIndex).id;
    const key = candidateRewardKey(at(problem.staff, c.staffIndex).id, c.shift.day, templateId, c.skill);
    const cost = rewardTerm(rewards, key, scale);
    if (cost !== 0) ctx.b.addCost(at(ctx.xCol, i), cost);
  });
  return scale;
}

/**
 * What the reward terms add to the objective of a roster, priced exactly as the MILP prices
 * them: the greedy roster and HiGHS' roster must be compared on the objective HiGHS minimised.
 */
export function rosterRewardCost(
  problem: RosterProblem,
  candidates: readonly Candidate[],
  rewards: CandidateRewards,
  assignments: readonly RosterAssignment[],
): number {
  const scale = rewardScale(problem, candidates, rewards);
  if (scale === 0) return 0;
  let cost = 0;
  for (const a of assignments)
    cost += rewardTerm(
      rewards,
      candidateRewardKey(a.staffId, daysBetween(problem.weekStart, a.date), a.shiftTemplateId, a.skill),
      scale,
    );
  return cost;
}
