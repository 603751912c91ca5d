import { accessSync, constants } from 'node:fs';
import { clip } from '../common/bounded';
import { isAppError, type ErrorLocation } from '../errors';
import { readTableFile, type Table } from '../import';
import type { Services } from '../server/services';
import type { ImportSummary } from '../staff/staff-import';
import { CliError, EXIT } from './cli-runtime';

/** One line per kind of import; `volumes` plugs in here. */
export const IMPORTERS: Record<string, (services: Services, table: Table) => Promise<ImportSummary>> = {
  staff: (s, table) => s.staff.importTable(table),
  availability: (s, table) => s.availability.importTable(table),
  volumes: (s, table) => s.volumes.importTable(table),
};

export const IMPORT_USAGE = `usage: npm run import -- <${Object.keys(IMPORTERS).join('|')}> <file.csv|file.xlsx>`;

/** `row 7, column maxHoursWeek: …` — one line per problem. */
export const formatLocation = (d: ErrorLocation): string => {
  const where = [d.row !== undefined ? `row ${d.row}` : null, d.column ? `column ${d.column}` : null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${d.message}` : d.message;
};

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `import <kind> <file>`: reads the file (CSV or XLSX, detected from the content), then
 * validates and writes it through `withServices`. Returns the exit code: 0 ok, 2 bad input
 * (every problem printed, nothing written), 1 anything else.
 */
export async function importCommand(
  argv: readonly string[],
  withServices: <T>(fn: (services: Services) => Promise<T>) => Promise<T>,
  io: CommandIo = { out: console.log, err: console.error },
): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.out(IMPORT_USAGE);
    return EXIT.OK;
  }
  const [kind, file, ...rest] = argv;
  const importer = kind ? IMPORTERS[kind] : undefined;
  if (!importer || !file || rest.length > 0) {
    io.err(kind && !importer ? `unknown import kind "${clip(kind, 40)}"\n${IMPORT_USAGE}` : IMPORT_USAGE);
    return EXIT.BAD_INPUT;
  }
  try {
    accessSync(file, constants.R_OK);
  } catch (e) {
    io.err(`cannot read ${clip(file, 200)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return EXIT.BAD_INPUT;
  }
  try {
    const table = await readTableFile(file);
    const summary = await withServices((services) => importer(services, table));
    io.out(
      `Imported ${summary.rows} ${kind} rows from ${file}: ${summary.created} created, ${summary.updated} updated`,
    );
    return EXIT.OK;
  } catch (e) {
    if (isAppError(e) && e.code === 'BAD_USER_INPUT') {
      io.err(`${file}: ${e.message}; nothing was imported`);
      for (const d of e.details) io.err(`  ${formatLocation(d)}`);
      return EXIT.BAD_INPUT;
    }
    if (e instanceof CliError) throw e;
    io.err(`import failed: ${isAppError(e) ? `${e.code}: ${e.message}` : String(e)}`);
    return EXIT.FAILED;
  }
}
