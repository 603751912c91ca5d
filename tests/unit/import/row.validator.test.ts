import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../src/errors';
import { fromZod, integer, number, text } from '../../../src/import/column-parsers';
import { validateRows } from '../../../src/import/row.validation';
import { readTable } from '../../../src/import/table-reader';
import { type Table } from '../../../src/import/table.types';
import { availabilitySchema, staffSchema } from './staff-schema.fixture';

const load = (name: string): Promise<Table> =>
  readTable({ fileName: name, bytes: readFileSync(join(__dirname, '../../fixtures/import', name)) });

const table = (columns: string[], rows: string[][]): Table => ({
  format: 'csv',
  columns,
  rows: rows.map((r, i) => ({
    row: i + 2,
    values: Object.fromEntries(columns.map((c, j) => [c, r[j] ?? ''])),
  })),
});

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

const staffCheck = (v: { minHoursWeek: number; maxHoursWeek: number }) =>
  v.minHoursWeek > v.maxHoursWeek
    ? [
        {
          field: 'minHoursWeek' as const,
          message: `minHoursWeek (${v.minHoursWeek}) exceeds maxHoursWeek (${v.maxHoursWeek})`,
        },
      ]
    : [];

describe('validateRows', () => {
  it('returns typed staff rows from a good file (optional column defaulted, lists split on ; and |)', async () => {
    const rows = validateRows(await load('staff-good.csv'), staffSchema, {
      key: ['employeeNo'],
      check: staffCheck,
    });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(rows[0]!.value).toEqual({
      employeeNo: 'E001',
      name: 'Ada Lovelace',
      skills: ['calls', 'emails'],
      minHoursWeek: 20,
      maxHoursWeek: 40,
      maxDaysWeek: 5,
      maxConsecutiveDays: 5,
      hourlyCost: 18.5,
      active: true,
    });
    expect(rows[1]!.value.skills).toEqual(['calls', 'outbound_ook']);
    expect(rows[2]!.value.active).toBe(true);
  });

  it('matches headers ignoring case and separators, and allows an absent optional column', async () => {
    const rows = validateRows(await load('staff-semicolon-bom.csv'), staffSchema);
    expect(rows[0]!.value).toMatchObject({ employeeNo: 'E010', name: 'Semi Colon', active: true });
  });

  it('reports EVERY bad cell, duplicate key and cross-field rule at once, with row and column', async () => {
    const t = await load('staff-bad.csv');
    const err = thrown(() => validateRows(t, staffSchema, { key: ['employeeNo'], check: staffCheck }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toBe('5 rows have errors');
    expect(err.details.map((d) => [d.row, d.column, d.message])).toEqual([
      [3, 'employeeNo', 'employeeNo must match E followed by digits, got "X2"'],
      [3, 'minHoursWeek', 'minHoursWeek must be a number, got "abc"'],
      [4, 'name', 'name is required'],
      [4, 'maxDaysWeek', 'maxDaysWeek must be ≤ 7, got 8'],
      [4, 'hourlyCost', 'hourlyCost must be ≥ 0, got -1'],
      [4, 'active', 'active must be true or false, got "maybe"'],
      [5, 'employeeNo', 'duplicate employeeNo "E001": rows 2 and 5'],
      [6, 'minHoursWeek', 'minHoursWeek (30) exceeds maxHoursWeek (20)'],
      [7, 'skills', 'skills needs at least 1 item(s)'],
    ]);
    expect(err.details[0]!.field).toBe('employeeNo');
  });

  it('names every missing required column (row 1) and still checks the other columns', () => {
    const t = table(['employeeNo', 'name', 'hourlyCost'], [['E1', 'Ada', 'x']]);
    const err = thrown(() => validateRows(t, staffSchema));
    expect(err.message).toBe('2 rows have errors');
    expect(err.details.filter((d) => d.row === 1).map((d) => d.message)).toEqual([
      'required column "skills" is missing',
      'required column "minHoursWeek" is missing',
      'required column "maxHoursWeek" is missing',
      'required column "maxDaysWeek" is missing',
      'required column "maxConsecutiveDays" is missing',
    ]);
    expect(err.details.at(-1)).toEqual({
      row: 2,
      column: 'hourlyCost',
      field: 'hourlyCost',
      message: 'hourlyCost must be a number, got "x"',
    });
  });

  it('declares the availability import in a few lines (time, end-of-day, enum, composite key)', () => {
    const t = table(
      ['employeeNo', 'dayOfWeek', 'from', 'to', 'kind'],
      [
        ['E1', '1', '08:00', '24:00', 'preferred'],
        ['E1', '1', '09:00', '17:00', ''],
        ['E2', '8', '25:00', '24:00', 'maybe'],
      ],
    );
    const err = thrown(() => validateRows(t, availabilitySchema, { key: ['employeeNo', 'dayOfWeek'] }));
    expect(err.details.map((d) => d.message)).toEqual([
      'duplicate employeeNo "E1", dayOfWeek 1: rows 2 and 3',
      'dayOfWeek must be ≤ 7, got 8',
      'from must be a time HH:MM, got "25:00"',
      'kind must be one of AVAILABLE, PREFERRED, got "maybe"',
    ]);
    const ok = validateRows(
      table(t.columns, [['E1', '1', '08:00', '24:00', 'preferred']]),
      availabilitySchema,
    );
    expect(ok[0]!.value).toEqual({
      employeeNo: 'E1',
      dayOfWeek: 1,
      from: '08:00',
      to: '24:00',
      kind: 'PREFERRED',
    });
  });

  it('accepts zod schemas as column parsers', () => {
    const schema = { email: fromZod(z.email()), age: fromZod(z.coerce.number().int().min(18)) };
    const rows = validateRows(table(['email', 'age'], [['a@b.co', '30']]), schema);
    expect(rows[0]!.value).toEqual({ email: 'a@b.co', age: 30 });
    const err = thrown(() => validateRows(table(['email', 'age'], [['nope', '12']]), schema));
    expect(err.details.map((d) => d.column)).toEqual(['email', 'age']);
  });

  it('caps the listed errors and says how many were left out', () => {
    const rows = Array.from({ length: 30 }, () => ['x']);
    const err = thrown(() => validateRows(table(['n'], rows), { n: integer() }, { maxListed: 10 }));
    expect(err.message).toBe('30 rows have errors');
    expect(err.details).toHaveLength(11);
    expect(err.details[10]).toEqual({ message: '20 more errors not listed (first 10 shown)' });
  });

  it('returns nothing (and throws nothing) for a header-only file', async () => {
    expect(validateRows(await load('staff-header-only.csv'), staffSchema)).toEqual([]);
    expect(
      validateRows(table(['a'], []), { a: text(), b: { parse: number(), optionalColumn: true } }),
    ).toEqual([]);
  });
});
