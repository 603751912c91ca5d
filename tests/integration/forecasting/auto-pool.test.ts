import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoOnPool } from '../../../src/forecasting/auto-pool-runner';
import { selectAuto } from '../../../src/forecasting/auto-selector';
import type { AutoBacktestResult } from '../../../src/forecasting/candidate-backtest';
import { REPO_ROOT } from '../../../src/paths';
import { WorkerPool } from '../../../src/workers/worker-pool';

const airPassengers = readFileSync(join(REPO_ROOT, 'data', 'airpassengers.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => Number(line.split(',')[1]));

/** What AUTO decided, without the timings. */
const decisions = (report: AutoBacktestResult) => ({
  chosen: report.chosen,
  candidates: report.candidates.map((c) => ({
    label: c.label,
    ok: c.ok,
    score: c.score ?? null,
    mase: c.metrics?.mase ?? null,
  })),
});

describe('AUTO on the worker pool', () => {
  it('decides the same with 2 or 3 threads as in one process', async () => {
    const series = { values: airPassengers, periods: [12] };
    const local = selectAuto(series, { horizon: 12 });
    for (const threads of [2, 3]) {
      const pool = new WorkerPool({ maxThreads: threads, maxQueue: 32, taskTimeoutMs: 60_000 });
      try {
        const pooled = await autoOnPool(pool, series, 12, { horizon: 12 });
        expect(decisions(pooled.report)).toEqual(decisions(local.report));
        expect(pooled.label).toBe(local.label);
        expect(pooled.forecast).toEqual(local.model.forecast(12));
      } finally {
        await pool.close();
      }
    }
  }, 120_000);
});
