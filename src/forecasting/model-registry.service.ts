import { addDays } from '../common/calendar';
import { randomUUID } from 'node:crypto';
import type { Channel } from '../channels/channel.types';
import type { ChannelService } from '../channels/channel.service';
import { AppError, notFound } from '../errors';
import type { Collection, DocumentStore } from '../store/document-store';
import type { VolumeService } from '../volumes/volume.service';
import type { TaskRunner } from '../workers/task-runner';
import { MODELS, type ModelDoc } from './forecast.doc';
import type { ModelSelection } from './forecast.types';
import { daysBetween, historySeries, seriesInput, type HistorySeries } from './history-series';
import type { HolidayEffect } from '../holidays/holiday-effect';
import { dayHolidaySpans, maskHolidayHistory } from './holiday-effects.core';
import {
  checkBoxCoxChoice,
  trainingKinds,
  type RegistrySettings,
  type TrainOptions,
} from './model-training-options';
import { trainAuto, trainKind, type TrainingJob } from './model-training-steps';
import type { NewModelVersion } from './model-version.doc';
import { versionDoc } from './model-version';
import { seriesChannel } from './series-channel';

/**
 * The model registry: every training writes a new version of the channel's model (kind,
 * params, training window, backtest metrics of the chosen model and of every candidate).
 * Exactly one version per channel is ACTIVE; forecasts use it. Fits and backtests run in
 * the worker pool, never on the event loop.
 */
export class ModelRegistryService {
  private readonly models: Collection<ModelDoc>;
  private readonly trainingWeeks: number;
  private readonly backtestOrigins: number;

  constructor(
    store: DocumentStore,
    private readonly channels: ChannelService,
    private readonly volumes: VolumeService,
    private readonly workers: TaskRunner,
    private readonly settings: RegistrySettings,
  ) {
    this.models = store.collection<ModelDoc>(MODELS);
    this.trainingWeeks = settings.trainingWeeks ?? 12;
    this.backtestOrigins = settings.backtestOrigins ?? 4;
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    const models = store.collection<ModelDoc>(MODELS);
    await models.createIndex({ keys: { channel: 1, version: 1 }, unique: true, name: 'channel_version' });
    await models.createIndex({ keys: { channel: 1, status: 1 }, name: 'channel_status' });
  }

  /** The channel's history series of `trainingWeeks` weeks ending before `end` (exclusive local day). */
  async history(channel: Channel, end: string): Promise<HistorySeries> {
    const from = addDays(end, -7 * this.trainingWeeks);
    const buckets = await this.volumes.buckets(channel.key, from, addDays(end, -1));
    if (buckets.length === 0)
      throw new AppError(
        'FAILED_PRECONDITION',
        `channel ${channel.key} has no volumes before ${end}: import history first`,
        [{ field: 'channel', message: 'no history' }],
      );
    const first = buckets[0].date;
    const series = historySeries(buckets, seriesChannel(channel), first, end, this.settings.timeZone);
    const past = await this.holidaysBetween(first, end);
    if (past.length === 0) return series;
    const days = past.map((h) => daysBetween(first, h.date));
    const masked = maskHolidayHistory(series.values, series.open, days, series.slotsPerDay);
    // a holiday's slots are closed now, and their values a week's: no longer measured
    const holidayDays = new Set(days);
    const measured = series.measured.map((m, i) => m && !holidayDays.has(Math.floor(i / series.slotsPerDay)));
    return { ...series, ...masked, measured, holidays: dayHolidaySpans(days, series.slotsPerDay) };
  }

  /** The calendar's effects on [from, to) by date (empty without a calendar). */
  async holidaysBetween(from: string, to: string): Promise<{ date: string; effect: HolidayEffect }[]> {
    const entries = (await this.settings.holidays?.between(from, to)) ?? [];
    return entries.map((h) => ({
      date: h.date,
      effect:
        h.effect === 'CLOSED'
          ? { kind: 'CLOSED' as const }
          : { kind: 'FACTOR' as const, factor: h.factor ?? 1 },
    }));
  }

