import type { FitOptions, FittedModel, Forecaster, ForecastResult, SeriesInput } from './forecast.types';
import { makeFittedModel } from './fitted-model.factory';
import { validateSeries, type ValidSeries } from './series.validation';

/** A series compressed to its regularly open slots, with seasonal periods counted in open slots. */
export interface OpenOnlyPlan {
  values: number[];
  periods: number[];
  /** Open slots per open cycle of the shortest period (per open day). */
  openPerCycle: number;
  /** The regular opening pattern over one cycle of the longest usable period (a week), from index 0. */
  cycle: boolean[];
  /** Regularly open slots that were closed in the history (holidays, gaps), filled from a week before or after. */
  filled: number;
}

/**
 * Plans the open-only fit of a series with closed periods. The regular pattern is the set of
 * slots of the longest usable period (a week) that are open in at least one cycle; it must be
 * a whole number of days, each day closed or open on the same slots (the same hours every open
 * day). Then the regularly open slots form a regular grid whose periods are the open slots per
 * day and per week. Regularly open slots closed in the history (a holiday, a gap) take the
 * value of the same slot a week before (else after), so the grid keeps its phase.
 * Null: nothing closed, or no such pattern (hours that differ between days).
 */
export function planOpenOnly(series: ValidSeries): OpenOnlyPlan | null {
  const { open, values } = series;
  const n = values.length;
  if (!series.hasMask || open.every(Boolean) || !open.some(Boolean)) return null;
  const day = series.periods[0];
  const usable = series.periods.filter((p) => n >= 2 * p && p % day === 0);
  if (usable.length === 0) return null;
  const P = Math.max(...usable);
  const cycle = new Array<boolean>(P).fill(false);
  open.forEach((o, i) => {
    if (o) cycle[i % P] = true;
  });
  let pattern: boolean[] | null = null;
  for (let start = 0; start < P; start += day) {
    const chunk = cycle.slice(start, start + day);
    if (!chunk.some(Boolean)) continue;
    pattern ??= chunk;
    if (chunk.some((o, i) => o !== pattern![i])) return null;
  }
  const openPerCycle = pattern!.filter(Boolean).length;
  const perWeek = cycle.filter(Boolean).length;
  const periods = [...new Set(usable.map((p) => (p === P ? perWeek : (openPerCycle * p) / day)))];
  if (usable.some((p) => p !== P && p !== day)) return null;
  if (periods.some((p) => p < 2)) return null;
  const slots = Array.from({ length: n }, (_, i) => i).filter((i) => cycle[i % P]);
  const compressed = slots.map((i) => (open[i] ? values[i] : null));
  const filled = compressed.filter((v) => v === null).length;
  for (let j = perWeek; j < compressed.length; j++) compressed[j] ??= compressed[j - perWeek];
  for (let j = compressed.length - 1 - perWeek; j >= 0; j--) compressed[j] ??= compressed[j + perWeek];
  if (compressed.length < 2 * Math.min(...periods)) return null;
  return {
    values: compressed.map((v) => v ?? 0),
    periods: periods.sort((a, b) => a - b),
    openPerCycle,
    cycle,
    filled,
  };
}

/** Spreads forecasts of the open slots over the horizon, 0 in closed slots. */
export function expandOpen(compressed: ForecastResult, open: boolean[]): ForecastResult {
  const out: ForecastResult = { mean: [], lo80: [], hi80: [], lo95: [], hi95: [] };
  let j = 0;
  for (const o of open) {
    for (const key of Object.keys(out) as (keyof ForecastResult)[]) out[key].push(o ? compressed[key][j] : 0);
    if (o) j++;
  }
  return out;
}

/**
 * Fits a model on the open intervals only (see planOpenOnly), so that closed zeros do not
 * pull its level and seasonality down; forecasts the open future slots and puts them back
 * on the full grid. Calibration (per lead step of the full grid), clipping and exact zeros
 * when closed are applied on the full grid, as for any model. Series without closed periods,
 * or with irregular hours, are fitted by the model unchanged.
 */
export function withOpenOnly(inner: Forecaster): Forecaster {
  return {
    kind: inner.kind,
    fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
      const series = validateSeries(input);
      const plan = planOpenOnly(series);
      if (!plan) return inner.fit(input, options);
      const fitted = inner.fit(
        { values: plan.values, periods: plan.periods },
        { ...options, calibration: undefined, nonNegative: false },
      );
      const n = series.values.length;
      const P = plan.cycle.length;
      // the regular grid continues after the history; closed future slots (holidays) become 0 later
      const predictRaw = (h: number): ForecastResult => {
        const regular = Array.from({ length: h }, (_, k) => plan.cycle[(n + k) % P]);
        const k = regular.filter(Boolean).length;
        const zeros = new Array<number>(h).fill(0);
        if (k === 0) return { mean: zeros, lo80: zeros, hi80: zeros, lo95: zeros, hi95: zeros };
        return expandOpen(fitted.forecast(k), regular);
      };
      const { trainingLength, periods, details, boxCoxLambda } = fitted.params;
      return makeFittedModel(
        inner.kind,
        series,
        {
          trainingLength,
          periods,
          details: {
            ...details,
            openOnly: { openPerDay: plan.openPerCycle, gridPeriods: series.periods, filled: plan.filled },
          },
          ...(boxCoxLambda !== undefined ? { boxCoxLambda } : {}),
        },
        predictRaw,
        options,
      );
    },
  };
}
