import { AppError } from '../../errors';
import type {
  FitOptions,
  FittedModel,
  Forecaster,
  ForecastResult,
  SeriesInput,
  StepSpan,
} from '../forecast.types';
import { makeFittedModel } from '../fitted-model-factory';
import { validateSeries, type ValidSeries } from '../series.validation';

/** A series compressed to its open-hours grid, with seasonal periods counted in grid slots. */
export interface OpenOnlyPlan {
  values: number[];
  periods: number[];
  /** Grid slots per open day: the union of the hours open on any day. */
  openPerCycle: number;
  /** The regular opening pattern over one cycle of the longest usable period (a week), from index 0. */
  cycle: boolean[];
  /** The fitted grid over one cycle: every slot of the union hours on every day open at all. */
  grid: boolean[];
  /** Regularly open slots that were closed in the history (holidays, gaps), filled from a week before or after. */
  filled: number;
  /** Grid slots closed on their day of the week (shorter hours that day), imputed from the seasonal profile. */
  imputed: number;
}

/**
 * Day × slot profile of the open values: mean[d][s] ≈ a[d]·b[s] (a day level times an
 * intraday shape), fitted by alternating ratio-of-sums on the (day, slot) means of the open
 * grid slots. Returns the profile value of every (day, slot) pair, also those never open.
 */
function dayShapeProfile(sum: number[][], count: number[][]): number[][] {
  const days = sum.length;
  const slots = sum[0].length;
  const mean = sum.map((row, d) => row.map((v, s) => (count[d][s] > 0 ? v / count[d][s] : null)));
  let b = new Array<number>(slots).fill(1);
  let a = new Array<number>(days).fill(0);
  for (let iter = 0; iter < 25; iter++) {
    a = mean.map((row) => {
      let num = 0;
      let den = 0;
      row.forEach((m, s) => {
        if (m === null) return;
        num += m;
        den += b[s];
      });
      return den > 0 ? num / den : 0;
    });
    b = b.map((_, s) => {
      let num = 0;
      let den = 0;
      mean.forEach((row, d) => {
        const m = row[s];
        if (m === null || m === undefined) return;
        num += m;
        den += a[d];
      });
      return den > 0 ? num / den : 0;
    });
  }
  return a.map((ad) => b.map((bs) => ad * bs));
}

/**
 * Plans the open-only fit of a series with closed periods.
 *
 * The regular pattern (`cycle`) is the set of slots of the longest usable period (a week)
 * open in at least one cycle. The fitted `grid` keeps every day that is open at all, each on
 * the UNION of the hours open on any day, so it is regular with periods of `openPerCycle`
 * slots per day and `openPerCycle × open days` per week, and the closed hours between days
 * (nights, Sundays) never enter the fit.
 * - Same hours every open day (the fast path): grid = pattern, nothing to impute.
 * - Hours that differ by day (e.g. Saturday 09:00–17:00 beside weekdays 08:00–20:00): a grid
 *   slot closed on its day is imputed from a day × intraday profile of the open values,
 *   a[d]·b[s], scaled to that day's own open total, so the fit sees a plausible value where
 *   it would otherwise see a zero; those slots are closed (0) again in every forecast.
 * - Regularly open slots closed in the history (a holiday, a gap) take the value of the same
 *   slot a week before (else after), so the grid keeps its phase.
 * Null: nothing closed, no usable daily/weekly period, or too short a grid.
 */
export function planOpenOnly(series: ValidSeries): OpenOnlyPlan | null {
  const { open, values } = series;
  const n = values.length;
  if (!series.hasMask || open.every(Boolean) || !open.some(Boolean)) return null;
  const day = series.periods[0];
  const usable = series.periods.filter((p) => n >= 2 * p && p % day === 0);
  if (usable.length === 0) return null;
  if (usable.some((p) => p !== Math.max(...usable) && p !== day)) return null;
  const P = Math.max(...usable);
  const days = P / day;
  const cycle = new Array<boolean>(P).fill(false);
  open.forEach((o, i) => {
    if (o) cycle[i % P] = true;
  });
  const hours = new Array<boolean>(day).fill(false);
  const openDay = Array.from({ length: days }, (_, d) => {
    const chunk = cycle.slice(d * day, (d + 1) * day);
    chunk.forEach((o, s) => {
      if (o) hours[s] = true;
    });
    return chunk.some(Boolean);
  });
  const grid = cycle.map((_, p) => openDay[Math.floor(p / day)] && hours[p % day]);
  const openPerCycle = hours.filter(Boolean).length;
  const perWeek = grid.filter(Boolean).length;
  const periods = [...new Set(usable.map((p) => (p === P ? perWeek : openPerCycle)))];
  if (periods.some((p) => p < 2)) return null;
  const slots = Array.from({ length: n }, (_, i) => i).filter((i) => grid[i % P]);
  if (slots.length < 2 * Math.min(...periods)) return null;
  const compressed = slots.map((i) => (open[i] ? values[i] : null));
  const regular = slots.map((i) => cycle[i % P]);
  const filled = compressed.filter((v, j) => v === null && regular[j]).length;
  for (let j = perWeek; j < compressed.length; j++) if (regular[j]) compressed[j] ??= compressed[j - perWeek];
  for (let j = compressed.length - 1 - perWeek; j >= 0; j--)
    if (regular[j]) compressed[j] ??= compressed[j + perWeek];
  const imputed = regular.filter((r) => !r).length;
  if (imputed > 0) imputeFromProfile(compressed, slots, open, regular, P, day);
  return {
    values: compressed.map((v) => v ?? 0),
    periods: periods.sort((a, b) => a - b),
    openPerCycle,
    cycle,
    grid,
    filled,
    imputed,
  };
}

