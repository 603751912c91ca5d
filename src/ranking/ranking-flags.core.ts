/**
 * Which objective a week is planned with, from the ML flags and the canary. Pure.
 * - ranking off (`ML_ENABLED` or `ML_RANKING_ENABLED` false): the rules only;
 * - `ML_SHADOW_MODE`: the rules roster is the one stored for publishing, and a second roster
 *   is solved with the model and stored as a SHADOW (never publishable);
 * - otherwise the weeks in the canary (`ML_CANARY_PERCENT`, stable hash of the week) use the model.
 */
import { inCanary } from './ranking-canary.core';

export interface RankingFlags {
  mlEnabled: boolean;
  rankingEnabled: boolean;
  confidenceThreshold: number;
  shadowMode: boolean;
  canaryPercent: number;
}

export type PlanMode = { mode: 'RULES'; reason: string } | { mode: 'MODEL' } | { mode: 'SHADOW' };

export function planMode(flags: RankingFlags, week: string): PlanMode {
  if (!flags.mlEnabled || !flags.rankingEnabled)
    return { mode: 'RULES', reason: 'learned ranking is switched off' };
  if (flags.shadowMode) return { mode: 'SHADOW' };
  if (!inCanary(week, flags.canaryPercent)) return { mode: 'RULES', reason: 'week outside the canary' };
  return { mode: 'MODEL' };
}

/** The flags from the parsed configuration. */
export const rankingFlags = (config: {
  ML_ENABLED: boolean;
  ML_RANKING_ENABLED: boolean;
  ML_CONFIDENCE_THRESHOLD: number;
  ML_SHADOW_MODE: boolean;
  ML_CANARY_PERCENT: number;
}): RankingFlags => ({
  mlEnabled: config.ML_ENABLED,
  rankingEnabled: config.ML_RANKING_ENABLED,
  confidenceThreshold: config.ML_CONFIDENCE_THRESHOLD,
  shadowMode: config.ML_SHADOW_MODE,
  canaryPercent: config.ML_CANARY_PERCENT,
});
