/**
 * class-validator rules that the GraphQL input classes of several features share. Messages
 * name the field through class-validator's `$property`.
 */
import { IsInt, Matches, Max, Min, type ValidationOptions } from 'class-validator';

/**
 * Longest id, key or skill name an input takes (uuids are 36; seeded ids and keys are
 * shorter): such strings are looked up or stored, and the edge's 4,096 would let one
 * stored list hold 4 KB per item.
 */
export const MAX_ID_LENGTH = 64;

/** A clock time "HH:MM"; where "24:00" may stand is for the window checks to say. */
export const CLOCK_TIME = /^\d{2}:\d{2}$/;

/** A local date "YYYY-MM-DD" (its calendar validity is checked where it is used). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The field is a clock time "HH:MM", else "<field> must be a time HH:MM". */
export const IsClockTime = (): PropertyDecorator =>
  Matches(CLOCK_TIME, { message: '$property must be a time HH:MM' });

/**
 * The field (with `{ each: true }`, each element) is an ISO day of week: an integer from
 * 1 = Monday to 7 = Sunday.
 */
export function IsDayOfWeek(options?: ValidationOptions): PropertyDecorator {
  // in the order stacked `@IsInt() @Min(1) @Max(7)` apply (the nearest first)
  const rules = [Max(7, options), Min(1, options), IsInt(options)];
  return (target, key) => {
    for (const rule of rules) rule(target, key);
  };
}
