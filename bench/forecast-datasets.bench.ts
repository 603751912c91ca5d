/**
 * A second forecast benchmark, from the seasonal series that ship with R (base R's `datasets`
 * and the forecast package's): twelve monthly and quarterly series and one half-hourly one,
 * each with its test split of the last h steps and R forecast 8.x's scores on it
 * (`bench/r-datasets.json`, values included, from `Rscript scripts/reference/r-datasets.R`).
 * The six public series are few, and chosen for their trouble; these thirteen say how AUTO
 * does against what an analyst gets from R in one line (`auto.arima`, `ets`) on series it
 * has never been tuned on, and whether our ARIMA and ETS still score what R's do.
 * Ratios below 1 beat R. Exits non-zero only on a crash, never on a score.
 *
 *   npm run bench:forecast:datasets [-- --series=AirPassengers,gas] [-- --auto-only]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';
import { BASE_FORECASTERS } from '../src/forecasting/models/ensemble';
import type { BaseModelKind } from '../src/forecasting/forecast.types';
import { autoOnSeries, fmt, mean, scoreOnTest, trainInput, type Scores, warmPool } from './forecast-harness';
import { rBest, type PublicSeries, type RReference } from './forecast-series';
import { printTable } from './harness';

interface RMethod extends Scores {
  seconds: number;
}

interface RDataset {
  description: string;
  periods: number | number[];
  h: number;
  start: string;
  train: number[];
  test: number[];
  methods: Record<string, RMethod>;
}

/** Our model (raw or with Box-Cox) beside the R method it reimplements. */
const PEERS: { model: BaseModelKind; boxCox: boolean; r: string }[] = [
  { model: 'ARIMA', boxCox: false, r: 'auto_arima' },
  { model: 'ARIMA', boxCox: true, r: 'auto_arima_boxcox' },
  { model: 'ETS', boxCox: false, r: 'ets' },
  { model: 'ETS', boxCox: true, r: 'ets_boxcox' },
  { model: 'THETA', boxCox: false, r: 'thetaf' },
];

const geomean = (xs: number[]): number => Math.exp(mean(xs.map(Math.log)));

/** The series of bench/r-datasets.json in the shape of the public benchmark's. */
export function loadRDatasets(): PublicSeries[] {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'r-datasets.json'), 'utf8')) as {
    series: Record<string, RDataset>;
  };
  return Object.entries(file.series).map(([name, d]) => {
    const periods = Array.isArray(d.periods) ? d.periods : [d.periods];
    const pick = (field: 'mase' | 'seconds' | 'msis'): Record<string, number> =>
      Object.fromEntries(Object.entries(d.methods).map(([m, s]) => [m, s[field] ?? NaN]));
    return {
      name,
      periods,
      h: d.h,
      train: d.train,
      test: d.test,
      ...(periods.length > 1 ? { stepMinutes: 30 } : {}),
      start: d.start,
      r: {
        periods: d.periods,
        h: d.h,
        n_train: d.train.length,
        description: d.description,
        mase: pick('mase'),
        seconds: pick('seconds'),
        msis: pick('msis'),
      },
    };
  });
}

/** Our reimplementation of each R method on a series: MASE, and its ratio to R's. */
function peerRatios(s: PublicSeries): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of PEERS) {
    const rMase = s.r.mase[p.r];
    if (rMase === undefined) continue;
    try {
      const fitted = BASE_FORECASTERS[p.model].fit(trainInput(s), { boxCox: p.boxCox ? 'auto' : 'none' });
      out[p.r] = scoreOnTest(s, fitted.forecast(s.h)).mase / rMase;
    } catch {
      out[p.r] = NaN;
    }
  }
  return out;
}

interface Row {
  series: string;
  picked: string;
  auto: Scores;
  seconds: number;
  r: RReference;
  peers: Record<string, number>;
}

/** AUTO's MASE (or MSIS) over that of R's `method` on the row's series. */
const ratioTo = (row: Row, method: string, score: 'mase' | 'msis' = 'mase'): number =>
  (row.auto[score] ?? NaN) / (row.r[score]?.[method] ?? NaN);

/** R's method with the lowest MSIS on the series (chosen with hindsight), if R's file has MSIS. */
function rBestMsis(r: RReference): { method: string; msis: number } {
  const [method, msis] = Object.entries(r.msis ?? {})
    .filter(([, v]) => Number.isFinite(v))
    .sort((a, b) => a[1] - b[1])[0] ?? ['n/a', NaN];
  return { method, msis };
}

