/**
 * Volume buckets ⇄ equally spaced forecasting series, on a WALL-CLOCK grid: every local day
 * has 1440 / intervalMinutes slots, slot k starting at local minute k × intervalMinutes. This
 * keeps the daily and weekly seasons aligned with opening hours across daylight-saving
 * changes: on a 23-hour day the skipped hour's slots are closed (value 0); on a 25-hour day
 * both passes of the repeated hour are summed into one slot (history) and both get that
 * slot's forecast (future). Pure: no store, no GraphQL.
 */
import { addDays, isoDayOfWeek } from '../common/calendar';
import { isOpenAt } from '../volumes/opening-hours-mask';
import { dayIntervals, dayLocalMinutes } from '../volumes/volume-calendar';
import type { OpeningHours, VolumeBucket } from '../volumes/volume.types';
import type { SeriesInput, StepSpan } from './forecast.types';

export interface SeriesChannel {
  key: string;
  intervalMinutes: number;
  openingHours: OpeningHours;
}

export interface HistorySeries {
  values: number[];
  open: boolean[];
  periods: number[];
  slotsPerDay: number;
  /** First local day (inclusive) and end day (exclusive). */
  from: string;
  to: string;
  /**
   * Slots whose value is a stored one: the open slots with a value (the other open slots were
   * imputed) and the stored zeros of weekdays closed for having none (`closeSilentWeekdays`).
   */
  measured: boolean[];
  /** The calendar's holidays in the window, one span of slots per day (masked in `values`/`open`). */
  holidays?: StepSpan[];
}

/** A history as a model's input, with the holidays of the window and any `ahead` of it. */
export function seriesInput(series: HistorySeries, ahead: StepSpan[] = []): SeriesInput {
  const holidays = [...(series.holidays ?? []), ...ahead];
  return {
    values: series.values,
    periods: series.periods,
    open: series.open,
    ...(holidays.length > 0 ? { holidays } : {}),
  };
}

export interface FutureInterval {
  /** Interval start (UTC). */
  t: Date;
  /** Site-local day. */
  date: string;
  /** Position in the future slot array. */
  slot: number;
  open: boolean;
}

export interface FutureGrid {
  /** Open flag per slot (length days × slotsPerDay). */
  open: boolean[];
  /** Every real interval of the days, in time order. */
  intervals: FutureInterval[];
}

export const slotsPerDay = (intervalMinutes: number): number => 1440 / intervalMinutes;

/** Daily and weekly seasons of an intraday interval, in slots. */
export const seasonalPeriods = (intervalMinutes: number): number[] => {
  const perDay = slotsPerDay(intervalMinutes);
  return [perDay, perDay * 7];
};

/** Days between two local dates (`to` − `from`). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The series of local days [from, to): closed slots (outside opening hours, skipped DST
 * slots, days without any stored bucket — holidays or gaps — and weekdays that had no
 * arrivals, see `closeSilentWeekdays`) are 0 and masked closed; an open slot without a
 * value takes the value one week earlier (else 0).
 */
export function historySeries(
  buckets: VolumeBucket[],
  channel: SeriesChannel,
  from: string,
  to: string,
  timeZone: string,
): HistorySeries {
  const step = channel.intervalMinutes;
  const perDay = slotsPerDay(step);
  const week = perDay * 7;
  const byDate = new Map(buckets.filter((b) => b.intervalMinutes === step).map((b) => [b.date, b]));
  const values: number[] = [];
  const open: boolean[] = [];
  const measured: boolean[] = [];
  for (let date = from; date < to; date = addDays(date, 1)) {
    const bucket = byDate.get(date);
    const dayValues = new Array<number | null>(perDay).fill(null);
    const exists = new Array<boolean>(perDay).fill(false);
    dayLocalMinutes(date, step, timeZone).forEach((minute, i) => {
      const slot = Math.floor(minute / step);
      exists[slot] = true;
      const v = bucket?.values[i];
      if (v !== undefined && v !== null) dayValues[slot] = (dayValues[slot] ?? 0) + v;
    });
    const dow = isoDayOfWeek(date);
    for (let slot = 0; slot < perDay; slot++) {
      const isOpen = bucket !== undefined && exists[slot] && isOpenAt(channel.openingHours, dow, slot * step);
      const idx = values.length;
      const v = dayValues[slot];
      measured.push(isOpen && v !== null);
      open.push(isOpen);
      values.push(!isOpen ? 0 : (v ?? (idx >= week ? values[idx - week] : 0)));
    }
  }
  closeSilentWeekdays(from, perDay, values, open, measured);
  return { values, open, periods: seasonalPeriods(step), slotsPerDay: perDay, from, to, measured };
}

/** Fewest stored days of a weekday in a window for `closeSilentWeekdays` to close it. */
export const MIN_SILENT_DAYS = 2;

/**
 * Closes the weekdays without arrivals: when every stored day of a weekday in the window (at
 * least MIN_SILENT_DAYS of them) holds only zeros, those days are closed, as days without a
 * stored bucket are. A channel that records "nothing arrived" as zeros (a DEFERRED channel's
 * weekends: its arrivals are expected around the clock) is then modelled as one that writes
 * no rows. A single zero day of a busy weekday stays open. The zeros stay `measured`: they
 * are stored actuals, which forecast accuracy scores.
 */
function closeSilentWeekdays(
  from: string,
  perDay: number,
  values: number[],
  open: boolean[],
  measured: boolean[],
): void {
  const stored = new Array<number>(8).fill(0);
  const silent = new Array<boolean>(8).fill(true);
  const days = values.length / perDay;
  const dayOfWeek = Array.from({ length: days }, (_, d) => isoDayOfWeek(addDays(from, d)));
  for (let d = 0; d < days; d++) {
    let any = false;
    for (let i = d * perDay; i < (d + 1) * perDay; i++) {
      if (!open[i]) continue;
      any = true;
      if (!measured[i] || values[i] !== 0) silent[dayOfWeek[d]] = false;
    }
    if (any) stored[dayOfWeek[d]]++;
  }
  for (let d = 0; d < days; d++) {
    const dow = dayOfWeek[d];
    if (stored[dow] < MIN_SILENT_DAYS || !silent[dow]) continue;
    open.fill(false, d * perDay, (d + 1) * perDay);
  }
}

/** The future grid of `days` local days from `from`: slot mask for the model, real intervals for storage. */
export function futureGrid(channel: SeriesChannel, from: string, days: number, timeZone: string): FutureGrid {
  const step = channel.intervalMinutes;
  const perDay = slotsPerDay(step);
  const open: boolean[] = [];
  const intervals: FutureInterval[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d);
    const dow = isoDayOfWeek(date);
    for (let slot = 0; slot < perDay; slot++) open.push(isOpenAt(channel.openingHours, dow, slot * step));
    const starts = dayIntervals(date, step, timeZone);
    dayLocalMinutes(date, step, timeZone).forEach((minute, i) => {
      const slot = d * perDay + Math.floor(minute / step);
      intervals.push({ t: starts[i], date, slot, open: isOpenAt(channel.openingHours, dow, minute) });
    });
  }
  return { open, intervals };
}
