/** The one check of IANA time-zone names (settings, volumes, staffing weeks, CLI flags). */
import { IANAZone, type DateTime } from 'luxon';
import { badInput } from '../errors';

/** True for an IANA zone name such as `Europe/London`. */
export const isTimeZone = (timeZone: string): boolean => IANAZone.isValidZone(timeZone);

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
