import type { ChannelSpec } from '../../../src/channels/channel.service';
import type { Services } from '../../../src/server/services';
import { closeServices, servicesFor } from '../staff/services.fixture';
import { HOURLY, historyCsv, seedHistory } from './forecast-fixtures';

/**
 * A DEFERRED channel takes arrivals around the clock, but its history holds values only in
 * business hours (as the demo's outbound channels): the night slots are imputed 0 for the
 * models. Accuracy scores the stored actuals only, so the run's MASE scale must come from the
 * stored values too; from every open slot it was 10/24 of theirs and every run read as
 * drifting at 2.4 × its backtest MASE.
 */
const TASKS: ChannelSpec = {
  ...HOURLY,
  key: 'tasks',
  name: 'Tasks',
  kind: 'DEFERRED',
  responseHours: 24,
  requiredSkill: 'tasks',
};

describe('forecast accuracy of a channel with values in business hours only', () => {
  let services: Services;
  beforeAll(async () => {
    services = await servicesFor();
    await seedHistory(services, [{ spec: TASKS, from: '2026-01-05', to: '2026-03-02' }]);
  });
  afterAll(() => closeServices(services));

  it('scores a run on the same slots its MASE scale was measured on: no false drift', async () => {
    const model = await services.models.train('tasks', 'MSTL', null);
    await services.forecasts.run('tasks', '2026-03-02', 7, null);
    await services.volumes.importCsv(historyCsv(TASKS, '2026-03-02', '2026-03-05', { seed: 99 }));
    const report = await services.forecastAccuracy.report('tasks', '2026-03-02', '2026-03-04');
    const [run] = report.runs;
    expect(run!.metrics.n).toBe(3 * 10);
    expect(model.metrics.mase).toBeGreaterThan(0);
    expect(run!.metrics.mase).toBeLessThan(1.5 * model.metrics.mase);
    expect(run!.metrics.mase).toBeGreaterThan(model.metrics.mase / 1.5);
    expect(run!.drift).toBe(false);
  });
});
