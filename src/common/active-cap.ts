/**
 * Writing within a cap on active records (staff, shift templates): the one-record path beside
 * the batch arithmetic of `activation-cap.core.ts`.
 */

export interface ActiveCap {
  /** Whether the write makes one more record active; when not, it runs with no count. */
  activates: boolean;
  /** Most records a site may have active at once. */
  limit: number;
  /** Active records now. */
  count(): Promise<number>;
  /** The error for a write that would leave `after` active. */
  refuse(after: number): Error;
}

/**
 * Runs `write` within `cap`: refused before it when the site already holds `cap.limit`, and
 * counted again after it: of writes racing for the last places (other API processes), one that
 * passes the cap is taken back with `undo` and refused.
 */
export async function writeWithinCap<T>(
  cap: ActiveCap,
  write: () => Promise<T>,
  undo: () => Promise<unknown>,
): Promise<T> {
  if (!cap.activates) return write();
  const held = await cap.count();
  if (held + 1 > cap.limit) throw cap.refuse(held + 1);
  const written = await write();
  const after = await cap.count();
  if (after > cap.limit) {
    await undo();
    throw cap.refuse(after);
  }
  return written;
}
