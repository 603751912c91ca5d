import { addDays } from '../common/calendar';
import { randomUUID } from 'node:crypto';
import type { ChannelDoc } from '../channels/channel.model';
import type { ChannelService } from '../channels/channel.service';
import { AppError, notFound } from '../errors';
import type { Collection, DocumentStore } from '../store/document-store';
import { arrivalHours, type VolumeService } from '../volumes/volume.service';
import type { TaskRunner } from '../workers/task-runner';
import { taskFile } from '../workers/worker-pool';
import { autoOnPool, AutoTaskError, type PooledAuto } from './auto-pool.runner';
import { byMase, type ModelBacktest } from './backtest.runner';
import type {
  BacktestModelsInput,
  BacktestModelsOutput,
  FitAndForecastInput,
  FitAndForecastOutput,
  TaskError,
} from './forecast.task';
import { MODELS, type BacktestMetrics, type ModelDoc } from './forecast.model';
import {
  BASE_MODEL_KINDS,
  type BaseModelKind,
  type ModelKind,
  type ModelParams,
  type ModelSelection,
  type SeriesInput,
} from './forecast.types';
import type { FitModelOptions } from './forecaster.registry';
import type { HolidayEffect } from '../holidays/holiday-effect';
import { maskHolidayHistory } from './holiday-effects.core';
import { daysBetween, historySeries, type HistorySeries, type SeriesChannel } from './history-series';

export const FORECAST_TASK = 'forecasting/forecast.task';

/** The site's holiday calendar as forecasting reads it (the holidays feature provides it). */
export interface HolidayCalendar {
  between(
    from: string,
    to: string,
  ): Promise<{ date: string; effect: 'CLOSED' | 'FACTOR'; factor: number | null }[]>;
}

export interface RegistrySettings {
  timeZone: string;
  /** Past holidays are not fitted as normal days; days ahead get their effect. */
  holidays?: HolidayCalendar;
  /** Weeks of history a model is trained (and refitted) on (default 12). */
  trainingWeeks?: number;
  /** Rolling-origin backtest origins (default 4, one week each). */
  backtestOrigins?: number;
}

/**
 * AUTO considers ARIMA only when a day has at most this many intervals: SARIMA with one
 * season of 96 (15-minute data) takes ~9 s per fit and lost to weekly seasonal naive on
 * intraday contact-centre series (see NOTES.md). Asking for ARIMA explicitly still works.
 */
export const AUTO_ARIMA_MAX_SLOTS_PER_DAY = 24;
/**
 * AUTO considers Prophet up to 30-minute data: on 15-minute data its Stan fit takes seconds
 * per origin and it never won on the intraday benchmark series. Asking for PROPHET still works.
 */
export const AUTO_PROPHET_MAX_SLOTS_PER_DAY = 48;

export const seriesChannel = (c: ChannelDoc): SeriesChannel => ({
  key: c.key,
  intervalMinutes: c.intervalMinutes,
  openingHours: arrivalHours(c),
});

/** A worker task failure as a coded error: fit failures and unusable history are FAILED_PRECONDITION. */
export function taskFailure(channel: string, error: TaskError): AppError {
  if (error.code === 'MODEL_FIT_FAILED')
    return new AppError('FAILED_PRECONDITION', `MODEL_FIT_FAILED: ${error.message}`, [
      { field: 'kind', message: `MODEL_FIT_FAILED${error.kind ? ` (${error.kind})` : ''}` },
    ]);
  return new AppError(
    'FAILED_PRECONDITION',
    `channel ${channel}: the history cannot be modelled: ${error.message}`,
    [{ field: 'channel', message: error.message }],
  );
}

const toMetrics = (m: ModelBacktest, horizon: number, origins: number): BacktestMetrics | null =>
  m.metrics
    ? {
        mase: m.metrics.mase,
        smape: m.metrics.smape,
        wape: m.metrics.wape,
        rmse: m.metrics.rmse,
        coverage80: m.metrics.coverage80,
        coverage95: m.metrics.coverage95,
        origins,
        horizon,
      }
    : null;

