import { badInput } from '../../errors';
import { ModelFitError } from '../forecast-errors';
import type {
  EtsOptions,
  FitOptions,
  FittedModel,
  Forecaster,
  ForecastResult,
  SeriesInput,
} from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { validateSeries } from '../series.validation';
import { etsCandidates, fitAutoEts, type EtsFit } from './ets-fit.core';
import { classOneVariance, etsSimulatedForecast, isClassOne } from './ets-forecast.core';
import { etsPointForecast, specName, type EtsSpec } from './ets-recursion.core';
import { gaussianIntervals } from '../forecast-postprocess';

/** R's `ets` ignores seasons longer than this (a season has m − 1 free initial states). */
export const MAX_ETS_PERIOD = 24;

/** A model code as R writes it (`MAdM`: multiplicative error, damped trend, multiplicative season). */
export const ETS_CODE = /^([AM])(N|A|Ad)([NAM])$/;

export const etsCode = (s: EtsSpec): string => `${s.error}${s.trend}${s.season}`;

/** Parses `MAdM`-style codes; throws BAD_USER_INPUT naming the option. */
export function parseEtsCode(code: string): EtsSpec {
  const match = ETS_CODE.exec(code);
  if (!match) throw badInput(`ets.model must be a code like ANN, AAdA or MAM, got ${JSON.stringify(code)}`);
  return { error: match[1], trend: match[2], season: match[3] } as EtsSpec;
}

/** The season ETS uses: the longest period of at most MAX_ETS_PERIOD shorter than the series (as R). */
export function etsPeriod(periods: number[], n: number): number {
  const usable = periods.filter((p) => p <= MAX_ETS_PERIOD && p < n);
  return usable.length > 0 ? Math.max(...usable) : 1;
}

/** The model a fit searches, or the one `options.model` fixes (a refit of a stored model). */
function fitFor(values: number[], m: number, options: EtsOptions = {}): EtsFit {
  const specs = options.model
    ? [parseEtsCode(options.model)]
    : etsCandidates(values, m, options.additiveOnly);
  const fit = fitAutoEts(values, m, specs);
  if (!fit) throw new ModelFitError('ETS', `no ETS model could be fitted to ${values.length} values`);
  return fit;
}

/** Point forecasts and 80 %/95 % intervals h steps after the fitted series: exact (class 1) or simulated. */
export function etsForecast(fit: EtsFit, h: number): ForecastResult {
  if (!isClassOne(fit.spec)) return etsSimulatedForecast(fit, h);
  const sd = classOneVariance(fit.spec, fit.params, fit.sigma2, fit.m, h).map(Math.sqrt);
  return gaussianIntervals(etsPointForecast(fit.spec, fit.params, fit.final, h), sd);
}

/**
 * Exponential smoothing state-space models as R's `forecast::ets`: the fifteen models of
 * additive or multiplicative error, none/additive/damped trend and none/additive/
 * multiplicative season are fitted by maximum likelihood and the lowest AICc is kept. One
 * season of at most MAX_ETS_PERIOD steps (daily, weekly, monthly, quarterly data); a series
 * with a longer season is refused (R drops the season with a warning, and the forecast with it).
 */
export const etsForecaster: Forecaster = {
  kind: 'ETS',
  fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
    const series = validateSeries(input);
    const longest = Math.max(...series.periods);
    if (longest > MAX_ETS_PERIOD)
      throw new ModelFitError(
        'ETS',
        `ETS models one season of at most ${MAX_ETS_PERIOD} steps (as R's ets); this series has a ` +
          `${longest}-step season: use MSTL, which smooths several seasons with ETS`,
      );
    const m = etsPeriod(series.periods, series.values.length);
    const fit = fitFor(series.values, m, options.ets);
    const { alpha, beta, gamma, phi } = fit.params;
    return makeFittedModel(
      'ETS',
      series,
      {
        trainingLength: series.values.length,
        periods: m > 1 ? [m] : [],
        details: {
          model: specName(fit.spec),
          code: etsCode(fit.spec),
          alpha,
          ...(fit.spec.trend !== 'N' ? { beta } : {}),
          ...(fit.spec.season !== 'N' ? { gamma } : {}),
          ...(fit.spec.trend === 'Ad' ? { phi } : {}),
          aicc: fit.aicc,
          sigma2: fit.sigma2,
        },
      },
      (h) => etsForecast(fit, h),
      options,
    );
  },
};
