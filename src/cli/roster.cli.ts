/**
 * Solve one weekly roster from a JSON file:
 *
 *   node dist/src/cli/roster.cli.js --input problem.json [--time-limit 60] [--gap 0.001]
 *                                   [--out result.json] [--lp model.lp]
 *   node dist/src/cli/roster.cli.js --print-schema
 *
 * Exit codes: 0 roster found (OPTIMAL / FEASIBLE), 1 INFEASIBLE or ERROR, 2 bad input.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clip } from '../common/bounded';
import { badInput, isAppError } from '../errors';
import {
  jsonShapeMessage,
  jsonShapeProblem,
  MAX_JSON_DEPTH,
  MAX_JSON_OBJECT_KEYS,
} from '../server/json-depth';
import { assertWritableOutput, outputWriteError } from './output-path';
import { rosterProblemJsonSchema } from '../rostering/roster-problem-schema';
import { parseRosterProblem } from '../rostering/roster-problem.validation';
import { solveRoster } from '../rostering/roster-solver';
import type { RosterResult } from '../rostering/roster.types';

export const ROSTER_USAGE =
  'Usage: roster --input problem.json [--time-limit SECONDS] [--gap FRACTION] [--out result.json] [--lp model.lp]\n' +
  '       roster --print-schema';

interface RosterCliFlags {
  timeLimitSeconds: number | null;
  relativeGap: number | null;
  out: string | null;
  lp: string | null;
  printSchema: boolean;
  help: boolean;
}

/** The parsed flags: `--input` is required unless `--help` or `--print-schema` is given. */
export type RosterCliArgs =
  | (RosterCliFlags & { input: string })
  | (RosterCliFlags & { input: string | null; help: true })
  | (RosterCliFlags & { input: string | null; printSchema: true });

/**
 * Longest solve (as the GraphQL input allows), largest problem file the command accepts, and
 * most JSON values in it, counted before it is parsed: the largest problem the schema allows
 * (10,000 staff of about 85 values each, 500 requirements of 672) holds about 1.2 million.
 * 20 MB of `[` took 1.4 GB before the depth check, and 1.5 million staff items (25.9 MB,
 * 3 million values) 4.65 GB before running out of memory.
 */
export const ROSTER_CLI_LIMITS = {
  maxTimeLimitSeconds: 3600,
  maxInputBytes: 32 * 1024 * 1024,
  maxJsonValues: 2_000_000,
} as const;

function numberFlag(
  name: string,
  raw: string | undefined,
  check: (v: number) => boolean,
  range: string,
): number | null {
  if (raw === undefined) return null;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || !check(v)) {
    throw badInput(`--${name} must be ${range}, got ${clip(raw, 200)}`, [
      { field: name, message: `must be ${range}` },
    ]);
  }
  return v;
}

/** Parses argv (without node and script); throws BAD_USER_INPUT naming the flag. */
export function parseRosterArgs(argv: string[]): RosterCliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        input: { type: 'string', short: 'i' },
        'time-limit': { type: 'string' },
        gap: { type: 'string' },
        out: { type: 'string', short: 'o' },
        lp: { type: 'string' },
        'print-schema': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw badInput(`${(e as Error).message}\n${ROSTER_USAGE}`);
  }
  const input = values.input ?? null;
  const flags: RosterCliFlags = {
    timeLimitSeconds: numberFlag(
      'time-limit',
      values['time-limit'],
      (v) => v > 0 && v <= ROSTER_CLI_LIMITS.maxTimeLimitSeconds,
      `a number of seconds in (0, ${ROSTER_CLI_LIMITS.maxTimeLimitSeconds}]`,
    ),
    relativeGap: numberFlag('gap', values.gap, (v) => v >= 0 && v <= 1, 'a fraction in [0, 1]'),
    out: values.out ?? null,
    lp: values.lp ?? null,
    printSchema: values['print-schema'] ?? false,
    help: values.help ?? false,
  };
  if (input) return { ...flags, input };
  if (flags.help) return { ...flags, input, help: true };
  if (flags.printSchema) return { ...flags, input, printSchema: true };
  throw badInput(`--input is required\n${ROSTER_USAGE}`, [{ field: 'input', message: 'required' }]);
}

