/**
 * Every command-line tool, run as a user runs it (the built file, its own process), answers
 * `--help` with its usage on stdout and exit 0, and an argument it does not take with exit 2
 * and a message naming it. `forecast`, `import` and `worker` once had no `--help`; the worker
 * ignored any argument it was given.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyDemoDataDir } from '../helpers/demo-snapshot';

const DIST_CLI = path.resolve(__dirname, '../../dist/src/cli');
/** The README's example input files. */
const EXAMPLES = path.resolve(__dirname, '../../data/examples');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cli: string, args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(DIST_CLI, cli), ...args],
      // no REDIS_URL: a worker that went past its arguments would exit 78 (EX_CONFIG) instead
      {
        env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, REDIS_URL: '' },
        timeout: 60_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

const TOOLS: { cli: string; usage: RegExp }[] = [
  { cli: 'seed.cli.js', usage: /^usage: npm run seed/ },
  { cli: 'import.cli.js', usage: /^usage: npm run import -- <staff\|availability\|volumes>/ },
  { cli: 'forecast.cli.js', usage: /^usage: forecast --input <csv> --horizon <n>/ },
  { cli: 'roster.cli.js', usage: /^Usage: roster --input problem\.json/ },
  { cli: 'train-ranker.cli.js', usage: /^usage: npm run train-ranker/ },
  { cli: 'worker.cli.js', usage: /^usage: npm run worker/ },
];

describe('command-line usage', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'shiftcast-cli-usage-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(TOOLS)('$cli --help prints its usage and exits 0', async ({ cli, usage }) => {
    const res = await run(cli, ['--help'], dataDir);
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(usage);
  });

  it.each(TOOLS)('$cli refuses an argument it does not take with exit 2, naming it', async ({ cli }) => {
    const res = await run(cli, ['--no-such-flag'], dataDir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--no-such-flag');
  });

  it('imports the README’s example files into the demo site and solves its example roster problem', async () => {
    // the README once pointed at data/raw/*.csv, which no checkout has
    const demo = copyDemoDataDir();
    for (const kind of ['staff', 'availability', 'volumes']) {
      const res = await run('import.cli.js', [kind, path.join(EXAMPLES, `${kind}.csv`)], demo);
      expect({ kind, code: res.code, stderr: res.stderr }).toEqual({ kind, code: 0, stderr: '' });
      expect(res.stdout).toMatch(new RegExp(`^Imported \\d+ ${kind} rows`));
    }
    const out = path.join(dataDir, 'result.json');
    const res = await run(
      'roster.cli.js',
      ['--input', path.join(EXAMPLES, 'roster-problem.json'), '--out', out],
      dataDir,
    );
    expect(res.code).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { status: string; assignments: unknown[] };
    expect(result.status).toBe('OPTIMAL');
    expect(result.assignments.length).toBeGreaterThan(0);
  });
});
