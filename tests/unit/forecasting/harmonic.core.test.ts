import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fourierRegression } from '../../../src/forecasting/models/fourier-regression.core';
import { fourierGram, trigSums } from '../../../src/forecasting/models/fourier-gram.core';
import { designWidth, fourierRow, harmonicTerms } from '../../../src/forecasting/models/fourier-terms.core';
import { fitHarmonic, harmonicForecast } from '../../../src/forecasting/models/harmonic.core';
import { fitLevelAr1, levelAr1At, levelAr1Forecast } from '../../../src/forecasting/models/smoothing.core';
import { minimize, minimizeFromGrid } from '../../../src/forecasting/optimize.core';
import {
  addColumn,
  emptyFit,
  solveSubset,
  type NormalEquations,
} from '../../../src/forecasting/least-squares.core';
import { mulberry32 } from '../../../src/common/random';
import { airPassengers } from './airpassengers.fixture';
import { dailyWithHolidays } from './holiday-series.fixture';

/** R forecast 8.x values from scripts/reference/harmonic.R. */
const R = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'reference', 'harmonic.json'), 'utf8'),
) as {
  airPassengers: { coefficients: number[]; rss: number };
  hourly: { columns: string[]; coefficients: number[]; rss: number; bestOrders: number[] };
  levelAr1: { alpha: number; phi: number; mean: number[]; seRatio: number[] };
};

/** The script's deterministic hourly series (R's t = 1 … n is index 0 … n−1 here). */
function hourlySeries(n = 1008): number[] {
  return Array.from({ length: n }, (_, i) => {
    const t = i + 1;
    return (
      100 +
      0.02 * t +
      20 * Math.sin((2 * Math.PI * t) / 24) +
      8 * Math.cos((4 * Math.PI * t) / 24) +
      12 * Math.sin((2 * Math.PI * t) / 168) +
      5 * Math.cos((6 * Math.PI * t) / 168) +
      ((t * 7919) % 101) / 10 -
      5
    );
  });
}

/** The normal equations summed row by row: the reference for the closed forms. */
function bruteNormalEquations(
  p: number,
  y: number[],
  row: (t: number, x: Float64Array) => void,
): NormalEquations {
  const gram = Array.from({ length: p }, () => new Float64Array(p));
  const xty = new Float64Array(p);
  const x = new Float64Array(p);
  y.forEach((yt, t) => {
    row(t, x);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) gram[i]![j]! += x[i]! * x[j]!;
      xty[i]! += x[i]! * yt;
    }
  });
  return { gram, xty, yty: y.reduce((s, v) => s + v * v, 0), n: y.length };
}

/** Our [cos, sin] pairs flattened in R's column order (S1, C1, S2, C2, …). */
const inROrder = (pairs: [number, number][]): number[] => pairs.flatMap(([cos, sin]) => [sin, cos]);

