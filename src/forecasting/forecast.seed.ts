import { addDays } from '../common/calendar';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { generateHistory, historyToCsv } from '../../seeds/history.generator';
import type { SeedStep } from '../seed/demo-seed';

/** The committed demo history (see seeds/history.generator.ts). */
export const DEMO_HISTORY_FILE = path.join(REPO_ROOT, 'data', 'demo-history.csv');

/**
 * Loads 52 weeks of demo history (seeds/history.generator.ts) ending on the Sunday before the
 * seeded week, so forecasting and planning next week always work; an upsert per channel and
 * day: idempotent. data/demo-history.csv is the same generator's committed sample.
 */
/** Weeks of demo history the seed generates. */
export const DEMO_HISTORY_WEEKS = 52;

export const volumeHistoryStep: SeedStep = {
  name: 'volume history',
  history: true,
  async run(s, ctx) {
    const rows = generateHistory({ end: addDays(ctx.anchorDate, -1), weeks: DEMO_HISTORY_WEEKS });
    return (await s.volumes.importCsv(historyToCsv(rows), 'demo-history.csv')).days;
  },
};

/**
 * Trains an AUTO model for every channel with history and no ACTIVE model yet (so a re-run
 * adds no versions), all channels at once in the worker pool, with a four-week rolling
 * backtest: its errors calibrate the intervals per lead day (three other weeks for each
 * held-out week keep the reported coverage honest). The cheap models only (no Prophet, no
 * Box-Cox variants) keep `npm start` on an empty store quick; retrain for the full search.
 */
export const forecastModelsStep: SeedStep = {
  name: 'forecast models',
  history: true,
  async run(s) {
    const channels = await s.channels.listAll({ active: true });
    const trained = await Promise.all(
      channels.map(async (c) => {
        if ((await s.models.active(c.key)) || !(await s.volumes.lastDate(c.key))) return 0;
        await s.models.train(c.key, 'AUTO', null, { backtestOrigins: 4, quick: true });
        return 1;
      }),
    );
    return trained.reduce<number>((a, b) => a + b, 0);
  },
};
