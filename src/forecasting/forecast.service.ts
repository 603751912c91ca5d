import { DateTime } from 'luxon';
import { addDays, assertDateArgument } from '../common/calendar';
import { type Connected, toConnection } from '../common/connection';
import { type PageRequest, paginate } from '../common/pagination';
import { AppError, badInput, notFound } from '../errors';
import { createLocalClock } from '../volumes/volume-calendar';
import type { EventBus } from '../events/pubsub';
import { TOPIC, type ForecastUpdatedEvent } from '../events/topics';
import type { ChannelService } from '../channels/channel.service';
import type { Collection, DocumentStore } from '../store/document-store';
import type { VolumeService } from '../volumes/volume.service';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { FORECASTS, type ForecastDoc, type ModelDoc } from './forecast.doc';
import type { ForecastPoint, ForecastRun, PredictionBands } from './forecast.types';
import { applyHolidaysToPoints, forecastPoints, runDocument } from './forecast-run';
import type { FitAndForecastInput, FitAndForecastOutput } from './forecast.task';
import type { ForecastResult, SeriesInput } from './forecast.types';
import { arrivalEffects, dayHolidaySpans } from './holiday-effects.core';
import { daysBetween, futureGrid, seriesInput, type FutureGrid } from './history-series';
import type { ModelRegistryService } from './model-registry.service';
import { refitOptions } from './model-refit-options';
import { taskFailure } from './model-task-failure';
import { FORECAST_TASK } from './model-training-options';
import { seriesChannel } from './series-channel';
import { sum } from '../common/sum';

/** Longest forecast, and the longest gap allowed between the last history and the start. */
export const MAX_HORIZON_DAYS = 56;
export const MAX_GAP_DAYS = 28;

export interface DailyTotal extends PredictionBands {
  /** Site-local day. */
  date: string;
}

/**
 * Per site-local day: the sum of the interval means, with an interval of its own from the
 * model's backtested daily-total errors `q` = [q2.5, q10, q90, q97.5] of (Y − M)/√(M + 1):
 * bound = M + q·√(M + 1), clipped at 0. A closed day stays 0. Without them (older models):
 * sums of the interval bounds, a conservative band.
 */
export function dailyTotals(
  points: ForecastPoint[],
  timeZone: string,
  q?: readonly [number, number, number, number] | null,
): DailyTotal[] {
  const days = new Map<string, DailyTotal>();
  const localTime = createLocalClock(timeZone);
  for (const p of points) {
    const { date } = localTime(p.t);
    let d = days.get(date);
    if (!d) days.set(date, (d = { date, mean: 0, lo80: 0, hi80: 0, lo95: 0, hi95: 0 }));
    d.mean += p.mean;
    d.lo80 += p.lo80;
    d.hi80 += p.hi80;
    d.lo95 += p.lo95;
    d.hi95 += p.hi95;
  }
  const list = [...days.values()];
  if (!q) return list;
  return list.map((d) => {
    if (d.hi95 === 0) return d; // a closed day: nothing can arrive
    const s = Math.sqrt(Math.max(d.mean, 0) + 1);
    const at = (k: number): number => Math.max(d.mean + q[k] * s, 0);
    return { date: d.date, mean: d.mean, lo95: at(0), lo80: at(1), hi80: at(2), hi95: at(3) };
  });
}

/**
 * The whole run's total: the sum of the daily means; each bound's distance from the mean is
 * the root sum of squares of the daily distances (daily errors taken as independent).
 */
export function periodTotal(days: readonly DailyTotal[]): PredictionBands {
  const mean = sum(days, (d) => d.mean);
  const rss = (f: (d: DailyTotal) => number): number => Math.sqrt(sum(days, (d) => f(d) ** 2));
  return {
    mean,
    lo95: Math.max(mean - rss((d) => d.mean - d.lo95), 0),
    lo80: Math.max(mean - rss((d) => d.mean - d.lo80), 0),
    hi80: mean + rss((d) => d.hi80 - d.mean),
    hi95: mean + rss((d) => d.hi95 - d.mean),
  };
}

function checkHorizonDays(horizonDays: number): void {
  if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS)
    throw badInput(`horizonDays must be an integer in [1, ${MAX_HORIZON_DAYS}], got ${horizonDays}`, [
      { field: 'horizonDays', message: `must be in [1, ${MAX_HORIZON_DAYS}]` },
    ]);
}

/**
 * Forecast runs: refits the channel's ACTIVE model (kind, orders, members, calibration as
 * stored) on the history up to `start`, forecasts `horizonDays` local days in the worker
 * pool, forces closed intervals to zero, applies the holiday calendar (CLOSED days 0 for a
 * LIVE channel, factor days scaled: `arrivalEffects`), stores the run and then announces it.
 */
export class ForecastService {
  private readonly forecasts: Collection<ForecastDoc>;

  constructor(
    store: DocumentStore,
    private readonly channels: ChannelService,
    private readonly volumes: VolumeService,
    private readonly registry: ModelRegistryService,
    private readonly workers: TaskRunner,
    private readonly events: EventBus,
    readonly timeZone: string,
  ) {
    this.forecasts = store.collection<ForecastDoc>(FORECASTS);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store
      .collection<ForecastDoc>(FORECASTS)
      .createIndex({ keys: { channel: 1, createdAt: -1 }, name: 'channel_created' });
  }

