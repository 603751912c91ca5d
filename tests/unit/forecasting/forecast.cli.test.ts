import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  forecastSeries,
  parseForecastArgs,
  parseSeriesCsv,
  runForecastCli,
  type ForecastCliOutput,
} from '../../../src/cli/forecast.cli';
import { REPO_ROOT } from '../../../src/paths';
import {
  addStep,
  detectStep,
  formatTimestamp,
  inferSeasonality,
  parseTimestamp,
} from '../../../src/forecasting/time-axis';
import { threadCpuMs } from '../../helpers/thread-cpu';

describe('parseForecastArgs', () => {
  it('parses every flag', () => {
    expect(
      parseForecastArgs([
        '--input',
        'a.csv',
        '--horizon',
        '12',
        '--seasonality',
        '24,168',
        '--model',
        'MSTL',
        '--out',
        'o.json',
        '--box-cox',
        'auto',
      ]),
    ).toEqual({
      input: 'a.csv',
      horizon: 12,
      seasonality: [24, 168],
      model: 'MSTL',
      out: 'o.json',
      boxCox: 'auto',
    });
    expect(
      parseForecastArgs(['--input', 'a.csv', '--horizon', '3', '--model', 'theta', '--box-cox=-0.5']),
    ).toMatchObject({ model: 'THETA', boxCox: -0.5 });
    expect(parseForecastArgs(['--input', 'a.csv', '--horizon', '3'])).toEqual({
      input: 'a.csv',
      horizon: 3,
      model: 'AUTO',
    });
  });

  it.each([
    [['--horizon', '3'], '--input is required'],
    [['--input', 'a.csv'], '--horizon is required'],
    [['--input', 'a.csv', '--horizon', '0'], '--horizon must be an integer in [1, 16128], got 0'],
    [['--input', 'a.csv', '--horizon', '2.5'], '--horizon must be an integer in [1, 16128], got 2.5'],
    [['--input', 'a.csv', '--horizon', '16129'], '--horizon must be an integer in [1, 16128], got 16129'],
    [
      ['--input', 'a.csv', '--horizon', '3', '--seasonality', '24,x'],
      '--seasonality must be up to 4 comma-separated integers in [2, 8784], got 24,x',
    ],
    [
      ['--input', 'a.csv', '--horizon', '3', '--seasonality', '2,3,4,5,6'],
      '--seasonality must be up to 4 comma-separated integers in [2, 8784], got 2,3,4,5,6',
    ],
    [
      ['--input', 'a.csv', '--horizon', '9'.repeat(100_000)],
      `--horizon must be an integer in [1, 16128], got ${'9'.repeat(200)}…[+99800 chars]`,
    ],
    [
      ['--input', 'a.csv', '--horizon', '3', '--model', 'tbats'],
      '--model must be one of auto|snaive|mstl|arima|theta|ets|harmonic|prophet|ensemble, got tbats',
    ],
    [['--input', 'a.csv', '--horizon', '3', '--verbose'], "Unknown option '--verbose'"],
    [
      ['--input', 'a.csv', '--horizon', '3', '--model', 'mstl', '--box-cox', '2.5'],
      '--box-cox must be none, auto or a number in [-1, 2], got 2.5',
    ],
    [
      ['--input', 'a.csv', '--horizon', '3', '--model', 'mstl', '--box-cox', 'log'],
      '--box-cox must be none, auto or a number in [-1, 2], got log',
    ],
    [
      ['--input', 'a.csv', '--horizon', '3', '--box-cox', 'auto'],
      '--box-cox is for a single --model; auto chooses Box-Cox by backtest',
    ],
  ])('%j → %s', (argv, message) => {
    expect(() => parseForecastArgs(argv)).toThrow(message);
  });
});

describe('parseSeriesCsv', () => {
  it('reads a monthly series and detects calendar months', () => {
    const s = parseSeriesCsv('timestamp,value\n2020-01-01,1\n2020-02-01,2\n2020-03-01,3\n');
    expect(s.values).toEqual([1, 2, 3]);
    expect(s.step).toEqual({ unit: 'month', size: 1 });
    expect(s.format.dateOnly).toBe(true);
  });

  it.each([
    ['time,value\n2020-01-01,1\n', 'input header must be "timestamp,value", got "time,value"'],
    ['timestamp,value\n2020-01-01,1\n2020-01-02,abc\n', 'non-numeric value "abc" at row 3'],
    ['timestamp,value\n2020-01-01,1\n2020-13-02,1\n', 'invalid timestamp "2020-13-02" at row 3'],
    [
      'timestamp,value\n2020-01-01,1\n2020-01-02,1\n2020-01-04,1\n',
      'timestamps are not equally spaced at row 4',
    ],
    ['timestamp,value\n2020-01-02,1\n2020-01-01,1\n', 'timestamps must increase: row 3 is not after row 2'],
  ])('rejects bad input: %j', (text, message) => {
    expect(() => parseSeriesCsv(text)).toThrow(message);
  });
});

