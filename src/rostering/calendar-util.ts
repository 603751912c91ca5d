/**
 * Wall-clock arithmetic for one week: WALL minutes are day × 1440 + minutes on the local
 * clock from `weekStart` 00:00 (the requirement grid, availability, template starts); dates
 * are ISO `YYYY-MM-DD`. Shifts, breaks and rest are in REAL minutes, which differ from wall
 * minutes across a clock change: `realToLocalIso` / `localIsoToReal` convert through the
 * problem's week clock (week-clock.ts).
 */
import {
  addDays,
  clockToMinutes as parseClock,
  DAY_NAMES,
  daysBetween,
  minutesToClock,
} from '../common/calendar';
import { weekClock, type WeekClock } from './week-clock';
import { at } from '../common/indexed';

export const MINUTES_PER_DAY = 1440;

/** `"07:30"` → 450; `"24:00"` → 1440. Problems are schema-validated first, so a bad clock is a bug. */
export function clockToMinutes(clock: string): number {
  const minutes = parseClock(clock, true);
  if (minutes === null) throw new Error(`not a clock time: ${clock}`);
  return minutes;
}
export const DAYS_PER_WEEK = 7;

export const intervalsPerWeek = (intervalMinutes: number): number =>
  (DAYS_PER_WEEK * MINUTES_PER_DAY) / intervalMinutes;

/** Minute offset from weekStart → ISO local datetime `YYYY-MM-DDTHH:MM:00`. */
export function minuteToLocalIso(weekStart: string, minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const rest = minute - day * MINUTES_PER_DAY;
  return `${addDays(weekStart, day)}T${minutesToClock(rest)}:00`;
}

/** ISO local datetime (`YYYY-MM-DDTHH:MM[:SS[.sss]]`) → minutes from weekStart 00:00 (may be negative). */
export function localIsoToMinute(weekStart: string, iso: string): number {
  const t = iso.indexOf('T');
  const date = t < 0 ? iso : iso.slice(0, t);
  const [h, m, s = '0'] = (t < 0 ? '00:00' : iso.slice(t + 1)).split(':');
  return daysBetween(weekStart, date) * MINUTES_PER_DAY + Number(h) * 60 + Number(m) + Number(s) / 60;
}

/** Most datetimes a week reader remembers (a week has 10,080 minutes). */
const READER_MEMORY = 20_000;

/**
 * `localIsoToMinute` of one week, remembering each datetime it has read: parsing was most of
 * the cost of a roster's facts, and its thousands of shifts and breaks name few distinct times.
 */
export function weekMinuteReader(weekStart: string): (iso: string) => number {
  const seen = new Map<string, number>();
  return (iso) => {
    let minute = seen.get(iso);
    if (minute === undefined) {
      if (seen.size >= READER_MEMORY) seen.clear();
      minute = localIsoToMinute(weekStart, iso);
      seen.set(iso, minute);
    }
    return minute;
  };
}

/** Short human label of a minute offset, e.g. `Tue 06:00`. */
export function minuteLabel(minute: number): string {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  return `${DAY_NAMES[((day % 7) + 7) % 7]} ${minutesToClock(minute - day * MINUTES_PER_DAY)}`;
}

/** The week clock of a problem (its `timeZone`; none: every day 1440 minutes). */
export const problemClock = (problem: { weekStart: string; timeZone?: string | undefined }): WeekClock =>
  weekClock(problem.weekStart, problem.timeZone);

/** Real minute from weekStart → the local ISO datetime the clock shows then. */
export const realToLocalIso = (weekStart: string, clock: WeekClock, real: number): string =>
  minuteToLocalIso(weekStart, clock.toWall(real));

/**
 * Local ISO datetime → real minute. A time of the repeated hour has two passes: `near` picks
 * the pass closest to it (a shift end next to start + duration), else the first; a skipped
 * time reads as the instant the clocks jump.
 */
export function localIsoToReal(weekStart: string, clock: WeekClock, iso: string, near?: number): number {
  const wall = localIsoToMinute(weekStart, iso);
  if (!clock.changes) return wall;
  const passes = clock.passes(wall);
  if (passes.length === 0) return clock.toReal(wall);
  if (near === undefined || passes.length === 1) return at(passes, 0);
  return passes.reduce((best, p) => (Math.abs(p - near) < Math.abs(best - near) ? p : best));
}

/**
 * The previous week's last shift end (`previousWeek.lastShiftEnd`) in real minutes, negative:
 * the later pass of a repeated time, so rest after it is never overstated.
 */
export const previousEndToReal = (
  problem: { weekStart: string; timeZone?: string | undefined },
  iso: string,
): number => localIsoToReal(problem.weekStart, problemClock(problem), iso, Number.MAX_SAFE_INTEGER);
