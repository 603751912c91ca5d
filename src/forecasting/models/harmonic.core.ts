/**
 * Harmonic regression ("dynamic harmonic regression", Hyndman & Athanasopoulos, FPP): each
 * seasonal period p is a sum of K_p Fourier pairs (fourier-regression.core.ts). Long seasons
 * (48 or 336 half-hours) take a handful of smooth terms instead of one free value per slot,
 * and several periods combine without the seasonal components drifting. The orders are chosen
 * by AICc on the series detrended by a centred moving average over the longest period,
 * together with the effects of the days before and after holidays; the seasonal part is then
 * taken out and the remainder follows a local level with AR(1) errors (smoothing.core.ts), so
 * the level adapts slowly, short swings fade within hours, and the seasonal shape stays
 * fixed: TBATS's structure with static Fourier seasonality. Pure: arrays in, arrays out.
 */
import { at } from '../../common/indexed';
import { badInput } from '../../errors';
import type { StepSpan } from '../forecast.types';
import { holidayWindows } from '../holiday-effects.core';
import { fitFourier, seasonalComponent } from './fourier-regression.core';
import type { Harmonic } from './fourier-terms.core';
import { centredMovingAverage, fitLevelAr1, levelAr1Forecast, type LevelAr1Fit } from './smoothing.core';

/** The effect of one holiday window (the day before, or after, every holiday) on the series. */
export interface HolidayWindowEffect {
  name: 'dayBeforeHoliday' | 'dayAfterHoliday';
  spans: StepSpan[];
  effect: number;
}

export interface HarmonicFit {
  /** The chosen order K per period (periods as given). */
  orders: number[];
  periods: number[];
  /** The Fourier pairs in the model, distinct frequencies, shortest period first. */
  harmonics: Harmonic[];
  /** Per harmonic: [cos, sin] coefficients (sin is 0 at the Nyquist frequency k/p = ½). */
  coefficients: [number, number][];
  /** The windows around holidays with history to learn from, and their effects. */
  holidayEffects: HolidayWindowEffect[];
  /** The level model of the seasonally adjusted series. */
  level: LevelAr1Fit;
  n: number;
}

export interface HarmonicForecast {
  mean: number[];
  sd: number[];
}

/** The points with a defined centred moving average, detrended by it. */
function detrended(values: number[], period: number): { t: number[]; y: number[] } {
  const trend = centredMovingAverage(values, period);
  const t: number[] = [];
  const y: number[] = [];
  values.forEach((v, i) => {
    const m = at(trend, i);
    if (Number.isNaN(m)) return;
    t.push(i);
    y.push(v - m);
  });
  return { t, y };
}

/** 1 at the steps start … start+n−1 that lie in a span, else 0. */
function indicator(spans: readonly StepSpan[], start: number, n: number): Float64Array {
  const x = new Float64Array(n);
  for (const w of spans) {
    for (let t = Math.max(w.start, start); t < Math.min(w.end, start + n); t++) x[t - start] = 1;
  }
  return x;
}

/** The day-before and day-after windows of the holidays, as named spans. */
function windowsOf(holidays: readonly StepSpan[]): Omit<HolidayWindowEffect, 'effect'>[] {
  const { before, after } = holidayWindows(holidays);
  return [
    { name: 'dayBeforeHoliday', spans: before },
    { name: 'dayAfterHoliday', spans: after },
  ];
}

/**
 * Fits the harmonic model. Periods without two full cycles in the series are left out (as
 * MSTL does); the detrending window is the longest period kept. Holidays (step spans, also
 * ahead) add two regressors, the day before and the day after a holiday, when the detrended
 * history has such a day to learn from; the holidays themselves are the caller's to mask.
 */
export function fitHarmonic(
  values: number[],
  periods: number[],
  holidays: readonly StepSpan[] = [],
): HarmonicFit {
  const n = values.length;
  const usable = periods.filter((p) => 2 * p <= n);
  if (usable.length === 0) throw badInput(`harmonic regression needs two cycles of a period in ${n} values`);
  const trendFree = detrended(values, Math.max(...usable));
  // the detrended points keep their time index: a gap-free stretch (the CMA drops only the ends)
  const start = at(trendFree.t, 0);
  const m = trendFree.y.length;
  const windows = windowsOf(holidays)
    .map((w) => ({ ...w, x: indicator(w.spans, start, m) }))
    .filter((w) => w.x.some((v) => v > 0));
  const fit = fitFourier(trendFree.y, usable, { start, extras: windows.map((w) => w.x) });
  const holidayEffects = windows.map(({ name, spans }, j) => ({ name, spans, effect: at(fit.extras, j) }));
  const seasonal = seasonalPart(fit.harmonics, fit.coefficients, holidayEffects, 0, n);
  const level = fitLevelAr1(values.map((v, t) => v - at(seasonal, t)));
  return {
    orders: fit.orders,
    periods: usable,
    harmonics: fit.harmonics,
    coefficients: fit.coefficients,
    holidayEffects,
    level,
    n,
  };
}

/** The Fourier component plus the holiday windows' effects at steps start … start+n−1. */
function seasonalPart(
  harmonics: Harmonic[],
  coefficients: [number, number][],
  holidayEffects: HolidayWindowEffect[],
  start: number,
  n: number,
): number[] {
  const seasonal = seasonalComponent(harmonics, coefficients, start, n);
  for (const { spans, effect } of holidayEffects) {
    indicator(spans, start, n).forEach((v, t) => (seasonal[t] = at(seasonal, t) + v * effect));
  }
  return seasonal;
}

/** Forecast h steps ahead: the level model's forecast plus the seasonal part, with its sd. */
export function harmonicForecast(fit: HarmonicFit, h: number): HarmonicForecast {
  const seasonal = seasonalPart(fit.harmonics, fit.coefficients, fit.holidayEffects, fit.n, h);
  const level = levelAr1Forecast(fit.level, h);
  return { mean: seasonal.map((s, k) => at(level.mean, k) + s), sd: level.sd };
}
