import {
  boolean,
  integer,
  list,
  number,
  oneOf,
  optional,
  text,
  time,
} from '../../../src/import/column-parsers';
import { type RowSchema } from '../../../src/import/row.validation';

/** Example declarations, as the staff and availability imports will write them. */
export const staffSchema = {
  employeeNo: text({ pattern: /^E\d+$/, patternHint: 'E followed by digits' }),
  name: text({ maxLength: 100 }),
  skills: list(text(), { minItems: 1 }),
  minHoursWeek: number({ min: 0, max: 60 }),
  maxHoursWeek: number({ min: 0, max: 60 }),
  maxDaysWeek: integer({ min: 1, max: 7 }),
  maxConsecutiveDays: integer({ min: 1, max: 14 }),
  hourlyCost: number({ min: 0 }),
  active: { parse: optional(boolean(), true), optionalColumn: true },
} satisfies RowSchema;

export const availabilitySchema = {
  employeeNo: text(),
  dayOfWeek: integer({ min: 1, max: 7 }),
  from: time(),
  to: time({ allowEndOfDay: true }),
  kind: { parse: optional(oneOf(['AVAILABLE', 'PREFERRED'] as const), 'AVAILABLE'), optionalColumn: true },
} satisfies RowSchema;
