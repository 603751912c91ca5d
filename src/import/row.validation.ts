import { clip } from '../common/bounded';
import { ECHO_MAX_CHARS } from './import-limits';
import { type ColumnParser } from './column-parsers';
import { throwIfRowErrors, MAX_LISTED_ERRORS, type RowError } from './row-errors';
import { type Table } from './table.types';

/** How one field is read: its parser, the header it comes from, and whether the column may be absent. */
export interface ColumnSpec<T> {
  parse: ColumnParser<T>;
  /** Header name in the file; defaults to the field name. Matching ignores case, spaces, `_` and `-`. */
  header?: string;
  aliases?: string[];
  /** When true the column may be missing from the file; every row then parses ''. */
  optionalColumn?: boolean;
}

/** Field name → parser or full column spec. */
export type RowSchema = Record<string, ColumnParser<unknown> | ColumnSpec<unknown>>;

export type RowOf<S extends RowSchema> = {
  [K in keyof S]: S[K] extends ColumnParser<infer T> ? T : S[K] extends ColumnSpec<infer T> ? T : never;
};

export interface ValidatedRow<T> {
  row: number;
  value: T;
}

export interface ValidateRowsOptions<S extends RowSchema> {
  /** Fields whose combined value must be unique across the file. */
  key?: (keyof S & string)[];
  /** Cross-field rules run on rows whose cells all parsed, e.g. `min ≤ max`. */
  check?: (value: RowOf<S>) => { field: keyof S & string; message: string }[];
  /** Most errors listed in the thrown error (default 1000). */
  maxListed?: number;
}

export const normalizeHeader = (h: string): string => h.toLowerCase().replace(/[\s_-]+/g, '');

const toSpec = (s: ColumnParser<unknown> | ColumnSpec<unknown>): ColumnSpec<unknown> =>
  typeof s === 'function' ? { parse: s } : s;

/** A schema field with the column it was found in (`label` names it in messages). */
interface FieldColumn {
  field: string;
  spec: ColumnSpec<unknown>;
  column: string | undefined;
  label: string;
}

/** Finds each field's column by header or alias; a missing required column is an error. */
function fieldColumns(table: Table, schema: RowSchema, errors: RowError[]): FieldColumn[] {
  const byHeader = new Map(table.columns.map((c) => [normalizeHeader(c), c]));
  return Object.entries(schema).map(([field, s]) => {
    const spec = toSpec(s);
    const names = [spec.header ?? field, ...(spec.aliases ?? [])];
    const column = names.map((n) => byHeader.get(normalizeHeader(n))).find((c) => c !== undefined);
    if (column === undefined && !spec.optionalColumn) {
      errors.push({ row: 1, column: names[0], field, message: `required column "${names[0]}" is missing` });
    }
    return { field, spec, column, label: column ?? names[0] };
  });
}

/** The row's parsed cells; false with the errors recorded when a cell does not parse. */
function parseCells(
  fields: FieldColumn[],
  row: number,
  values: Record<string, string>,
  errors: RowError[],
): { value: Record<string, unknown>; ok: boolean } {
  const value: Record<string, unknown> = {};
  let ok = true;
  for (const f of fields) {
    if (f.column === undefined && !f.spec.optionalColumn) continue;
    const r = f.spec.parse(f.column === undefined ? '' : (values[f.column] ?? ''));
    if (r.ok) value[f.field] = r.value;
    else {
      ok = false;
      errors.push({ row, column: f.label, field: f.field, message: `${f.label} ${r.message}` });
    }
  }
  return { value, ok };
}

/** The error for a row whose key fields repeat an earlier row's, or null (and the key remembered). */
function duplicateKey(
  fields: FieldColumn[],
  keyFields: readonly string[],
  seenKeys: Map<string, number>,
  row: number,
  value: Record<string, unknown>,
): RowError | null {
  if (keyFields.length === 0 || !keyFields.every((k) => k in value)) return null;
  const key = JSON.stringify(keyFields.map((k) => value[k]));
  const first = seenKeys.get(key);
  if (first === undefined) {
    seenKeys.set(key, row);
    return null;
  }
  const label = keyFields
    .map((k) => `${k} ${clip(JSON.stringify(value[k]) ?? '', ECHO_MAX_CHARS)}`)
    .join(', ');
  const column = fields.find((f) => f.field === keyFields[0])?.label;
  return { row, column, field: keyFields[0], message: `duplicate ${label}: rows ${first} and ${row}` };
}

/**
 * Validates every row of `table` against `schema`, collecting ALL problems (missing columns,
 * bad cells, duplicate keys) and throwing one BAD_USER_INPUT `N rows have errors` whose details
 * are `{ row, column, field, message }`; returns typed rows when the file is clean.
 */
export const validateRows = <S extends RowSchema>(
  table: Table,
  schema: S,
  options: ValidateRowsOptions<S> = {},
): ValidatedRow<RowOf<S>>[] => {
  const errors: RowError[] = [];
  const fields = fieldColumns(table, schema, errors);
  const keyFields: readonly string[] = options.key ?? [];
  const seenKeys = new Map<string, number>();
  const out: ValidatedRow<RowOf<S>>[] = [];
  for (const { row, values } of table.rows) {
    const parsed = parseCells(fields, row, values, errors);
    let rowOk = parsed.ok;
    const { value } = parsed;
    if (rowOk && options.check) {
      for (const c of options.check(value as RowOf<S>)) {
        rowOk = false;
        const column = fields.find((f) => f.field === c.field)?.label;
        errors.push({ row, column, field: c.field, message: c.message });
      }
    }
    const duplicate = duplicateKey(fields, keyFields, seenKeys, row, value);
    if (duplicate) errors.push(duplicate);
    if (rowOk && !duplicate) out.push({ row, value: value as RowOf<S> });
  }
  throwIfRowErrors(errors, options.maxListed ?? MAX_LISTED_ERRORS);
  return out;
};
