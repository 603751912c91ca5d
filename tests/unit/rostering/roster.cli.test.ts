import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRosterArgs, readRosterProblem, runRosterCli } from '../../../src/cli/roster.cli';
import { demand, problem } from './roster.fixtures';

const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRosterCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('parseRosterArgs', () => {
  it('parses every flag', () => {
    expect(
      parseRosterArgs([
        '--input',
        'p.json',
        '--time-limit',
        '5',
        '--gap',
        '0.001',
        '--out',
        'r.json',
        '--lp',
        'm.lp',
      ]),
    ).toEqual({
      input: 'p.json',
      timeLimitSeconds: 5,
      relativeGap: 0.001,
      out: 'r.json',
      lp: 'm.lp',
      printSchema: false,
      help: false,
    });
  });

  it.each([
    [['--time-limit', '5'], '--input is required'],
    [
      ['--input', 'p.json', '--time-limit', '0'],
      '--time-limit must be a number of seconds in (0, 3600], got 0',
    ],
    [
      ['--input', 'p.json', '--time-limit', 'soon'],
      '--time-limit must be a number of seconds in (0, 3600], got soon',
    ],
    [
      ['--input', 'p.json', '--time-limit', '3601'],
      '--time-limit must be a number of seconds in (0, 3600], got 3601',
    ],
    [['--input', 'p.json', '--gap', '2'], '--gap must be a fraction in [0, 1], got 2'],
    [['--input', 'p.json', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseRosterArgs(argv)).toThrow(message);
  });
});

describe('readRosterProblem', () => {
  it('rejects a missing file, invalid JSON and schema violations with their path', () => {
    expect(() => readRosterProblem(join(dir, 'nope.json'))).toThrow(
      /Cannot read --input .*nope.json: ENOENT/,
    );
    expect(() => readRosterProblem(file('bad.json', '{ nope'))).toThrow(/is not valid JSON/);
    expect(() =>
      readRosterProblem(file('schema.json', JSON.stringify({ ...problem(), intervalMinutes: 7 }))),
    ).toThrow('Invalid roster problem: intervalMinutes:');
  });
});

describe('runRosterCli', () => {
  it('exits 2 on bad input with a clear message', async () => {
    const r = await run(['--input', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: Cannot read --input/);
  });

  it('refuses an --out or --lp it cannot write with exit 2, before reading the problem', async () => {
    const input = join(dir, 'missing.json');
    const r = await run(['--input', input, '--out', '/nonexistent/result.json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error: --out /nonexistent/result.json cannot be written: directory /nonexistent does not exist',
    );
    const lp = await run(['--input', input, '--lp', dir]);
    expect(lp.code).toBe(2);
    expect(lp.err).toBe(`error: --lp ${dir} is a directory`);
  });

  it('solves, writes the result and the LP, exits 0', async () => {
    const input = file(
      'ok.json',
      JSON.stringify(
        problem({ requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }] }),
      ),
    );
    const out = join(dir, 'result.json');
    const lp = join(dir, 'model.lp');
    const r = await run(['--input', input, '--out', out, '--lp', lp, '--time-limit', '5']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('status OPTIMAL');
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.assignments).toHaveLength(1);
    expect(readFileSync(lp, 'utf8')).toMatch(/^\\ Shiftcast weekly roster\nMinimize\n/);
  });

  it('prints the JSON Schema', async () => {
    const r = await run(['--print-schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).properties.weekStart.format).toBe('date');
  });
});
