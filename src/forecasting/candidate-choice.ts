/**
 * The join of AUTO's backtest: the inverse-error weighted combination of the best candidates
 * and AUTO's choice among them all (the candidates themselves: candidate-backtest.ts).
 */
import { AppError } from '../errors';
import { summarise } from './backtest-runner';
import {
  autoOrigins,
  specComplexity,
  type AutoBacktestOptions,
  type AutoBacktestResult,
  type AutoOrigins,
  type CandidateBacktest,
  type CandidateSpec,
} from './candidate-backtest';
import { ModelFitError } from './forecast-errors';
import type { ForecastResult, SeriesInput } from './forecast.types';
import { combineForecasts } from './models/ensemble';
import { chooseCandidate, diverseTop, inverseErrorWeights, weightedScore } from './selection.core';

/**
 * The combination ranks as the simplest choice: it adds no parameters to its members and,
 * within the backtest noise, is the robust pick (forecast combination); among single models
 * the simpler one is preferred.
 */
const complexityOf = (c: CandidateBacktest): number => (c.spec ? specComplexity(c.spec) : -1);

/** A candidate that ran on every origin with a finite score. */
export type RankedCandidate = CandidateBacktest & { score: number };

/** Ran on every origin with a finite score: may join the combination and be chosen. */
export const isRanked = (c: CandidateBacktest): c is RankedCandidate =>
  c.ok && c.score !== undefined && Number.isFinite(c.score);

/** What a single-model candidate brings to the combination: its spec and per-origin forecasts. */
function memberOf(c: CandidateBacktest): { spec: CandidateSpec; forecasts: ForecastResult[] } {
  if (!c.spec || !c.forecasts)
    throw new AppError('INTERNAL', `candidate ${c.label} has no spec or forecasts`);
  return { spec: c.spec, forecasts: c.forecasts };
}

/** A candidate's MASE at each origin; every candidate that ran has them. */
function perOriginMase(c: CandidateBacktest): number[] {
  if (!c.perOrigin) throw new AppError('INTERNAL', `candidate ${c.label} has no per-origin metrics`);
  return c.perOrigin.map((m) => m.mase);
}

/**
 * The inverse-error weighted combination of the best variant of each of the `size` best
 * kinds, backtested on the members' per-origin forecasts; null with fewer than two members.
 */
function combinedCandidate(
  results: CandidateBacktest[],
  size: number,
  { origins, bucketSlots, power }: AutoOrigins,
): CandidateBacktest | null {
  const complete = results.filter(isRanked);
  const top = diverseTop(
    complete.map((c) => ({ kind: c.kind, score: c.score })),
    size,
  ).map((i) => complete[i]);
  if (size < 2 || top.length < 2) return null;
  const weights = inverseErrorWeights(top.map((c) => Math.max(c.score, 1e-9)));
  const members = top.map(memberOf);
  const combined = origins.map((_, i) =>
    combineForecasts(
      members.map((m) => m.forecasts[i]),
      weights,
    ),
  );
  const fitMs = top.reduce((s, c) => s + (c.fitMs ?? 0), 0);
  const summary = summarise('ENSEMBLE', origins, combined, fitMs * origins.length, bucketSlots, power);
  return {
    ...summary,
    label: `ENSEMBLE(${top.map((c) => c.label).join('+')})`,
    members: members.map((m) => m.spec.kind),
    specs: members.map((m) => m.spec),
    weights,
    score: weightedScore(summary.perOrigin.map((m) => m.mase)),
  };
}

/** AUTO's choice among the ranked candidates (see selection.core.ts), as an index into them all. */
function chosenIndex(candidates: CandidateBacktest[]): number {
  const eligible = candidates.map((c, i) => ({ c, i })).filter(({ c }) => isRanked(c));
  if (eligible.length > 0) {
    const pick = chooseCandidate(
      eligible.map(({ c }) => ({ perOrigin: perOriginMase(c), complexity: complexityOf(c) })),
    );
    return eligible[pick].i;
  }
  // No finite score (e.g. a series without seasonal variation: MASE undefined): the simplest that ran.
  const chosen = candidates.findIndex((c) => c.ok);
  if (chosen < 0) throw new ModelFitError('SNAIVE', 'no candidate could be backtested');
  return chosen;
}

/**
 * Joins backtested candidates: adds the inverse-error weighted combination of the best
 * variant of each of the `combine` best kinds, then picks AUTO's choice (see selection.core.ts).
 * Per-origin forecasts are dropped from the result.
 */
export function combineAndChoose(
  input: SeriesInput,
  results: CandidateBacktest[],
  options: AutoBacktestOptions = {},
): AutoBacktestResult {
  const plan = autoOrigins(input, options);
  const combination = combinedCandidate(results, options.combine ?? 3, plan);
  const candidates = combination ? [...results, combination] : [...results];
  const chosen = chosenIndex(candidates);
  return {
    horizon: plan.h,
    origins: plan.origins.map((o) => o.train.values.length),
    scalePeriod: plan.scalePeriod,
    candidates: candidates.map(({ forecasts: _dropped, ...c }) => c),
    chosen,
  };
}
