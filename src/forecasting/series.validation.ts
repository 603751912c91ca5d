import { badInput } from '../errors';
import type { SeriesInput, StepSpan } from './forecast.types';
import { closeSilent, silentPhases } from './silent-slots.core';

/** A validated series: finite values, sorted distinct integer periods, a full opening mask. */
export interface ValidSeries {
  values: number[];
  periods: number[];
  open: boolean[];
  /** True when the caller supplied an opening mask. */
  hasMask: boolean;
  /** Holiday spans, sorted by start (none when the caller gave none). */
  holidays: StepSpan[];
}

/** Most holiday spans a series may carry (20 a year for 250 years of daily data). */
export const MAX_HOLIDAY_SPANS = 5_000;

/**
 * Checks the holiday spans: at most MAX_HOLIDAY_SPANS, each of integer steps with
 * 0 ≤ start < end ≤ start + `maxLength`, ending no later than `limit`; returned sorted.
 */
function validateHolidays(spans: unknown, maxLength: number, limit: number): StepSpan[] {
  if (spans === undefined) return [];
  if (!Array.isArray(spans)) throw badInput('holidays must be an array of {start, end} step spans');
  if (spans.length > MAX_HOLIDAY_SPANS)
    throw badInput(`holidays: at most ${MAX_HOLIDAY_SPANS} spans, got ${spans.length}`);
  return (spans as StepSpan[])
    .map((span, i) => {
      const { start, end } = span ?? {};
      const ok =
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start >= 0 &&
        end > start &&
        end - start <= maxLength &&
        end <= limit;
      if (!ok)
        throw badInput(
          `holidays[${i}] must be integer steps with 0 <= start < end <= start + ${maxLength} ` +
            `and end <= ${limit}, got ${JSON.stringify(span)}`,
        );
      return { start, end };
    })
    .sort((a, b) => a.start - b.start);
}

/** Checks a series and its seasonal periods; throws badInput naming the parameter. */
export function validateSeries(series: SeriesInput): ValidSeries {
  const { values, periods, open } = series;
  if (!Array.isArray(values) || values.length === 0) throw badInput('values must be a non-empty array');
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw badInput(`values[${i}] must be a finite number, got ${v}`);
  });
  if (!Array.isArray(periods) || periods.length === 0)
    throw badInput('periods must list at least one seasonal period');
  periods.forEach((p, i) => {
    if (!Number.isInteger(p) || p < 2) throw badInput(`periods[${i}] must be an integer >= 2, got ${p}`);
  });
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  if (values.length < 2 * sorted[0]) {
    throw badInput(
      `periods: the series has ${values.length} values, too short for seasonal period ${sorted[0]} ` +
        `(need at least two cycles, ${2 * sorted[0]} values)`,
    );
  }
  if (open !== undefined && (!Array.isArray(open) || open.length !== values.length)) {
    throw badInput(`open must have the same length as values (${values.length}), got ${open?.length}`);
  }
  const day = sorted[0];
  return {
    values: values.slice(),
    periods: sorted,
    open: open ? open.slice() : values.map(() => true),
    hasMask: open !== undefined,
    // a span is at most one shortest season long and lies no further ahead than the history's
    // length plus 100 such seasons (past any horizon the service forecasts)
    holidays: validateHolidays(series.holidays, day, 2 * values.length + 100 * day),
  };
}

/** The longest period with at least two full cycles in n values (validateSeries guarantees one). */
export function longestUsablePeriod(periods: number[], n: number): number {
  const usable = periods.filter((p) => n >= 2 * p);
  if (usable.length === 0) throw badInput(`periods: no seasonal period has two cycles in ${n} values`);
  return Math.max(...usable);
}

/** Checks a forecast horizon. */
export function validateHorizon(h: number, name = 'horizon'): void {
  if (!Number.isInteger(h) || h < 1) throw badInput(`${name} must be a positive integer, got ${h}`);
}

/**
 * The future opening mask: the caller's, else (when the history had a mask) the history's
 * mask repeated with the longest usable period, else all open; either way with the history's
 * silent slots (silent-slots.core.ts) closed, so that every model forecasts them as 0.
 */
export function futureOpenMask(series: ValidSeries, h: number, futureOpen?: boolean[]): boolean[] {
  const n = series.values.length;
  const m = longestUsablePeriod(series.periods, n);
  return closeSilent(
    requestedOpenMask(series, h, m, futureOpen),
    n,
    silentPhases(series.values, series.open, m),
  );
}

function requestedOpenMask(series: ValidSeries, h: number, m: number, futureOpen?: boolean[]): boolean[] {
  if (futureOpen !== undefined) {
    if (!Array.isArray(futureOpen) || futureOpen.length !== h) {
      throw badInput(`futureOpen must have the horizon's length (${h}), got ${futureOpen?.length}`);
    }
    return futureOpen;
  }
  if (!series.hasMask) return new Array<boolean>(h).fill(true);
  const n = series.values.length;
  return Array.from({ length: h }, (_, k) => series.open[n - m + (k % m)]);
}
