/**
 * The cap on a site's active staff. A roster is planned for every active person, and a roster
 * problem lists at most this many (rostering's `ROSTER_PROBLEM_LIMITS.staff` is this number);
 * the lists that grow with the staff (`availableStaff`, a roster's shifts, KPIs and notes) are
 * weighed by it in the query cost. Uncapped, 10,001 active people were accepted and only a roster
 * job found out, after reading and building a problem for all of them.
 */
import { type Activation, firstPastCap } from '../common/activation-cap.core';
import { badInput, type AppError } from '../errors';

/** Most people a site may have active at once (deactivated records do not count). */
export const MAX_ACTIVE_STAFF = 10_000;

/** An imported row as the cap sees it: its row number, whether it sets the person active, and whether they were. */
export interface ActivationRow extends Activation {
  row: number;
  employeeNo: string;
}

/**
 * The row whose activation takes the site past MAX_ACTIVE_STAFF, given `held` active people now,
 * with the number the import would leave active; null when the whole import fits (see
 * `firstPastCap`: deactivations count, in row order).
 */
export const overCap = (
  rows: readonly ActivationRow[],
  held: number,
): { row: ActivationRow; after: number } | null => firstPastCap(rows, held, MAX_ACTIVE_STAFF);

/**
 * BAD_USER_INPUT naming the person that would pass the cap, where (an input field, or an
 * imported row's active column), the limit, and how many would be active after the write.
 */
export function tooManyActiveStaff(
  employeeNo: string,
  after: number,
  where: { field: string } | { row: number },
): AppError {
  const location = 'row' in where ? { row: where.row, column: 'active' } : where;
  return badInput(
    `Cannot make staff ${employeeNo} active: a site has at most ${MAX_ACTIVE_STAFF} active staff, and this would make ${after}; deactivate someone first`,
    [{ ...location, message: `at most ${MAX_ACTIVE_STAFF} active staff a site` }],
  );
}
