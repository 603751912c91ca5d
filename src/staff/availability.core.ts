import { clockToMinutes, isIsoDate, isoDayOfWeek, minutesToClock } from '../common/calendar';
import { AppError, type ErrorLocation } from '../errors';
import type { AvailabilityException, WeeklyWindow } from './staff.types';
import { checkSpan, mergeSpans, type Span, subtractSpans } from '../common/time-window';

/**
 * Pure availability rules: which hours a person can work on a date, given their weekly
 * pattern and dated exceptions.
 *
 * - weekly windows of the date's day of week are the base;
 * - an exception with `available: false` and no times removes the whole day (leave, sickness);
 *   with times it removes only that span (an appointment);
 * - an exception with `available: true` (times required) adds a span (extra availability).
 */
export interface AvailabilityPattern {
  weekly: readonly WeeklyWindow[];
  exceptions: readonly AvailabilityException[];
}

export interface TimeSpan {
  from: string;
  to: string;
}

/** Minutes of a stored clock time; stored patterns passed validation, so null is a broken invariant. */
const storedMinutes = (clock: string, endOfDay = false): number => {
  const minutes = clockToMinutes(clock, endOfDay);
  if (minutes === null) throw new AppError('INTERNAL', `stored availability time "${clock}" is not HH:MM`);
  return minutes;
};

const span = (from: string, to: string): Span => ({
  start: storedMinutes(from),
  end: storedMinutes(to, true),
});

/** Spans (minutes since midnight) in which the person is available on `date`. */
export function availableSpans(pattern: AvailabilityPattern, date: string): Span[] {
  const day = isoDayOfWeek(date);
  const dated = pattern.exceptions.filter((e) => e.date === date);
  if (dated.some((e) => !e.available && (e.from === null || e.to === null))) return [];
  const base = pattern.weekly.filter((w) => w.dayOfWeek === day).map((w) => span(w.from, w.to));
  const extra = dated.flatMap((e) => (e.available && e.from && e.to ? [span(e.from, e.to)] : []));
  const holes = dated.flatMap((e) => (!e.available && e.from && e.to ? [span(e.from, e.to)] : []));
  return subtractSpans(mergeSpans([...base, ...extra]), holes);
}

/** Available windows on `date` as "HH:MM" pairs. */
export const availableWindows = (pattern: AvailabilityPattern, date: string): TimeSpan[] =>
  availableSpans(pattern, date).map((s) => ({ from: minutesToClock(s.start), to: minutesToClock(s.end) }));

/** True when one available window on `date` covers the whole of [from, to). */
export function isAvailable(pattern: AvailabilityPattern, date: string, from: string, to: string): boolean {
  const want = span(from, to);
  return availableSpans(pattern, date).some((s) => s.start <= want.start && want.end <= s.end);
}

/**
 * Most dated exceptions a person's availability holds (past ones stay until removed): about
 * three years of daily entries. `Availability.exceptions` is weighed at it in the query cost.
 */
export const MAX_EXCEPTIONS = 1000;

/**
 * Validates dated exceptions: at most MAX_EXCEPTIONS, real dates, a reason, times both present or both absent
 * (required when `available`), from < to, and per date either one whole-day entry or
 * non-overlapping timed entries.
 */
export function checkExceptions(
  exceptions: readonly AvailabilityException[],
  field: string,
): ErrorLocation[] {
  if (exceptions.length > MAX_EXCEPTIONS)
    return [
      { field, message: `${field} holds at most ${MAX_EXCEPTIONS} exceptions, got ${exceptions.length}` },
    ];
  const errors: ErrorLocation[] = [];
  const byDate = new Map<string, { index: number; span: Span | null }[]>();
  exceptions.forEach((e, i) => {
    const path = `${field}.${i}`;
    if (!isIsoDate(e.date))
      errors.push({ field: `${path}.date`, message: `date must be YYYY-MM-DD, got "${e.date}"` });
    if (e.reason.trim() === '') errors.push({ field: `${path}.reason`, message: 'reason is required' });
    const { from, to } = e;
    const hasFrom = from !== null && from !== undefined;
    const hasTo = to !== null && to !== undefined;
    let s: Span | null = null;
    if (hasFrom !== hasTo) {
      errors.push({ field: path, message: 'from and to must be given together' });
      return;
    }
    if (!hasFrom && e.available) {
      errors.push({
        field: `${path}.from`,
        message: 'extra availability (available: true) needs from and to',
      });
      return;
    }
    if (hasFrom && hasTo) {
      const checked = checkSpan(from, to, path);
      errors.push(...checked.errors);
      if (!checked.span) return;
      s = checked.span;
    }
    const same = byDate.get(e.date) ?? [];
    const clash = same.find(
      (o) => o.span === null || s === null || (o.span.start < s.end && s.start < o.span.end),
    );
    if (clash)
      errors.push({
        field: path,
        message: `exception on ${e.date} overlaps ${field}.${clash.index} (a whole-day exception must be the only one on its date)`,
      });
    same.push({ index: i, span: s });
    byDate.set(e.date, same);
  });
  return errors;
}
