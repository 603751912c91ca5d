/**
 * Forecast accuracy and speed: every model and AUTO on the demo history (hourly) and on
 * AirPassengers, by rolling-origin backtest. Each figure is also shown as a ratio to the
 * seasonal naive baseline of the same run.
 *
 *   npm run bench:forecast
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { accuracy, seasonalNaiveScale } from '../src/forecasting/accuracy.metrics';
import { selectAuto } from '../src/forecasting/auto.selector';
import { backtest } from '../src/forecasting/backtest.runner';
import { fitModel } from '../src/forecasting/forecaster.registry';
import type { ModelSelection, SeriesInput } from '../src/forecasting/forecast.types';
import { contactCentreSeries } from '../src/forecasting/synthetic-series.generator';
import { parseTimestamp } from '../src/forecasting/time-axis.helpers';
import { printTable, ratio, time } from './harness';

interface BenchSeries {
  name: string;
  series: SeriesInput;
  horizon: number;
}

interface Row {
  model: string;
  mase: number;
  smape: number;
  cov80: number;
  cov95: number;
  fitMs: number;
}

const ROOT = join(__dirname, '..', existsSync(join(__dirname, '..', 'data')) ? '' : '..');
const HOUR = 3_600_000;
const ORIGINS = 4;

/** Sums each channel of the long-format demo file (`timestamp,channel,value`) into hourly buckets. */
function hourlyFromDemo(path: string, maxWeeks = 12): BenchSeries[] {
  const rows = parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const byChannel = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const t = parseTimestamp(r.timestamp);
    if (!t) continue;
    const buckets = byChannel.get(r.channel) ?? new Map<number, number>();
    byChannel.set(r.channel, buckets);
    const hour = Math.floor(t.ms / HOUR) * HOUR;
    buckets.set(hour, (buckets.get(hour) ?? 0) + Number(r.value));
  }
  return [...byChannel].map(([channel, buckets]) => {
    const hours = [...buckets.keys()].sort((a, b) => a - b);
    const start = Math.max(hours[0], hours[hours.length - 1] - (maxWeeks * 168 - 1) * HOUR);
    const values: number[] = [];
    for (let t = start; t <= hours[hours.length - 1]; t += HOUR) values.push(buckets.get(t) ?? 0);
    // An hour-of-week slot is open when it ever had volume; closed slots are excluded from scoring.
    const slotOpen = new Array<boolean>(168).fill(false);
    values.forEach((v, i) => {
      if (v > 0) slotOpen[i % 168] = true;
    });
    return {
      name: `demo ${channel} (aggregated to hourly, last ${Math.round(values.length / 168)} weeks)`,
      series: { values, periods: [24, 168], open: values.map((_, i) => slotOpen[i % 168]) },
      horizon: 168,
    };
  });
}

function airPassengers(): BenchSeries {
  const text = readFileSync(join(ROOT, 'data', 'airpassengers.csv'), 'utf8');
  const values = text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[1]));
  return { name: 'AirPassengers (monthly)', series: { values, periods: [12] }, horizon: 12 };
}

function datasets(): BenchSeries[] {
  const demo = join(ROOT, 'data', 'demo-history.csv');
  const intraday = existsSync(demo)
    ? hourlyFromDemo(demo)
    : [
        {
          name: 'synthetic hourly contact centre (12 weeks, Poisson, seed 42; data/demo-history.csv not found)',
          series: { ...contactCentreSeries({ weeks: 12, seed: 42 }), periods: [24, 168] },
          horizon: 168,
        },
      ];
  return [...intraday, airPassengers()];
}

/** Nested evaluation of AUTO: at each outer origin, select on the training part only. */
function backtestAuto(b: BenchSeries): Omit<Row, 'fitMs'> & { ms: number } {
  const { values, periods, open } = b.series;
  const n = values.length;
  let mase = 0;
  let smape = 0;
  let in80 = 0;
  let in95 = 0;
  let points = 0;
  let ms = 0;
  for (let i = ORIGINS - 1; i >= 0; i--) {
    const end = n - b.horizon - i * b.horizon;
    const train: SeriesInput = {
      values: values.slice(0, end),
      periods,
      ...(open ? { open: open.slice(0, end) } : {}),
    };
    const t0 = performance.now();
    const f = selectAuto(train, { horizon: b.horizon, origins: 3 }).model.forecast(b.horizon);
    ms += performance.now() - t0;
    const m = Math.max(...periods.filter((p) => end >= 2 * p));
    const scale = seasonalNaiveScale(train.values, m, train.open);
    const acc = accuracy(values.slice(end, end + b.horizon), f, scale, open?.slice(end, end + b.horizon));
    mase += acc.mase / ORIGINS;
    smape += acc.smape / ORIGINS;
    in80 += acc.coverage80 * acc.n;
    in95 += acc.coverage95 * acc.n;
    points += acc.n;
  }
  return { model: 'AUTO', mase, smape, cov80: in80 / points, cov95: in95 / points, ms: ms / ORIGINS };
}

async function benchSeries(b: BenchSeries): Promise<void> {
  const report = backtest(b.series, { horizon: b.horizon, origins: ORIGINS });
  const rows: Row[] = [];
  for (const m of report.models) {
    if (!m.ok || !m.metrics) {
      rows.push({
        model: `${m.kind} (failed: ${m.failure})`,
        mase: NaN,
        smape: NaN,
        cov80: NaN,
        cov95: NaN,
        fitMs: NaN,
      });
      continue;
    }
    const selection: ModelSelection = m.kind;
    const options = m.kind === 'ENSEMBLE' ? { ensemble: { members: m.members } } : {};
    const fit = await time(m.kind, () => fitModel(selection, b.series, options).forecast(b.horizon), 3, 1);
    const label = m.kind === 'ENSEMBLE' ? `ENSEMBLE(${m.members?.join('+')})` : m.kind;
    rows.push({
      model: label,
      mase: m.metrics.mase,
      smape: m.metrics.smape,
      cov80: m.metrics.coverage80,
      cov95: m.metrics.coverage95,
      fitMs: fit.ms,
    });
  }
  const auto = backtestAuto(b);
  rows.push({ ...auto, model: 'AUTO (nested selection, calibrated)', fitMs: auto.ms });
  const base = rows[0];
  printTable(
    `${b.name}: ${ORIGINS} origins × h=${b.horizon}, train lengths ${report.origins.join(', ')}`,
    rows.map((r) => ({
      model: r.model,
      MASE: r.mase,
      'MASE/snaive': ratio(r.mase, base.mase),
      'sMAPE %': r.smape,
      'sMAPE/snaive': ratio(r.smape, base.smape),
      'cov80 %': 100 * r.cov80,
      'cov95 %': 100 * r.cov95,
      'fit ms': r.fitMs,
      'fit/snaive': ratio(r.fitMs, base.fitMs),
    })),
  );
}

export async function runForecastBench(): Promise<void> {
  const t0 = performance.now();
  for (const b of datasets()) await benchSeries(b);
  console.log(
    `\nFit ms = median of 3 full-series fits + forecast (AUTO: mean selection time per origin, ` +
      `including its inner 3-origin backtest). Total ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );
}

if (require.main === module) {
  void runForecastBench();
}
