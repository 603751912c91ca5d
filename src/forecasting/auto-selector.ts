import {
  autoSpecs,
  type AutoBacktestOptions,
  type AutoBacktestResult,
  type CandidateBacktest,
} from './candidate-backtest';
import { backtestCandidates } from './candidate-backtest-steps';
import { combineAndChoose, isRanked } from './candidate-choice';
import { BASE_FORECASTERS, ensembleForecaster } from './models/ensemble';
import { isModelFitError, ModelFitError } from './forecast-errors';
import type { FitOptions, FittedModel, ModelKind, SeriesInput } from './forecast.types';

export interface AutoOptions extends AutoBacktestOptions {
  /** Apply interval factors estimated from the winner's backtest residuals (default true). */
  calibrate?: boolean;
}

export interface AutoSelection {
  selected: ModelKind;
  /** The chosen candidate's label, e.g. `MSTL+BOXCOX` or `ENSEMBLE(THETA+MSTL+PROPHET)`. */
  label: string;
  report: AutoBacktestResult;
  model: FittedModel;
}

/** Fits a backtested candidate (a model with or without Box-Cox, or a weighted combination) on the whole series. */
export function fitCandidate(
  candidate: CandidateBacktest,
  input: SeriesInput,
  options: AutoOptions,
): FittedModel {
  const fit: FitOptions = {
    ...options.fit,
    ...(options.calibrate !== false && candidate.calibration ? { calibration: candidate.calibration } : {}),
  };
  if (candidate.specs) {
    return ensembleForecaster.fit(input, {
      ...fit,
      ensemble: {
        members: candidate.specs.map((s) => s.kind),
        weights: candidate.weights,
        boxCox: candidate.specs.map((s) => s.boxCox ?? 'none'),
      },
    });
  }
  const spec = candidate.spec ?? { kind: 'SNAIVE' as const };
  return BASE_FORECASTERS[spec.kind].fit(input, { ...fit, boxCox: spec.boxCox ?? 'none' });
}

/**
 * Fits AUTO's choice; if it fails on the whole series, the next candidates by score are
 * tried, and seasonal naive last.
 */
export function fitChosen(
  input: SeriesInput,
  report: AutoBacktestResult,
  options: AutoOptions,
): AutoSelection {
  const chosen = report.candidates[report.chosen];
  const rest = report.candidates
    .filter((_, i) => i !== report.chosen)
    .filter(isRanked)
    .sort((a, b) => a.score - b.score);
  const snaive = report.candidates.find((c) => c.spec?.kind === 'SNAIVE' && !c.spec.boxCox);
  const order = [
    chosen,
    ...rest.filter((c) => c !== snaive),
    ...(snaive && snaive !== chosen ? [snaive] : []),
  ];
  const failures: string[] = [];
  for (const candidate of order) {
    try {
      return {
        selected: candidate.kind,
        label: candidate.label,
        report,
        model: fitCandidate(candidate, input, options),
      };
    } catch (e) {
      if (!isModelFitError(e)) throw e;
      failures.push(e.message);
    }
  }
  throw new ModelFitError('SNAIVE', `no candidate could be fitted: ${failures.join('; ')}`);
}

/**
 * AUTO: backtests every candidate over rolling origins (see candidate-backtest.ts), adds the
 * weighted combination of the best three, chooses by recency-weighted mean MASE preferring the
 * simpler model within the backtest's noise, and fits the choice on the whole series with
 * interval calibration from its backtest residuals. Seasonal naive is always a candidate and
 * the last resort.
 */
export function selectAuto(input: SeriesInput, options: AutoOptions = {}): AutoSelection {
  const results = backtestCandidates(input, autoSpecs(input, options), options);
  return fitChosen(input, combineAndChoose(input, results, options), options);
}
