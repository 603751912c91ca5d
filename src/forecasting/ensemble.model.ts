import { badInput } from '../errors';
import { arimaForecaster } from './arima.model';
import { isModelFitError, ModelFitError } from './forecast.errors';
import {
  BASE_MODEL_KINDS,
  type BaseModelKind,
  type FitOptions,
  type FittedModel,
  type Forecaster,
  type ForecastResult,
  type SeriesInput,
} from './forecast.types';
import { makeFittedModel } from './fitted-model.factory';
import { mstlForecaster } from './mstl.model';
import { seasonalNaiveForecaster } from './seasonal-naive.model';
import { validateSeries } from './series.validation';

export const BASE_FORECASTERS: Record<BaseModelKind, Forecaster> = {
  SNAIVE: seasonalNaiveForecaster,
  MSTL: mstlForecaster,
  ARIMA: arimaForecaster,
};

const KEYS = ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const;

/**
 * Combines member forecasts: the point forecast is the mean of the members' means, and each
 * interval bound is the mean of the members' bounds (quantile averaging, "Vincentization").
 * Averaging bounds keeps lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95; it gives narrower intervals than
 * a mixture of the members, which backtest calibration (interval.calibration.ts) corrects.
 */
export function combineForecasts(forecasts: ForecastResult[]): ForecastResult {
  if (forecasts.length === 0) throw badInput('forecasts must not be empty');
  const h = forecasts[0].mean.length;
  const out = {} as ForecastResult;
  for (const key of KEYS) {
    out[key] = Array.from(
      { length: h },
      (_, i) => forecasts.reduce((sum, f) => sum + f[key][i], 0) / forecasts.length,
    );
  }
  return out;
}

/** Mean of the member models; members that fail to fit are dropped (recorded in params). */
export const ensembleForecaster: Forecaster = {
  kind: 'ENSEMBLE',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const kinds = options.ensemble?.members ?? [...BASE_MODEL_KINDS];
    if (kinds.length === 0 || kinds.some((k) => !BASE_MODEL_KINDS.includes(k))) {
      throw badInput(`ensemble.members must be a non-empty subset of ${BASE_MODEL_KINDS.join(', ')}`);
    }
    const memberOptions: FitOptions = { arima: options.arima, nonNegative: options.nonNegative };
    const members: FittedModel[] = [];
    const failed: { kind: BaseModelKind; reason: string }[] = [];
    for (const kind of kinds) {
      try {
        members.push(BASE_FORECASTERS[kind].fit(input, memberOptions));
      } catch (e) {
        if (!isModelFitError(e)) throw e;
        failed.push({ kind, reason: e.reason });
      }
    }
    if (members.length === 0) throw new ModelFitError('ENSEMBLE', 'every member failed');
    const predictRaw = (h: number): ForecastResult => {
      const allOpen = new Array<boolean>(h).fill(true);
      return combineForecasts(members.map((m) => m.forecast(h, { futureOpen: allOpen })));
    };
    return makeFittedModel(
      'ENSEMBLE',
      series,
      {
        trainingLength: series.values.length,
        periods: series.periods,
        details: { members: members.map((m) => m.params), failed },
      },
      predictRaw,
      options,
    );
  },
};
