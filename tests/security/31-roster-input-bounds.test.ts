/**
 * The roster CLI's problem file, under its 32 MiB cap. A 25.9 MB file of 1.5 million
 * `{"id":"s0"}` staff died with "JavaScript heap out of memory" after 114 s at 4.65 GB RSS:
 * zod validated every item and collected the issues of each (300,000 staff, 5 MB: 10.6 s and
 * 1.8 GB); 20 MB of `[` took 1.4 GB in JSON.parse (2026-12-03 audit). Now the text is
 * counted before it is parsed (depth, keys per object, values), every list of the schema has
 * a maximum (`ROSTER_PROBLEM_LIMITS`) that zod checks before the items, and each is exit 2
 * naming the field. The CLI runs in a child process with a 256 MiB heap (it would die past
 * it) and reports its peak RSS, which is asserted.
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readRosterProblem, ROSTER_CLI_LIMITS } from '../../src/cli/roster.cli';
import { ROSTER_PROBLEM_LIMITS } from '../../src/rostering/roster-problem-schema';
import { runBuiltCli } from './cli-run';

/** What a refused file may add to the CLI's peak RSS over a tiny file's run; the attacks took 1.4–4.65 GB. */
const GROWTH_MIB = 160;

const runRoster = (file: string) => runBuiltCli('roster.cli.js', ['--input', file]);

/** `{"weekStart":…,"staff":[{"id":"s0"},…]}` with `n` staff, streamed to disk. */
async function staffFile(path: string, n: number): Promise<void> {
  await pipeline(
    Readable.from(
      (function* () {
        yield '{"weekStart":"2026-12-07","staff":[';
        for (let i = 0; i < n; i += 10_000) {
          const end = Math.min(n, i + 10_000);
          const items = [];
          for (let j = i; j < end; j++) items.push(`{"id":"s${j}"}`);
          yield (i > 0 ? ',' : '') + items.join(',');
        }
        yield ']}';
      })(),
    ),
    createWriteStream(path),
  );
}

describe('security #31: the roster CLI refuses huge problems before building them', () => {
  let dir: string;
  let baselineMiB: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-sec31-'));
    const tiny = join(dir, 'tiny.json');
    writeFileSync(tiny, '{"weekStart":"2026-12-07"}');
    baselineMiB = (await runRoster(tiny)).maxRssMiB;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('1.5 million staff (25.9 MB): exit 2 before parsing, bounded memory', async () => {
    const path = join(dir, 'wide.json');
    await staffFile(path, 1_500_000);
    const run = await runRoster(path);
    expect(run.stderr).toMatch(`wide.json holds more than ${ROSTER_CLI_LIMITS.maxJsonValues} JSON values`);
    expect(run.code).toBe(2);
    expect(run.maxRssMiB - baselineMiB).toBeLessThan(GROWTH_MIB);
  }, 120_000);

  it('300,000 staff (5 MB): exit 2 naming staff, zod stops at the list length', async () => {
    const path = join(dir, 'staff-300k.json');
    await staffFile(path, 300_000);
    const run = await runRoster(path);
    // every issue is listed, one a line: the staff list's is one line, not one per item
    expect(run.stderr).toMatch(
      `\n  staff: Too big: expected array to have <=${ROSTER_PROBLEM_LIMITS.staff} items\n`,
    );
    expect(run.stderr.length).toBeLessThan(1000);
    expect(run.code).toBe(2);
    expect(run.maxRssMiB - baselineMiB).toBeLessThan(GROWTH_MIB);
  }, 120_000);

  it('20 MB of [: exit 2 from the depth check, bounded memory', async () => {
    const path = join(dir, 'brackets.json');
    writeFileSync(path, '['.repeat(20_000_000));
    const run = await runRoster(path);
    expect(run.stderr).toMatch('brackets.json holds JSON nested deeper than 64 levels');
    expect(run.code).toBe(2);
    expect(run.maxRssMiB - baselineMiB).toBeLessThan(GROWTH_MIB);
  }, 120_000);

  it('every list has a maximum, named in the refusal', () => {
    const path = join(dir, 'templates.json');
    const base = {
      weekStart: '2026-12-07',
      intervalMinutes: 15,
      staff: [],
      shiftTemplates: [],
      requirements: [],
    };
    const templates = Array.from({ length: ROSTER_PROBLEM_LIMITS.shiftTemplates + 1 }, () => ({ id: 't' }));
    writeFileSync(path, JSON.stringify({ ...base, shiftTemplates: templates }));
    expect(() => readRosterProblem(path)).toThrow(
      /^Invalid roster problem: shiftTemplates: Too big: expected array to have <=1000 items$/,
    );
    const values = Array.from({ length: ROSTER_PROBLEM_LIMITS.values + 1 }, () => 1);
    writeFileSync(path, JSON.stringify({ ...base, requirements: [{ skill: 'calls', values }] }));
    expect(() => readRosterProblem(path)).toThrow(
      /^Invalid roster problem: requirements\[0\]\.values: Too big/,
    );
  });
});
