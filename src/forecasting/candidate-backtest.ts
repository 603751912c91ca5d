/**
 * AUTO's candidates and backtest plan: every base model raw and with Box-Cox, more rolling
 * origins than the registry's plain backtest, weighted to recent ones. The backtest itself
 * runs in steps (candidate-backtest-steps.ts); the combination of the best three and the
 * choice are candidate-choice.ts.
 */
import { planOrigins, type ModelBacktest, type OriginData } from './backtest-runner';
import type { BaseModelKind, FitOptions, ForecastResult, SeriesInput } from './forecast.types';
import { errorPower } from './interval-calibration';
import { longestUsablePeriod } from './series.validation';

export interface CandidateSpec {
  kind: BaseModelKind;
  boxCox?: 'auto';
}

export interface AutoBacktestOptions {
  /** Steps ahead per origin (default: a week of intervals with stepMinutes, else the longest period). */
  horizon?: number;
  stepMinutes?: number;
  /** Rolling origins (default 8), weighted to recent ones. */
  origins?: number;
  /** Distance between origins (default min(horizon, longest period)). */
  step?: number;
  /** Base models (default all). SNAIVE is always a candidate. */
  kinds?: BaseModelKind[];
  /** Also try each model except SNAIVE on Box-Cox transformed values (default true). */
  boxCox?: boolean;
  /** Members of the combination candidate (default 3; below 2 disables). */
  combine?: number;
  fit?: FitOptions;
}

/** One backtested candidate; `members` and `weights` describe a combination. */
export interface CandidateBacktest extends ModelBacktest {
  label: string;
  spec?: CandidateSpec;
  specs?: CandidateSpec[];
  weights?: number[];
  /** Recency-weighted mean MASE over the origins (AUTO's ranking score). */
  score?: number;
  /** Per-origin forecasts, kept for the combination; dropped before storing. */
  forecasts?: ForecastResult[];
}

export interface AutoBacktestResult {
  horizon: number;
  origins: number[];
  scalePeriod: number;
  candidates: CandidateBacktest[];
  /** Index into `candidates` of AUTO's choice. */
  chosen: number;
}

/** AUTO's rolling origins by default: more than the registry's plain backtest, weighted to recent ones. */
export const AUTO_ORIGINS = 8;

/** Seasons at least this long (in steps) get harmonic regression as an AUTO candidate. */
export const LONG_SEASON = 24;

/** Simpler first: the order in which ties are broken. */
export const CANDIDATE_COMPLEXITY: Record<BaseModelKind | 'ENSEMBLE', number> = {
  SNAIVE: 0,
  THETA: 1,
  ETS: 2,
  MSTL: 3,
  HARMONIC: 4,
  ARIMA: 5,
  PROPHET: 6,
  ENSEMBLE: 7,
};

export const specLabel = (s: CandidateSpec): string => (s.boxCox ? `${s.kind}+BOXCOX` : s.kind);

/** A candidate's place in CANDIDATE_COMPLEXITY; Box-Cox adds a half. */
export const specComplexity = (s: CandidateSpec): number =>
  CANDIDATE_COMPLEXITY[s.kind] + (s.boxCox ? 0.5 : 0);

/**
 * Candidates for a series: the kinds, each also with Box-Cox when the values are
 * non-negative. On intraday data the costliest fits are left out (time budget): ARIMA and
 * Prophet run on raw values only (hourly and finer: thousands of points per fit), and below
 * hourly there is no ARIMA at all (a season of 48+ intervals costs seconds per fit).
 * Harmonic regression joins where a season is long (LONG_SEASON steps or more), the case it
 * is made for. ETS is not a default candidate: with it AUTO scored worse on the public benchmark's
 * monthly series and 2.8 % better on R's thirteen, for 1.3–1.7× the time (README "Forecast
 * accuracy against R"); `kinds` can name it.
 */
export function autoSpecs(input: SeriesInput, options: AutoBacktestOptions = {}): CandidateSpec[] {
  const intraday = options.stepMinutes !== undefined && options.stepMinutes <= 60;
  const subHourly = options.stepMinutes !== undefined && options.stepMinutes < 60;
  const longSeason = Math.max(...input.periods) >= LONG_SEASON;
  const kinds =
    options.kinds ??
    ([
      'SNAIVE',
      'THETA',
      'MSTL',
      ...(longSeason ? ['HARMONIC'] : []),
      ...(subHourly ? [] : ['ARIMA']),
      'PROPHET',
    ] as BaseModelKind[]);
  const all: BaseModelKind[] = ['SNAIVE', ...kinds.filter((k) => k !== 'SNAIVE')];
  const transformable = options.boxCox !== false && input.values.every((v) => v >= 0);
  const costly = (kind: BaseModelKind): boolean => intraday && (kind === 'ARIMA' || kind === 'PROPHET');
  const withBoxCox = (kind: BaseModelKind): boolean => transformable && kind !== 'SNAIVE' && !costly(kind);
  return all.flatMap((kind) =>
    withBoxCox(kind) ? [{ kind }, { kind, boxCox: 'auto' as const }] : [{ kind }],
  );
}

/** AUTO's backtest plan: horizon, rolling origins, MASE scale period and calibration buckets. */
export interface AutoOrigins {
  h: number;
  origins: OriginData[];
  scalePeriod: number;
  bucketSlots: number;
  power?: number;
}

/** The horizon and rolling origins of AUTO's backtest, oldest first. */
export function autoOrigins(input: SeriesInput, options: AutoBacktestOptions = {}): AutoOrigins {
  const { series, h, origins } = planOrigins(input, options, {
    count: AUTO_ORIGINS,
    step: (horizon, periods) => Math.min(horizon, Math.max(...periods)),
  });
  const last = origins[origins.length - 1].train.values.length;
  const scalePeriod = longestUsablePeriod(series.periods, last);
  // one calibration bucket per cycle of the shortest period (a day of intervals), as backtest()
  return {
    h,
    origins,
    scalePeriod,
    bucketSlots: series.periods[0],
    power: errorPower(series.values, scalePeriod),
  };
}
