import {
  backtest,
  byMase,
  type BacktestOptions,
  type BacktestReport,
  type ModelBacktest,
} from './backtest.runner';
import { BASE_FORECASTERS, ensembleForecaster } from './ensemble.model';
import { isModelFitError, ModelFitError } from './forecast.errors';
import type { BaseModelKind, FitOptions, FittedModel, ModelKind, SeriesInput } from './forecast.types';

export interface AutoOptions extends BacktestOptions {
  /** Apply interval factors estimated from the winner's backtest residuals (default true). */
  calibrate?: boolean;
}

export interface AutoSelection {
  selected: ModelKind;
  members?: BaseModelKind[];
  report: BacktestReport;
  model: FittedModel;
}

function fitCandidate(candidate: ModelBacktest, input: SeriesInput, options: AutoOptions): FittedModel {
  const fit: FitOptions = {
    ...options.fit,
    ...(options.calibrate !== false && candidate.calibration ? { calibration: candidate.calibration } : {}),
  };
  if (candidate.kind === 'ENSEMBLE') {
    return ensembleForecaster.fit(input, { ...fit, ensemble: { members: candidate.members } });
  }
  return BASE_FORECASTERS[candidate.kind as BaseModelKind].fit(input, fit);
}

/**
 * AUTO: backtests every candidate (seasonal naive always included, plus an ensemble of the
 * best ones) and refits the one with the lowest mean MASE on the whole series, with interval
 * calibration from its backtest residuals. Ties go to the simpler model. If the winner fails
 * on the full series, the next one is tried; seasonal naive is the last resort.
 */
export function selectAuto(input: SeriesInput, options: AutoOptions = {}): AutoSelection {
  const report = backtest(input, options);
  const ranked = report.models.filter((m) => m.ok).sort(byMase);
  const failures: string[] = [];
  for (const candidate of ranked) {
    try {
      const model = fitCandidate(candidate, input, options);
      return {
        selected: candidate.kind,
        ...(candidate.members ? { members: candidate.members } : {}),
        report,
        model,
      };
    } catch (e) {
      if (!isModelFitError(e)) throw e;
      failures.push(e.message);
    }
  }
  throw new ModelFitError('SNAIVE', `no candidate could be fitted: ${failures.join('; ')}`);
}
