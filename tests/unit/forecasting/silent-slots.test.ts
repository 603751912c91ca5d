import { selectAuto } from '../../../src/forecasting/auto-selector';
import { MODEL_KINDS, type ForecastResult } from '../../../src/forecasting/forecast.types';
import { fitModel } from '../../../src/forecasting/models/forecaster-registry';
import { closeSilent, MIN_SILENT_CYCLES, silentPhases } from '../../../src/forecasting/silent-slots.core';
import { mulberry32, poisson } from '../../../src/forecasting/synthetic-series-generator';

const WEEK = 168;
/** Not ARIMA (seconds per hourly fit), not ETS (one season of ≤ 24 steps refuses a weekly one). */
const HOURLY_KINDS = MODEL_KINDS.filter((k) => k !== 'ARIMA' && k !== 'ETS');

const weekday = (i: number): boolean => Math.floor((i % WEEK) / 24) < 5;
const busy = (i: number): boolean => weekday(i) && i % 24 >= 9 && i % 24 < 17;

/**
 * An outbound queue, hourly from Monday 00:00: open around the clock Monday to Friday, its
 * work created 09:00–17:00 only (Poisson, 2–6 an hour by hour of day), the nights exactly 0.
 */
function outbound(weeks: number, seed: number): { values: number[]; open: boolean[] } {
  const random = mulberry32(seed);
  const open = Array.from({ length: weeks * WEEK }, (_, i) => weekday(i));
  const values = open.map((_, i) => (busy(i) ? poisson(2 + Math.abs(13 - (i % 24)), random) : 0));
  return { values, open };
}

const inside = (f: ForecastResult, i: number, y: number, level: 80 | 95): boolean =>
  level === 80 ? y >= f.lo80[i] && y <= f.hi80[i] : y >= f.lo95[i] && y <= f.hi95[i];

describe('silent slots (structural zeros)', () => {
  it('are the slots of the week open in at least MIN_SILENT_CYCLES weeks and 0 in each', () => {
    const { values, open } = outbound(MIN_SILENT_CYCLES, 1);
    const silent = silentPhases(values, open, WEEK)!;
    expect(silent.filter(Boolean)).toHaveLength(5 * 16);
    expect(silent.every((s, p) => s === (weekday(p) && !busy(p)))).toBe(true);
    // one arrival at Tuesday 03:00 in one week wakes that slot only
    const woken = [...values];
    woken[3 * WEEK + 24 + 3] = 1;
    expect(silentPhases(woken, open, WEEK)!.filter(Boolean)).toHaveLength(5 * 16 - 1);
    // a week fewer is too little evidence
    const short = outbound(MIN_SILENT_CYCLES - 1, 1);
    expect(silentPhases(short.values, short.open, WEEK)).toBeNull();
  });

  it('close a mask by the phase of its first step', () => {
    const phases = [false, true, false];
    expect(closeSilent([true, true, true, true], 2, phases)).toEqual([true, true, false, true]);
    const mask = [true];
    expect(closeSilent(mask, 0, null)).toBe(mask);
  });

  it.each(HOURLY_KINDS)('%s forecasts them as exactly 0, bounds included', (kind) => {
    const { values, open } = outbound(10, 2);
    const futureOpen = outbound(1, 3).open;
    const f = fitModel(kind, { values, periods: [24, WEEK], open }).forecast(WEEK, { futureOpen });
    const quiet = futureOpen.map((o, i) => o && !busy(i));
    for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
      expect(f[key].filter((_, i) => quiet[i]).every((v) => v === 0)).toBe(true);
    }
    // the busy hours keep their level: 5 days × (6 + 5 + 4 + 3 + 2 + 3 + 4 + 5) = 5 × 32 a week
    const busyTotal = f.mean.reduce((s, v, i) => s + (busy(i) ? v : 0), 0);
    expect(Math.abs(busyTotal / (5 * 32) - 1)).toBeLessThan(0.2);
  });

  it("leave the busy hours' intervals calibrated on the busy hours' errors (out of sample)", () => {
    // before: the nights' near-zero errors filled the middle of the conformal quantiles and
    // the busy hours' 80 % bounds covered about 45 % of them out of sample
    const { values, open } = outbound(16, 4);
    let n = 0;
    let in80 = 0;
    let in95 = 0;
    for (let test = 12; test < 16; test++) {
      const train = {
        values: values.slice(0, test * WEEK),
        periods: [24, WEEK],
        open: open.slice(0, test * WEEK),
      };
      const auto = selectAuto(train, { kinds: ['SNAIVE', 'THETA', 'MSTL'], horizon: WEEK, boxCox: false });
      const futureOpen = open.slice(test * WEEK, (test + 1) * WEEK);
      const f = auto.model.forecast(WEEK, { futureOpen });
      for (let i = 0; i < WEEK; i++) {
        if (!busy(i)) continue;
        const y = values[test * WEEK + i];
        n++;
        if (inside(f, i, y, 80)) in80++;
        if (inside(f, i, y, 95)) in95++;
      }
    }
    expect(in80 / n).toBeGreaterThan(0.7);
    expect(in95 / n).toBeGreaterThan(0.88);
  });
});
