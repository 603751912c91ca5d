/**
 * Imports master data from a CSV or XLSX file (format detected from the content).
 *
 *   npm run import -- staff <file.csv|file.xlsx>
 *   npm run import -- availability <file.csv|file.xlsx>
 *
 * Every row is validated before anything is written; a bad file writes nothing and every
 * problem is printed as `row 7, column maxHoursWeek: maxHoursWeek must be ≥ minHoursWeek (30), got 20`.
 * Exit codes: 0 ok, 2 bad input (file or arguments), 1 anything else.
 */
import 'reflect-metadata';
import { runCli, withServices } from '../seed/cli-runtime';
import { importCommand } from '../seed/import-command';

runCli(() => importCommand(process.argv.slice(2), withServices));
