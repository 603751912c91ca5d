/**
 * Wall-clock arithmetic for one week. Times are minutes from `weekStart` 00:00 local time;
 * dates are ISO `YYYY-MM-DD`. Daylight-saving changes are ignored: a day is 1440 minutes.
 */
export const MINUTES_PER_DAY = 1440;
export const DAYS_PER_WEEK = 7;

/** `"07:30"` → 450; `"24:00"` → 1440. */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** 450 → `"07:30"`. */
export function minutesToClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** ISO day of week of a date, Monday = 1 … Sunday = 7. */
export const dayOfWeekOfDate = (date: string): number => ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;

export const addDays = (date: string, days: number): string =>
  new Date(toUtc(date) + days * 86_400_000).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtc(to) - toUtc(from)) / 86_400_000);

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
  const [date, time = '00:00'] = iso.split('T');
  const [h, m, s = '0'] = time.split(':');
  return daysBetween(weekStart, date) * MINUTES_PER_DAY + Number(h) * 60 + Number(m) + Number(s) / 60;
}

/** Short human label of a minute offset, e.g. `Tue 06:00`. */
export function minuteLabel(minute: number): string {
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const day = Math.floor(minute / MINUTES_PER_DAY);
  return `${names[((day % 7) + 7) % 7]} ${minutesToClock(minute - day * MINUTES_PER_DAY)}`;
}
