import {
  conditioningLength,
  expandPolynomials,
  fitCss,
} from '../../../src/forecasting/models/arima-css.core';
import { approximateCriterion } from '../../../src/forecasting/models/arima-search';
import { R_ARIMA } from './arima-reference.fixture';

const cases = Object.entries(R_ARIMA);

describe('CSS fits against R’s arima(method = "CSS")', () => {
  it('multiplies the seasonal polynomials out as R does', () => {
    const o = { p: 1, d: 0, q: 1, P: 1, D: 1, Q: 1, s: 4 };
    const { phi, theta } = expandPolynomials([0.5, 0.3, 0.2, -0.4], o);
    expect(phi).toEqual([0.5, 0, 0, 0.2, -0.1]);
    expect(theta.map((v) => +v.toFixed(12))).toEqual([0.3, 0, 0, -0.4, -0.12]);
    expect(conditioningLength(o)).toBe(0 + 4 + 1 + 4);
  });

  it.each(cases)('%s: R’s coefficients (drift or mean included) and σ² at R’s chosen orders', (_, c) => {
    const [p, d, q] = c.order;
    const [P, D, Q] = c.seasonalOrder;
    const o = { p, d, q, P, D, Q, s: Math.max(c.period, 1) };
    const fit = fitCss(c.values, o, c.drift ? 'drift' : d + D === 0 ? 'mean' : 'none');
    expect(fit).not.toBeNull();
    c.css.coef.forEach((v, i) =>
      expect(Math.abs((fit?.coef[i] ?? NaN) - v)).toBeLessThan(1e-6 * Math.max(1, Math.abs(v))),
    );
    expect(Math.abs((fit?.sigma2 ?? NaN) / c.css.sigma2 - 1)).toBeLessThan(1e-6);
  });
});

describe('the approximate criterion R’s search ranks orders by', () => {
  const withTrace = cases.filter(([, c]) => c.trace && c.trace.length > 0);

  it('is pinned on the series R approximates', () => {
    expect(withTrace.map(([name]) => name)).toEqual(
      expect.arrayContaining(['a10BoxCox', 'usmelec', 'hyndsight']),
    );
  });

  it.each(withTrace)('%s: every model R’s trace printed, to 1e-3 (+∞ where R refused it)', (_, c) => {
    // ctsa always fits the mean when d + D = 0, so the search has no zero-mean models
    for (const t of (c.trace ?? []).filter((entry) => !entry.zeroMean)) {
      const [p, d, q] = t.order;
      const [P, D, Q] = t.seasonalOrder;
      const ic = approximateCriterion(
        { p, d, q, P, D, Q, s: c.period, ...(t.drift ? { drift: true } : {}) },
        c.values,
      );
      if (t.ic === null) expect(ic).toBe(Infinity);
      else expect(Math.abs(ic - t.ic)).toBeLessThan(1e-3);
    }
  });
});
