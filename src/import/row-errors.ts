import { badInput, type AppError, type ErrorLocation } from '../errors';

/** Most errors listed in one import failure; the rest are counted in a final note. */
export const MAX_LISTED_ERRORS = 1000;

/** A problem with one cell (or one row / the header when `column` is absent). */
export interface RowError {
  row: number;
  column?: string;
  field?: string;
  message: string;
}

/**
 * Builds the single BAD_USER_INPUT error of a failed import: message `N rows have errors`
 * (header problems are counted as row 1), details sorted by row, capped at `maxListed`
 * with a final `{ message: '… more errors not listed' }` entry.
 */
export const rowErrorsToAppError = (errors: RowError[], maxListed = MAX_LISTED_ERRORS): AppError => {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rows = new Set(sorted.map((e) => e.row)).size;
  const details: ErrorLocation[] = sorted.slice(0, maxListed).map((e) => ({
    row: e.row,
    ...(e.column === undefined ? {} : { column: e.column }),
    ...(e.field === undefined ? {} : { field: e.field }),
    message: e.message,
  }));
  if (sorted.length > maxListed) {
    details.push({
      message: `${sorted.length - maxListed} more errors not listed (first ${maxListed} shown)`,
    });
  }
  return badInput(`${rows} ${rows === 1 ? 'row has' : 'rows have'} errors`, details);
};

/** Throws `rowErrorsToAppError(errors)` when there is at least one error. */
export const throwIfRowErrors = (errors: RowError[], maxListed = MAX_LISTED_ERRORS): void => {
  if (errors.length > 0) throw rowErrorsToAppError(errors, maxListed);
};