/** Fit options that reproduce a stored model on new data: same kind, orders, members and calibration. */
export function refitOptions(params: ModelParams): FitModelOptions {
  const options: FitModelOptions = {};
  if (params.calibration) options.calibration = params.calibration;
  if (params.boxCoxLambda !== undefined) options.boxCox = params.boxCoxLambda;
  const details = params.details ?? {};
  if (params.kind === 'ENSEMBLE' && Array.isArray(details.members)) {
    const members = details.members as { kind: BaseModelKind; boxCoxLambda?: number }[];
    const weights = details.weights as number[] | undefined;
    options.ensemble = {
      members: members.map((m) => m.kind),
      ...(Array.isArray(weights) && weights.length === members.length ? { weights } : {}),
      boxCox: members.map((m) => m.boxCoxLambda ?? 'none'),
    };
  }
  if (params.kind === 'ARIMA') {
    const order = details.order as [number, number, number] | undefined;
    const seasonalOrder = details.seasonalOrder as [number, number, number] | undefined;
    options.arima = {
      auto: false,
      ...(order ? { order } : {}),
      ...(seasonalOrder ? { seasonalOrder } : {}),
      ...(params.periods[0] ? { period: params.periods[0] } : {}),
      ...(details.transform === 'log' ? { transform: 'log' as const } : {}),
    };
  }
  return options;
}

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
  async history(channel: ChannelDoc, end: string): Promise<HistorySeries> {
    const from = addDays(end, -7 * this.trainingWeeks);
    const buckets = await this.volumes.buckets(channel.key, from, addDays(end, -1));
    if (buckets.length === 0)
      throw new AppError(
        'FAILED_PRECONDITION',
        `channel ${channel.key} has no volumes before ${end}: import history first`,
        [{ field: 'channel', message: 'no history' }],
      );
    const first = buckets[0]!.date;
    const series = historySeries(buckets, seriesChannel(channel), first, end, this.settings.timeZone);
    const past = await this.holidaysBetween(first, end);
    if (past.length === 0) return series;
    const masked = maskHolidayHistory(
      series.values,
      series.open,
      past.map((h) => daysBetween(first, h.date)),
      series.slotsPerDay,
    );
    return { ...series, ...masked };
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
    options: {
      backtestOrigins?: number;
      /** AUTO over the cheap models only (no Prophet, no Box-Cox variants), e.g. for seeding. */
      quick?: boolean;
    } = {},
  ): Promise<ModelDoc> {
    const channel = await this.channels.requireByKey(channelKey);
    const last = await this.volumes.lastDate(channel.key);
    if (!last)
      throw new AppError(
        'FAILED_PRECONDITION',
        `channel ${channel.key} has no volumes: import history first`,
        [{ field: 'channel', message: 'no history' }],
      );
    const end = addDays(last, 1);
    const series = await this.history(channel, end);
    const slots = series.slotsPerDay;
    const kinds: BaseModelKind[] =
      selection === 'AUTO' || selection === 'ENSEMBLE'
        ? BASE_MODEL_KINDS.filter(
            (k) =>
              (k !== 'ARIMA' || slots <= AUTO_ARIMA_MAX_SLOTS_PER_DAY) &&
              (k !== 'PROPHET' || (slots <= AUTO_PROPHET_MAX_SLOTS_PER_DAY && !options.quick)),
          )
        : [selection];
    const input = { values: series.values, periods: series.periods, open: series.open };
    if (selection === 'AUTO')
      return this.trainAuto(
        channel,
        series,
        input,
        { kinds, origins: options.backtestOrigins ?? this.backtestOrigins, boxCox: !options.quick },
        createdBy,
      );
    const bt = await this.workers.run<BacktestModelsInput, BacktestModelsOutput>(
      taskFile(FORECAST_TASK),
      'backtestModels',
      {
        series: input,
        options: {
          stepMinutes: channel.intervalMinutes,
          origins: options.backtestOrigins ?? this.backtestOrigins,
          kinds,
          ensembleSize: selection === 'ENSEMBLE' ? 2 : 0,
        },
      },
    );
    if (!bt.ok) throw taskFailure(channel.key, bt.error);
    const { report } = bt;
    const origins = report.origins.length;
    const eligible = report.models.filter((m) => m.ok && m.kind === selection).sort(byMase);
    if (eligible.length === 0) {
      const failed = report.models.find((m) => m.kind === selection);
      throw taskFailure(channel.key, {
        code: 'MODEL_FIT_FAILED',
        message: failed?.failure ?? `${selection} could not be backtested`,
        kind: selection as ModelKind,
      });
    }
    let lastError: TaskError | null = null;
    for (const candidate of eligible) {
      const fit = await this.workers.run<FitAndForecastInput, FitAndForecastOutput>(
        taskFile(FORECAST_TASK),
        'fitAndForecast',
        {
          series: input,
          model: candidate.kind,
          horizon: 1,
          options: {
            ...(candidate.calibration ? { calibration: candidate.calibration } : {}),
            ...(candidate.members ? { ensemble: { members: candidate.members } } : {}),
          },
        },
      );
      if (!fit.ok) {
        if (fit.error.code !== 'MODEL_FIT_FAILED') throw taskFailure(channel.key, fit.error);
        lastError = fit.error;
        continue;
      }
      const doc: Omit<ModelDoc, '_id' | 'version'> = {
        channel: channel.key,
        kind: fit.kind,
        params: { ...fit.params, selection } as unknown as Record<string, unknown>,
        trainingWindow: {
          from: new Date(`${series.from}T00:00:00Z`),
          to: new Date(`${series.to}T00:00:00Z`),
          points: series.values.length,
        },
        intervalMinutes: channel.intervalMinutes,
        metrics: toMetrics(candidate, report.horizon, origins)!,
        candidates: report.models.map((m) => ({
          kind: m.kind,
          metrics: toMetrics(m, report.horizon, origins),
          error: m.failure ?? null,
        })),
        status: 'INACTIVE',
        createdAt: new Date(),
        createdBy,
        activatedAt: null,
      };
      return this.store(doc);
    }
    throw taskFailure(channel.key, lastError!);
  }

  /**
   * AUTO: the candidates (each model raw and with Box-Cox) are backtested in parallel on the
   * pool; one more task joins them (top-3 combination, choice within the backtest noise) and
   * fits the choice on the whole window.
   */
  private async trainAuto(
    channel: ChannelDoc,
    series: HistorySeries,
    input: SeriesInput,
    search: { kinds: BaseModelKind[]; origins: number; boxCox: boolean },
    createdBy: string | null,
  ): Promise<ModelDoc> {
    const options = { stepMinutes: channel.intervalMinutes, ...search };
    let auto: PooledAuto;
    try {
      auto = await autoOnPool(this.workers, input, 1, options);
    } catch (e) {
      if (e instanceof AutoTaskError) throw taskFailure(channel.key, e.task);
      throw e;
    }
    const { report } = auto;
    const chosen = report.candidates.find((c) => c.label === auto.label) ?? report.candidates[report.chosen];
    const count = report.origins.length;
    return this.store({
      channel: channel.key,
      kind: auto.kind,
      params: { ...auto.params, selection: 'AUTO', label: auto.label } as unknown as Record<string, unknown>,
      trainingWindow: {
        from: new Date(`${series.from}T00:00:00Z`),
        to: new Date(`${series.to}T00:00:00Z`),
        points: series.values.length,
      },
      intervalMinutes: channel.intervalMinutes,
      metrics: toMetrics(chosen, report.horizon, count)!,
      candidates: report.candidates.map((m) => ({
        kind: m.kind,
        metrics: toMetrics(m, report.horizon, count),
        error: m.failure ?? (m.pruned ? `stopped after the newest origin (${m.label})` : null),
      })),
      status: 'INACTIVE',
      createdAt: new Date(),
      createdBy,
      activatedAt: null,
    });
  }

  /** Stores a new version; the channel's first becomes ACTIVE. */
  private async store(doc: Omit<ModelDoc, '_id' | 'version'>): Promise<ModelDoc> {
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
  private async insertVersion(doc: Omit<ModelDoc, '_id' | 'version'>): Promise<ModelDoc> {
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