describe('clock changes (Europe/London, 25 October 2026)', () => {
  // three weeks of hourly rows up to the autumn change: 01:00 occurs twice (+01:00, then +00:00)
  const rows: string[] = [];
  for (let t = Date.UTC(2026, 9, 4, 23); t < Date.UTC(2026, 9, 25, 3); t += 3_600_000) {
    const offset = t < Date.UTC(2026, 9, 25, 1) ? 60 : 0;
    const local = new Date(t + offset * 60_000).toISOString().slice(0, 19);
    rows.push(`${local}${offset ? '+01:00' : '+00:00'},${10 + (new Date(t).getUTCHours() % 5)}`);
  }
  const csv = `timestamp,value\n${rows.join('\n')}\n`;

  it('accepts the repeated autumn hour: offsets make the instants equally spaced', () => {
    expect(csv).toContain('2026-10-25T01:00:00+01:00');
    expect(csv).toContain('2026-10-25T01:00:00+00:00');
    const s = parseSeriesCsv(csv);
    expect(s.step).toEqual({ unit: 'ms', size: 3_600_000 });
    expect(s.offsets!.at(-1)).toBe(0);
  });

  it('gives output timestamps the zone’s offset at each instant with --time-zone', () => {
    const spring = [];
    for (let t = Date.UTC(2027, 2, 7, 0); t < Date.UTC(2027, 2, 28, 0); t += 3_600_000)
      spring.push(`${new Date(t).toISOString().slice(0, 19)}+00:00,${5 + (new Date(t).getUTCHours() % 3)}`);
    const series = parseSeriesCsv(`timestamp,value\n${spring.join('\n')}\n`);
    const out = forecastSeries(series, {
      input: 'x',
      horizon: 3,
      model: 'SNAIVE',
      timeZone: 'Europe/London',
    });
    // 2027-03-28 01:00 GMT is 02:00 BST: the clocks went forward
    expect(out.points.map((p) => p.t)).toEqual([
      '2027-03-28T00:00:00+00:00',
      '2027-03-28T02:00:00+01:00',
      '2027-03-28T03:00:00+01:00',
    ]);
    const kept = forecastSeries(series, { input: 'x', horizon: 2, model: 'SNAIVE' });
    expect(kept.points.map((p) => p.t)).toEqual(['2027-03-28T00:00:00+00:00', '2027-03-28T01:00:00+00:00']);
  });

  it('refuses an unknown --time-zone', () => {
    expect(() =>
      parseForecastArgs(['--input', 'a.csv', '--horizon', '2', '--time-zone', 'Mars/Olympus']),
    ).toThrow('--time-zone must be an IANA zone name, got Mars/Olympus');
  });
});

describe('time axis', () => {
  it('continues the step in the input format', () => {
    const p = parseTimestamp('2024-03-31T23:30:00+01:00')!;
    expect(formatTimestamp(addStep(p.ms, { unit: 'ms', size: 1_800_000 }, 1), p.format)).toBe(
      '2024-04-01T00:00:00+01:00',
    );
    const d = parseTimestamp('2020-11-01')!;
    expect(formatTimestamp(addStep(d.ms, { unit: 'month', size: 1 }, 3), d.format)).toBe('2021-02-01');
    const h = parseTimestamp('2024-01-01 08:00')!;
    expect(formatTimestamp(addStep(h.ms, detectStep([0, 3_600_000]), 2), h.format)).toBe('2024-01-01 10:00');
  });

  it('infers seasonality from the step', () => {
    expect(inferSeasonality({ unit: 'ms', size: 15 * 60_000 })).toEqual([96, 672]);
    expect(inferSeasonality({ unit: 'ms', size: 30 * 60_000 })).toEqual([48, 336]);
    expect(inferSeasonality({ unit: 'ms', size: 60 * 60_000 })).toEqual([24, 168]);
    expect(inferSeasonality({ unit: 'ms', size: 1440 * 60_000 })).toEqual([7]);
    expect(inferSeasonality({ unit: 'month', size: 1 })).toEqual([12]);
    expect(() => inferSeasonality({ unit: 'ms', size: 7 * 60_000 })).toThrow('pass --seasonality');
  });
});

