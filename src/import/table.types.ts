import type { ImportLimits } from './import-limits';

/** A tabular file (CSV or XLSX) read into strings, before any domain validation. */
export type TableFormat = 'csv' | 'xlsx';

/** One data row. `row` is the row number a user sees in the file (header = 1, first data row = 2). */
export interface TableRow {
  row: number;
  /** Cell text keyed by column header (as written in the file, trimmed). Missing cells are ''. */
  values: Record<string, string>;
}

export interface Table {
  format: TableFormat;
  /** Header cells, trimmed, in file order. */
  columns: string[];
  rows: TableRow[];
}

export interface ReadTableInput {
  fileName: string;
  bytes: Buffer;
}

/** Overrides of `DEFAULT_IMPORT_LIMITS` (bytes, rows, columns, cell length, XLSX inflated size). */
export type ReadTableOptions = Partial<ImportLimits>;
