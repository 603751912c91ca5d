/**
 * A planning week as WALL-CLOCK slots, and how a forecast's UTC instants map onto them.
 *
 * The week runs from Monday 00:00 in the site time zone for seven local days, cut into
 * 7 × 24 × 60 / intervalMinutes slots of equal wall-clock length: slot k starts at local
 * time Monday 00:00 + k × intervalMinutes, whatever the UTC offset. Every day therefore
 * has the same 24 × 60 / intervalMinutes slots, which is what the roster optimiser
 * consumes (its shifts are wall-clock too, see rostering/calendar-util.ts).
 *
 * Daylight-saving weeks (the real week is 167 or 169 hours long):
 * - spring forward: the skipped local hour's slots have no real instant (occurrences 0),
 *   so they get volume 0 and therefore no agents;
 * - fall back: the repeated local hour's slots have two real instants (occurrences 2).
 *   LIVE traffic takes the LARGER of the two volumes: agents are needed per pass, and
 *   staffing the slot once for the busier pass covers both. DEFERRED work takes the SUM:
 *   items arrive in both passes and all of them must be handled (`slotVolumes` `fold`).
 * Instants are mapped to slots by their local wall-clock start, so a zone whose shift is
 * not a multiple of the interval still lands each instant in exactly one slot.
 *
 * Opening hours use the same wall-clock rule as volumes/opening-hours-mask.ts: a slot is
 * open when its local START lies in one of its day's windows [from, to).
 */
import { DateTime } from 'luxon';
import { zoneOf } from '../common/time-zone';
import { AppError, badInput } from '../errors';
import { at } from '../common/indexed';
import { dateArgumentProblem, daysBetween } from '../common/calendar';
import { clip } from '../common/bounded';
import { createWallClock } from '../volumes/volume-calendar';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface WeekSlot {
  index: number;
  /** 0 = Monday … 6 = Sunday, counted from the week's Monday. */
  day: number;
  /** ISO day of week, 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local wall-clock minute of the slot start, 0 … 1439. */
  minuteOfDay: number;
  /** Local wall-clock start, `YYYY-MM-DDTHH:MM:00` (no offset). */
  localTime: string;
  /** UTC epoch ms of every real instant with this wall-clock start: none (skipped), one, or two (repeated). */
  instants: number[];
}

