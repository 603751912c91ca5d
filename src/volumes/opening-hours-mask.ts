import { clockToMinutes, isoDayOfWeek } from '../common/calendar';
import { badInput, type ErrorLocation } from '../errors';

const toMinutes = (hhmm: string): number => clockToMinutes(hhmm, true) ?? NaN;
import { dayLocalMinutes } from './volume-calendar';
import { type DayOfWeek, type OpeningHours, type OpeningWindow } from './volume.types';

/** Checks every window: `HH:MM`, `from < to` (`to` may be 24:00), no overlaps within a day. */
export const validateOpeningHours = (hours: OpeningHours, field = 'openingHours'): void => {
  const details: ErrorLocation[] = [];
  for (const [day, windows] of Object.entries(hours)) {
    if (!/^[1-7]$/.test(day))
      details.push({ field: `${field}.${day}`, message: `day must be 1 (Mon) … 7 (Sun)` });
    const spans = (windows ?? []).map((w, i) => {
      const from = toMinutes(w.from);
      const to = toMinutes(w.to);
      const f = `${field}.${day}[${i}]`;
      if (Number.isNaN(from) || from >= 1440)
        details.push({ field: `${f}.from`, message: `must be HH:MM, got "${w.from}"` });
      if (Number.isNaN(to))
        details.push({ field: `${f}.to`, message: `must be HH:MM or 24:00, got "${w.to}"` });
      else if (from >= to)
        details.push({ field: f, message: `from (${w.from}) must be before to (${w.to})` });
      return { from, to, i };
    });
    spans.sort((a, b) => a.from - b.from);
    for (let k = 1; k < spans.length; k++) {
      if (spans[k].from < spans[k - 1].to) {
        details.push({
          field: `${field}.${day}[${spans[k].i}]`,
          message: 'overlaps another window of the same day',
        });
      }
    }
  }
  if (details.length > 0) throw badInput(`${field} is invalid`, details);
};

/** Builds OpeningHours from the flat list form `[{ dayOfWeek, from, to }]` (e.g. a GraphQL input). */
export const openingHoursFromList = (list: (OpeningWindow & { dayOfWeek: number })[]): OpeningHours => {
  const hours: OpeningHours = {};
  for (const { dayOfWeek, from, to } of list) (hours[dayOfWeek as DayOfWeek] ??= []).push({ from, to });
  return hours;
};

/** A weekday's opening windows as [from, to) minutes of the day. */
const windowMinutes = (hours: OpeningHours, dayOfWeek: number): { from: number; to: number }[] =>
  (hours[dayOfWeek as DayOfWeek] ?? []).map((w) => ({ from: toMinutes(w.from), to: toMinutes(w.to) }));

const inWindows = (windows: readonly { from: number; to: number }[], minuteOfDay: number): boolean =>
  windows.some((w) => w.from <= minuteOfDay && minuteOfDay < w.to);

/** True when the wall-clock minute lies in one of the day's windows. */
export const isOpenAt = (hours: OpeningHours, dayOfWeek: number, minuteOfDay: number): boolean =>
  inWindows(windowMinutes(hours, dayOfWeek), minuteOfDay);

/**
 * Open flags for every interval of a local day (same length as `dayIntervals`). An interval is
 * open when its wall-clock START lies in a window, so on the fall-back day both 01:xx passes
 * follow the same rule and on the spring-forward day the skipped hour simply has no interval.
 */
export const openMask = (
  date: string,
  intervalMinutes: number,
  timeZone: string,
  openingHours: OpeningHours,
): boolean[] => {
  const windows = windowMinutes(openingHours, isoDayOfWeek(date));
  return dayLocalMinutes(date, intervalMinutes, timeZone).map((m) => inWindows(windows, m));
};
