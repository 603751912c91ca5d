import { centredMovingAverage } from '../../../src/forecasting/models/smoothing.core';
import { airPassengers } from './airpassengers.fixture';

describe('centred moving average', () => {
  // R: forecast::ma(AirPassengers, order = 12) and order = 5, at R's 1-based positions
  it('matches R’s ma() for an even order (2×12) and an odd one (5), NaN at the ends', () => {
    const ma12 = centredMovingAverage(airPassengers(), 12);
    expect(ma12[6]).toBeCloseTo(126.7916666667, 9);
    expect(ma12[7]).toBeCloseTo(127.25, 9);
    expect(ma12[49]).toBeCloseTo(218.5, 9);
    expect(ma12[137]).toBeCloseTo(475.0416666667, 9);
    expect(ma12.filter(Number.isNaN)).toHaveLength(12);
    const ma5 = centredMovingAverage(airPassengers(), 5);
    expect(ma5[2]).toBeCloseTo(122.4, 9);
    expect(ma5[3]).toBeCloseTo(127, 9);
    expect(ma5[141]).toBeCloseTo(479.4, 9);
    expect(ma5.filter(Number.isNaN)).toHaveLength(4);
  });

  it('keeps a long window exact: the sliding sum does not drift over 50,000 steps', () => {
    const y = Array.from({ length: 50_000 }, (_, t) => 1e6 + ((t * 7919) % 101) + 0.001 * t);
    const m = 8_784;
    const out = centredMovingAverage(y, m);
    for (const t of [m / 2, 20_000, 50_000 - 1 - m / 2]) {
      let s = (y[t - m / 2]! + y[t + m / 2]!) / 2;
      for (let k = -m / 2 + 1; k < m / 2; k++) s += y[t + k]!;
      expect(out[t]).toBeCloseTo(s / m, 7);
    }
  });
});
