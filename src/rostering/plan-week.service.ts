/**
 * `planWeek`: the whole pipeline in one roster job — forecast every active channel with its
 * active model (training one first when it has none), build the staffing requirement of the
 * week, then solve the roster. Progress goes over the same ROSTER_JOB_PROGRESS topic, with
 * the phases forecast → staffing → prepare → solve → store.
 */
import { DateTime } from 'luxon';
import { CHANNELS, type ChannelDoc } from '../channels/channel.model';
import type { Viewer } from '../auth/request-context';
import { AppError } from '../errors';
import { MODELS, type ModelDoc } from '../forecasting/forecast.model';
import type { DocumentStore } from '../store/document-store';
import type { RosterJobDoc } from './roster-doc.model';
import type { RosterProblemSource } from './roster-problem.builder';
import type { RequirementProvider, RosterJobOptions, RosterJobService } from './roster-job.service';

/** What the forecasting feature offers the planner (src/forecasting/, issue 5). */
export interface ForecastProvider {
  /** Trains (and activates) a model for the channel; `kind` AUTO picks the best by backtest. */
  trainModel(channel: string, kind: string, viewer: Viewer | null): Promise<unknown>;
  /** Stores a forecast of `horizonDays` from `start` with the channel's active model. */
  runForecast(channel: string, start: Date, horizonDays: number, viewer: Viewer | null): Promise<unknown>;
}

/** The forecasting service when it offers both methods planWeek needs, else null. */
export function asForecastProvider(candidate: unknown): ForecastProvider | null {
  const c = candidate as Partial<Record<keyof ForecastProvider, unknown>> | null | undefined;
  return c && typeof c.trainModel === 'function' && typeof c.runForecast === 'function'
    ? (c as ForecastProvider)
    : null;
}

export class PlanWeekService {
  constructor(
    private readonly store: DocumentStore,
    private readonly jobs: RosterJobService,
    private readonly source: RosterProblemSource,
    private readonly forecasting: () => ForecastProvider | null,
    private readonly staffing: () => RequirementProvider | null,
    private readonly timeZone: string,
  ) {}

  /** Starts the forecast → staffing → roster job of `week`; returns the job at once. */
  async planWeek(week: string, options: Partial<RosterJobOptions>, viewer: Viewer): Promise<RosterJobDoc> {
    const opts = this.jobs.options(week, options);
    const forecasting = this.forecasting();
    const staffing = this.staffing();
    if (!forecasting || !staffing)
      throw new AppError(
        'FAILED_PRECONDITION',
        `planWeek needs the ${!forecasting ? 'forecasting' : 'staffing'} service, which is not available`,
      );
    return this.jobs.start('PLAN_WEEK', week, opts, viewer, async (ctx) => {
      await ctx.phase('forecast');
      const channels = await this.store
        .collection<ChannelDoc>(CHANNELS)
        .find({ active: true }, { sort: { key: 1 } });
      if (channels.length === 0)
        throw new AppError('FAILED_PRECONDITION', 'There is no active channel to plan');
      const start = DateTime.fromISO(week, { zone: this.timeZone }).startOf('day').toJSDate();
      for (const channel of channels) {
        const active = await this.store
          .collection<ModelDoc>(MODELS)
          .findOne({ channel: channel.key, status: 'ACTIVE' });
        if (!active) {
          await ctx.phase('forecast', `training a model for ${channel.key}`);
          await forecasting.trainModel(channel.key, 'AUTO', viewer);
        }
        await ctx.phase('forecast', `forecasting ${channel.key}`);
        await forecasting.runForecast(channel.key, start, 7, viewer);
      }
      await ctx.phase('staffing');
      const requirement = opts.requirement ?? (await staffing.requirementForWeek(week, opts.basis));
      await ctx.phase('prepare');
      return this.source.load(week, requirement, opts);
    });
  }
}
