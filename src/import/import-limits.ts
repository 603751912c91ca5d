import { clip } from '../common/bounded';
import { badInput, type AppError } from '../errors';

/** Bounds on one imported file, checked while it streams in. */
export interface ImportLimits {
  /** Bytes of the file as uploaded (default 50 MiB). */
  maxBytes: number;
  /** Data rows, the header not counted (default 200 000). */
  maxRows: number;
  /** Columns of any row (default 200). */
  maxColumns: number;
  /** Characters of any cell (default 10 000). */
  maxCellChars: number;
  /** XLSX: bytes of all its entries once inflated (default 256 MiB); a zip bomb stops here. */
  maxUncompressedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxUncompressedBytes: 256 * 1024 * 1024,
};

/** Characters of a cell shown in any error message. */
export const ECHO_MAX_CHARS = 200;

/** A cell as error messages show it: quoted, at most ECHO_MAX_CHARS characters of it. */
export const echoCell = (cell: string): string => `"${clip(cell, ECHO_MAX_CHARS)}"`;

/** The BAD_USER_INPUT of an exceeded limit; `details[0].field` names the limit (`maxRows`, …). */
export const limitError = (
  fileName: string,
  limit: keyof ImportLimits,
  message: string,
  where: { row?: number; column?: string } = {},
): AppError => {
  const at = [
    where.row !== undefined ? `row ${where.row}` : null,
    where.column ? `column ${where.column}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return badInput(`${fileName}: ${at ? `${at}: ` : ''}${message}`, [{ field: limit, ...where, message }]);
};

/** Counts rows as they stream in and checks each against the limits; throws at the first one exceeded. */
export class RowGuard {
  private dataRows = -1;
  private header: string[] = [];

  constructor(
    private readonly fileName: string,
    private readonly limits: ImportLimits,
  ) {}

  /** Checks one record (the first one is the header); `line` is its row number in the file. */
  check(line: number, cells: string[]): void {
    const { maxRows, maxColumns, maxCellChars } = this.limits;
    this.dataRows++;
    if (this.dataRows > maxRows) {
      throw limitError(this.fileName, 'maxRows', `the file has more than ${maxRows} data rows`, {
        row: line,
      });
    }
    if (cells.length > maxColumns) {
      throw limitError(
        this.fileName,
        'maxColumns',
        `the row has ${cells.length} columns, more than ${maxColumns}`,
        {
          row: line,
        },
      );
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell.length > maxCellChars) {
        throw limitError(
          this.fileName,
          'maxCellChars',
          `the cell has ${cell.length} characters, more than ${maxCellChars}: ${echoCell(cell)}`,
          { row: line, column: this.columnName(i) },
        );
      }
    }
    if (this.dataRows === 0) this.header = cells;
  }

  /** The header text of column `i` (0-based) when known, else its spreadsheet letter. */
  columnName(i: number): string {
    const h = this.header[i];
    return h ? clip(h, 64) : columnLetter(i);
  }
}

/** 0 → A, 25 → Z, 26 → AA. */
export const columnLetter = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
