import { sum } from './sum';

/** The mean of the values that are not null (nulls are missing, not zero); null when none are left. */
export function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((x): x is number => x !== null);
  return known.length === 0 ? null : sum(known) / known.length;
}
