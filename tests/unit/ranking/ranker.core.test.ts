import {
  auc,
  featureNamesMismatch,
  precisionAtK,
  predictForest,
  sampleRows,
  trainForest,
} from '../../../src/ranking/ranker.core';
import { FEATURE_NAMES } from '../../../src/ranking/ranking-features.core';

describe('ranker metrics', () => {
  it('AUC matches scikit-learn’s roc_auc_score example (y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] → 0.75)', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('AUC counts ties half, is 1 for a perfect and null for a one-class ranking', () => {
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(auc([0.1, 0.9, 0.8], [0, 1, 1])).toBe(1);
    expect(auc([0.1, 0.9], [1, 1])).toBeNull();
    expect(() => auc([0.1], [1, 0])).toThrow('differ in length');
  });

  it('precision@k: positives among the k best scores, earlier rows winning ties', () => {
    expect(precisionAtK([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 1], 2)).toBe(0.5);
    expect(precisionAtK([0.5, 0.5, 0.5], [0, 1, 1], 1)).toBe(0);
    expect(precisionAtK([0.2], [1], 0)).toBeNull();
  });

  it('sampleRows keeps at most max rows, half positives when there are enough, seeded', () => {
    const y = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
    const rows = sampleRows(y, 100, 3);
    expect(rows).toHaveLength(100);
    expect(rows.filter((i) => y[i] === 1)).toHaveLength(50);
    expect(sampleRows(y, 100, 3)).toEqual(rows);
    expect(sampleRows([1, 0, 0], 10, 1)).toEqual([0, 1, 2]);
  });
});

describe('the mljs random forest', () => {
  it('learns a separable rule and scores the held-out side of it', () => {
    const X = Array.from({ length: 200 }, (_, i) => [i % 7, (i * 13) % 11]);
    const y = X.map(([a]) => (a >= 4 ? 1 : 0));
    const forest = trainForest(X, y, {
      nEstimators: 5,
      maxDepth: 4,
      maxFeatures: 1,
      seed: 1,
      maxTrainRows: 200,
    });
    const p = predictForest(forest, [
      [4, 3],
      [2, 3],
    ]);
    expect(p[0]).toBeGreaterThan(0.8);
    expect(p[1]).toBeLessThan(0.2);
  });

  it('refuses rows with one label only', () => {
    expect(() =>
      trainForest([[1], [2]], [0, 0], {
        nEstimators: 1,
        maxDepth: 2,
        maxFeatures: 1,
        seed: 1,
        maxTrainRows: 2,
      }),
    ).toThrow('both labels');
  });
});

describe('featureNamesMismatch', () => {
  it('accepts this version’s list and names any difference: missing, unknown, order, none stored', () => {
    expect(featureNamesMismatch([...FEATURE_NAMES])).toBeNull();
    expect(featureNamesMismatch(['a', 'b', 'c'], ['a', 'b'])).toBe(
      'trained on 3 features, this version computes 2; unknown: "c"',
    );
    expect(featureNamesMismatch(['a'], ['a', 'b'])).toBe(
      'trained on 1 features, this version computes 2; missing: b',
    );
    expect(featureNamesMismatch(['b', 'a'], ['a', 'b'])).toBe(
      'feature 0 is b, this version computes a there',
    );
    expect(featureNamesMismatch(undefined)).toBe('the model stores no feature names');
  });
});
