/**
 * Holidays in forecasting, pure: in the history, holiday days are not treated as normal days
 * (their slots take the values of the same slots a week earlier, else a week later, and are
 * masked out of fitting scores and error scales); ahead, a CLOSED day is exactly 0 (for a
 * LIVE channel: `arrivalEffects`) and a factor day has its mean and bounds scaled. Around them, the days just before and after
 * each holiday are features a model can learn (holidayWindows).
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { checkFactor, type HolidayEffect } from '../holidays/holiday-effect';
import type { ForecastResult, StepSpan } from './forecast.types';
import type { ChannelKind } from '../channels/channel.types';

/**
 * Replaces the slots of the given days (0-based day indices into the series) with the same
 * slots one week earlier (else one week later, skipping other holiday days) and masks them
 * closed. Returns new arrays.
 */
export function maskHolidayHistory(
  values: number[],
  open: boolean[],
  holidayDays: number[],
  slotsPerDay: number,
): { values: number[]; open: boolean[] } {
  if (!Number.isInteger(slotsPerDay) || slotsPerDay < 1)
    throw badInput(`slotsPerDay must be a positive integer, got ${slotsPerDay}`);
  const out = values.slice();
  const mask = open.slice();
  const days = new Set(holidayDays);
  const totalDays = Math.floor(values.length / slotsPerDay);
  const normal = (d: number): boolean => d >= 0 && d < totalDays && !days.has(d);
  for (const day of [...days].sort((a, b) => a - b)) {
    if (day < 0 || day >= totalDays) continue;
    let source = -1;
    for (let k = 1; k <= 4 && source < 0; k++) {
      if (normal(day - 7 * k)) source = day - 7 * k;
      else if (normal(day + 7 * k)) source = day + 7 * k;
    }
    for (let s = 0; s < slotsPerDay; s++) {
      const i = day * slotsPerDay + s;
      if (source >= 0) out[i] = at(values, source * slotsPerDay + s);
      mask[i] = false;
    }
  }
  return { values: out, open: mask };
}

/**
 * The calendar's effects on a channel's ARRIVALS: a CLOSED day offers a LIVE channel no
 * contacts (0), but a DEFERRED channel's items keep arriving (its arrivals are expected
 * around the clock) and wait for the next open day, where staffing plans them: a closed site
 * handles nothing that day (staffing-plan's open slots), it does not stop e-mail. FACTOR
 * days scale either kind.
 */
export const arrivalEffects = <T extends { effect: HolidayEffect }>(kind: ChannelKind, ahead: T[]): T[] =>
  kind === 'DEFERRED' ? ahead.filter((h) => h.effect.kind !== 'CLOSED') : ahead;

/** Applies one day's effect to a forecast value (mean or bound). */
export const applyEffect = (value: number, effect: HolidayEffect): number =>
  effect.kind === 'CLOSED' ? 0 : value * effect.factor;

/** Applies holiday effects to the forecast slots of the given days (day index from the forecast's start). */
export function applyHolidaysAhead(
  f: ForecastResult,
  effects: { day: number; effect: HolidayEffect }[],
  slotsPerDay: number,
): ForecastResult {
  const out: ForecastResult = {
    mean: f.mean.slice(),
    lo80: f.lo80.slice(),
    hi80: f.hi80.slice(),
    lo95: f.lo95.slice(),
    hi95: f.hi95.slice(),
  };
  for (const { day, effect } of effects) {
    if (effect.kind === 'FACTOR') checkFactor(effect.factor);
    for (let s = 0; s < slotsPerDay; s++) {
      const i = day * slotsPerDay + s;
      if (i < 0 || i >= f.mean.length) continue;
      for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const)
        out[key][i] = applyEffect(at(f[key], i), effect);
    }
  }
  return out;
}

/** Holiday days (0-based day indices from the series' first day) as spans of `slotsPerDay` steps. */
export const dayHolidaySpans = (days: number[], slotsPerDay: number): StepSpan[] =>
  days.map((d) => ({ start: d * slotsPerDay, end: (d + 1) * slotsPerDay }));

/** The working days next to holidays, as step spans: the features a model learns. */
export interface HolidayWindows {
  /** The span of equal length just before each holiday. */
  before: StepSpan[];
  /** The span of equal length just after each holiday. */
  after: StepSpan[];
}

/**
 * The day before and the day after each holiday span (spans of the same length, adjacent to
 * it). A neighbour that overlaps a holiday is left out (Christmas Eve is not "the day before"
 * Christmas when it is a holiday itself), and so is one that would start before the series.
 */
export function holidayWindows(holidays: readonly StepSpan[]): HolidayWindows {
  const sorted = [...holidays].sort((a, b) => a.start - b.start);
  // latestEnd[k]: the furthest end among the first k holidays by start
  const latestEnd = [-Infinity];
  sorted.forEach((h, k) => latestEnd.push(Math.max(at(latestEnd, k), h.end)));
  const overlapsHoliday = (w: StepSpan): boolean => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(sorted, mid).start < w.end) lo = mid + 1;
      else hi = mid;
    }
    return at(latestEnd, lo) > w.start; // some holiday starting before w ends also ends after w starts
  };
  const keep = (spans: StepSpan[]): StepSpan[] => spans.filter((w) => w.start >= 0 && !overlapsHoliday(w));
  return {
    before: keep(sorted.map((h) => ({ start: 2 * h.start - h.end, end: h.start }))),
    after: keep(sorted.map((h) => ({ start: h.end, end: 2 * h.end - h.start }))),
  };
}
