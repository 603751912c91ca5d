/**
 * The arithmetic of a cap on active records (staff, shift templates) over a batch of writes.
 * Pure: no store, no GraphQL.
 */

/** One written record as a cap sees it: whether the write sets it active, and whether it was. */
export interface Activation {
  active: boolean;
  wasActive: boolean;
}

/**
 * The row whose activation takes `held` active records past `limit`, with the number the batch
 * would leave active; null when the whole batch fits. Rows count in order, deactivations
 * included, so a batch that deactivates some records and activates as many others fits. A site
 * already past the cap (data older than it) may still write rows that activate nothing.
 */
export function firstPastCap<R extends Activation>(
  rows: readonly R[],
  held: number,
  limit: number,
): { row: R; after: number } | null {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be an integer ≥ 0, got ${limit}`);
  let after = held;
  let crossing: R | null = null;
  for (const r of rows) {
    after += Number(r.active) - Number(r.wasActive);
    if (after <= limit) crossing = null;
    else if (crossing === null && r.active && !r.wasActive) crossing = r;
  }
  return crossing === null ? null : { row: crossing, after };
}
