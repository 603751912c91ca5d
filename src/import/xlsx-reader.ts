import type { Readable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import type { TableSource } from './table-source';
import { UnreadableZipError, zipEntryStream, type ZipEntry } from './zip-archive';
import { loadExcelJS } from '../common/load-exceljs';

/** Raw XLSX rows (first worksheet) with their sheet row number; every cell as text. */
export interface XlsxRecord {
  line: number;
  cells: string[];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Excel dates have no time zone: exceljs returns them as UTC instants holding the wall-clock
 * value. We render them as local ISO text: `YYYY-MM-DD` for whole days, `HH:MM[:SS]` for
 * time-only cells (Excel day 0 = 1899-12-30), `YYYY-MM-DDTHH:MM:SS` otherwise (no offset: the
 * importer interprets it in the site time zone).
 */
export const excelDateToText = (d: Date): string => {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const date = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const secs = t.getUTCSeconds();
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}${secs ? `:${pad(secs)}` : ''}`;
  if (date === '1899-12-30') return time;
  if (t.getUTCHours() === 0 && t.getUTCMinutes() === 0 && secs === 0) return date;
  return `${date}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(secs)}`;
};

/** Converts any exceljs cell value (formula, rich text, hyperlink, error…) to trimmed text. */
export const cellToText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDateToText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellToText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('text' in value) return cellToText((value as { text: ExcelJS.CellValue }).text);
  return String(value);
};

/**
 * The steps of exceljs 4.4's streaming `WorkbookReader`, which we call in order ourselves. Its own
 * `parse()` reads the ZIP in one pass through unzipper's `Parse`, which emits `end` as soon as its
 * input is written, before it has handed over every entry: under load the last entries
 * (`xl/workbook.xml`, where exceljs writes it) were lost, and the read failed with "Cannot read
 * properties of undefined (reading 'sheets')" (exceljs#3064), or could miss any part stored late.
 */
interface WorkbookSteps {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    chunks: AsyncIterable<Buffer>,
    sheetNo: string,
  ): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** A part named by a relationship of `xl/workbook.xml`: relative to `xl/` unless absolute. */
const partName = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * Streams the first worksheet (the first tab, in the workbook's own order) row by row with
 * exceljs' readers, passing each non-empty row to `onRow`, which may throw to stop early. Each
 * part is found by name in the ZIP directory (`entries`, already bounds-checked), so the order
 * the archive stores them in does not matter: relationships, workbook, shared strings and styles
 * are read before the sheet. Shared strings and styles are cached, rows never all in memory at
 * once. Throws when the bytes are not a readable workbook.
 */
export const streamXlsxRecords = async (
  src: TableSource,
  entries: readonly ZipEntry[],
  onRow: (record: XlsxRecord) => void,
): Promise<void> => {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string): Promise<Readable> | undefined => {
    const e = byName.get(name);
    return e && zipEntryStream(src, e);
  };
  const required = (name: string): Promise<Readable> =>
    part(name) ?? Promise.reject(new UnreadableZipError(`the workbook has no ${name}`));
  // The input is never read: parse() is not called.
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader('', {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  }) as unknown as WorkbookSteps;
  await reader._parseRels(await required('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(await required('xl/workbook.xml'));
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(await strings));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(await styles);

  const first = reader.model?.sheets?.[0];
  const rel = first && reader.workbookRels?.find((r) => r.Id === first.rId);
  if (!rel) return;
  const sheet = await required(partName(rel.Target));
  try {
    const sheetNo = /sheet(\d+)\.xml$/.exec(rel.Target)?.[1] ?? '1';
    for (const { value: rows } of reader._parseWorksheet(sheet, sheetNo)) {
      for await (const row of rows) {
        const raw = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < raw.length; i++) cells.push(cellToText(raw[i] ?? null));
        if (cells.some((c) => c !== '')) onRow({ line: row.number, cells });
      }
    }
  } finally {
    sheet.destroy();
  }
};
