/**
 * A forecast run's stored document: the worker's forecast laid on the real intervals of the
 * future grid (closed intervals exactly 0), the holiday calendar applied ahead, and the
 * run's period and MASE scale.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Channel } from '../channels/channel.types';
import type { HolidayEffect } from '../holidays/holiday-effect';
import { seasonalNaiveScale } from './accuracy-metrics';
import type { ForecastDoc, ModelDoc } from './forecast.doc';
import type { ForecastPoint, ForecastResult } from './forecast.types';
import { applyEffect } from './holiday-effects.core';
import type { FutureGrid, HistorySeries } from './history-series';
import { longestUsablePeriod } from './series.validation';

/** What a run's document is made of. */
export interface RunParts {
  channel: Channel;
  model: ModelDoc;
  series: HistorySeries;
  start: string;
  horizonDays: number;
  points: ForecastPoint[];
  createdBy: string | null;
}

/** One point per real interval from slot `skip` on (the gap before the start is left out). */
export function forecastPoints(grid: FutureGrid, f: ForecastResult, skip: number): ForecastPoint[] {
  return grid.intervals
    .filter((iv) => iv.slot >= skip)
    .map(({ t, slot, open }) =>
      open
        ? {
            t,
            mean: f.mean[slot],
            lo80: f.lo80[slot],
            hi80: f.hi80[slot],
            lo95: f.lo95[slot],
            hi95: f.hi95[slot],
          }
        : { t, mean: 0, lo80: 0, hi80: 0, lo95: 0, hi95: 0 },
    );
}

/** Scales (or closes) in place the points of the holidays ahead: CLOSED days 0, factor days scaled (the channel's `arrivalEffects`). */
export function applyHolidaysToPoints(
  points: ForecastPoint[],
  grid: FutureGrid,
  skip: number,
  holidays: { date: string; effect: HolidayEffect }[],
): void {
  const ahead = new Map(holidays.map((h) => [h.date, h.effect]));
  if (ahead.size === 0) return;
  const dates = grid.intervals.filter((iv) => iv.slot >= skip).map((iv) => iv.date);
  points.forEach((p, i) => {
    const effect = ahead.get(dates[i]);
    if (!effect) return;
    p.mean = applyEffect(p.mean, effect);
    p.lo80 = applyEffect(p.lo80, effect);
    p.hi80 = applyEffect(p.hi80, effect);
    p.lo95 = applyEffect(p.lo95, effect);
    p.hi95 = applyEffect(p.hi95, effect);
  });
}

/** The run's document: its site-local period, points, MASE scale and daily-total errors. */
export function runDocument(run: RunParts, timeZone: string): ForecastDoc {
  const { channel, model, series, start, horizonDays } = run;
  const m = longestUsablePeriod(series.periods, series.values.length);
  const startAt = DateTime.fromISO(start, { zone: timeZone }).startOf('day');
  return {
    _id: randomUUID(),
    channel: channel.key,
    modelId: model._id,
    modelKind: model.kind,
    start: startAt.toJSDate(),
    end: startAt.plus({ days: horizonDays }).startOf('day').toJSDate(),
    intervalMinutes: channel.intervalMinutes,
    horizonDays,
    points: run.points,
    // over measured slots: accuracy scores stored actuals, never imputed ones (a DEFERRED
    // channel's nights without a value are imputed 0 and would shrink the scale)
    scale: { mase: seasonalNaiveScale(series.values, m, series.measured), period: m },
    totals: model.params.calibration?.daily ?? null,
    createdAt: new Date(),
    createdBy: run.createdBy,
  };
}
