/**
 * Soft rewards per candidate (learned preferences, see src/ranking/): a cost of
 * `−scale × reward` on x for each candidate with a reward in [−1, 1]. The scale is capped at
 * `MAX_REWARD_SHARE` of the cheapest candidate shift's labour cost, so no reward can pay for
 * a shift, and under-cover (priced per missing agent-hour) always dominates.
 */
import { at } from '../../common/indexed';
import type { BuildContext } from './roster-constraints';

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

/** Adds `−scale × reward` to each rewarded candidate's x; returns the scale actually used. */
export function addCandidateRewardTerms(ctx: BuildContext, rewards: CandidateRewards): number {
  const { problem, candidates } = ctx;
  const shiftCosts = candidates.map((c) => at(problem.staff, c.staffIndex).hourlyCost * c.shift.paidHours);
  const cheapest = shiftCosts.length > 0 ? Math.min(...shiftCosts) : 0;
  const scale = Math.max(0, Math.min(rewards.scale, MAX_REWARD_SHARE * cheapest));
  if (scale === 0) return 0;
  candidates.forEach((c, i) => {
    const templateId = at(problem.shiftTemplates, c.shift.templateIndex).id;
    const key = candidateRewardKey(at(problem.staff, c.staffIndex).id, c.shift.day, templateId, c.skill);
    const reward = rewards.values[key];
    if (reward === undefined || !Number.isFinite(reward)) return;
    ctx.b.addCost(at(ctx.xCol, i), -scale * Math.max(-1, Math.min(1, reward)));
  });
  return scale;
}
