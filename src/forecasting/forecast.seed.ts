import type { ChannelService } from '../channels/channel.service';
import type { SeedStep } from '../common/seed-step';
import { addDays } from '../common/calendar';
import type { VolumeService } from '../volumes/volume.service';
import type { ForecastService } from './forecast.service';
import type { ModelRegistryService } from './model-registry.service';
import { sum } from '../common/sum';

/** Weeks of demo history the seed generates. */
export const DEMO_HISTORY_WEEKS = 52;

/**
 * Loads 52 weeks of demo history (`historyCsv`: seeds/history.generator.ts, handed in by the
 * seed runner) ending on the Sunday before the seeded week, so forecasting and planning next
 * week always work; an upsert per channel and day: idempotent. data/demo-history.csv is the
 * same generator's committed sample.
 */
export const volumeHistorySeedStep = (
  volumes: VolumeService,
  historyCsv: (end: string, weeks: number) => string,
): SeedStep => ({
  name: 'volume history',
  history: true,
  async run(ctx) {
    const csv = historyCsv(addDays(ctx.anchorDate, -1), DEMO_HISTORY_WEEKS);
    return (await volumes.importCsv(csv, 'demo-history.csv')).days;
  },
});

/**
 * Trains an AUTO model for every channel with history and no ACTIVE model yet (so a re-run
 * adds no versions), all channels at once in the worker pool, with a four-week rolling
 * backtest: its errors calibrate the intervals per lead day (three other weeks for each
 * held-out week keep the reported coverage honest). The cheap models only (no Prophet, no
 * Box-Cox variants) keep `npm start` on an empty store quick; retrain for the full search.
 */
export const forecastModelsSeedStep = (
  channels: ChannelService,
  volumes: VolumeService,
  models: ModelRegistryService,
): SeedStep => ({
  name: 'forecast models',
  history: true,
  async run() {
    const active = await channels.listAll({ active: true });
    const trained = await Promise.all(
      active.map(async (c) => {
        if ((await models.active(c.key)) || !(await volumes.lastDate(c.key))) return 0;
        await models.train(c.key, 'AUTO', null, { backtestOrigins: 4, quick: true });
        return 1;
      }),
    );
    return sum(trained);
  },
});

/** The demo's forecast runs, as site-local days relative to the seeded Monday: [offset, days]. */
export const DEMO_FORECAST_RUNS: readonly (readonly [number, number])[] = [
  [-28, 28], // the four weeks before: forecast against actuals in the accuracy panel at once
  [0, 14], // the seeded week and the next: the forecast chart and staffing
];

/**
 * Runs each channel's ACTIVE model over DEMO_FORECAST_RUNS, so that a new demo site shows a
 * forecast, its staffing and its accuracy without a click. A period some run already covers
 * is skipped (a re-run adds nothing). Returns the number of runs stored.
 */
export const forecastRunsSeedStep = (
  channels: ChannelService,
  models: ModelRegistryService,
  forecasts: ForecastService,
): SeedStep => ({
  name: 'forecast runs',
  history: true,
  async run(ctx) {
    const active = await channels.listAll({ active: true });
    const stored = await Promise.all(
      active.map(async (c) => {
        if (!(await models.active(c.key))) return 0;
        let runs = 0;
        for (const [offset, days] of DEMO_FORECAST_RUNS) {
          const start = addDays(ctx.anchorDate, offset);
          if (await forecasts.coveringDays(c.key, start, days)) continue;
          await forecasts.run(c.key, start, days, null);
          runs++;
        }
        return runs;
      }),
    );
    return sum(stored);
  },
});
