/**
 * Forecast accuracy and speed on the public benchmark (`../shared/benchmarks/forecast/`):
 * every model (raw and with Box-Cox) and AUTO, fitted on `train`, scored on `test`, next to
 * R forecast 8.x on the same split (`r_reference.json`; R's interval coverage from
 * `bench/r-coverage.json`). Ratios below 1 beat R. AUTO runs on a warmed worker pool, as in
 * the server.
 * Exits non-zero only on a crash, never on a score.
 *
 *   npm run bench:forecast [-- --series a10,hyndsight] [-- --models-only | --auto-only]
 */
import { BASE_FORECASTERS } from '../src/forecasting/models/ensemble';
import type { BaseModelKind } from '../src/forecasting/forecast.types';
import type { WorkerPool } from '../src/workers/worker-pool';
import { autoOnSeries, fmt, scoreOnTest, trainInput, warmPool } from './forecast-harness';
import { BENCH_HOLIDAYS, loadPublicSeries, rBest, rCoverage, type PublicSeries } from './forecast-series';
import { printTable } from './harness';

const KINDS: BaseModelKind[] = ['SNAIVE', 'THETA', 'ETS', 'MSTL', 'HARMONIC', 'ARIMA', 'PROPHET'];
/** The R method whose run time a model's is compared with. */
const R_PEER: Record<BaseModelKind, string[]> = {
  SNAIVE: ['snaive'],
  THETA: ['thetaf'],
  ETS: ['ets', 'mstl_ets'],
  HARMONIC: ['tbats'],
  MSTL: ['mstl_ets', 'stlf'],
  ARIMA: ['auto_arima'],
  PROPHET: ['tbats'],
};

interface Scored {
  model: string;
  mase: number;
  cov80: number;
  cov95: number;
  seconds: number;
  rSeconds?: number;
}

export interface AutoRow {
  series: string;
  picked: string;
  mase: number;
  rBest: string;
  /** 95 % coverage of R's best method (bench/r-coverage.json), NaN when not measured. */
  rBestCov95: number;
  /** MSIS of AUTO's and of R's best method's 95 % interval, NaN when not measured. */
  msis: number;
  rBestMsis: number;
  ratio: number;
  cov80: number;
  cov95: number;
  seconds: number;
  tbatsRatio: number;
}

const times = (x: number, base: number | undefined): string =>
  base && base > 0 && Number.isFinite(x) ? `${(x / base).toFixed(2)}×` : 'n/a';

function modelRows(s: PublicSeries): Scored[] {
  const rows: Scored[] = [];
  for (const kind of KINDS) {
    for (const boxCox of ['none', 'auto'] as const) {
      const model = boxCox === 'auto' ? `${kind}+BOXCOX` : kind;
      const t0 = performance.now();
      try {
        const fitted = BASE_FORECASTERS[kind].fit(trainInput(s), { boxCox });
        const f = fitted.forecast(s.h, { futureOpen: s.test.map(() => true) });
        const seconds = (performance.now() - t0) / 1000;
        const peer = R_PEER[kind].map((k) => s.r.seconds[k]).find((v) => v !== undefined);
        const lambda = fitted.params.boxCoxLambda;
        rows.push({
          model: lambda === undefined ? model : `${model} (λ ${lambda.toFixed(2)})`,
          ...scoreOnTest(s, f),
          seconds,
          rSeconds: peer,
        });
      } catch (e) {
        rows.push({
          model: `${model} (failed: ${(e as Error).message.slice(0, 60)})`,
          mase: NaN,
          cov80: NaN,
          cov95: NaN,
          seconds: NaN,
        });
      }
    }
  }
  return rows;
}

async function autoRow(s: PublicSeries, pool: WorkerPool): Promise<AutoRow & Scored> {
  const { label, forecast, seconds } = await autoOnSeries(pool, s);
  const best = rBest(s.r);
  const sc = scoreOnTest(s, forecast);
  return {
    series: s.name,
    model: `AUTO → ${label}`,
    picked: label,
    ...sc,
    rBest: `${best.method} ${best.mase.toFixed(3)}`,
    rBestCov95: rCoverage(s.name, best.method)?.cov95 ?? NaN,
    msis: sc.msis ?? NaN,
    rBestMsis: rCoverage(s.name, best.method)?.msis ?? NaN,
    ratio: sc.mase / best.mase,
    seconds,
    rSeconds: s.r.seconds.tbats,
    tbatsRatio: s.r.seconds.tbats ? seconds / s.r.seconds.tbats : NaN,
  };
}

function printSeries(s: PublicSeries, rows: Scored[]): void {
  const best = rBest(s.r);
  printTable(
    `${s.name}: train ${s.train.length}, h ${s.h}, periods ${s.periods.join('/')}; R's best ${best.method} ${best.mase}` +
      (BENCH_HOLIDAYS[s.name] ? `; holidays ${BENCH_HOLIDAYS[s.name].join(', ')}` : ''),
    rows.map((r) => ({
      model: r.model,
      MASE: fmt(r.mase),
      '×R best': times(r.mase, best.mase),
      '×R auto.arima': times(r.mase, s.r.mase.auto_arima),
      '×R ets': times(r.mase, s.r.mase.ets ?? s.r.mase.mstl_ets),
      'cov80 %': fmt(100 * r.cov80, 0),
      'cov95 %': fmt(100 * r.cov95, 0),
      seconds: fmt(r.seconds, 2),
      '×R time': times(r.seconds, r.rSeconds),
    })),
  );
}

export async function runForecastBench(argv: string[] = []): Promise<void> {
  const all = loadPublicSeries();
  if (!all) {
    console.log('\n## Forecast benchmark skipped: ../shared/benchmarks/forecast/ not found');
    return;
  }
  const only = argv
    .find((a) => a.startsWith('--series='))
    ?.slice(9)
    .split(',');
  const series = only ? all.filter((s) => only.includes(s.name)) : all;
  const pool = await warmPool();
  const autos: AutoRow[] = [];
  try {
    for (const s of series) {
      const rows = argv.includes('--auto-only') ? [] : modelRows(s);
      if (!argv.includes('--models-only')) {
        const a = await autoRow(s, pool);
        autos.push(a);
        rows.push(a);
      }
      printSeries(s, rows);
    }
  } finally {
    await pool.close();
  }
  if (autos.length === 0) return;
  printTable(
    'AUTO against R forecast 8.x (MASE on the test split; time includes the backtest, on the worker pool)',
    autos.map((a) => ({
      series: a.series,
      'AUTO picked': a.picked,
      MASE: fmt(a.mase),
      "R's best": a.rBest,
      ratio: fmt(a.ratio, 2),
      'cov80 %': fmt(100 * a.cov80, 0),
      'cov95 %': fmt(100 * a.cov95, 0),
      "R's best cov95 %": fmt(100 * a.rBestCov95, 0),
      MSIS: fmt(a.msis, 2),
      "R's best MSIS": fmt(a.rBestMsis, 2),
      seconds: fmt(a.seconds, 2),
      '×R TBATS time': fmt(a.tbatsRatio, 3),
    })),
  );
  const ratios = autos.map((a) => a.ratio);
  console.log(
    `\nMean ratio ${fmt(ratios.reduce((x, y) => x + y, 0) / ratios.length, 3)}, worst ${fmt(Math.max(...ratios), 2)}.`,
  );
}

if (require.main === module) {
  runForecastBench(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
