import { basename } from 'node:path';
import { clip } from '../common/bounded';
import { type AppError, badInput, isAppError } from '../errors';
import { NotCsvError, streamCsvRecords } from './csv-reader';
import { KNOWN_BINARY, startsWith, ZIP_MAGIC } from './file-format-detector';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, limitError, RowGuard } from './import-limits';
import { throwIfRowErrors, type RowError } from './row-errors';
import { bytesSource, fileSource, type TableSource } from './table-source';
import { type ReadTableInput, type ReadTableOptions, type Table, type TableRow } from './table.types';
import { streamXlsxRecords } from './xlsx-reader';
import { checkZipBounds } from './zip-guard';

export const DEFAULT_MAX_ROWS = DEFAULT_IMPORT_LIMITS.maxRows;
export const DEFAULT_MAX_BYTES = DEFAULT_IMPORT_LIMITS.maxBytes;

interface RawRecord {
  line: number;
  cells: string[];
}

/**
 * Header checks + ragged-row checks, collecting every problem before throwing once. Each
 * record is turned into a row as it streams in (`add`), so no pass over the whole file runs
 * in one block at the end.
 */
class TableBuilder {
  private header: { line: number; columns: string[] } | null = null;
  private readonly rows: TableRow[] = [];
  private readonly errors: RowError[] = [];
  private dataRows = 0;

  constructor(
    private readonly format: Table['format'],
    private readonly fileName: string,
    private readonly maxRows: number,
  ) {}

  /** Records taken so far, the header included. */
  get count(): number {
    return this.header === null ? 0 : this.dataRows + 1;
  }

  add(rec: RawRecord): void {
    if (this.header === null) return this.readHeader(rec);
    this.dataRows += 1;
    const columns = this.header.columns;
    const width = columns.length;
    const ragged =
      rec.cells.slice(width).some((c) => c !== '') || (this.format === 'csv' && rec.cells.length < width);
    if (ragged) {
      this.errors.push({
        row: rec.line,
        message: `row has ${rec.cells.length} values but the header has ${width} columns`,
      });
      return;
    }
    const values: Record<string, string> = {};
    columns.forEach((name, i) => (values[name] = rec.cells[i] ?? ''));
    this.rows.push({ row: rec.line, values });
  }

  private readHeader(rec: RawRecord): void {
    let width = rec.cells.length;
    while (width > 0 && rec.cells[width - 1] === '') width--;
    const columns = rec.cells.slice(0, width);
    const seen = new Map<string, number>();
    columns.forEach((name, i) => {
      if (name === '') this.errors.push({ row: rec.line, message: `column ${i + 1} has an empty header` });
      const key = name.toLowerCase();
      if (name !== '' && seen.has(key)) {
        this.errors.push({
          row: rec.line,
          column: name,
          message: `column "${name}" appears twice in the header`,
        });
      }
      seen.set(key, i);
    });
    this.header = { line: rec.line, columns };
  }

  finish(): Table {
    if (!this.header)
      throw badInput(`${this.fileName}: file has no header row`, [
        { row: 1, message: 'header row is missing' },
      ]);
    if (this.dataRows > this.maxRows) {
      throw badInput(
        `${this.fileName}: file has ${this.dataRows} data rows, more than the limit of ${this.maxRows}`,
      );
    }
    throwIfRowErrors(this.errors);
    return { format: this.format, columns: this.header.columns, rows: this.rows };
  }
}

const notTable = (fileName: string, reason: string): AppError =>
  badInput(`${fileName}: file is not CSV or XLSX (${reason})`);

/**
 * Reads an uploaded CSV or XLSX file into string cells, streaming: the format is detected from the
 * first bytes, not the name (ZIP magic → XLSX, first worksheet; UTF-8 text without NULs → CSV,
 * BOM stripped, `,` `;` or tab delimiter guessed from the header, empty lines skipped). Every
 * limit (`ImportLimits`: bytes, rows, columns, cell length, XLSX inflated size) is checked while
 * the file streams in and refused at once with BAD_USER_INPUT naming the limit
 * (`details[0].field`), the row and the column; an error shows at most 200 characters of a cell.
 * Anything else, an empty file, a missing header, duplicate headers or ragged rows throw
 * BAD_USER_INPUT with row numbers as seen in the file (header = row 1).
 */
export const readTableFrom = async (
  fileName: string,
  source: TableSource,
  options: ReadTableOptions = {},
): Promise<Table> => {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options };
  if (source.size === 0) throw badInput(`${fileName}: file is empty`);
  if (source.size > limits.maxBytes) {
    throw limitError(fileName, 'maxBytes', `the file is ${source.size} bytes, more than ${limits.maxBytes}`);
  }
  const head = await source.read(0, 8);
  const known = KNOWN_BINARY.find((k) => startsWith(head, k.magic));
  if (known) throw notTable(fileName, `it looks like ${known.name}`);
  const guard = new RowGuard(fileName, limits);
  const isXlsx = startsWith(head, ZIP_MAGIC);
  const table = new TableBuilder(isXlsx ? 'xlsx' : 'csv', fileName, limits.maxRows);
  const keep = (r: RawRecord): void => {
    guard.check(r.line, r.cells);
    table.add(r);
  };
  if (!isXlsx) {
    let hasText: boolean;
    try {
      hasText = await streamCsvRecords(source.stream(), fileName, limits, keep);
    } catch (e) {
      if (e instanceof NotCsvError) throw notTable(fileName, e.message);
      throw e;
    }
    if (!hasText || table.count === 0) throw badInput(`${fileName}: file is empty`);
    return table.finish();
  }
  try {
    const entries = await checkZipBounds(source, fileName, limits);
    await streamXlsxRecords(source, entries, keep);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw notTable(fileName, `unreadable workbook: ${clip((e as Error).message, 200)}`);
  }
  if (table.count === 0) throw badInput(`${fileName}: file is empty (the first worksheet has no rows)`);
  return table.finish();
};

/** `readTableFrom` over bytes already in memory (an upload, a GraphQL argument). */
export const readTable = (input: ReadTableInput, options: ReadTableOptions = {}): Promise<Table> =>
  readTableFrom(input.fileName, bytesSource(input.bytes), options);

/** `readTableFrom` over a file on disk, read in place (never loaded whole). */
export const readTableFile = async (path: string, options: ReadTableOptions = {}): Promise<Table> =>
  readTableFrom(basename(path), await fileSource(path), options);
