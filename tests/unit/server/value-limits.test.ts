/**
 * A variable passed to several arguments takes the smallest of their caps. It took the
 * last one's: one variable in `createStaff(input: { preferences: { desiredShifts: [$c, $c,
 * $c] } })` and `importVolumes(csv: $c)` took the CSV's 4 MiB cap, and a MANAGER stored a
 * staff record with three 4 MB strings (audit, 2026-12-03).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { validateSync } from 'class-validator';
import { LONG_STRING_ARGUMENTS, variableValueErrors } from '../../../src/server/value-limits';
import { PreferencesInput } from '../../../src/staff/staff-inputs.graphql';
import { MAX_ID_LENGTH } from '../../../src/common/input-rules';

const schema = buildSchema(readFileSync(path.join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
const limits = { maxLength: 4096, maxItems: 1000 };
const CSV_CAP = LONG_STRING_ARGUMENTS['Mutation.importVolumes.csv']!;

const SHARED = `mutation($c: String!) {
  createStaff(input: { employeeNo: "X1", name: "Big Prefs", skills: ["calls"], hourlyCost: 10,
    contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
    preferences: { desiredShifts: [$c, $c, $c] } }) { id }
  importVolumes(csv: $c) { days }
}`;
const IMPORT_ONLY = 'mutation($c: String!) { importVolumes(csv: $c) { days } }';
const errorsOf = (query: string, variables: Record<string, unknown>): [string, unknown][] =>
  variableValueErrors(schema, parse(query), variables, limits).map((e) => [e.message, e.extensions.code]);

describe('variable caps', () => {
  it('refuses the audit attack: a 4 MiB variable shared by createStaff and importVolumes', () => {
    const big = 'S'.repeat(4 * 1024 * 1024 - 10);
    expect(errorsOf(SHARED, { c: big })).toEqual([
      [
        `Variable "$c" (passed to Mutation.createStaff.input, Mutation.importVolumes.csv) is ${big.length} characters long; the limit is 4096`,
        'BAD_USER_INPUT',
      ],
    ]);
  });

  it('keeps the large cap for a variable passed only where it is allowed', () => {
    expect(errorsOf(IMPORT_ONLY, { c: 'x'.repeat(CSV_CAP) })).toEqual([]);
    expect(errorsOf(IMPORT_ONLY, { c: 'x'.repeat(CSV_CAP + 1) })).toHaveLength(1);
  });

  it('takes the smallest cap whichever order the arguments come in, fragments included', () => {
    const reversed = `mutation($c: String!) { importVolumes(csv: $c) { days } ...F }
      fragment F on Mutation { deleteHoliday(date: $c) }`;
    const errors = errorsOf(reversed, { c: 'x'.repeat(5000) });
    expect(errors.map(([m]) => m)).toEqual([
      expect.stringMatching(/^Variable "\$c" \(passed to .*\) is 5000 characters long; the limit is 4096$/),
    ]);
  });

  it('applies the default caps to a variable used nowhere', () => {
    expect(errorsOf(IMPORT_ONLY, { c: 'ok', unused: 'x'.repeat(5000) })).toEqual([
      ['Variable "$unused" is 5000 characters long; the limit is 4096', 'BAD_USER_INPUT'],
    ]);
  });
});

describe('PreferencesInput caps each shift id and its lists', () => {
  const prefs = (over: Partial<PreferencesInput>): string[] =>
    validateSync(
      Object.assign(new PreferencesInput(), {
        desiredDays: [],
        undesiredDays: [],
        desiredShifts: [],
        undesiredShifts: [],
        ...over,
      }),
    ).flatMap((e) => Object.values(e.constraints ?? {}));

  it('refuses a shift id over MAX_ID_LENGTH characters', () => {
    expect(prefs({ desiredShifts: ['tpl-early'], undesiredShifts: ['tpl-late'] })).toEqual([]);
    expect(prefs({ desiredShifts: ['x'.repeat(MAX_ID_LENGTH + 1)] })).toEqual([
      `each value in desiredShifts must be shorter than or equal to ${MAX_ID_LENGTH} characters`,
    ]);
    expect(prefs({ undesiredShifts: ['x'.repeat(4096)] })).toHaveLength(1);
  });

  it('refuses more days than a week has', () => {
    expect(prefs({ desiredDays: [1, 2, 3, 4, 5, 6, 7, 1] })).toEqual([
      'desiredDays must contain no more than 7 elements',
    ]);
  });
});
