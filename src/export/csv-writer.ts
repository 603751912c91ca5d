import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { TimeSlicer } from '../time-slicer';
import type { Cell, Sheet } from './table';
import { xmlSafeText } from '../common/plain-text';
import { untilWritten } from './stream-end';

/** First characters a spreadsheet reads as the start of a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A formula start right after a list separator: a spreadsheet whose locale separates with `;`
 * (or `,`) splits `Ann;=HYPERLINK(…)` into two cells and runs the second.
 */
const FORMULA_AFTER_SEPARATOR = /([;,])(?=[=+\-@\t\r])/g;

/**
 * The text of one CSV cell, safe to open in a spreadsheet (OWASP CSV-injection rule): a text
 * cell that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading single quote,
 * so `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)` and `-2+3` stay text; the same after every `;` or `,`
 * inside the cell (`Ann;'=HYPERLINK(…)`), which a spreadsheet of another locale splits on.
 * Control characters but tab, LF and CR, lone surrogates and U+FFFE/U+FFFF become U+FFFD. Numbers, booleans and dates are
 * typed values, not text: they are written as they are, so a numeric column keeps plain negative
 * numbers (`-2.5`) as numbers. Quotes and separators inside a cell are quoted by csv-stringify.
 */
export const csvCellText = (v: Cell): string => {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // stored text may hold NUL, ESC or U+FFFF (refused on input since; legacy data exports cleanly)
  const text = xmlSafeText(v).replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(text) ? `'${text}` : text;
};

/**
 * Writes one sheet as RFC 4180 CSV with a header row (UTF-8, CRLF line ends). Every cell, the
 * headers included, goes through `csvCellText`. Rows are written in slices of about 10 ms with
 * the event loop free between them (a forecast's 5,376 intervals held it for 0.3-0.5 s).
 */
export async function writeCsv(stream: Writable, sheet: Sheet): Promise<void> {
  const csv = stringify({
    header: true,
    columns: sheet.columns.map((c) => ({ key: c.key, header: csvCellText(c.header) })),
    record_delimiter: 'windows',
  });
  const finished = Promise.race([
    untilWritten(stream),
    new Promise<never>((_, reject) => csv.on('error', reject)),
  ]);
  let failed = false;
  // handled here too: the stream can fail or close (client gone) while the loop waits between slices
  finished.catch(() => (failed = true));
  csv.pipe(stream);
  const slicer = new TimeSlicer();
  for (const row of sheet.rows) {
    if (failed) break;
    if (slicer.due) await slicer.pause();
    csv.write(Object.fromEntries(sheet.columns.map((c) => [c.key, csvCellText(row[c.key] ?? null)])));
  }
  csv.end();
  return finished;
}
