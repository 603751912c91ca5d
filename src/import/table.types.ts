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

export interface ReadTableOptions {
  /** Refuse files with more data rows than this (default 200 000). */
  maxRows?: number;
  /** Refuse files larger than this many bytes (default 50 MiB). */
  maxBytes?: number;
}
