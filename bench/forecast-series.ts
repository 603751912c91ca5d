/**
 * The public forecasting benchmark in `../shared/benchmarks/forecast/`: six `timestamp,value,split`
 * series and `r_reference.json` (R forecast 8.x test MASE and seconds per method). Read from
 * disk, never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';

export interface RReference {
  periods: number | number[];
  h: number;
  n_train: number;
  description: string;
  mase: Record<string, number>;
  seconds: Record<string, number>;
  /** The 95 % interval's MSIS per method, where R's file has it (bench/r-datasets.json). */
  msis?: Record<string, number>;
}

export interface PublicSeries {
  name: string;
  periods: number[];
  h: number;
  train: number[];
  test: number[];
  /** Minutes per step for intraday series, else undefined. */
  stepMinutes?: number;
  /** First timestamp's date. */
  start: string;
  r: RReference;
}

/**
 * Public holidays a site in the series' region would have in its calendar (daily and
 * intraday series only): New York (US federal holidays, Christmas Eve and New Year's Eve,
 * the day after Thanksgiving) and Victoria (Queen's Birthday 2014).
 */
export const BENCH_HOLIDAYS: Record<string, string[]> = {
  nyc_taxi: ['2014-11-27', '2014-11-28', '2014-12-24', '2014-12-25', '2014-12-31', '2015-01-01'],
  elecdemand: ['2014-06-09'],
};

export const BENCHMARK_DIR = join(REPO_ROOT, '..', 'shared', 'benchmarks', 'forecast');

/** Loads every series listed in r_reference.json, or returns null when the folder is absent. */
export function loadPublicSeries(dir = BENCHMARK_DIR): PublicSeries[] | null {
  const refFile = join(dir, 'r_reference.json');
  if (!existsSync(refFile)) return null;
  const refs = JSON.parse(readFileSync(refFile, 'utf8')) as Record<string, RReference>;
  return Object.entries(refs).map(([name, r]) => {
    const rows = readFileSync(join(dir, `${name}.csv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const train: number[] = [];
    const test: number[] = [];
    const times: string[] = [];
    for (const row of rows) {
      const [t, v, split] = row.split(',');
      (split.trim() === 'test' ? test : train).push(Number(v));
      times.push(t);
    }
    const intraday = times[0].includes('T');
    const stepMinutes = intraday
      ? (Date.parse(`${times[1]}Z`) - Date.parse(`${times[0]}Z`)) / 60_000
      : undefined;
    return {
      name,
      periods: Array.isArray(r.periods) ? r.periods : [r.periods],
      h: r.h,
      train,
      test,
      ...(stepMinutes ? { stepMinutes } : {}),
      start: times[0].slice(0, 10),
      r,
    };
  });
}

/** R's best method on a series: its name and MASE. */
export function rBest(r: RReference): { method: string; mase: number } {
  const [method, mase] = Object.entries(r.mase).sort((a, b) => a[1] - b[1])[0];
  return { method, mase };
}

/** Interval coverage of R's methods on the benchmark, measured by scripts/reference/r-benchmark-coverage.R. */
type RCoverage = Record<
  string,
  Record<string, { mase: number; cov80: number; cov95: number; msis?: number }>
>;

let rCoverageCache: RCoverage | undefined;

/** R's 80 % and 95 % coverage (and the 95 % interval's MSIS) for a method on a series, when measured. */
export function rCoverage(
  series: string,
  method: string,
): { cov80: number; cov95: number; msis?: number } | undefined {
  rCoverageCache ??= JSON.parse(
    readFileSync(join(REPO_ROOT, 'bench', 'r-coverage.json'), 'utf8'),
  ) as RCoverage;
  return rCoverageCache[series]?.[method];
}
