import { badInput } from '../errors';

/** How a series advances: a fixed number of milliseconds, or whole calendar months. */
export type TimeStep = { unit: 'ms'; size: number } | { unit: 'month'; size: number };

/** The textual shape of the input timestamps, reproduced on output. */
export interface TimeFormat {
  dateOnly: boolean;
  separator: 'T' | ' ';
  seconds: boolean;
  millis: boolean;
  /** '' (no zone), 'Z', or an offset like '+02:00'. */
  zone: string;
}

export interface ParsedTime {
  /** Epoch ms of the wall-clock time read as UTC (the zone offset is kept in the format). */
  ms: number;
  format: TimeFormat;
  /** The text's UTC offset in minutes ('Z' = 0); null without one. */
  offsetMinutes: number | null;
}

/** Minutes of a `Z` / `±HH:MM` zone designator; null for ''. */
export const offsetOf = (zone: string): number | null => {
  if (zone === '') return null;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
};

/** `±HH:MM` of an offset in minutes (`Z` when `utcAsZ` and the offset is 0). */
export const formatOffset = (minutes: number, utcAsZ = false): string => {
  if (minutes === 0 && utcAsZ) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Parses `YYYY-MM-DD` or ISO 8601 date-times; returns null when the text is not one. */
export function parseTimestamp(text: string): ParsedTime | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, sep, hh, mi, ss, frac, zone] = m;
  const ms = Date.UTC(
    +y,
    +mo - 1,
    +d,
    hh ? +hh : 0,
    mi ? +mi : 0,
    ss ? +ss : 0,
    frac ? Math.round(+frac * 1000) : 0,
  );
  const back = new Date(ms);
  if (back.getUTCFullYear() !== +y || back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d) return null;
  return {
    ms,
    format: {
      dateOnly: sep === undefined,
      separator: sep === ' ' ? ' ' : 'T',
      seconds: ss !== undefined,
      millis: frac !== undefined,
      zone: zone ?? '',
    },
    offsetMinutes: offsetOf(zone ?? ''),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Formats epoch ms (wall clock as UTC) in the given shape. */
export function formatTimestamp(ms: number, f: TimeFormat): string {
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (f.dateOnly) return date;
  let time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (f.seconds) time += `:${pad(d.getUTCSeconds())}`;
  if (f.millis) time += `.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${date}${f.separator}${time}${f.zone}`;
}

const monthIndex = (ms: number): number => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

export function addStep(ms: number, step: TimeStep, k: number): number {
  if (step.unit === 'ms') return ms + k * step.size;
  const d = new Date(ms);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() + k * step.size,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
}

/**
 * Detects the step of ascending timestamps: calendar months when every timestamp is the
 * same day of month at midnight and the month gaps are equal, else a fixed interval.
 * Throws badInput naming the first 1-based data row that breaks equal spacing.
 */
export function detectStep(times: number[], firstRow = 2): TimeStep {
  if (times.length < 2) throw badInput('input needs at least two rows to determine the step');
  const firstDay = new Date(times[0]).getUTCDate();
  const monthly =
    firstDay <= 28 &&
    times.every((t) => new Date(t).getUTCDate() === firstDay && t % 86_400_000 === 0) &&
    monthIndex(times[1]) - monthIndex(times[0]) >= 1 &&
    times[1] - times[0] > 27 * 86_400_000;
  const gap = (i: number): number =>
    monthly ? monthIndex(times[i]) - monthIndex(times[i - 1]) : times[i] - times[i - 1];
  const size = gap(1);
  if (size <= 0) throw badInput(`timestamps must increase: row ${firstRow + 1} is not after row ${firstRow}`);
  for (let i = 2; i < times.length; i++) {
    if (gap(i) !== size) throw badInput(`timestamps are not equally spaced at row ${firstRow + i}`);
  }
  return monthly ? { unit: 'month', size } : { unit: 'ms', size };
}

const MINUTE = 60_000;

/** Default seasonal periods for a step: intraday → daily + weekly, daily → 7, monthly → 12, quarterly → 4. */
export function inferSeasonality(step: TimeStep): number[] {
  if (step.unit === 'month') {
    if (step.size === 1) return [12];
    if (step.size === 3) return [4];
  } else {
    const minutes = step.size / MINUTE;
    if (Number.isInteger(minutes) && minutes < 1440 && 1440 % minutes === 0) {
      const perDay = 1440 / minutes;
      return [perDay, perDay * 7];
    }
    if (minutes === 1440) return [7];
    if (minutes === 10080) return [52];
  }
  throw badInput('seasonality cannot be inferred from the step of the input; pass --seasonality');
}

/** Interval length in minutes for a fixed step (undefined for calendar months). */
export const stepMinutes = (step: TimeStep): number | undefined =>
  step.unit === 'ms' ? step.size / MINUTE : undefined;