export interface WeekFrame {
  /** The Monday, YYYY-MM-DD. */
  week: string;
  timeZone: string;
  intervalMinutes: number;
  /** Monday 00:00 local, UTC epoch ms. */
  start: number;
  /** Next Monday 00:00 local, UTC epoch ms (exclusive). */
  end: number;
  slots: WeekSlot[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

const isoDate = (d: DateTime): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** Throws unless `intervalMinutes` is a whole number of minutes that divides 60. */
export function assertSlotMinutes(name: string, intervalMinutes: number): void {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 60 % intervalMinutes !== 0)
    throw badInput(`${name} must divide 60 (5, 10, 15, 30, 60…), got ${intervalMinutes}`);
}

/** Parses a week argument: a Monday as `YYYY-MM-DD`. Messages name the `week` parameter. */
export function parseWeek(week: string, timeZone: string): DateTime {
  zoneOf(timeZone);
  const problem = dateArgumentProblem(week);
  const d = DateTime.fromISO(week, { zone: timeZone });
  if (problem || !d.isValid)
    throw badInput(`week must be ${problem ?? 'a date YYYY-MM-DD'}, got "${clip(week, 40)}"`, [
      { field: 'week', message: problem?.startsWith('in the years') ? `not ${problem}` : 'not a date' },
    ]);
  if (d.weekday !== 1)
    throw badInput(`week must be a Monday, got ${week} (a ${DAY_NAMES[d.weekday - 1]})`, [
      { field: 'week', message: 'not a Monday' },
    ]);
  return d.startOf('day');
}

/** The wall-clock slots of the week starting Monday `week` in `timeZone`. */
export function weekFrame(week: string, intervalMinutes: number, timeZone: string): WeekFrame {
  assertSlotMinutes('intervalMinutes', intervalMinutes);
  const monday = parseWeek(week, timeZone);
  const perDay = DAY_MINUTES / intervalMinutes;
  const slots: WeekSlot[] = [];
  for (let day = 0; day < 7; day++) {
    const date = isoDate(monday.plus({ days: day }));
    for (let k = 0; k < perDay; k++) {
      const minuteOfDay = k * intervalMinutes;
      slots.push({
        index: day * perDay + k,
        day,
        dayOfWeek: day + 1,
        date,
        minuteOfDay,
        localTime: `${date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00`,
        instants: [],
      });
    }
  }
  const start = monday.toMillis();
  const end = monday.plus({ days: 7 }).startOf('day').toMillis();
  const wallClock = createWallClock(timeZone);
  const mondayDate = isoDate(monday);
  const step = intervalMinutes * MINUTE_MS;
  // every real instant of the week (a step of the interval from Monday 00:00) goes to the slot
  // of its wall-clock start; luxon is asked only on clock-change days
  for (let t = start; t < end; t += step) {
    const { date, minute } = wallClock(t);
    const day = daysBetween(mondayDate, date);
    if (day < 0 || day > 6) continue;
    at(slots, day * perDay + Math.floor(minute / intervalMinutes)).instants.push(t);
  }
  return { week: mondayDate, timeZone, intervalMinutes, start, end, slots };
}

/** The first Monday 00:00 (local) at or after `instant`, as YYYY-MM-DD. */
export function firstWeekFrom(instant: Date, timeZone: string): string {
  zoneOf(timeZone);
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  let monday = local.startOf('week');
  if (monday.toMillis() < local.toMillis()) monday = monday.plus({ weeks: 1 }).startOf('day');
  return isoDate(monday);
}

export interface OpeningWindowLike {
  dayOfWeek: number;
  from: string;
  to: string;
}

const clockMinutes = (hhmm: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/**
 * Open flag per slot: the slot's wall-clock start lies in a window [from, to) of its day,
 * and its date is not one the site is closed (a CLOSED holiday of the calendar).
 */
export function openSlots(
  frame: WeekFrame,
  windows: readonly OpeningWindowLike[],
  closedDates: ReadonlySet<string> = new Set(),
): boolean[] {
  const byDay = new Map<number, { from: number; to: number }[]>();
  for (const w of windows) {
    const list = byDay.get(w.dayOfWeek) ?? [];
    list.push({ from: clockMinutes(w.from), to: clockMinutes(w.to) });
    byDay.set(w.dayOfWeek, list);
  }
  return frame.slots.map(
    (s) =>
      !closedDates.has(s.date) &&
      (byDay.get(s.dayOfWeek) ?? []).some((w) => w.from <= s.minuteOfDay && s.minuteOfDay < w.to),
  );
}

export interface TimedValue {
  /** Interval start, UTC epoch ms. */
  t: number;
  value: number;
}

/**
 * Volume of each slot from a series of (start, value) points of `pointMinutes` each, in
 * elapsed time. A slot occurrence [s, s + interval) takes the points overlapping it,
 * pro rata to the overlap (so 15-minute points add up into a 30-minute slot and a 60-minute
 * point splits evenly over four 15-minute slots). A repeated slot takes the larger of its
 * two occurrences (`fold` 'max': live traffic, staffed per pass) or their sum ('sum':
 * deferred work, whose items of both passes all need handling); a skipped slot gets 0.
 * Values must be finite; negatives count as 0.
 */
export function slotVolumes(
  frame: WeekFrame,
  points: readonly TimedValue[],
  pointMinutes: number,
  fold: 'max' | 'sum' = 'max',
): number[] {
  assertSlotMinutes('forecast intervalMinutes', pointMinutes);
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const pointMs = pointMinutes * MINUTE_MS;
  const slotMs = frame.intervalMinutes * MINUTE_MS;
  /** Index of the first point that ends after `t`. */
  const firstEndingAfter = (t: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].t + pointMs <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const occurrence = (s: number): number => {
    let sum = 0;
    for (let i = firstEndingAfter(s); i < sorted.length && sorted[i].t < s + slotMs; i++) {
      const p = sorted[i];
      if (!Number.isFinite(p.value))
        throw new AppError(
          'FAILED_PRECONDITION',
          `forecast value at ${new Date(p.t).toISOString()} is not a finite number`,
        );
      const overlap = Math.min(p.t + pointMs, s + slotMs) - Math.max(p.t, s);
      sum += (Math.max(0, p.value) * overlap) / pointMs;
    }
    return sum;
  };
  return frame.slots.map((slot) =>
    slot.instants.reduce(
      (acc, s) => (fold === 'sum' ? acc + occurrence(s) : Math.max(acc, occurrence(s))),
      0,
    ),
  );
}

/**
 * Spreads per-slot values of a coarser wall-clock grid onto a finer one: each value is
 * repeated `coarse / fine` times (a 60-minute row counts in each of its four 15-minute slots).
 */
export function refineSlots(values: readonly number[], coarseMinutes: number, fineMinutes: number): number[] {
  if (coarseMinutes % fineMinutes !== 0)
    throw badInput(`intervalMinutes ${coarseMinutes} is not a multiple of ${fineMinutes}`);
  const factor = coarseMinutes / fineMinutes;
  const out = new Array<number>(values.length * factor);
  values.forEach((v, i) => out.fill(v, i * factor, (i + 1) * factor));
  return out;
}
