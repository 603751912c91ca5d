/**
 * Wall-clock arithmetic for one week. Times are minutes from `weekStart` 00:00 local time;
 * dates are ISO `YYYY-MM-DD`. Daylight-saving changes are ignored: a day is 1440 minutes.
 */
import {
  addDays,
  clockToMinutes as parseClock,
  DAY_NAMES,
  daysBetween,
  minutesToClock,
} from '../common/calendar';

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
