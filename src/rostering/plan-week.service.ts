/**
 * `planWeek`: the whole pipeline in one roster job — forecast every active channel with its
 * active model (training one first when it has none), build the staffing requirement of the
 * week, then solve the roster. Progress goes over the same ROSTER_JOB_PROGRESS topic, with
 * the phases forecast → staffing → prepare → solve → store.
 */
import { DateTime } from 'luxon';
import type { Viewer } from '../auth/request-context';
import type { ChannelService } from '../channels/channel.service';
import { AppError } from '../errors';
import type { RosterJobDoc } from './roster.doc';
import type { RosterProblemSource } from './roster-problem-source';
import type { RequirementProvider, RosterJobOptions, RosterJobService } from './roster-job.service';

/** What the forecasting feature offers the planner (src/forecasting/forecasting-facade.ts). */
export interface ForecastProvider {
  /** Whether the channel has an ACTIVE model to forecast with. */
  hasActiveModel(channel: string): Promise<boolean>;
  /** Trains (and activates) a model for the channel; `kind` AUTO picks the best by backtest. */
  trainModel(channel: string, kind: string, viewer: Viewer | null): Promise<unknown>;
  /** Stores a forecast of `horizonDays` from `start` with the channel's active model. */
  runForecast(channel: string, start: Date, horizonDays: number, viewer: Viewer | null): Promise<unknown>;
}

export interface PlanWeekFeatures {
  channels: Pick<ChannelService, 'listActive'>;
  forecasting: ForecastProvider;
  staffing: RequirementProvider;
}

export class PlanWeekService {
  constructor(
    private readonly jobs: RosterJobService,
    private readonly source: RosterProblemSource,
    private readonly features: PlanWeekFeatures,
    private readonly timeZone: string,
  ) {}

  /** Starts the forecast → staffing → roster job of `week`; returns the job at once. */
  async planWeek(week: string, options: Partial<RosterJobOptions>, viewer: Viewer): Promise<RosterJobDoc> {
    const opts = await this.jobs.options(week, options);
    const { channels, forecasting, staffing } = this.features;
    return this.jobs.start('PLAN_WEEK', week, opts, viewer, async (ctx) => {
      await ctx.phase('forecast');
      const active = await channels.listActive();
      if (active.length === 0)
        throw new AppError('FAILED_PRECONDITION', 'There is no active channel to plan');
      const start = DateTime.fromISO(week, { zone: this.timeZone }).startOf('day').toJSDate();
      for (const channel of active) {
        if (!(await forecasting.hasActiveModel(channel.key))) {
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
