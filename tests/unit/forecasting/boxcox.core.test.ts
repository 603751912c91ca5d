import { boxCox, guerreroLambda, invBoxCox } from '../../../src/forecasting/models/boxcox.core';
import { minimize } from '../../../src/forecasting/optimize.core';
import { airPassengers } from './airpassengers.fixture';

describe('Guerrero λ', () => {
  it("reproduces R's BoxCox.lambda(AirPassengers) = -0.2947 (forecast 8.x, method guerrero)", () => {
    expect(guerreroLambda(airPassengers(), { period: 12 })).toBeCloseTo(-0.2947, 2);
  });

  it('is 1 (no transform) when the series holds two periods or fewer', () => {
    expect(guerreroLambda([1, 2, 3, 4, 5, 6], { period: 3 })).toBe(1);
  });

  it('searches only λ >= 0.1 when the series holds zeros', () => {
    const withZeros = airPassengers().map((v, i) => (i % 12 === 0 ? 0 : v));
    expect(guerreroLambda(withZeros, { period: 12 })).toBeGreaterThanOrEqual(0.1);
  });

  it('rejects negative values, naming the rule', () => {
    expect(() => guerreroLambda([-1, ...airPassengers()], { period: 12 })).toThrow(
      'Box-Cox needs values >= 0',
    );
  });
});

describe('Box-Cox transform', () => {
  it('matches the definition: log for λ = 0, (x^λ − 1)/λ otherwise', () => {
    expect(boxCox([Math.E, 1], 0)).toEqual([1, 0]);
    expect(boxCox([10], 0.5)[0]).toBeCloseTo(4.3245553, 6);
    expect(boxCox([4], -1)[0]).toBeCloseTo(0.75, 12);
  });

  it('inverts exactly', () => {
    const xs = [0.5, 3, 112, 622];
    for (const lambda of [-0.2947, 0, 0.5, 1.3]) {
      invBoxCox(boxCox(xs, lambda), lambda).forEach((v, i) => expect(v).toBeCloseTo(xs[i], 9));
    }
  });

  it("bias-adjusts the mean like R's InvBoxCox(biasadj = TRUE): x(1 + σ²(1 − λ) / (2x^2λ))", () => {
    expect(invBoxCox([Math.log(100)], 0, [0.04])[0]).toBeCloseTo(102, 9);
    // λ = 0.5, y = 18 → x = (0.5·18 + 1)² = 100; σ² = 4 → 100 · (1 + 0.5·4·0.5/100) = 101
    expect(invBoxCox([18], 0.5, [4])[0]).toBeCloseTo(101, 9);
  });

  it('maps values beyond −1/λ (λ < 0) to +∞ for the caller to cap', () => {
    expect(invBoxCox([5], -0.5)[0]).toBe(Infinity);
  });
});

describe('Brent minimisation', () => {
  it('finds the minimum of a parabola and of cos on [3, 4] (π)', () => {
    expect(minimize((x) => (x - 0.3) ** 2, -1, 2).x).toBeCloseTo(0.3, 6);
    expect(minimize(Math.cos, 3, 4).x).toBeCloseTo(Math.PI, 5);
  });
});
