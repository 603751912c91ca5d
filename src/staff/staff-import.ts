import { clockToMinutes } from '../common/calendar';
import { boolean, integer, list, number, optional, type RowSchema, type Table, text, time } from '../import';
import { EMPLOYEE_NO, EMPLOYEE_NO_HINT, SKILL } from './staff-inputs.graphql';

/**
 * Staff file: one person per row, upserted by employeeNo.
 * `skills` separates items with `;` or `|`; `active` may be omitted (default true).
 */
export const STAFF_COLUMNS = {
  employeeNo: text({ pattern: EMPLOYEE_NO, patternHint: EMPLOYEE_NO_HINT }),
  name: text({ maxLength: 100 }),
  skills: list(text({ pattern: SKILL, patternHint: 'a-z, 0-9 or "_"' }), { minItems: 1 }),
  minHoursWeek: number({ min: 0, max: 80 }),
  maxHoursWeek: number({ min: 0, max: 80 }),
  maxDaysWeek: integer({ min: 1, max: 7 }),
  maxConsecutiveDays: integer({ min: 1, max: 14 }),
  hourlyCost: number({ min: 0, max: 10_000 }),
  active: { parse: optional(boolean(), true), optionalColumn: true },
} satisfies RowSchema;

/** Availability file: one weekly window per row; the file replaces the weekly windows of every person in it. */
export const AVAILABILITY_COLUMNS = {
  employeeNo: text({ pattern: EMPLOYEE_NO, patternHint: EMPLOYEE_NO_HINT }),
  dayOfWeek: integer({ min: 1, max: 7 }),
  from: time(),
  to: time({ allowEndOfDay: true }),
} satisfies RowSchema;

export const STAFF_FILE_COLUMNS = Object.keys(STAFF_COLUMNS);
export const AVAILABILITY_FILE_COLUMNS = Object.keys(AVAILABILITY_COLUMNS);

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cell).join(';');
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
};

/**
 * GraphQL import rows → the same string table a file gives, so one set of rules checks both.
 * Row numbers are the 1-based position in the `rows` list.
 */
export function rowsToTable(rows: readonly object[], columns: readonly string[]): Table {
  return {
    format: 'csv',
    columns: [...columns],
    rows: rows.map((r, i) => ({
      row: i + 1,
      values: Object.fromEntries(columns.map((c) => [c, cell((r as Record<string, unknown>)[c])])),
    })),
  };
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
}

export const isBefore = (from: string, to: string): boolean =>
  (clockToMinutes(from) ?? 0) < (clockToMinutes(to, true) ?? 0);
