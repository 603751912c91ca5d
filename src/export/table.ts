/** A sheet of an export: a title, column headers and rows of plain values. */
export type Cell = string | number | boolean | Date | null;

export interface Sheet {
  name: string;
  columns: { header: string; key: string; width?: number; numFmt?: string }[];
  rows: Record<string, Cell>[];
  /** Rows (0-based, data rows) to highlight, e.g. under-covered intervals. */
  highlight?: (row: Record<string, Cell>) => boolean;
}
