import { clockToMinutes } from './calendar';
import type { ErrorLocation } from '../errors';

/**
 * Pure helpers for "HH:MM" clock times and day windows (no store, no GraphQL).
 * Days of week are ISO: 1 = Monday … 7 = Sunday. `to` may be "24:00" (end of day).
 */
export interface DayWindow {
  dayOfWeek: number;
  from: string;
  to: string;
}

/** A half-open span of minutes since midnight, [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Checks one window's times: both well-formed, `from` < `to`. Returns the span or the problems. */
export function checkSpan(
  from: string,
  to: string,
  field: string,
): { span: Span | null; errors: ErrorLocation[] } {
  const errors: ErrorLocation[] = [];
  const start = clockToMinutes(from);
  const end = clockToMinutes(to, true);
  if (start === null)
    errors.push({ field: `${field}.from`, message: `from must be a time HH:MM, got "${from}"` });
  if (end === null)
    errors.push({ field: `${field}.to`, message: `to must be a time HH:MM (or 24:00), got "${to}"` });
  if (start !== null && end !== null && start >= end)
    errors.push({ field: `${field}.to`, message: `to must be after from, got ${from}–${to}` });
  // a span exactly when no problem was found
  return { span: start !== null && end !== null && start < end ? { start, end } : null, errors };
}

/**
 * Most weekly windows one list holds (a person's availability, a channel's opening hours): ten
 * a day. The GraphQL inputs, the imports and the stored-data checks all refuse more, so the
 * query cost weighs these lists at it.
 */
export const MAX_WEEKLY_WINDOWS = 70;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Validates weekly windows: at most MAX_WEEKLY_WINDOWS, day of week in 1..7, HH:MM times, from < to, and no two windows of
 * the same day overlapping (touching is fine: 08:00–12:00 and 12:00–16:00). Every problem is
 * returned with its field path, e.g. `weekly.3.to`.
 */
export function checkWeeklyWindows(windows: readonly DayWindow[], field: string): ErrorLocation[] {
  // a list over its maximum is refused at once, before its items
  if (windows.length > MAX_WEEKLY_WINDOWS)
    return [
      { field, message: `${field} holds at most ${MAX_WEEKLY_WINDOWS} windows, got ${windows.length}` },
    ];
  const errors: ErrorLocation[] = [];
  const seen: { index: number; day: number; span: Span; from: string; to: string }[] = [];
  windows.forEach((w, i) => {
    const path = `${field}.${i}`;
    if (!Number.isInteger(w.dayOfWeek) || w.dayOfWeek < 1 || w.dayOfWeek > 7)
      errors.push({
        field: `${path}.dayOfWeek`,
        message: `dayOfWeek must be 1 (Monday) … 7 (Sunday), got ${w.dayOfWeek}`,
      });
    const { span, errors: spanErrors } = checkSpan(w.from, w.to, path);
    errors.push(...spanErrors);
    if (!span) return;
    const clash = seen.find((s) => s.day === w.dayOfWeek && overlaps(s.span, span));
    if (clash)
      errors.push({
        field: path,
        message: `window ${w.from}–${w.to} on day ${w.dayOfWeek} overlaps ${field}.${clash.index} (${clash.from}–${clash.to})`,
      });
    seen.push({ index: i, day: w.dayOfWeek, span, from: w.from, to: w.to });
  });
  return errors;
}

/** Sorts windows by day then start time (stored order). */
export const sortWindows = <W extends DayWindow>(windows: readonly W[]): W[] =>
  [...windows].sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.from.localeCompare(b.from));

/** Union of spans, merged and sorted. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** `spans` minus `holes`. */
export function subtractSpans(spans: readonly Span[], holes: readonly Span[]): Span[] {
  let current = mergeSpans(spans);
  for (const h of holes) {
    current = current.flatMap((s) => {
      if (!overlaps(s, h)) return [s];
      const parts: Span[] = [];
      if (s.start < h.start) parts.push({ start: s.start, end: h.start });
      if (h.end < s.end) parts.push({ start: h.end, end: s.end });
      return parts;
    });
  }
  return current;
}