/** Fills the grid slots closed on their day (`regular` false) from the day × slot profile. */
function imputeFromProfile(
  compressed: (number | null)[],
  slots: number[],
  open: readonly boolean[],
  regular: readonly boolean[],
  P: number,
  day: number,
): void {
  const days = P / day;
  const sum = Array.from({ length: days }, () => new Array<number>(day).fill(0));
  const count = Array.from({ length: days }, () => new Array<number>(day).fill(0));
  slots.forEach((i, j) => {
    if (!open[i]) return;
    const value = compressed[j];
    if (value === null) throw new AppError('INTERNAL', `open slot ${i} has no value`);
    const p = i % P;
    sum[Math.floor(p / day)][p % day] += value;
    count[Math.floor(p / day)][p % day] += 1;
  });
  const profile = dayShapeProfile(sum, count);
  // one calendar day of the grid at a time: scale the profile to the day's own open total
  let start = 0;
  while (start < slots.length) {
    const dayIndex = Math.floor(slots[start] / day);
    let end = start;
    while (end < slots.length && Math.floor(slots[end] / day) === dayIndex) end++;
    const d = Math.floor((slots[start] % P) / day);
    let actual = 0;
    let expected = 0;
    for (let j = start; j < end; j++) {
      if (!regular[j]) continue;
      actual += compressed[j] ?? 0;
      expected += profile[d][slots[j] % day];
    }
    const scale = expected > 0 ? actual / expected : 1;
    for (let j = start; j < end; j++) if (!regular[j]) compressed[j] = scale * profile[d][slots[j] % day];
    start = end;
  }
}

/**
 * Step spans on the full series mapped to the fitted grid (which continues past the history
 * with the same pattern): a span keeps the grid slots inside it; spans on days the grid
 * leaves out (closed all day) vanish.
 */
export function gridSpans(spans: readonly StepSpan[], grid: readonly boolean[]): StepSpan[] {
  const P = grid.length;
  const before = [0];
  grid.forEach((g, p) => before.push(before[p] + (g ? 1 : 0)));
  const perCycle = before[P];
  const toGrid = (i: number): number => Math.floor(i / P) * perCycle + before[i % P];
  return spans.map((s) => ({ start: toGrid(s.start), end: toGrid(s.end) })).filter((s) => s.end > s.start);
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
 * when closed are applied on the full grid, as for any model; slots off the fitted grid are
 * closed ahead whatever the requested mask. Series without closed periods
 * (or without a daily period) are fitted by the model unchanged.
 */
export function withOpenOnly(inner: Forecaster): Forecaster {
  return {
    kind: inner.kind,
    fit(input: SeriesInput, options: FitOptions = {}): FittedModel {
      const series = validateSeries(input);
      const plan = planOpenOnly(series);
      if (!plan) return inner.fit(input, options);
      const holidays = gridSpans(series.holidays, plan.grid);
      const fitted = inner.fit(
        { values: plan.values, periods: plan.periods, ...(holidays.length > 0 ? { holidays } : {}) },
        { ...options, calibration: undefined, nonNegative: false },
      );
      const n = series.values.length;
      const P = plan.grid.length;
      // the fitted grid continues after the history; slots closed in the future (shorter days,
      // holidays) become 0 in makeFittedModel
      const onGrid = (h: number): boolean[] => Array.from({ length: h }, (_, k) => plan.grid[(n + k) % P]);
      const predictRaw = (h: number): ForecastResult => {
        const regular = onGrid(h);
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
            openOnly: {
              openPerDay: plan.openPerCycle,
              gridPeriods: series.periods,
              filled: plan.filled,
              imputed: plan.imputed,
            },
          },
          ...(boxCoxLambda !== undefined ? { boxCoxLambda } : {}),
        },
        predictRaw,
        options,
        // a day the history never had open (a DEFERRED channel's weekend of zeros) has no
        // forecast, so no interval either: calibration must not widen its 0
        onGrid,
      );
    },
  };
}
