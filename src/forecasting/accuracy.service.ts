import type { Channel } from '../channels/channel.types';
import type { ChannelService } from '../channels/channel.service';
import { openMask } from '../volumes/opening-hours-mask';
import { dayBounds } from '../volumes/volume-calendar';
import { arrivalHours, checkRange, type VolumeService } from '../volumes/volume.service';
import { accuracy, isDrift, type AccuracyMetrics } from './accuracy-metrics';
import type { ForecastPoint, ForecastRun } from './forecast.types';
import type { ModelDoc } from './forecast.doc';
import type { ForecastService } from './forecast.service';
import type { ModelRegistryService } from './model-registry.service';
import { sum } from '../common/sum';

/** Runs a report scores at most: the newest that overlap its range. */
export const MAX_ACCURACY_RUNS = 100;

/** Forecast minus actual over the scored intervals (positive: over-forecast). */
export interface Bias {
  actualTotal: number;
  forecastTotal: number;
  /** Mean of forecast − actual per interval. */
  meanError: number;
  /** (forecast total − actual total) / actual total × 100; NaN when nothing arrived. */
  percentOfActual: number;
}

export interface DayAccuracy {
  date: string;
  metrics: AccuracyMetrics;
  /** Actual vs forecast totals of the day. */
  bias: Bias;
}

export interface RunAccuracy {
  forecastId: string;
  modelId: string;
  modelKind: string;
  start: Date;
  end: Date;
  createdAt: Date;
  /** Scored over the run's open intervals in [from, to] that now have actuals. */
  metrics: AccuracyMetrics;
  bias: Bias;
  days: DayAccuracy[];
  /** The model's backtest errors (null when the model was deleted). */
  backtestWape: number | null;
  backtestMase: number | null;
  /** WAPE or MASE above the backtest's × FORECAST_DRIFT_FACTOR, or |bias| above BIAS_DRIFT_PERCENT. */
  drift: boolean;
}

export interface AccuracyReport {
  channel: string;
  from: string;
  to: string;
  driftFactor: number;
  /** The most recent run (latest start) with actuals drifts. */
  drift: boolean;
  runs: RunAccuracy[];
}

interface Scored {
  actual: number[];
  points: ForecastPoint[];
  date: string[];
}

/** Actual value and site-local date per interval start (epoch milliseconds). */
type Actuals = Map<number, { value: number; date: string }>;

/**
 * Accuracy tracking: scores every stored forecast of a channel against the actuals that
 * have arrived since, per run and per site-local day, on open intervals with a value.
 */
export class AccuracyService {
  constructor(
    private readonly channels: ChannelService,
    private readonly volumes: VolumeService,
    private readonly forecasts: ForecastService,
    private readonly registry: ModelRegistryService,
    private readonly settings: { timeZone: string; driftFactor: number },
  ) {}

  async report(channelKey: string, from: string, to: string): Promise<AccuracyReport> {
    checkRange(from, to);
    const { timeZone, driftFactor } = this.settings;
    const channel = await this.channels.requireByKey(channelKey);
    const fromAt = new Date(dayBounds(from, timeZone).start);
    const toAt = new Date(dayBounds(to, timeZone).end);
    const runs = await this.forecasts.overlapping(channel.key, fromAt, toAt, MAX_ACCURACY_RUNS);
    const actuals = await this.actualsByInterval(channel, from, to);
    const models = new Map<string, ModelDoc | null>();
    const result: RunAccuracy[] = [];
    for (const run of runs) {
      const scored = this.score(run, actuals, fromAt, toAt);
      if (scored.actual.length === 0) continue;
      if (!models.has(run.modelId)) models.set(run.modelId, await this.registry.findById(run.modelId));
      result.push(runAccuracy(run, scored, models.get(run.modelId) ?? null, driftFactor));
    }
    return { channel: channel.key, from, to, driftFactor, drift: latestDrift(result), runs: result };
  }