  /**
   * Trains a new version: backtests the candidates (AUTO: every model, ARIMA only on hourly
   * or coarser data; a kind: that kind against seasonal naive), fits the chosen one on the
   * whole window with interval calibration from its backtest, and stores it. The channel's
   * first model becomes ACTIVE. A model that cannot be fitted writes nothing.
   */
  async train(
    channelKey: string,
    selection: ModelSelection,
    createdBy: string | null,
    options: TrainOptions = {},
  ): Promise<ModelDoc> {
    checkBoxCoxChoice(selection, options.boxCox);
    const channel = await this.channels.requireByKey(channelKey);
    const series = await this.history(channel, await this.historyEnd(channel));
    const job: TrainingJob = {
      workers: this.workers,
      channel: channel.key,
      stepMinutes: channel.intervalMinutes,
      input: seriesInput(series),
      kinds: trainingKinds(selection, series.slotsPerDay, options.quick),
      origins: options.backtestOrigins ?? this.backtestOrigins,
      ...(options.boxCox !== undefined ? { boxCox: options.boxCox } : {}),
    };
    const trained =
      selection === 'AUTO' ? await trainAuto(job, !options.quick) : await trainKind(job, selection);
    return this.store(versionDoc(channel, series, trained, createdBy));
  }

  /** The local day after the channel's last volume (training history ends before it). */
  private async historyEnd(channel: Channel): Promise<string> {
    const last = await this.volumes.lastDate(channel.key);
    if (!last)
      throw new AppError(
        'FAILED_PRECONDITION',
        `channel ${channel.key} has no volumes: import history first`,
        [{ field: 'channel', message: 'no history' }],
      );
    return addDays(last, 1);
  }

  /** Stores a new version; the channel's first becomes ACTIVE. */
  private async store(doc: NewModelVersion): Promise<ModelDoc> {
    const stored = await this.insertVersion(doc);
    if ((await this.models.count({ channel: doc.channel, status: 'ACTIVE' })) === 0)
      return this.activate(stored._id);
    return stored;
  }

  /** Makes the version the channel's only ACTIVE one (rollback = activating an older one), atomically. */
  async activate(id: string): Promise<ModelDoc> {
    const model = await this.require(id);
    const now = new Date();
    await this.models.bulkWrite([
      {
        update: {
          filter: { channel: model.channel, status: 'ACTIVE', _id: { $ne: id } },
          update: { $set: { status: 'INACTIVE' } },
          multi: true,
        },
      },
      { update: { filter: { _id: id }, update: { $set: { status: 'ACTIVE', activatedAt: now } } } },
    ]);
    return this.require(id);
  }

  /** Versions of a channel, newest first. */
  list(channel: string): Promise<ModelDoc[]> {
    return this.models.find({ channel }, { sort: { version: -1 } });
  }

  active(channel: string): Promise<ModelDoc | null> {
    return this.models.findOne({ channel, status: 'ACTIVE' });
  }

  findById(id: string): Promise<ModelDoc | null> {
    return this.models.findById(id);
  }

  async require(id: string): Promise<ModelDoc> {
    const doc = await this.models.findById(id);
    if (!doc) throw notFound('Model', id);
    return doc;
  }

  /** Inserts with the next version number; a concurrent training taking it makes this retry. */
  private async insertVersion(doc: NewModelVersion): Promise<ModelDoc> {
    for (let attempt = 0; ; attempt++) {
      const latest = await this.models.findOne({ channel: doc.channel }, { sort: { version: -1 } });
      try {
        return await this.models.insertOne({
          _id: randomUUID(),
          version: (latest?.version ?? 0) + 1,
          ...doc,
        });
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'CONFLICT') || attempt >= 4) throw e;
      }
    }
  }
}
