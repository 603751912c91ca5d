/**
 * The requirement the roster optimiser consumes: scheduled agents per skill per interval,
 * summed over every channel plan that needs that skill.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';

export interface SkillPlanInput {
  skill: string;
  rows: readonly { scheduledAgents: number }[];
}

export interface SkillRequirement {
  skill: string;
  /** Scheduled agents per interval. */
  scheduledAgents: number[];
}

/** Sums scheduled agents per skill and interval; skills keep their first-seen order. */
export function sumBySkill(plans: readonly SkillPlanInput[]): SkillRequirement[] {
  const bySkill = new Map<string, number[]>();
  for (const plan of plans) {
    const sums = bySkill.get(plan.skill);
    if (sums === undefined) {
      bySkill.set(
        plan.skill,
        plan.rows.map((r) => r.scheduledAgents),
      );
      continue;
    }
    if (sums.length !== plan.rows.length) {
      throw badInput(
        `plans for skill ${plan.skill} must have the same number of intervals, got ${sums.length} and ${plan.rows.length}`,
      );
    }
    plan.rows.forEach((r, i) => (sums[i] = at(sums, i) + r.scheduledAgents));
  }
  return [...bySkill].map(([skill, scheduledAgents]) => ({ skill, scheduledAgents }));
}