  /** The actual value and site-local date per interval start, on open intervals with a value. */
  private async actualsByInterval(channel: Channel, from: string, to: string): Promise<Actuals> {
    const { timeZone } = this.settings;
    const buckets = await this.volumes.buckets(channel.key, from, to);
    const hours = arrivalHours(channel);
    const actuals: Actuals = new Map();
    for (const b of buckets) {
      if (b.intervalMinutes !== channel.intervalMinutes) continue;
      const { start } = dayBounds(b.date, timeZone);
      const open = openMask(b.date, b.intervalMinutes, timeZone, hours);
      b.values.forEach((v, i) => {
        if (v !== null && open[i])
          actuals.set(start + i * b.intervalMinutes * 60_000, { value: v, date: b.date });
      });
    }
    return actuals;
  }

  private score(run: ForecastRun, actuals: Actuals, from: Date, to: Date): Scored {
    const out: Scored = { actual: [], points: [], date: [] };
    for (const p of run.points) {
      const t = p.t.getTime();
      if (t < from.getTime() || t >= to.getTime()) continue;
      const a = actuals.get(t);
      if (!a) continue;
      out.actual.push(a.value);
      out.points.push(p);
      out.date.push(a.date);
    }
    return out;
  }
}

/** One run's accuracy over its scored intervals, per day, and against its model's backtest. */
function runAccuracy(
  run: ForecastRun,
  scored: Scored,
  model: ModelDoc | null,
  driftFactor: number,
): RunAccuracy {
  const scale = run.scale?.mase ?? NaN;
  const metrics = score(scored, scale);
  const dates = [...new Set(scored.date)];
  const days = dates.map((date) => {
    const day = pick(scored, (i) => scored.date[i] === date);
    return { date, metrics: score(day, scale), bias: biasOf(day) };
  });
  const bias = biasOf(scored);
  const backtestWape = model?.metrics.wape ?? null;
  const backtestMase = model?.metrics.mase ?? null;
  return {
    forecastId: run._id,
    modelId: run.modelId,
    modelKind: run.modelKind,
    start: run.start,
    end: run.end,
    createdAt: run.createdAt,
    metrics,
    bias,
    days,
    backtestWape,
    backtestMase,
    drift: isDrift(
      { wape: metrics.wape, mase: metrics.mase, biasPercent: bias.percentOfActual },
      { wape: backtestWape, mase: backtestMase },
      driftFactor,
    ),
  };
}

/** Whether the most recent run (latest start, then latest created) drifts; false without runs. */
function latestDrift(runs: RunAccuracy[]): boolean {
  const latest = [...runs].sort(
    (a, b) => b.start.getTime() - a.start.getTime() || b.createdAt.getTime() - a.createdAt.getTime(),
  )[0];
  return latest?.drift ?? false;
}

const pick = (s: Scored, keep: (i: number) => boolean): Scored => {
  const idx = s.actual.map((_, i) => i).filter(keep);
  return {
    actual: idx.map((i) => s.actual[i]),
    points: idx.map((i) => s.points[i]),
    date: idx.map((i) => s.date[i]),
  };
};

const score = (s: Scored, scale: number): AccuracyMetrics =>
  accuracy(
    s.actual,
    {
      mean: s.points.map((p) => p.mean),
      lo80: s.points.map((p) => p.lo80),
      hi80: s.points.map((p) => p.hi80),
      lo95: s.points.map((p) => p.lo95),
      hi95: s.points.map((p) => p.hi95),
    },
    Number.isFinite(scale) ? scale : 0,
  );

const biasOf = (s: Scored): Bias => {
  const actualTotal = sum(s.actual);
  const forecastTotal = sum(s.points, (p) => p.mean);
  const diff = forecastTotal - actualTotal;
  return {
    actualTotal,
    forecastTotal,
    meanError: s.actual.length > 0 ? diff / s.actual.length : NaN,
    percentOfActual: actualTotal > 0 ? (100 * diff) / actualTotal : NaN,
  };
};
