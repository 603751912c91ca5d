import { arimaMinRoot, minRootModulus } from '../../../src/forecasting/arima-roots.core';

describe('ARIMA unit-root check', () => {
  it('finds the smallest root modulus of 1 + c1 z + c2 z²', () => {
    // 1 − 0.5z: root 2
    expect(minRootModulus([-0.5])).toBeCloseTo(2, 9);
    // (1 − 0.5z)(1 − 0.25z) = 1 − 0.75z + 0.125z²: roots 2 and 4
    expect(minRootModulus([-0.75, 0.125])).toBeCloseTo(2, 9);
    // 1 + z²: roots ±i, modulus 1
    expect(minRootModulus([0, 1])).toBeCloseTo(1, 9);
    expect(minRootModulus([0, 0])).toBe(Infinity);
  });

  it('expands seasonal factors: a seasonal MA of −1 has unit roots, −0.5 at period 12 has 2^(1/12)', () => {
    expect(arimaMinRoot({ sar1: 0.27, sma1: -1 }, 12)).toBeCloseTo(1, 9);
    expect(arimaMinRoot({ ma1: -0.4, sma1: -0.5 }, 12)).toBeCloseTo(Math.pow(2, 1 / 12), 9);
    expect(arimaMinRoot({ ar1: 0.5 }, 12)).toBeCloseTo(2, 9);
  });
});
