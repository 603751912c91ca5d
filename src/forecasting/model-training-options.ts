/**
 * What a training may search: the registry's settings, the kinds AUTO considers at a given
 * interval length, and the worker task file the fits run in.
 */
import { badInput } from '../errors';
import {
  BASE_MODEL_KINDS,
  type BaseModelKind,
  type BoxCoxOption,
  type ModelSelection,
} from './forecast.types';

export const FORECAST_TASK = 'forecasting/forecast.task';

/** The site's holiday calendar as forecasting reads it (the holidays feature provides it). */
export interface HolidayCalendar {
  between(
    from: string,
    to: string,
  ): Promise<{ date: string; effect: 'CLOSED' | 'FACTOR'; factor: number | null }[]>;
}

export interface RegistrySettings {
  timeZone: string;
  /** Past holidays are not fitted as normal days; days ahead get their effect. */
  holidays?: HolidayCalendar;
  /** Weeks of history a model is trained (and refitted) on (default 12). */
  trainingWeeks?: number;
  /** Rolling-origin backtest origins (default 4, one week each). */
  backtestOrigins?: number;
}

export interface TrainOptions {
  backtestOrigins?: number;
  /** AUTO over the cheap models only (no Prophet, no Box-Cox variants), e.g. for seeding. */
  quick?: boolean;
  /**
   * Box-Cox for a single model kind: `auto` (Guerrero's λ), a fixed λ in [−1, 2], or `none`
   * (the default). AUTO and ENSEMBLE choose it by backtest and refuse it.
   */
  boxCox?: BoxCoxOption;
}

/** Fixed Box-Cox λ a training accepts: Guerrero's search range. */
export const BOX_COX_LAMBDA_RANGE = [-1, 2] as const;

/** AUTO and ENSEMBLE choose Box-Cox for each model by backtest: a choice given to them is refused. */
export const choosesBoxCoxByBacktest = (selection: ModelSelection): boolean =>
  selection === 'AUTO' || selection === 'ENSEMBLE';

/** A fixed λ a training accepts (BOX_COX_LAMBDA_RANGE). */
export const isBoxCoxLambda = (lambda: number): boolean =>
  lambda >= BOX_COX_LAMBDA_RANGE[0] && lambda <= BOX_COX_LAMBDA_RANGE[1];

/** Checks a training's Box-Cox choice against the selection (BAD_USER_INPUT naming the field). */
export function checkBoxCoxChoice(selection: ModelSelection, boxCox: BoxCoxOption | undefined): void {
  if (boxCox === undefined || boxCox === 'none') return;
  if (choosesBoxCoxByBacktest(selection))
    throw badInput(`boxCox: ${selection} chooses Box-Cox by backtest; give it with a single model kind`, [
      { field: 'boxCox', message: `not with ${selection}` },
    ]);
  const [lo, hi] = BOX_COX_LAMBDA_RANGE;
  if (typeof boxCox === 'number' && !isBoxCoxLambda(boxCox))
    throw badInput(`boxCoxLambda must be in [${lo}, ${hi}], got ${boxCox}`, [
      { field: 'boxCoxLambda', message: `outside [${lo}, ${hi}]` },
    ]);
}

/**
 * AUTO considers ARIMA only when a day has at most this many intervals: SARIMA with one
 * season of 96 (15-minute data) takes ~9 s per fit and lost to weekly seasonal naive on
 * intraday contact-centre series (see NOTES.md). Asking for ARIMA explicitly still works.
 */
export const AUTO_ARIMA_MAX_SLOTS_PER_DAY = 24;
/**
 * AUTO considers Prophet up to 30-minute data: on 15-minute data its Stan fit takes seconds
 * per origin and it never won on the intraday benchmark series. Asking for PROPHET still works.
 */
export const AUTO_PROPHET_MAX_SLOTS_PER_DAY = 48;

/**
 * The kinds a training backtests: AUTO and ENSEMBLE every kind affordable at `slotsPerDay`
 * but ETS (it made AUTO worse on the public benchmark: README "Forecast accuracy against R"),
 * else the one asked for.
 */
export function trainingKinds(
  selection: ModelSelection,
  slotsPerDay: number,
  quick = false,
): BaseModelKind[] {
  if (selection !== 'AUTO' && selection !== 'ENSEMBLE') return [selection];
  return BASE_MODEL_KINDS.filter(
    (k) =>
      k !== 'ETS' &&
      (k !== 'ARIMA' || slotsPerDay <= AUTO_ARIMA_MAX_SLOTS_PER_DAY) &&
      (k !== 'PROPHET' || (slotsPerDay <= AUTO_PROPHET_MAX_SLOTS_PER_DAY && !quick)),
  );
}
