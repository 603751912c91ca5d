import { badInput } from '../errors';
import { parseCsvRecords } from './csv.reader';
import { detectFileFormat } from './file-format.detector';
import { throwIfRowErrors, type RowError } from './row-errors';
import { type ReadTableInput, type ReadTableOptions, type Table, type TableRow } from './table.types';
import { readXlsxRecords } from './xlsx.reader';

export const DEFAULT_MAX_ROWS = 200_000;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

interface RawRecord {
  line: number;
  cells: string[];
}

/** Header checks + ragged-row checks, collecting every problem before throwing once. */
const toTable = (format: Table['format'], records: RawRecord[], fileName: string, maxRows: number): Table => {
  const [header, ...data] = records;
  if (!header)
    throw badInput(`${fileName}: file has no header row`, [{ row: 1, message: 'header row is missing' }]);
  if (data.length > maxRows) {
    throw badInput(`${fileName}: file has ${data.length} data rows, more than the limit of ${maxRows}`);
  }
  const errors: RowError[] = [];
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === '') width--;
  const columns = header.cells.slice(0, width);
  const seen = new Map<string, number>();
  columns.forEach((name, i) => {
    if (name === '') errors.push({ row: header.line, message: `column ${i + 1} has an empty header` });
    const key = name.toLowerCase();
    if (name !== '' && seen.has(key)) {
      errors.push({
        row: header.line,
        column: name,
        message: `column "${name}" appears twice in the header`,
      });
    }
    seen.set(key, i);
  });
  const rows: TableRow[] = [];
  for (const rec of data) {
    const extra = rec.cells.slice(width).filter((c) => c !== '');
    if (extra.length > 0) {
      errors.push({
        row: rec.line,
        message: `row has ${rec.cells.length} values but the header has ${width} columns`,
      });
      continue;
    }
    if (format === 'csv' && rec.cells.length < width) {
      errors.push({
        row: rec.line,
        message: `row has ${rec.cells.length} values but the header has ${width} columns`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((name, i) => (values[name] = rec.cells[i] ?? ''));
    rows.push({ row: rec.line, values });
  }
  throwIfRowErrors(errors);
  return { format, columns, rows };
};

/**
 * Reads an uploaded CSV or XLSX file into string cells. The format is detected from the
 * content, not the name: ZIP magic bytes → XLSX (first worksheet), UTF-8 text without NULs →
 * CSV (BOM stripped, `,` `;` or tab delimiter guessed from the header, empty lines skipped).
 * Anything else, an empty file, a missing header, duplicate headers or ragged rows throw
 * BAD_USER_INPUT with row numbers as seen in the file (header = row 1).
 */
export const readTable = async (input: ReadTableInput, options: ReadTableOptions = {}): Promise<Table> => {
  const { fileName, bytes } = input;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw badInput(`${fileName}: file is empty`);
  if (bytes.length > maxBytes) {
    throw badInput(`${fileName}: file is ${bytes.length} bytes, more than the limit of ${maxBytes}`);
  }
  const detected = detectFileFormat(bytes);
  if (!detected.ok) throw badInput(`${fileName}: file is not CSV or XLSX (${detected.reason})`);
  if (detected.format === 'csv') {
    if (detected.text.trim() === '') throw badInput(`${fileName}: file is empty`);
    const { records, errors } = parseCsvRecords(detected.text);
    throwIfRowErrors(errors);
    return toTable('csv', records, fileName, maxRows);
  }
  let records: RawRecord[];
  try {
    records = await readXlsxRecords(bytes);
  } catch (e) {
    throw badInput(`${fileName}: file is not CSV or XLSX (unreadable workbook: ${(e as Error).message})`);
  }
  if (records.length === 0) throw badInput(`${fileName}: file is empty (the first worksheet has no rows)`);
  return toTable('xlsx', records, fileName, maxRows);
};
