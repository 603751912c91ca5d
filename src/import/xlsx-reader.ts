import type { Readable } from 'node:stream';
import type * as ExcelJS from 'exceljs';
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
 * Streams the first worksheet's rows with exceljs' streaming reader (shared strings and styles
 * cached, rows never all in memory at once inside exceljs), passing each non-empty row to `onRow`,
 * which may throw to stop early. Throws when the bytes are not a readable workbook.
 */
export const streamXlsxRecords = async (
  input: Readable,
  onRow: (record: XlsxRecord) => void,
): Promise<void> => {
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const raw = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < raw.length; i++) cells.push(cellToText(raw[i] ?? null));
        if (cells.some((c) => c !== '')) onRow({ line: row.number, cells });
      }
      break; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
};