describe('runForecastCli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-cli-'));
  const io = (): {
    out: string[];
    err: string[];
    stdout: (t: string) => void;
    stderr: (t: string) => void;
  } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  };

  it('forecasts an hourly CSV into a JSON file, continuing timestamps', async () => {
    const rows = ['timestamp,value'];
    for (let i = 0; i < 24 * 14; i++) {
      const t = new Date(Date.UTC(2024, 0, 1, i)).toISOString().replace('.000Z', 'Z');
      rows.push(`${t},${(i % 24 >= 8 && i % 24 < 18 ? 10 : 0) + (i % 7)}`);
    }
    const input = join(dir, 'hourly.csv');
    const out = join(dir, 'out.json');
    writeFileSync(input, rows.join('\n'));
    const streams = io();
    const code = await runForecastCli(
      ['--input', input, '--horizon', '3', '--model', 'snaive', '--out', out],
      streams,
    );
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.model).toBe('SNAIVE');
    expect(json.points.map((p: { t: string }) => p.t)).toEqual([
      '2024-01-15T00:00:00Z',
      '2024-01-15T01:00:00Z',
      '2024-01-15T02:00:00Z',
    ]);
    expect(Object.keys(json.points[0])).toEqual(['t', 'mean', 'lo80', 'hi80', 'lo95', 'hi95']);
  });

  it('fits a single model with Box-Cox: Guerrero’s λ of AirPassengers is R’s −0.2947', async () => {
    const input = join(REPO_ROOT, 'data', 'airpassengers.csv');
    const run = async (...flags: string[]): Promise<ForecastCliOutput> => {
      const streams = io();
      expect(
        await runForecastCli(['--input', input, '--horizon', '12', '--model', 'theta', ...flags], streams),
      ).toBe(0);
      return JSON.parse(streams.out.join('')) as ForecastCliOutput;
    };
    const guerrero = await run('--box-cox', 'auto');
    expect(guerrero.boxCoxLambda).toBeCloseTo(-0.2947, 2);
    const log = await run('--box-cox', '0');
    expect(log.boxCoxLambda).toBe(0);
    const raw = await run();
    expect(raw.boxCoxLambda).toBeUndefined();
    expect(log.points[0]!.mean).not.toBe(raw.points[0]!.mean);
  });

  it('refuses an --out it cannot write with exit 2, before reading the input or fitting', async () => {
    // the audit's case: the whole fit ran, then an uncaught ENOENT stack and exit 1
    const input = join(REPO_ROOT, 'data', 'airpassengers.csv');
    const streams = io();
    const started = threadCpuMs();
    const argv = ['--input', input, '--horizon', '12', '--out', '/nonexistent/f.json'];
    expect(await runForecastCli(argv, streams)).toBe(2);
    // CPU time of this thread, where the fit would run: a busy machine does not lengthen it
    expect(threadCpuMs() - started).toBeLessThan(500);
    expect(streams.err.join('')).toBe(
      'forecast: --out /nonexistent/f.json cannot be written: directory /nonexistent does not exist\n',
    );
    expect(streams.out).toEqual([]);
    const streams2 = io();
    expect(await runForecastCli(['--input', input, '--horizon', '12', '--out', dir], streams2)).toBe(2);
    expect(streams2.err.join('')).toBe(`forecast: --out ${dir} is a directory\n`);
  });

  it('prints bad input on stderr and exits 2', async () => {
    const streams = io();
    expect(await runForecastCli(['--input', join(dir, 'missing.csv'), '--horizon', '3'], streams)).toBe(2);
    expect(streams.err.join('')).toMatch(/cannot read --input .*missing\.csv: ENOENT/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'timestamp,value\n2024-01-01,1\n2024-01-02,x\n');
    const streams2 = io();
    expect(await runForecastCli(['--input', bad, '--horizon', '3'], streams2)).toBe(2);
    expect(streams2.err.join('')).toBe('forecast: non-numeric value "x" at row 3\n');
  });
});
