/**
 * Runs a built command-line tool the way a user does (dist/src/cli, a separate process)
 * under a bounded heap, for the tests of what hostile input costs it: exit code, stderr and
 * the process's peak RSS (reported by fixtures/process/report-max-rss.js on exit).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const DIST_CLI = resolve(__dirname, '../../dist/src/cli');
const REPORT_RSS = resolve(__dirname, '../fixtures/process/report-max-rss.js');
/** The heap the CLI runs with: an input that would need more ends it out of memory. */
export const HEAP_MIB = 256;

export interface CliRun {
  code: number | null;
  stderr: string;
  maxRssMiB: number;
}

/** `cli` is the file under dist/src/cli (`import.cli.js`); `dataDir` its store, when it has one. */
export function runBuiltCli(cli: string, args: string[], dataDir?: string): Promise<CliRun> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, join(DIST_CLI, cli), ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...(dataDir === undefined ? {} : { DATA_DIR: dataDir }),
      NODE_OPTIONS: `--require ${REPORT_RSS}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) =>
    child.on('close', (code) =>
      done({ code, stderr, maxRssMiB: Number(/maxRSS_KiB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024 }),
    ),
  );
}
