import path from 'node:path';
import { REPO_ROOT } from '../paths';
import type { SeedStep } from '../seed/demo-seed';

/** The committed demo history (see seeds/history.generator.ts). */
export const DEMO_HISTORY_FILE = path.join(REPO_ROOT, 'data', 'demo-history.csv');

/** Loads data/demo-history.csv into `volumes` (an upsert per channel and day: idempotent). */
export const volumeHistoryStep: SeedStep = {
  name: 'volume history',
  history: true,
  async run(s) {
    return (await s.volumes.importFile(DEMO_HISTORY_FILE)).days;
  },
};

/**
 * Trains an AUTO model for every channel with history and no ACTIVE model yet (so a re-run
 * adds no versions), all channels at once in the worker pool. Two backtest origins instead
 * of four and the cheap models only (no Prophet, no Box-Cox variants) keep `npm start` on an
 * empty store quick; retrain for the full search.
 */
export const forecastModelsStep: SeedStep = {
  name: 'forecast models',
  history: true,
  async run(s) {
    const channels = await s.channels.listAll({ active: true });
    const trained = await Promise.all(
      channels.map(async (c) => {
        if ((await s.models.active(c.key)) || !(await s.volumes.lastDate(c.key))) return 0;
        await s.models.train(c.key, 'AUTO', null, { backtestOrigins: 2, quick: true });
        return 1;
      }),
    );
    return trained.reduce<number>((a, b) => a + b, 0);
  },
};
