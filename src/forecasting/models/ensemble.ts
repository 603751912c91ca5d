import { badInput } from '../../errors';
import { sum } from '../../common/sum';
import { arimaForecaster } from './arima';
import { withBoxCox } from './boxcox';
import { isModelFitError, ModelFitError } from '../forecast-errors';
import {
  BASE_MODEL_KINDS,
  type BaseModelKind,
  type FitOptions,
  type FittedModel,
  type Forecaster,
  type ForecastResult,
  type SeriesInput,
} from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { etsForecaster } from './ets';
import { harmonicForecaster } from './harmonic';
import { mstlForecaster } from './mstl';
import { withOpenOnly } from './open-only';
import { prophetForecaster } from './prophet';
import { seasonalNaiveForecaster } from './seasonal-naive';
import { thetaForecaster } from './theta';
import { validateSeries } from '../series.validation';

/** Every base model, each accepting the `boxCox` fit option, fitted on the series as given. */
const GRID_FORECASTERS: Record<BaseModelKind, Forecaster> = {
  SNAIVE: withBoxCox(seasonalNaiveForecaster),
  MSTL: withBoxCox(mstlForecaster),
  ARIMA: withBoxCox(arimaForecaster),
  THETA: withBoxCox(thetaForecaster),
  ETS: withBoxCox(etsForecaster),
  HARMONIC: withBoxCox(harmonicForecaster),
  PROPHET: withBoxCox(prophetForecaster),
};

/** Every base model; series with closed periods are fitted on their open intervals (open-only.ts). */
export const BASE_FORECASTERS: Record<BaseModelKind, Forecaster> = {
  SNAIVE: withOpenOnly(GRID_FORECASTERS.SNAIVE),
  MSTL: withOpenOnly(GRID_FORECASTERS.MSTL),
  ARIMA: withOpenOnly(GRID_FORECASTERS.ARIMA),
  THETA: withOpenOnly(GRID_FORECASTERS.THETA),
  ETS: withOpenOnly(GRID_FORECASTERS.ETS),
  HARMONIC: withOpenOnly(GRID_FORECASTERS.HARMONIC),
  PROPHET: withOpenOnly(GRID_FORECASTERS.PROPHET),
};

const KEYS = ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const;

/**
 * Combines member forecasts: the point forecast is the mean of the members' means, and each
 * interval bound is the mean of the members' bounds (quantile averaging, "Vincentization").
 * Averaging bounds keeps lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95; it gives narrower intervals than
 * a mixture of the members, which backtest calibration (interval-calibration.ts) corrects.
 */
export function combineForecasts(forecasts: ForecastResult[], weights?: number[]): ForecastResult {
  if (forecasts.length === 0) throw badInput('forecasts must not be empty');
  if (weights && weights.length !== forecasts.length)
    throw badInput(`weights must have one entry per forecast (${forecasts.length}), got ${weights.length}`);
  const w = weights ?? forecasts.map(() => 1 / forecasts.length);
  const h = forecasts[0].mean.length;
  const out = {} as ForecastResult;
  for (const key of KEYS) {
    out[key] = Array.from({ length: h }, (_, i) =>
      forecasts.reduce((sum, f, j) => sum + w[j] * f[key][i], 0),
    );
  }
  return out;
}

/**
 * Mean of the member models (weighted when `ensemble.weights` is given, each member with its
 * own `ensemble.boxCox`); members that fail to fit are dropped (recorded in params) and the
 * remaining weights renormalised.
 */
const gridEnsembleForecaster: Forecaster = {
  kind: 'ENSEMBLE',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const kinds = options.ensemble?.members ?? [...BASE_MODEL_KINDS];
    if (kinds.length === 0 || kinds.some((k) => !BASE_MODEL_KINDS.includes(k))) {
      throw badInput(`ensemble.members must be a non-empty subset of ${BASE_MODEL_KINDS.join(', ')}`);
    }
    const { weights, boxCox } = options.ensemble ?? {};
    if (weights && (weights.length !== kinds.length || weights.some((w) => !(w > 0))))
      throw badInput(`ensemble.weights must be ${kinds.length} positive numbers`);
    if (boxCox && boxCox.length !== kinds.length)
      throw badInput(`ensemble.boxCox must have ${kinds.length} entries, one per member`);
    const members: FittedModel[] = [];
    const kept: number[] = [];
    const failed: { kind: BaseModelKind; reason: string }[] = [];
    for (const [j, kind] of kinds.entries()) {
      const memberOptions: FitOptions = {
        arima: options.arima,
        nonNegative: options.nonNegative,
        ...(boxCox ? { boxCox: boxCox[j] } : {}),
      };
      try {
        members.push(GRID_FORECASTERS[kind].fit(input, memberOptions));
        kept.push(weights ? weights[j] : 1);
      } catch (e) {
        if (!isModelFitError(e)) throw e;
        failed.push({ kind, reason: e.reason });
      }
    }
    if (members.length === 0) throw new ModelFitError('ENSEMBLE', 'every member failed');
    const total = sum(kept);
    const predictRaw = (h: number): ForecastResult => {
      const allOpen = new Array<boolean>(h).fill(true);
      return combineForecasts(
        members.map((m) => m.forecast(h, { futureOpen: allOpen })),
        kept.map((w) => w / total),
      );
    };
    return makeFittedModel(
      'ENSEMBLE',
      series,
      {
        trainingLength: series.values.length,
        periods: series.periods,
        details: { members: members.map((m) => m.params), failed, weights: kept },
      },
      predictRaw,
      options,
    );
  },
};

/** The ensemble; on a series with closed periods, it and its members fit the open intervals only. */
export const ensembleForecaster: Forecaster = withOpenOnly(gridEnsembleForecaster);
