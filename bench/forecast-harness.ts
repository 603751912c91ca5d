/**
 * What the forecast benchmarks share: a series' training input as a site would give it
 * (holidays masked and listed), scoring on its test split, and a warmed worker pool.
 */
import { availableParallelism } from 'node:os';
import { accuracy, seasonalNaiveScale } from '../src/forecasting/accuracy-metrics';
import { autoOnPool } from '../src/forecasting/auto-pool-runner';
import type { ForecastResult, SeriesInput } from '../src/forecasting/forecast.types';
import { daysBetween } from '../src/forecasting/history-series';
import { dayHolidaySpans, maskHolidayHistory } from '../src/forecasting/holiday-effects.core';
import { WorkerPool } from '../src/workers/worker-pool';
import { BENCH_HOLIDAYS, type PublicSeries } from './forecast-series';

/** A score for a table: `digits` decimals, 'n/a' when not finite. */
export const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** The arithmetic mean of a non-empty list of scores. */
export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface Scores {
  mase: number;
  cov80: number;
  cov95: number;
  /** The 95 % interval's mean scaled interval score; absent from R's files made before it. */
  msis?: number;
}

/**
 * MASE and the 95 % interval's MSIS (both scaled by the training split's seasonal naive at the
 * longest period) and coverage on the test split.
 */
export function scoreOnTest(s: PublicSeries, f: ForecastResult): Scores {
  const scale = seasonalNaiveScale(s.train, Math.max(...s.periods));
  const a = accuracy(s.test, f, scale);
  return { mase: a.mase, cov80: a.coverage80, cov95: a.coverage95, msis: a.msis };
}

/**
 * The training input: with the region's holidays that fall in the training split imputed,
 * masked and listed, as the service does for a site.
 */
export function trainInput(s: PublicSeries): SeriesInput {
  const holidays = BENCH_HOLIDAYS[s.name];
  if (!holidays || !s.stepMinutes) return { values: s.train, periods: s.periods };
  const slotsPerDay = 1440 / s.stepMinutes;
  const trainDays = Math.floor(s.train.length / slotsPerDay);
  const days = holidays.map((d) => daysBetween(s.start, d)).filter((d) => d >= 0 && d < trainDays);
  const masked = maskHolidayHistory(
    s.train,
    s.train.map(() => true),
    days,
    slotsPerDay,
  );
  return { ...masked, periods: s.periods, holidays: dayHolidaySpans(days, slotsPerDay) };
}

/**
 * A worker pool warmed as a running server's is (every thread has loaded its WASM modules),
 * so that AUTO's times do not include start-up.
 */
export async function warmPool(): Promise<WorkerPool> {
  const pool = new WorkerPool({
    maxThreads: Math.max(1, Math.min(availableParallelism(), 4)),
    maxQueue: 64,
    taskTimeoutMs: 600_000,
  });
  const warm = Array.from({ length: 48 }, (_, i) => 100 + 10 * Math.sin(i / 2) + i);
  await Promise.all(
    Array.from({ length: pool.threads }, () =>
      autoOnPool(pool, { values: warm, periods: [12] }, 12, { origins: 1 }),
    ),
  );
  return pool;
}

/** AUTO on the pool for a series' training split, forecasting its test split. */
export async function autoOnSeries(
  pool: WorkerPool,
  s: PublicSeries,
): Promise<{ label: string; forecast: ForecastResult; seconds: number }> {
  const t0 = performance.now();
  const result = await autoOnPool(
    pool,
    trainInput(s),
    s.h,
    { horizon: s.h, ...(s.stepMinutes ? { stepMinutes: s.stepMinutes } : {}) },
    s.test.map(() => true),
  );
  return { label: result.label, forecast: result.forecast, seconds: (performance.now() - t0) / 1000 };
}
