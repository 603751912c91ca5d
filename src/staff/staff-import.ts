import { AppError } from '../errors';
import { clockToMinutes } from '../common/calendar';
import { MAX_WEEKLY_WINDOWS } from '../common/time-window';
import {
  boolean,
  integer,
  list,
  number,
  optional,
  type RowOf,
  type RowSchema,
  type Table,
  text,
  time,
  type ValidateRowsOptions,
  type ValidatedRow,
} from '../import';
import type { StaffMember, WeeklyWindow } from './staff.types';
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

type AvailabilityRow = RowOf<typeof AVAILABILITY_COLUMNS>;

/**
 * The availability file's row rules: a known employee, from before to, at most
 * MAX_WEEKLY_WINDOWS rows a person, and no window that overlaps an earlier row's window of the
 * same person and day (the check keeps those rows).
 */
export function availabilityRowCheck(
  staffByNo: Map<string, StaffMember>,
): NonNullable<ValidateRowsOptions<typeof AVAILABILITY_COLUMNS>['check']> {
  const seen = new Map<
    string,
    { dayOfWeek: number; from: string; to: string; start: number; end: number }[]
  >();
  return (v) => {
    if (!staffByNo.has(v.employeeNo))
      return [{ field: 'employeeNo', message: `employeeNo "${v.employeeNo}" is not a known staff member` }];
    if (!isBefore(v.from, v.to))
      return [{ field: 'to', message: `to must be after from, got ${v.from}–${v.to}` }];
    const start = clockToMinutes(v.from);
    const end = clockToMinutes(v.to, true);
    if (start === null || end === null)
      return [{ field: 'from', message: `from and to must be times HH:MM, got ${v.from}–${v.to}` }];
    const mine = seen.get(v.employeeNo) ?? [];
    if (mine.length >= MAX_WEEKLY_WINDOWS)
      return [
        {
          field: 'employeeNo',
          message: `${v.employeeNo} has more than ${MAX_WEEKLY_WINDOWS} weekly windows in the file`,
        },
      ];
    const clash = mine.find((w) => w.dayOfWeek === v.dayOfWeek && w.start < end && start < w.end);
    mine.push({ ...v, start, end });
    seen.set(v.employeeNo, mine);
    return clash
      ? [
          {
            field: 'from',
            message: `window ${v.from}–${v.to} overlaps ${clash.from}–${clash.to} of ${v.employeeNo} on day ${v.dayOfWeek}`,
          },
        ]
      : [];
  };
}

/** The checked rows' weekly windows per staff id, in row order. */
export function weeklyByStaff(
  rows: ValidatedRow<AvailabilityRow>[],
  staffByNo: Map<string, StaffMember>,
): Map<string, WeeklyWindow[]> {
  const weekly = new Map<string, WeeklyWindow[]>();
  for (const { value: v } of rows) {
    const staff = staffByNo.get(v.employeeNo);
    if (!staff)
      throw new AppError('INTERNAL', `row of unknown staff member ${v.employeeNo} passed the check`);
    const id = staff._id;
    weekly.set(id, [...(weekly.get(id) ?? []), { dayOfWeek: v.dayOfWeek, from: v.from, to: v.to }]);
  }
  return weekly;
}
