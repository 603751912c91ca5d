/**
 * From ranker probabilities to the roster objective's soft rewards, with the rule-based
 * fallback: no model or a failed prediction → the stated-preference rules only (path RULES,
 * fallback rate 1); a candidate whose confidence max(p, 1 − p) is below the threshold gets no
 * learned reward (its stated preferences decide). Reward = 2p − 1 in [−1, 1]. Pure.
 */
import { at } from '../common/indexed';
import type { CandidateRewards } from '../rostering/milp/roster-rewards';

export interface RewardDecision {
  path: 'RULES' | 'MODEL';
  rewards: CandidateRewards | null;
  /** Share of candidates on the rules (1 on the RULES path). */
  fallbackRate: number;
  reason: string | null;
}

/** Cost units of a reward of 1 (capped by the roster model at a share of a shift's cost). */
export const DEFAULT_REWARD_SCALE = 16;

export type Prediction =
  { ok: true; keys: string[]; probabilities: number[] } | { ok: false; reason: string };

export function decideRewards(
  prediction: Prediction,
  threshold: number,
  scale = DEFAULT_REWARD_SCALE,
): RewardDecision {
  if (!(threshold >= 0.5 && threshold <= 1))
    throw new Error(`threshold must be in [0.5, 1], got ${threshold}`);
  if (!prediction.ok) return { path: 'RULES', rewards: null, fallbackRate: 1, reason: prediction.reason };
  const { keys, probabilities } = prediction;
  if (keys.length !== probabilities.length || keys.length === 0)
    return {
      path: 'RULES',
      rewards: null,
      fallbackRate: 1,
      reason: 'the prediction did not match the candidates',
    };
  const values: Record<string, number> = {};
  let fallback = 0;
  keys.forEach((key, i) => {
    const p = at(probabilities, i);
    if (!Number.isFinite(p) || p < 0 || p > 1 || Math.max(p, 1 - p) < threshold) {
      fallback++;
      return;
    }
    values[key] = 2 * p - 1;
  });
  const fallbackRate = fallback / keys.length;
  if (fallback === keys.length)
    return {
      path: 'RULES',
      rewards: null,
      fallbackRate: 1,
      reason: `no candidate reached confidence ${threshold}`,
    };
  return { path: 'MODEL', rewards: { values, scale }, fallbackRate, reason: null };
}
