import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { clip } from '../common/bounded';
import { columnLetter, limitError, type ImportLimits } from './import-limits';
import { rowErrorsToAppError } from './row-errors';
import { sum } from '../common/sum';

/** Raw CSV records with the file line on which each record starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const DELIMITERS = [',', ';', '\t'] as const;
/** Text read before the delimiter is guessed when the first line has not ended yet. */
const GUESS_WINDOW = 64 * 1024;

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

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts the fields of each record in the text on its way to csv-parse, which builds a
 * whole record before anything can count its fields: its `max_record_size` counts the
 * characters of the fields, not the delimiters between them, so a row of 4 million commas
 * (4 MB, every field empty) passed it and was built as 4 million strings (0.8–1.6 s and
 * ~200 MB per `importVolumes`; a 45 MB row of the CLI, 24.6 s and 2.3 GB) before RowGuard
 * counted its columns. Quotes toggle a quoted field (an escaped `""` toggles twice), so
 * delimiters and line breaks inside quotes count for nothing; text that csv-parse would
 * refuse as malformed (a quote inside an unquoted field) is refused by csv-parse first or
 * here, never accepted.
 */
export class FieldCounter {
  private quoted = false;
  private fields = 1;
  /** File line of the text read so far, and the one on which the current record started. */
  private line = 1;
  private recordLine = 1;
  private afterCR = false;

  constructor(
    private readonly delimiter: string,
    private readonly maxColumns: number,
  ) {}

  /** Reads the next piece of text; the line of the first record past maxColumns fields, or null. */
  overWide(text: string): number | null {
    const delimiter = this.delimiter.charCodeAt(0);
    const max = this.maxColumns;
    let { quoted, fields, line, recordLine, afterCR } = this;
    let found: number | null = null;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (c === LF || c === CR) {
        if (c === CR || !afterCR) line++;
        if (!quoted) {
          fields = 1;
          recordLine = line;
        }
      } else if (c === delimiter && !quoted && ++fields > max) {
        found = recordLine;
        break;
      }
      afterCR = c === CR;
    }
    Object.assign(this, { quoted, fields, line, recordLine, afterCR });
    return found;
  }
}

/** Throws the maxColumns refusal when `text` completes a record past `maxColumns` fields. */
function refuseOverWide(counter: FieldCounter, text: string, fileName: string, maxColumns: number): void {
  const row = counter.overWide(text);
  if (row !== null)
    throw limitError(fileName, 'maxColumns', `the row has more than ${maxColumns} columns`, { row });
}

/** Not a CSV file at all: reported as "file is not CSV or XLSX (<reason>)". */
export class NotCsvError extends Error {}

/** Decodes a byte stream as UTF-8 text chunks (BOM stripped), refusing NUL bytes, bad UTF-8 and too many bytes. */
async function* textChunks(input: Readable, fileName: string, limits: ImportLimits): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let first = true;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > limits.maxBytes) {
      throw limitError(fileName, 'maxBytes', `the file is larger than ${limits.maxBytes} bytes`);
    }
    if (chunk.includes(0)) throw new NotCsvError('it contains binary data (NUL bytes)');
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotCsvError('it is not UTF-8 text');
    }
    if (first && text.length > 0) {
      if (text.startsWith('\uFEFF')) text = text.slice(1);
      first = false;
    }
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new NotCsvError('it is not UTF-8 text');
  }
}

/** csv-parse as the reader uses it: records with their line info, at most `maxRecord` characters each. */
const recordParser = (delimiter: string, maxRecord: number) =>
  parse({
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    max_record_size: maxRecord,
  });

/**
 * Streams CSV records to `onRecord` (cells trimmed, empty lines skipped, delimiter guessed from
 * the header line), holding at most one record in the parser: a record longer than
 * `maxCellChars × maxColumns` characters, or of more than `maxColumns` fields (counted in
 * the text before csv-parse sees it, `FieldCounter`), is refused as it is read. Syntax
 * errors (e.g. an unclosed quote) are thrown as row errors. Returns whether the file held
 * any text.
 */
export async function streamCsvRecords(
  input: Readable,
  fileName: string,
  limits: ImportLimits,
  onRecord: (record: CsvRecord) => void,
): Promise<boolean> {
  const chunks = textChunks(input, fileName, limits);
  let head = '';
  let next = await chunks.next();
  while (!next.done && head.length < GUESS_WINDOW && !/[\r\n]/.test(head)) {
    head += next.value;
    next = await chunks.next();
  }
  if (head.trim() === '' && next.done) return false;
  const maxRecord = limits.maxCellChars * limits.maxColumns;
  const delimiter = guessDelimiter(head);
  const counter = new FieldCounter(delimiter, limits.maxColumns);
  const parser = recordParser(delimiter, maxRecord);
  const feeding = (async () => {
    const feed = async (text: string) => {
      refuseOverWide(counter, text, fileName, limits.maxColumns);
      if (!parser.write(text)) await once(parser, 'drain');
    };
    await feed(head);
    for (; !next.done; next = await chunks.next()) await feed(next.value);
    parser.end();
  })().catch((e: unknown) => {
    parser.destroy(e as Error);
  });
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      onRecord({
        line: info.lines - sum(record, countLineBreaks),
        cells: record.map((c) => c.trim()),
      });
    }
  } catch (e) {
    throw csvError(e, fileName, maxRecord);
  } finally {
    input.destroy();
  }
  await feeding;
  return true;
}

/**
 * csv-parse's errors (codes such as `CSV_RECORD_INCONSISTENT_FIELDS_LENGTH` or
 * `INVALID_OPENING_QUOTE`) as coded errors; anything of ours passes through.
 */
function csvError(e: unknown, fileName: string, maxRecord: number): unknown {
  if (!(e instanceof CsvError)) return e;
  const err = e as CsvError & { lines?: number; column?: number | string };
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return limitError(fileName, 'maxCellChars', `the row is longer than ${maxRecord} characters`, {
      ...(err.lines === undefined ? {} : { row: err.lines }),
      ...(typeof err.column === 'number' ? { column: columnLetter(err.column) } : {}),
    });
  }
  return rowErrorsToAppError([
    { row: err.lines ?? 1, message: `CSV syntax error: ${clip(err.message, 300)}` },
  ]);
}
