import type { Contract } from './staff.types';

/** A problem with one field of a staff record; `field` is the flat (import column) name. */
export interface FieldProblem<F extends string = string> {
  field: F;
  message: string;
}

/** Contract rules beyond single-field ranges: min ≤ max hours, and the max fits in the max days. */
export function checkContract(c: Contract): FieldProblem<keyof Contract>[] {
  const out: FieldProblem<keyof Contract>[] = [];
  if (c.maxHoursWeek < c.minHoursWeek)
    out.push({
      field: 'maxHoursWeek',
      message: `maxHoursWeek must be ≥ minHoursWeek (${c.minHoursWeek}), got ${c.maxHoursWeek}`,
    });
  if (c.minHoursWeek > c.maxDaysWeek * 24)
    out.push({
      field: 'minHoursWeek',
      message: `minHoursWeek ${c.minHoursWeek} cannot be worked in maxDaysWeek ${c.maxDaysWeek} days`,
    });
  if (c.maxConsecutiveDays < 1)
    out.push({
      field: 'maxConsecutiveDays',
      message: `maxConsecutiveDays must be ≥ 1, got ${c.maxConsecutiveDays}`,
    });
  return out;
}

/** Skills not in `known`, reported once per record. */
export function checkSkills(skills: readonly string[], known: ReadonlySet<string>): FieldProblem<'skills'>[] {
  const unknown = skills.filter((s) => !known.has(s));
  if (unknown.length === 0) return [];
  return [
    {
      field: 'skills',
      message: `skills: unknown skill${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s}"`).join(', ')} (known: ${[...known].sort().join(', ')})`,
    },
  ];
}

/** Trimmed, de-duplicated skills in first-seen order. */
export const normaliseSkills = (skills: readonly string[]): string[] => [
  ...new Set(skills.map((s) => s.trim())),
];