  async run(
    channelKey: string,
    start: string,
    horizonDays: number,
    createdBy: string | null,
  ): Promise<ForecastDoc> {
    assertDateArgument('start', start);
    checkHorizonDays(horizonDays);
    const channel = await this.channels.requireByKey(channelKey);
    const { historyEnd, gapDays } = await this.historyBefore(channel.key, start);
    const model =
      (await this.registry.active(channel.key)) ??
      (await this.registry.train(channel.key, 'AUTO', createdBy));
    const series = await this.registry.history(channel, historyEnd);
    const grid = futureGrid(seriesChannel(channel), historyEnd, gapDays + horizonDays, this.timeZone);
    const ahead = await this.registry.holidaysBetween(historyEnd, addDays(start, horizonDays));
    const aheadSpans = dayHolidaySpans(
      ahead.map((h) => daysBetween(series.from, h.date)),
      series.slotsPerDay,
    );
    const forecast = await this.fitAndForecast(channel.key, seriesInput(series, aheadSpans), model, grid);
    const skip = gapDays * series.slotsPerDay;
    const points = forecastPoints(grid, forecast, skip);
    applyHolidaysToPoints(points, grid, skip, arrivalEffects(channel.kind, ahead));
    const doc = runDocument({ channel, model, series, start, horizonDays, points, createdBy }, this.timeZone);
    await this.forecasts.insertOne(doc);
    this.events.publish(TOPIC.FORECAST_UPDATED, doc.channel, this.event(doc, model));
    return doc;
  }

  async require(id: string): Promise<ForecastRun> {
    const doc = await this.forecasts.findById(id);
    if (!doc) throw notFound('Forecast', id);
    return doc;
  }

  /** A channel's runs, newest first, a page at a time. */
  async list(channel: string, page: PageRequest): Promise<Connected<ForecastRun>> {
    return toConnection(
      await paginate(this.forecasts, { channel }, { field: 'createdAt', direction: -1 }, page),
    );
  }

  latest(channel: string): Promise<ForecastRun | null> {
    return this.forecasts.findOne({ channel }, { sort: { createdAt: -1, _id: -1 } });
  }

  /** The most recently created run of a channel covering the `days` site-local days from `start`, or null. */
  coveringDays(channel: string, start: string, days: number): Promise<ForecastRun | null> {
    const from = DateTime.fromISO(start, { zone: this.timeZone }).startOf('day');
    return this.covering(channel, from.toJSDate(), from.plus({ days }).startOf('day').toJSDate());
  }

  /** The most recently created run of a channel covering all of [from, to], or null. */
  covering(channel: string, from: Date, to: Date): Promise<ForecastRun | null> {
    return this.forecasts.findOne(
      { channel, start: { $lte: from }, end: { $gte: to } },
      { sort: { createdAt: -1 } },
    );
  }

  /**
   * The newest `limit` runs of a channel whose period overlaps [from, to) (UTC instants),
   * oldest start first.
   */
  async overlapping(channel: string, from: Date, to: Date, limit: number): Promise<ForecastRun[]> {
    const newest = await this.forecasts.find(
      { channel, start: { $lt: to }, end: { $gt: from } },
      { sort: { start: -1, createdAt: -1 }, limit },
    );
    return newest.reverse();
  }

  dailyTotals(doc: ForecastRun): DailyTotal[] {
    return dailyTotals(doc.points, this.timeZone, doc.totals);
  }

  /** The run's total over all its days, with its own interval (see periodTotal). */
  total(doc: ForecastRun): DailyTotal {
    return { date: this.dailyTotals(doc)[0]?.date ?? '', ...periodTotal(this.dailyTotals(doc)) };
  }

  /** The end of the history before `start` and the days from it to `start` (at most MAX_GAP_DAYS). */
  private async historyBefore(
    channel: string,
    start: string,
  ): Promise<{ historyEnd: string; gapDays: number }> {
    const last = await this.volumes.lastDate(channel, start);
    if (!last)
      throw new AppError('FAILED_PRECONDITION', `channel ${channel} has no volumes before ${start}`, [
        { field: 'start', message: 'no history before start' },
      ]);
    const historyEnd = addDays(last, 1);
    const gapDays = daysBetween(historyEnd, start);
    if (gapDays > MAX_GAP_DAYS)
      throw new AppError(
        'FAILED_PRECONDITION',
        `channel ${channel}: the history ends on ${last}, more than ${MAX_GAP_DAYS} days before ${start}`,
        [{ field: 'start', message: `history ends ${last}` }],
      );
    return { historyEnd, gapDays };
  }

  /** Refits the model as stored on the history and forecasts the grid's slots in the worker pool. */
  private async fitAndForecast(
    channel: string,
    series: SeriesInput,
    model: ModelDoc,
    grid: FutureGrid,
  ): Promise<ForecastResult> {
    const result = await this.workers.run<FitAndForecastInput, FitAndForecastOutput>(
      taskFile(FORECAST_TASK),
      'fitAndForecast',
      {
        series,
        model: model.kind,
        horizon: grid.open.length,
        futureOpen: grid.open,
        options: refitOptions(model.params),
      },
    );
    if (!result.ok) throw taskFailure(channel, result.error);
    return result.forecast;
  }

  private event(doc: ForecastDoc, model: ModelDoc): ForecastUpdatedEvent {
    return {
      forecastId: doc._id,
      channel: doc.channel,
      modelId: model._id,
      modelKind: model.kind,
      start: doc.start,
      intervalMinutes: doc.intervalMinutes,
      dailyTotals: this.dailyTotals(doc),
    };
  }
}
