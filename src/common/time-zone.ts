/** The one check of IANA time-zone names (settings, volumes, staffing weeks, CLI flags). */
import { IANAZone, type DateTime } from 'luxon';
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