describe('harmonic terms', () => {
  it('leave out a frequency a shorter period already has (the 7th weekly harmonic of hourly data)', () => {
    const terms = harmonicTerms([24, 168], [3, 8]);
    expect(terms).toHaveLength(10);
    expect(terms).not.toContainEqual({ period: 168, k: 7 });
  });

  it('stop at the Nyquist frequency, which has a cosine only (as R’s fourier)', () => {
    const terms = harmonicTerms([12], [20]);
    expect(terms.map((h) => h.k)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(designWidth(terms)).toBe(12); // intercept, 6 cos, 5 sin
    const x = new Float64Array(12);
    fourierRow(terms, 1, x);
    expect(x[11]).toBeCloseTo(Math.cos(Math.PI), 12); // the Nyquist harmonic alternates ±1
  });
});

describe('Fourier regression against R (lm on forecast::fourier)', () => {
  it('AirPassengers with K = 3: the coefficients and residual sum of squares', () => {
    const fit = fourierRegression(airPassengers(), harmonicTerms([12], [3]), 1);
    const r = R.airPassengers;
    inROrder(fit.coefficients).forEach((c, i) => expect(c).toBeCloseTo(r.coefficients[i + 1], 8));
    expect(fit.rss / r.rss).toBeCloseTo(1, 10);
  });

  it('hourly data with daily K = 3 and weekly K = 8: the same 20 columns and coefficients', () => {
    const terms = harmonicTerms([24, 168], [3, 8]);
    expect(terms.map((h) => `${h.k}-${h.period}`)).toEqual(
      R.hourly.columns.filter((c) => c.startsWith('C')).map((c) => c.slice(1)),
    );
    const fit = fourierRegression(hourlySeries(), terms, 1);
    inROrder(fit.coefficients).forEach((c, i) => expect(c).toBeCloseTo(R.hourly.coefficients[i + 1], 7));
    expect(fit.rss / R.hourly.rss).toBeCloseTo(1, 9);
  });

  it('chooses the orders with the lowest AICc over R’s exhaustive grid (detrended by a 2×168 moving average)', () => {
    expect(fitHarmonic(hourlySeries(), [24, 168]).orders).toEqual(R.hourly.bestOrders);
  });
});

describe('local level with AR(1) errors', () => {
  const x = Array.from({ length: 600 }, (_, i) => {
    let s = 50;
    for (let t = 1; t <= i + 1; t++) s += ((t * 7919) % 101) / 101 - 0.5;
    return s + 3 * Math.sin((i + 1) / 5);
  });

  it('forecasts as R’s ARIMA(1,1,1) with θ = −(1 − α(1 − φ)), standard errors included', () => {
    const { alpha, phi, mean, seRatio } = R.levelAr1;
    const f = levelAr1Forecast(levelAr1At(x, alpha, phi), mean.length);
    f.mean.forEach((m, i) => expect(m).toBeCloseTo(mean[i], 6));
    f.sd.forEach((s, i) => expect(s / f.sd[0]).toBeCloseTo(seRatio[i], 9));
  });

  it('recovers α and φ from a long simulated series', () => {
    const rand = mulberry32(11);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const [alpha, phi] = [0.05, 0.7];
    let l = 100;
    let u = 0;
    const y = Array.from({ length: 20_000 }, () => {
      const e = normal();
      const v = l + phi * u + e;
      l += alpha * e;
      u = phi * u + (1 - alpha) * e;
      return v;
    });
    const fit = fitLevelAr1(y);
    expect(fit.alpha).toBeCloseTo(alpha, 1);
    expect(fit.phi).toBeCloseTo(phi, 1);
    expect(fit.sigma2).toBeCloseTo(1, 1);
  });
});

describe('harmonic model', () => {
  it('continues a purely seasonal series exactly, with a flat level', () => {
    const y = Array.from(
      { length: 24 * 7 * 6 },
      (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 24) + 4 * Math.cos((2 * Math.PI * t) / 168),
    );
    const fit = fitHarmonic(y, [24, 168]);
    const f = harmonicForecast(fit, 48);
    f.mean.forEach((m, k) => {
      const t = y.length + k;
      expect(m).toBeCloseTo(
        50 + 10 * Math.sin((2 * Math.PI * t) / 24) + 4 * Math.cos((2 * Math.PI * t) / 168),
        4,
      );
    });
  });

  it('with three periods (searched by coordinate descent), finds every cycle in the data', () => {
    const wave = (t: number): number =>
      10 * Math.sin((2 * Math.PI * t) / 24) +
      6 * Math.cos((4 * Math.PI * t) / 50) +
      4 * Math.sin((2 * Math.PI * t) / 168);
    const y = Array.from({ length: 168 * 6 }, (_, t) => 100 + wave(t) + (((t * 7919) % 101) / 101 - 0.5));
    const fit = fitHarmonic(y, [24, 50, 168]);
    expect(fit.orders[0]).toBeGreaterThanOrEqual(1);
    expect(fit.orders[1]).toBeGreaterThanOrEqual(2);
    expect(fit.orders[2]).toBeGreaterThanOrEqual(1);
    harmonicForecast(fit, 48).mean.forEach((m, k) =>
      expect(Math.abs(m - 100 - wave(y.length + k))).toBeLessThan(1),
    );
  });

  it('leaves out periods without two cycles, and refuses a series with none', () => {
    expect(fitHarmonic(hourlySeries(300), [24, 168]).periods).toEqual([24]);
    expect(() => fitHarmonic(hourlySeries(40), [24])).toThrow(/two cycles/);
  });
});

describe('least squares', () => {
  it('a fit grown column by column has the residual sum of squares of Gram–Schmidt, and its coefficients too', () => {
    const terms = harmonicTerms([24, 168], [2, 2]);
    const p = designWidth(terms);
    const y = hourlySeries(336);
    const rows = y.map((_, t) => {
      const x = new Float64Array(p);
      fourierRow(terms, t, x);
      return x;
    });
    const eq = bruteNormalEquations(p, y, (t, x) => x.set(rows[t]!));
    const grown = emptyFit(eq);
    // the reference: y's residual after projecting out each column in turn (modified Gram–Schmidt)
    const basis: number[][] = [];
    const residual = [...y];
    for (let c = 0; c < p; c++) {
      const v = rows.map((x) => x[c]!);
      for (const q of basis) {
        const d = v.reduce((s, vi, i) => s + vi * q[i]!, 0);
        v.forEach((_, i) => (v[i]! -= d * q[i]!));
      }
      const norm = Math.sqrt(v.reduce((s, vi) => s + vi * vi, 0));
      const q = v.map((vi) => vi / norm);
      basis.push(q);
      const d = residual.reduce((s, r, i) => s + r * q[i]!, 0);
      residual.forEach((_, i) => (residual[i]! -= d * q[i]!));
      const rss = residual.reduce((s, r) => s + r * r, 0);

      expect(addColumn(eq, grown, c)).toBe(true);
      expect(grown.rss / rss).toBeCloseTo(1, 9);
      const solved = solveSubset(
        eq,
        Array.from({ length: c + 1 }, (_, i) => i),
      )!;
      const fitted = rows.map((x) => solved.coefficients.reduce((s, b, i) => s + b * x[i]!, 0));
      expect(y.reduce((s, yt, t) => s + (yt - fitted[t]!) ** 2, 0) / rss).toBeCloseTo(1, 9);
    }
    // a column already in the fit is collinear: refused, the fit unchanged
    expect(addColumn(eq, grown, 1)).toBe(false);
    expect(grown.columns).toHaveLength(p);
  });
});

describe('Fourier Gram matrix in closed form', () => {
  it('sums cos and sin over a progression, a multiple of 2π included', () => {
    const direct = (w: number, s: number, m: number): [number, number] => {
      let c = 0;
      let sn = 0;
      for (let t = s; t < s + m; t++) [c, sn] = [c + Math.cos(w * t), sn + Math.sin(w * t)];
      return [c, sn];
    };
    for (const [w, s, m] of [
      [0.3, 0, 50],
      [2 * Math.PI, 7, 20],
      [Math.PI, 3, 11],
      [1e-3, 1000, 5000],
    ] as const) {
      const [c, sn] = trigSums(w, s, m);
      const [dc, ds] = direct(w, s, m);
      expect(c).toBeCloseTo(dc, 7);
      expect(sn).toBeCloseTo(ds, 7);
    }
  });

  it('equals the row-by-row sums, Nyquist term and a far start included', () => {
    const terms = harmonicTerms([24, 168], [12, 20]);
    const p = designWidth(terms);
    for (const start of [0, 123_457]) {
      const m = 1_000;
      const brute = bruteNormalEquations(p, new Array<number>(m).fill(0), (t, x) =>
        fourierRow(terms, start + t, x),
      );
      const closed = fourierGram(terms, start, m);
      let worst = 0;
      brute.gram.forEach((row, i) =>
        row.forEach((g, j) => (worst = Math.max(worst, Math.abs(g - closed[i]![j]!)))),
      );
      expect(worst).toBeLessThan(1e-7);
    }
  });
});

describe('grid-started minimisation', () => {
  // a wide local minimum at 0.3, where Brent's first golden-section point lands, and a narrow global one at 0.95
  const f = (x: number): number => Math.min((x - 0.3) ** 2 - 0.1, 50 * (x - 0.95) ** 2 - 0.5);

  it('finds the global minimum Brent alone misses', () => {
    expect(minimize(f, 0, 1).x).toBeCloseTo(0.3, 3);
    expect(minimizeFromGrid(f, [0, 0.25, 0.5, 0.75, 1]).x).toBeCloseTo(0.95, 4);
  });

  it('refuses a grid that is not ascending', () => {
    expect(() => minimizeFromGrid(f, [0.5, 0.2])).toThrow(RangeError);
  });
});

describe('harmonic model with the holiday calendar', () => {
  const { input } = dailyWithHolidays();
  const withHolidays = fitHarmonic(input.values, input.periods, input.holidays);
  const without = fitHarmonic(input.values, input.periods);
  // the days after the history: the holiday is day 8, so day 7 is the day before and day 9 the day after
  const effect = harmonicForecast(withHolidays, 14).mean.map(
    (v, i) => v - harmonicForecast(without, 14).mean[i],
  );

  it('learns the day before (−25) and the day after (+40) a holiday and forecasts them ahead', () => {
    expect(withHolidays.holidayEffects.map((w) => w.name)).toEqual(['dayBeforeHoliday', 'dayAfterHoliday']);
    expect(effect[7]).toBeGreaterThan(-31);
    expect(effect[7]).toBeLessThan(-19);
    expect(effect[9]).toBeGreaterThan(34);
    expect(effect[9]).toBeLessThan(46);
  });

  it('leaves the days away from holidays alone', () => {
    effect.forEach((e, i) => {
      if (i !== 7 && i !== 9) expect(Math.abs(e)).toBeLessThan(3);
    });
  });

  it('has nothing to learn from a window without history (a holiday only ahead)', () => {
    const ahead = fitHarmonic(input.values, input.periods, [
      { start: input.values.length + 8, end: input.values.length + 9 },
    ]);
    expect(ahead.holidayEffects).toEqual([]);
  });
});
