import { RandomForestClassifier } from 'ml-random-forest';
import { mulberry32 } from '../../../src/common/random';
import { bestGiniSplit, giniSplitApplies } from '../../../src/ranking/gini-split.core';
import { type RankerOptions, trainForest } from '../../../src/ranking/ranker.core';

/** Rows of few distinct values (many ties) and a label that depends on them, with noise. */
function dataset(seed: number, rows: number, features: number, classes: number) {
  const rand = mulberry32(seed);
  const X = Array.from({ length: rows }, () =>
    Array.from({ length: features }, (_, f) => Math.floor(rand() * (3 + 4 * f)) / (1 + f)),
  );
  const y = X.map((x) => (rand() < 0.2 ? Math.floor(rand() * classes) : Math.floor(x[0] + x[1]) % classes));
  return { X, y };
}

/** The forest ml-random-forest trains with ml-cart's own split search (no gini-split). */
function mlCartForest(X: number[][], y: number[], o: RankerOptions): unknown {
  const forest = new RandomForestClassifier({
    nEstimators: o.nEstimators,
    maxFeatures: o.maxFeatures,
    seed: o.seed,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: o.maxDepth, minNumSamples: 5 },
  });
  forest.train(X, y);
  return JSON.parse(JSON.stringify(forest.toJSON()));
}

describe('gini split search', () => {
  it.each([
    [1, 2],
    [2, 2],
    [3, 3],
  ])('trainForest grows exactly the trees of ml-cart’s own search (seed %i, %i classes)', (seed, classes) => {
    const { X, y } = dataset(seed, 300, 4, classes);
    const options = { nEstimators: 4, maxDepth: 6, maxFeatures: 0.75, seed, maxTrainRows: 300 };
    expect(trainForest(X, y, options)).toEqual(mlCartForest(X, y, options));
  });

  it('finds the first best threshold, the midpoint between the values it separates', () => {
    // columns 0 and 1 both separate the labels at 2.5 (gain 0.5): the first one wins
    const split = bestGiniSplit(
      [
        [1, 2, 3, 4],
        [1, 2, 3, 4],
        [0, 1, 1, 0],
      ],
      [0, 0, 1, 1],
    );
    expect(split).toEqual({ maxGain: 0.5, maxColumn: 0, maxValue: 2.5, numberSamples: 4 });
    expect(bestGiniSplit([[5, 5, 5]], [0, 1, 0]).maxValue).toBe(5);
  });

  it('applies only to finite features and small non-negative integer labels', () => {
    expect(giniSplitApplies([[0.5, 2]], [0, 1])).toBe(true);
    expect(giniSplitApplies([[NaN, 2]], [0, 1])).toBe(false);
    expect(giniSplitApplies([[1, Infinity]], [0, 1])).toBe(false);
    expect(giniSplitApplies([[1, 2]], [0, -1])).toBe(false);
    expect(giniSplitApplies([[1, 2]], [0, 0.5])).toBe(false);
  });
});
