/**
 * AUTO against R forecast 8.x on five test windows per public series instead of one: the
 * official split and the four windows of h steps before it, each forecast from everything
 * before it (R's scores: `bench/r-rolling.json`, from `scripts/reference/r-rolling-origins.R`).
 * One split of 24 monthly points says little about a method; thirty windows say more.
 * Ratios below 1 beat R. Exits non-zero only on a crash, never on a score.
 *
 *   npm run bench:forecast:rolling [-- --series=a10,usmelec]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/paths';
import { autoOnSeries, fmt, mean, scoreOnTest, type Scores, warmPool } from './forecast-harness';
import { loadPublicSeries, rBest, type PublicSeries } from './forecast-series';
import { printTable } from './harness';

type RWindow = { trainEnd: number; methods: Record<string, Scores & { seconds: number }> };
type RRolling = Record<string, RWindow[]>;

interface WindowRow {
  trainEnd: number;
  picked: string;
  auto: Scores;
  r: RWindow['methods'];
}

/** The series cut at `trainEnd`: everything before it trains, the next h steps test. */
const windowOf = (s: PublicSeries, trainEnd: number): PublicSeries => {
  const full = [...s.train, ...s.test];
  return { ...s, train: full.slice(0, trainEnd), test: full.slice(trainEnd, trainEnd + s.h) };
};

/** R's method with the lowest mean MASE (or MSIS) over the windows (chosen with hindsight). */
function rBestOverWindows(
  rows: WindowRow[],
  score: 'mase' | 'msis' = 'mase',
): { method: string; mean: number } {
  const methods = Object.keys(rows[0].r);
  const means = methods.map((m) => ({ method: m, mean: mean(rows.map((w) => w.r[m][score] ?? NaN)) }));
  return means.sort((a, b) => a.mean - b.mean)[0];
}

function printWindows(s: PublicSeries, rows: WindowRow[]): void {
  printTable(
    `${s.name}: ${rows.length} windows of h ${s.h}`,
    rows.map((w) => {
      const best = Object.entries(w.r).sort((a, b) => a[1].mase - b[1].mase)[0];
      return {
        'train end': w.trainEnd,
        'AUTO picked': w.picked,
        MASE: fmt(w.auto.mase),
        'cov95 %': fmt(100 * w.auto.cov95, 0),
        MSIS: fmt(w.auto.msis ?? NaN, 2),
        "R's best here": `${best[0]} ${fmt(best[1].mase)}`,
        ratio: fmt(w.auto.mase / best[1].mase, 2),
        'its MSIS': fmt(best[1].msis ?? NaN, 2),
      };
    }),
  );
}

export async function runRollingBench(argv: string[] = []): Promise<void> {
  const all = loadPublicSeries();
  if (!all) {
    console.log('\n## Rolling forecast benchmark skipped: ../shared/benchmarks/forecast/ not found');
    return;
  }
  const rolling = JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'r-rolling.json'), 'utf8')) as RRolling;
  const only = argv
    .find((a) => a.startsWith('--series='))
    ?.slice(9)
    .split(',');
  const series = all.filter((s) => (!only || only.includes(s.name)) && Array.isArray(rolling[s.name]));
  const summary: Record<string, string>[] = [];
  const ratios: { official: number; hindsight: number; msis: number }[] = [];
  const pool = await warmPool();
  try {
    for (const s of series) {
      const rows: WindowRow[] = [];
      for (const w of rolling[s.name]) {
        const win = windowOf(s, w.trainEnd);
        const { label, forecast } = await autoOnSeries(pool, win);
        rows.push({ trainEnd: w.trainEnd, picked: label, auto: scoreOnTest(win, forecast), r: w.methods });
      }
      printWindows(s, rows);
      const autoMase = mean(rows.map((w) => w.auto.mase));
      const official = rBest(s.r).method;
      const officialMase = mean(rows.map((w) => w.r[official].mase));
      const hindsight = rBestOverWindows(rows);
      const autoMsis = mean(rows.map((w) => w.auto.msis ?? NaN));
      const lowestMsis = rBestOverWindows(rows, 'msis');
      ratios.push({
        official: autoMase / officialMase,
        hindsight: autoMase / hindsight.mean,
        msis: autoMsis / lowestMsis.mean,
      });
      summary.push({
        series: s.name,
        windows: String(rows.length),
        'AUTO mean MASE': fmt(autoMase),
        "R's official best": `${official} ${fmt(officialMase)}`,
        ratio: fmt(autoMase / officialMase, 2),
        "R's best over windows": `${hindsight.method} ${fmt(hindsight.mean)}`,
        'ratio ': fmt(autoMase / hindsight.mean, 2),
        'AUTO ≤ it in': `${rows.filter((w) => w.auto.mase <= w.r[hindsight.method].mase).length}/${rows.length}`,
        'AUTO cov95 %': fmt(100 * mean(rows.map((w) => w.auto.cov95)), 0),
        'its cov95 %': fmt(100 * mean(rows.map((w) => w.r[hindsight.method].cov95)), 0),
        'AUTO MSIS': fmt(autoMsis, 2),
        "R's lowest MSIS over windows": `${lowestMsis.method} ${fmt(lowestMsis.mean, 2)}`,
        'ratio  ': fmt(autoMsis / lowestMsis.mean, 2),
      });
    }
  } finally {
    await pool.close();
  }
  if (summary.length === 0) return;
  printTable(
    "AUTO against R forecast 8.x over rolling windows (mean MASE; R's official best = best on the official split)",
    summary,
  );
  console.log(
    `\nMean ratio to R's official best ${fmt(mean(ratios.map((r) => r.official)), 3)}, ` +
      `to R's best over the windows ${fmt(mean(ratios.map((r) => r.hindsight)), 3)}; ` +
      `MSIS ratio to R's lowest over the windows ${fmt(mean(ratios.map((r) => r.msis)), 3)}.`,
  );
}

if (require.main === module) {
  runRollingBench(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
