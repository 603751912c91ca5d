import { DateTime } from 'luxon';
import type { Viewer } from '../auth/request-context';
import { localDateOf } from '../common/time-zone';
import { badInput } from '../errors';
import type { ModelDoc } from './forecast.doc';
import type { ForecastService } from './forecast.service';
import { MODEL_KINDS, type ForecastRun, type ModelSelection } from './forecast.types';
import type { ModelRegistryService } from './model-registry.service';

/** The forecasting entry points other features call (planWeek): train and run, by channel key. */
export class ForecastingFacade {
  constructor(
    private readonly registry: ModelRegistryService,
    private readonly forecasts: ForecastService,
  ) {}

  async hasActiveModel(channel: string): Promise<boolean> {
    return (await this.registry.active(channel)) !== null;
  }

  trainModel(channel: string, kind: string, viewer: Viewer | null): Promise<ModelDoc> {
    const selection = kind as ModelSelection;
    if (selection !== 'AUTO' && !MODEL_KINDS.includes(selection))
      throw badInput(`kind must be one of AUTO, ${MODEL_KINDS.join(', ')}, got ${kind}`, [
        { field: 'kind', message: 'unknown model' },
      ]);
    return this.registry.train(channel, selection, viewer?.userId ?? null);
  }

  /** `start`: a site-local date, or an instant whose local date is used. */
  runForecast(
    channel: string,
    start: Date | string,
    horizonDays: number,
    viewer: Viewer | null,
  ): Promise<ForecastRun> {
    const date =
      typeof start === 'string'
        ? start
        : localDateOf(DateTime.fromJSDate(start, { zone: this.forecasts.timeZone }), 'start');
    return this.forecasts.run(channel, date, horizonDays, viewer?.userId ?? null);
  }
}
