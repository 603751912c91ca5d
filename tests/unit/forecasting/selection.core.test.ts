import {
  chooseCandidate,
  diverseTop,
  inverseErrorWeights,
  noiseBetween,
  recencyWeights,
  weightedScore,
} from '../../../src/forecasting/selection.core';

describe('AUTO selection core', () => {
  it('weights origins 1..k, newest heaviest, summing to 1', () => {
    expect(recencyWeights(4)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(weightedScore([1, 1, 1, 2])).toBeCloseTo(1.4, 12);
    expect(weightedScore([1, NaN])).toBe(Infinity);
  });

  it('noise is the standard error of the per-origin differences', () => {
    // d = [0.1, 0.3]: sd = 0.1414…, se = sd / √2 = 0.1
    expect(noiseBetween([1.1, 1.3], [1, 1])).toBeCloseTo(0.1, 12);
    expect(noiseBetween([1], [2])).toBe(0);
  });

  it('keeps the best when the simpler model is clearly worse', () => {
    const picked = chooseCandidate([
      { perOrigin: [1.0, 1.0, 1.0], complexity: 0 },
      { perOrigin: [0.7, 0.7, 0.7], complexity: 2 },
    ]);
    expect(picked).toBe(1);
  });

  it('prefers the simpler model within the backtest noise', () => {
    const picked = chooseCandidate([
      { perOrigin: [0.9, 1.1, 1.0], complexity: 0 },
      { perOrigin: [1.1, 0.9, 0.99], complexity: 2 },
    ]);
    expect(picked).toBe(0);
  });

  it('inverse-error weights: 1/score normalised', () => {
    const w = inverseErrorWeights([1, 2, 4]);
    expect(w[0]).toBeCloseTo(4 / 7, 12);
    expect(w[1]).toBeCloseTo(2 / 7, 12);
    expect(w[2]).toBeCloseTo(1 / 7, 12);
    expect(() => inverseErrorWeights([0, 1])).toThrow('scores must be positive and finite');
  });

  it('combines the best variant of each kind, not two variants of one model', () => {
    const picked = diverseTop(
      [
        { kind: 'THETA', score: 1.06 },
        { kind: 'THETA', score: 1.07 },
        { kind: 'MSTL', score: 1.11 },
        { kind: 'SNAIVE', score: 1.29 },
        { kind: 'MSTL', score: 1.13 },
        { kind: 'PROPHET', score: Infinity },
      ],
      3,
    );
    expect(picked).toEqual([0, 2, 3]);
    expect(diverseTop([{ kind: 'ARIMA', score: 1 }], 3)).toEqual([0]);
  });
});
