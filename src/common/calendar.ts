/**
 * Time-zone-free calendar arithmetic on ISO dates (`YYYY-MM-DD`) and wall-clock times
 * (`HH:MM`). Days of week are ISO: 1 = Monday … 7 = Sunday. Shared by master data,
 * volumes and rostering; anything that needs a time zone lives in volumes/volume-calendar.ts.
 */
import { clip } from './bounded';
import { type AppError, badInput } from '../errors';

const DAY_MS = 86_400_000;
const CLOCK = /^(\d{2}):(\d{2})$/;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Short day names, Monday first: `DAY_NAMES[isoDay - 1]`. */
export const DAY_NAMES: readonly string[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ISO day of week of a calendar date. */
export const isoDayOfWeek = (date: string): number => ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;

/** The last day an ISO date of four year digits can name. */
export const LAST_DATE = '9999-12-31';

/** `date` plus `days` calendar days; BAD_USER_INPUT outside years 0000 … 9999 (naming `date`). */
export const addDays = (date: string, days: number): string => {
  const result = new Date(toUtc(date) + days * DAY_MS).toISOString();
  if (!/^\d{4}-/.test(result))
    throw badInput(`date ${date} plus ${days} days is outside 0000-01-01 … ${LAST_DATE}`);
  return result.slice(0, 10);
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** The Monday on or before `date`. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoDayOfWeek(date));

/**
 * Years a date argument may name (weeks, days, ranges; GraphQL, exports, jobs and CLIs). Dates
 * before year 100 read as 19xx in `Date.UTC`, luxon writes years past 9999 as `+010000`, and
 * time zones before 1900 keep local mean time (offsets in seconds): week 0001-01-01 failed
 * with "index NaN outside 0..671". The seed's anchor (1971 … 2999) lies inside.
 */
export const DATE_YEARS = { min: 1900, max: 2999 } as const;

/** Why `value` is not a date argument ("a date YYYY-MM-DD", "in the years …"), or null. */
export function dateArgumentProblem(value: string): string | null {
  if (!isIsoDate(value)) {
    const year = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(value)?.[1]);
    return Number.isFinite(year) && (year < DATE_YEARS.min || year > DATE_YEARS.max)
      ? `in the years ${DATE_YEARS.min}–${DATE_YEARS.max}`
      : 'a date YYYY-MM-DD';
  }
  return null;
}

/**
 * Refuses (BAD_USER_INPUT naming `field`) a date argument that is no real date `YYYY-MM-DD` or
 * lies outside the years `DATE_YEARS`: the one check of day and range arguments (holidays,
 * volumes, forecastAccuracy, runForecast, availableStaff, setAvailabilityLockDate).
 */
export function assertDateArgument(field: string, date: string): void {
  const refusal = dateRefusal(field, date);
  if (refusal) throw refusal;
}

/** The error `assertDateArgument` throws, or null: for a check that gathers several. */
export function dateRefusal(field: string, date: string): AppError | null {
  const problem = dateArgumentProblem(date);
  if (problem === 'a date YYYY-MM-DD')
    return badInput(`${field} must be a real date YYYY-MM-DD, got "${clip(date, 40)}"`, [
      { field, message: 'invalid date' },
    ]);
  if (problem)
    return badInput(`${field} must be ${problem}, got "${clip(date, 40)}"`, [
      { field, message: `not ${problem}` },
    ]);
  return null;
}

/** True for a real calendar date written `YYYY-MM-DD` in the years `DATE_YEARS`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Minutes since midnight of "HH:MM", or null when malformed ("24:00" only with `allowEndOfDay`). */
export function clockToMinutes(value: string, allowEndOfDay = false): number | null {
  const m = CLOCK.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h < 24 && min < 60) return h * 60 + min;
  return allowEndOfDay && h === 24 && min === 0 ? 1440 : null;
}

/** 450 → "07:30". */
export const minutesToClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Today's date `YYYY-MM-DD` in an IANA time zone (the site's, usually). */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
