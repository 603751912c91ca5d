import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Cell, Sheet } from './table';

const text = (v: Cell): string => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v));

/** Writes one sheet as RFC 4180 CSV with a header row (UTF-8, CRLF line ends). */
export function writeCsv(stream: Writable, sheet: Sheet): Promise<void> {
  return new Promise((resolve, reject) => {
    const csv = stringify({
      header: true,
      columns: sheet.columns.map((c) => ({ key: c.key, header: c.header })),
      record_delimiter: 'windows',
    });
    csv.on('error', reject);
    stream.on('error', reject);
    stream.on('finish', resolve);
    csv.pipe(stream);
    for (const row of sheet.rows)
      csv.write(Object.fromEntries(sheet.columns.map((c) => [c.key, text(row[c.key] ?? null)])));
    csv.end();
  });
}
