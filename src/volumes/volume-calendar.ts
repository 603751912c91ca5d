import { DateTime } from 'luxon';
import { localDateOf, zoneOf } from '../common/time-zone';
import { badInput } from '../errors';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Interval lengths that tile every hour, so DST days (±60 min) still hold whole intervals. */
export const assertIntervalMinutes = (intervalMinutes: number): void => {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 60 % intervalMinutes !== 0) {
    throw badInput(`intervalMinutes must divide 60 (1, 5, 10, 15, 30, 60…), got ${intervalMinutes}`);
  }
};

const localDay = (date: string, timeZone: string): DateTime => {
  zoneOf(timeZone);
  const d = DateTime.fromISO(date, { zone: timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid)
    throw badInput(`date must be YYYY-MM-DD, got "${date}"`);
  return d.startOf('day');
};

/**
 * Bounds already computed, by zone and date: bulk work (history, imports, forecasts, masks)
 * asks for the same days once per row and luxon's zone arithmetic dominated it. Cleared when
 * it reaches MAX_KNOWN_DAYS entries (27 years of days in each of 5 zones).
 */
const knownDays = new Map<string, Readonly<{ start: number; end: number }>>();
const MAX_KNOWN_DAYS = 50_000;

/** [start, end) of a local day as UTC epoch milliseconds (23, 24 or 25 hours long). */
export const dayBounds = (date: string, timeZone: string): { start: number; end: number } => {
  const key = `${timeZone} ${date}`;
  const known = knownDays.get(key);
  if (known) return known;
  const start = localDay(date, timeZone);
  const bounds = Object.freeze({
    start: start.toMillis(),
    end: start.plus({ days: 1 }).startOf('day').toMillis(),
  });
  if (knownDays.size >= MAX_KNOWN_DAYS) knownDays.clear();
  knownDays.set(key, bounds);
  return bounds;
};

/** Number of intervals in a local day: 96 for 15 minutes, 92 / 100 on spring-forward / fall-back days. */
export const dayIntervalCount = (date: string, intervalMinutes: number, timeZone: string): number => {
  assertIntervalMinutes(intervalMinutes);
  const { start, end } = dayBounds(date, timeZone);
  return Math.ceil((end - start) / (intervalMinutes * MINUTE_MS));
};

/** UTC instants of every interval start of a local day, in order. */
export const dayIntervals = (date: string, intervalMinutes: number, timeZone: string): Date[] => {
  const n = dayIntervalCount(date, intervalMinutes, timeZone);
  const { start } = dayBounds(date, timeZone);
  return Array.from({ length: n }, (_, i) => new Date(start + i * intervalMinutes * MINUTE_MS));
};

/** Start of interval `index` of a local day. */
export const intervalStart = (
  date: string,
  index: number,
  intervalMinutes: number,
  timeZone: string,
): Date => {
  assertIntervalMinutes(intervalMinutes);
  return new Date(dayBounds(date, timeZone).start + index * intervalMinutes * MINUTE_MS);
};

export interface IntervalPosition {
  /** Site-local day containing the instant. */
  date: string;
  /** Interval of that day containing the instant. */
  index: number;
  /** Milliseconds since the local day started (elapsed time, not wall clock). */
  offsetMs: number;
  /** True when the instant is exactly an interval start. */
  aligned: boolean;
}

/** Where an instant falls in the bucket model: local day, interval index and alignment. */
export const intervalIndex = (
  instant: Date | number,
  intervalMinutes: number,
  timeZone: string,
): IntervalPosition => {
  assertIntervalMinutes(intervalMinutes);
  zoneOf(timeZone);
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  const offsetMs = ms - local.startOf('day').toMillis();
  const step = intervalMinutes * MINUTE_MS;
  return {
    date: localDateOf(local, 'instant'),
    index: Math.floor(offsetMs / step),
    offsetMs,
    aligned: offsetMs % step === 0,
  };
};

/** Local wall-clock minutes since midnight (0–1439) of an instant. */
export const localMinuteOfDay = (instant: Date | number, timeZone: string): number => {
  const t = DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), {
    zone: timeZone,
  });
  return t.hour * 60 + t.minute;
};

/**
 * Wall-clock minutes since local midnight of every interval start of a local day. Fast path on
 * days without a clock change (i × interval); exact per-interval conversion on DST days.
 */
export const dayLocalMinutes = (date: string, intervalMinutes: number, timeZone: string): number[] => {
  const n = dayIntervalCount(date, intervalMinutes, timeZone);
  const { start, end } = dayBounds(date, timeZone);
  // 24 hours from local midnight to local midnight: the same offset at both ends (no clock change)
  if (end - start === DAY_MS) {
    return Array.from({ length: n }, (_, i) => i * intervalMinutes);
  }
  return dayIntervals(date, intervalMinutes, timeZone).map((t) => localMinuteOfDay(t, timeZone));
};

/** UTC offset (minutes) at every interval start of a local day. */
export const dayOffsets = (date: string, intervalMinutes: number, timeZone: string): number[] =>
  dayIntervals(date, intervalMinutes, timeZone).map((t) => DateTime.fromJSDate(t, { zone: timeZone }).offset);

/**
 * Memoised instant → local day lookup for bulk work (imports): the local day found last, as
 * [start, end) in UTC milliseconds, answers every instant inside it; luxon converts only an
 * instant outside it (imports run in time order, so about once per day).
 */
export const createDayLocator = (
  timeZone: string,
): ((ms: number) => Readonly<{ date: string; start: number; end: number }>) => {
  zoneOf(timeZone);
  let last: Readonly<{ date: string; start: number; end: number }> | null = null;
  return (ms) => {
    if (last === null || !(ms >= last.start && ms < last.end)) {
      const date = localDateOf(DateTime.fromMillis(ms, { zone: timeZone }), 'instant');
      last = { date, ...dayBounds(date, timeZone) };
    }
    return last;
  };
};

/** An instant's site-local calendar day and wall-clock time. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `YYYY-MM-DD HH:mm`. */
  dateTime: string;
}

/** An instant's site-local day and its wall-clock minute of that day. */
export interface WallClock {
  date: string;
  /** Hours × 60 + minutes on the local clock (seconds dropped). */
  minute: number;
}

/**
 * Memoised instant → local day and wall-clock minute for bulk work (exports, daily totals,
 * staffing weeks), on the day locator: luxon finds an offset with
 * `Intl.DateTimeFormat.formatToParts` (about 20 µs), so inside a 24-hour day the wall clock
 * is the time since its local midnight; an instant on a clock-change day is converted exactly.
 */
export const createWallClock = (timeZone: string): ((ms: number) => WallClock) => {
  const locate = createDayLocator(timeZone);
  return (ms) => {
    const { date, start, end } = locate(ms);
    if (end - start === DAY_MS) return { date, minute: Math.floor((ms - start) / MINUTE_MS) };
    const local = DateTime.fromMillis(ms, { zone: timeZone });
    return { date, minute: local.hour * 60 + local.minute };
  };
};

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** `createWallClock` written as `YYYY-MM-DD HH:mm` (exports, daily totals). */
export const createLocalClock = (timeZone: string): ((instant: Date) => LocalTime) => {
  const wallClock = createWallClock(timeZone);
  return (instant) => {
    const { date, minute } = wallClock(instant.getTime());
    return { date, dateTime: `${date} ${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}` };
  };
};