/** Refuses problem JSON too deep, with too wide an object or too many values, before it is parsed. */
function refuseMisshapenJson(text: string, path: string): void {
  const limits = {
    depth: MAX_JSON_DEPTH,
    objectKeys: MAX_JSON_OBJECT_KEYS,
    values: ROSTER_CLI_LIMITS.maxJsonValues,
  };
  const problem = jsonShapeProblem(text, limits);
  if (!problem) return;
  const what = jsonShapeMessage(problem, limits);
  throw badInput(`--input ${clip(path, 200)} holds ${what}`, [{ field: 'input', message: `holds ${what}` }]);
}

/** Reads and validates the problem file; throws BAD_USER_INPUT for a missing file, bad JSON or schema errors. */
export function readRosterProblem(path: string): ReturnType<typeof parseRosterProblem> {
  let text: string;
  try {
    const { size } = statSync(path);
    if (size > ROSTER_CLI_LIMITS.maxInputBytes) {
      throw badInput(`--input is ${size} bytes, more than ${ROSTER_CLI_LIMITS.maxInputBytes}`, [
        { field: 'input', message: `larger than ${ROSTER_CLI_LIMITS.maxInputBytes} bytes` },
      ]);
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (isAppError(e)) throw e;
    throw badInput(
      `Cannot read --input ${clip(path, 200)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  refuseMisshapenJson(text, path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw badInput(`--input ${clip(path, 200)} is not valid JSON: ${clip((e as Error).message, 200)}`);
  }
  return parseRosterProblem(json);
}

export function summarise(r: RosterResult): string {
  const lines = [
    `status ${r.status}  source ${r.source ?? '-'}  greedy ${r.greedyObjective ?? '-'}  solver ${r.solverStatus ?? '-'}  ` +
      `objective ${r.objective ?? '-'}  bound ${r.bound ?? '-'}  gap ${r.gap ?? '-'}  ${r.seconds.toFixed(2)} s`,
    `assignments ${r.assignments.length}  variables ${r.model?.variables ?? '-'}  rows ${r.model?.rows ?? '-'}`,
  ];
  for (const s of r.kpis?.skills ?? []) {
    lines.push(
      `  ${s.skill}: coverage ${s.coveragePercent ?? '-'}%  under ${s.underStaffedHours} h  over ${s.overStaffedHours} h`,
    );
  }
  for (const m of r.diagnosis?.messages.slice(0, 20) ?? []) lines.push(`  diagnosis: ${m}`);
  for (const v of r.violations.slice(0, 20)) lines.push(`  violation: ${v.message}`);
  if (r.message) lines.push(r.message);
  return lines.join('\n');
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (t) => void process.stdout.write(`${t}\n`),
  stderr: (t) => void process.stderr.write(`${t}\n`),
};

/** Runs the command and returns the exit code. */
export async function runRosterCli(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const args = parseRosterArgs(argv);
    if (args.help) {
      io.stdout(ROSTER_USAGE);
      return 0;
    }
    if (args.printSchema) {
      io.stdout(JSON.stringify(rosterProblemJsonSchema(), null, 2));
      return 0;
    }
    if (args.out) assertWritableOutput('out', args.out);
    if (args.lp) assertWritableOutput('lp', args.lp);
    const problem = readRosterProblem(args.input);
    const lpFile = args.lp;
    const result = await solveRoster(problem, {
      timeLimitSeconds: args.timeLimitSeconds ?? undefined,
      relativeGap: args.relativeGap ?? undefined,
      onLp: lpFile ? (lp) => writeFileSync(lpFile, lp) : undefined,
      onProgress: (p) => {
        if (p.phase === 'solve' && p.objective !== null) {
          io.stderr(`  ${p.elapsedSeconds.toFixed(1)} s  incumbent ${p.objective}  bound ${p.bound ?? '-'}`);
        }
      },
    });
    const json = JSON.stringify(result, null, 2);
    if (!args.out) io.stdout(json);
    else
      try {
        writeFileSync(args.out, json);
      } catch (e) {
        io.stderr(`error: ${outputWriteError('out', args.out, e)}`);
        return 1;
      }
    io.stderr(summarise(result));
    return result.status === 'OPTIMAL' || result.status === 'FEASIBLE' ? 0 : 1;
  } catch (e) {
    if (isAppError(e) && e.code === 'BAD_USER_INPUT') {
      io.stderr(`error: ${e.message}`);
      for (const d of e.details.slice(1, 20)) io.stderr(`  ${d.message}`);
      return 2;
    }
    io.stderr(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  void runRosterCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
