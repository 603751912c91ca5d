/** The one check of IANA time-zone names (settings, volumes, staffing weeks, CLI flags). */
import { IANAZone } from 'luxon';
import { badInput } from '../errors';

/** True for an IANA zone name such as `Europe/London`. */
export const isTimeZone = (timeZone: string): boolean => IANAZone.isValidZone(timeZone);

/** The zone named `timeZone`; BAD_USER_INPUT naming the `timeZone` parameter otherwise. */
export function zoneOf(timeZone: string): IANAZone {
  if (!isTimeZone(timeZone)) throw badInput(`timeZone must be an IANA zone name, got "${timeZone}"`);
  return IANAZone.create(timeZone);
}
