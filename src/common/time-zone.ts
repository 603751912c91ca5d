/** The one check of IANA time-zone names (settings, volumes, staffing weeks, CLI flags). */
import { DateTime, IANAZone } from 'luxon';
import { badInput } from '../errors';

/**
 * Names found valid: luxon's check builds an `Intl.DateTimeFormat` on every call (tens of µs),
 * and bulk work (history, imports, staffing weeks) checks the same zone once per row. Only valid
 * names are kept, at most MAX_KNOWN_ZONES of them, so arbitrary input cannot grow the set.
 */
const knownZones = new Set<string>();
const MAX_KNOWN_ZONES = 1000;

/** True for an IANA zone name such as `Europe/London`. */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  const valid = IANAZone.isValidZone(timeZone);
  if (valid && knownZones.size < MAX_KNOWN_ZONES) knownZones.add(timeZone);
  return valid;
}

/** The zone named `timeZone`; BAD_USER_INPUT naming the `timeZone` parameter otherwise. */
export function zoneOf(timeZone: string): IANAZone {
  if (!isTimeZone(timeZone)) throw badInput(`timeZone must be an IANA zone name, got "${timeZone}"`);
  return IANAZone.create(timeZone);
}

/**
 * The local date `YYYY-MM-DD` of an instant in its zone; BAD_USER_INPUT naming `field` when
 * luxon holds the instant invalid (not a number, or outside its range).
 */
export function localDateOf(instant: DateTime, field: string): string {
  const date = instant.toISODate();
  if (date === null)
    throw badInput(`${field} must be a valid instant, got ${instant.invalidReason ?? 'an invalid one'}`, [
      { field, message: 'not a valid instant' },
    ]);
  return date;
}

/** An instant's site-local calendar day and wall-clock time. */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `YYYY-MM-DD HH:mm`. */
  dateTime: string;
}

/**
 * Memoised instant → local time for bulk work (exports, daily totals): luxon finds an
 * instant's offset with `Intl.DateTimeFormat.formatToParts` (about 20 µs), so the local day
 * found last answers every instant inside it by plain arithmetic when its offset is the same
 * at both ends (no clock change); an instant on a clock-change day is converted exactly.
 */
export function createLocalClock(timeZone: string): (instant: Date) => LocalTime {
  const zone = zoneOf(timeZone);
  let day: { start: number; end: number; offsetMs: number } | null = null;
  const fromLocalMs = (localMs: number): LocalTime => {
    const iso = new Date(localMs).toISOString();
    return { date: iso.slice(0, 10), dateTime: `${iso.slice(0, 10)} ${iso.slice(11, 16)}` };
  };
  return (instant) => {
    const ms = instant.getTime();
    if (day !== null && ms >= day.start && ms < day.end) return fromLocalMs(ms + day.offsetMs);
    const t = DateTime.fromMillis(ms, { zone });
    const date = localDateOf(t, 'instant');
    const start = t.startOf('day');
    const end = start.plus({ days: 1 }).startOf('day');
    day =
      start.offset === end.offset && start.offset === t.offset
        ? { start: start.toMillis(), end: end.toMillis(), offsetMs: t.offset * 60_000 }
        : null;
    return { date, dateTime: t.toFormat('yyyy-MM-dd HH:mm') };
  };
}