function printRows(rows: Row[]): void {
  printTable(
    'AUTO against R forecast 8.x on R’s own seasonal series (MASE on the test split of the last h steps)',
    rows.map((w) => {
      const best = rBest(w.r);
      const bestMsis = rBestMsis(w.r);
      return {
        series: w.series,
        'AUTO picked': w.picked,
        MASE: fmt(w.auto.mase),
        "R's best": `${best.method} ${fmt(best.mase)}`,
        '×best': fmt(w.auto.mase / best.mase, 2),
        '×auto.arima': fmt(ratioTo(w, 'auto_arima'), 2),
        '×ets': fmt(ratioTo(w, 'ets'), 2),
        '×stlf': fmt(ratioTo(w, 'stlf'), 2),
        'cov80 %': fmt(100 * w.auto.cov80, 0),
        'cov95 %': fmt(100 * w.auto.cov95, 0),
        MSIS: fmt(w.auto.msis ?? NaN, 2),
        "R's best MSIS": `${bestMsis.method} ${fmt(bestMsis.msis, 2)}`,
        seconds: fmt(w.seconds, 2),
        '×R auto.arima time': fmt(w.seconds / (w.r.seconds.auto_arima ?? NaN), 2),
      };
    }),
  );
}

/**
 * One line per R method, and one for R's best per series chosen in hindsight (`best`): AUTO's
 * per-series ratios to it, summarised (with the worst ratio when `worst`).
 */
function ratioSummary(
  rows: Row[],
  best: { label: string; ratio: (w: Row) => number },
  ratio: (w: Row, method: string) => number,
  worst: boolean,
): Record<string, string | number>[] {
  return ['best', 'auto_arima', 'ets', 'stlf', 'snaive'].map((m) => {
    const ratios = rows.map((w) => (m === 'best' ? best.ratio(w) : ratio(w, m))).filter(Number.isFinite);
    return {
      against: m === 'best' ? best.label : `R's ${m}`,
      series: ratios.length,
      'mean ratio': fmt(mean(ratios), 3),
      'geometric mean': fmt(geomean(ratios), 3),
      'AUTO ≤ it': `${ratios.filter((r) => r <= 1).length}/${ratios.length}`,
      ...(worst ? { worst: fmt(Math.max(...ratios), 2) } : {}),
    };
  });
}

function printSummary(rows: Row[]): void {
  const best = { label: "R's best per series (hindsight)", ratio: (w: Row) => w.auto.mase / rBest(w.r).mase };
  printTable('Summary: AUTO’s MASE over R’s, per series', ratioSummary(rows, best, ratioTo, true));
  const peers = PEERS.map((p) => {
    const ratios = rows
      .map((w) => w.peers[p.r])
      .filter((r): r is number => r !== undefined && Number.isFinite(r));
    return {
      ours: `${p.model}${p.boxCox ? '+BOXCOX' : ''}`,
      "R's": p.r,
      series: ratios.length,
      'geometric mean ratio': ratios.length ? fmt(geomean(ratios), 3) : 'n/a',
      'within 5 %': `${ratios.filter((r) => Math.abs(r - 1) <= 0.05).length}/${ratios.length}`,
    };
  });
  if (rows.some((w) => Object.keys(w.peers).length > 0))
    printTable('Our reimplementations against R’s methods (MASE ratio, monthly and quarterly series)', peers);
  const timed = rows.filter((w) => w.r.seconds.auto_arima !== undefined);
  const autoSeconds = timed.reduce((t, w) => t + w.seconds, 0);
  const rSeconds = timed.reduce((t, w) => t + (w.r.seconds.auto_arima ?? 0), 0);
  console.log(
    `\nAUTO took ${fmt(autoSeconds, 1)} s in all on the ${timed.length} series R's auto.arima took ` +
      `${fmt(rSeconds, 1)} s on (${fmt(autoSeconds / rSeconds, 2)}×; AUTO's includes its backtest).`,
  );
  printMsisSummary(rows);
  const cov = rows.map((w) => w.auto.cov95);
  console.log(
    `\nAUTO's 95 % interval covers ${fmt(100 * mean(cov), 0)} % of the test points on average ` +
      `(${cov.filter((c) => c >= 0.85 && c <= 0.99).length}/${cov.length} series within 85–99 %).`,
  );
}

/** AUTO's 95 % interval score over R's methods', per series (lower beats R). */
function printMsisSummary(rows: Row[]): void {
  const lowest = {
    label: "R's lowest per series (hindsight)",
    ratio: (w: Row) => (w.auto.msis ?? NaN) / rBestMsis(w.r).msis,
  };
  const summary = ratioSummary(rows, lowest, (w, m) => ratioTo(w, m, 'msis'), false);
  printTable('Summary: AUTO’s 95 % interval score (MSIS) over R’s, per series', summary);
}

export async function runDatasetsBench(argv: string[] = []): Promise<void> {
  const only = argv
    .find((a) => a.startsWith('--series='))
    ?.slice(9)
    .split(',');
  const series = loadRDatasets().filter((s) => !only || only.includes(s.name));
  const pool = await warmPool();
  const rows: Row[] = [];
  try {
    for (const s of series) {
      const { label, forecast, seconds } = await autoOnSeries(pool, s);
      const single = s.periods.length === 1 && !argv.includes('--auto-only');
      rows.push({
        series: s.name,
        picked: label,
        auto: scoreOnTest(s, forecast),
        seconds,
        r: s.r,
        peers: single ? peerRatios(s) : {},
      });
    }
  } finally {
    await pool.close();
  }
  printRows(rows);
  printSummary(rows);
}

if (require.main === module) {
  runDatasetsBench(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
