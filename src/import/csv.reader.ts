import { parse } from 'csv-parse/sync';
import { type RowError } from './row-errors';

/** Raw CSV records with the file line on which each record starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Picks the delimiter that occurs most often in the header line (`,` on ties or none). */
export const guessDelimiter = (text: string): string => {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
};

const countLineBreaks = (s: string): number => s.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Parses CSV text into records, skipping empty lines. Syntax errors (e.g. an unclosed quote)
 * are returned as row errors rather than thrown so callers can report them with the rest.
 */
export const parseCsvRecords = (text: string): { records: CsvRecord[]; errors: RowError[] } => {
  try {
    const parsed = parse(text, {
      delimiter: guessDelimiter(text),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const records = parsed.map(({ record, info }) => ({
      line: info.lines - record.reduce((n, cell) => n + countLineBreaks(cell), 0),
      cells: record.map((c) => c.trim()),
    }));
    return { records, errors: [] };
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { records: [], errors: [{ row: err.lines ?? 1, message: `CSV syntax error: ${err.message}` }] };
  }
};
