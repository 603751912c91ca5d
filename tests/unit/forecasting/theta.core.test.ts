import {
  acf,
  fitTheta,
  isSeasonal,
  seasonalIndices,
  thetaForecast,
} from '../../../src/forecasting/models/theta.core';
import { fitSes } from '../../../src/forecasting/models/smoothing.core';
import { airPassengers } from './airpassengers.fixture';

describe('theta core', () => {
  it('acf: lag-1 autocorrelation of 1..10 is 0.7 (Box–Jenkins estimator)', () => {
    const r = acf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1);
    expect(r[0]).toBeCloseTo(0.7, 12);
  });

  it('SES on a constant series: the level is the constant and the SSE 0', () => {
    const fit = fitSes(new Array(20).fill(42));
    expect(fit.level).toBeCloseTo(42, 9);
    expect(fit.sse).toBeCloseTo(0, 9);
  });

  it('SES: the least-squares initial level minimises the SSE for a fixed α', () => {
    const y = [3, 5, 4, 6, 5, 7, 6, 8];
    const fit = fitSes(y);
    const sse = (l0: number): number => {
      let l = l0;
      let s = 0;
      for (const v of y) {
        s += (v - l) ** 2;
        l += fit.alpha * (v - l);
      }
      return s;
    };
    expect(sse(fit.l0)).toBeLessThanOrEqual(sse(fit.l0 + 0.01));
    expect(sse(fit.l0)).toBeLessThanOrEqual(sse(fit.l0 - 0.01));
    expect(sse(fit.l0)).toBeCloseTo(fit.sse, 9);
  });

  it('recovers exact multiplicative seasonal indices (normalised to mean 1)', () => {
    const pattern = [0.8, 1.0, 1.2, 1.0];
    const y = Array.from({ length: 40 }, (_, t) => 100 * pattern[t % 4]);
    seasonalIndices(y, 4, true).forEach((v, i) => expect(v).toBeCloseTo(pattern[i], 9));
  });

  it('AirPassengers is seasonal at lag 12 and white noise is not', () => {
    expect(isSeasonal(airPassengers(), 12)).toBe(true);
    const flat = Array.from({ length: 60 }, (_, t) => ((t * 7919) % 13) - 6);
    expect(isSeasonal(flat, 12)).toBe(false);
  });

  it('forecast = level + drift · (k + (1 − (1 − α)^n)/α), drift half the OLS slope', () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t + (t % 2 === 0 ? 0.5 : -0.5));
    const fit = fitTheta(y, 1);
    expect(fit.drift).toBeCloseTo(1, 2);
    const f = thetaForecast(fit, 3);
    const offset = (1 - Math.pow(1 - fit.alpha, 30)) / fit.alpha;
    expect(f.mean[2]).toBeCloseTo(fit.level + fit.drift * (2 + offset), 9);
    expect(f.sd[2]).toBeCloseTo(Math.sqrt(fit.sigma2) * Math.sqrt(1 + 2 * fit.alpha ** 2), 9);
  });
});
