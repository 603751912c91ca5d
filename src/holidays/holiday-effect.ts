/** What a holiday calendar entry does to the volume of its day: closed, or scaled by a factor. */
import { badInput } from '../errors';

export type HolidayEffect = { kind: 'CLOSED' } | { kind: 'FACTOR'; factor: number };

/** Volume factors outside this range are refused. */
export const MAX_HOLIDAY_FACTOR = 5;

export function checkFactor(factor: number): void {
  if (!Number.isFinite(factor) || factor < 0 || factor > MAX_HOLIDAY_FACTOR)
    throw badInput(`factor must be in [0, ${MAX_HOLIDAY_FACTOR}], got ${factor}`, [
      { field: 'factor', message: `must be in [0, ${MAX_HOLIDAY_FACTOR}]` },
    ]);
}
