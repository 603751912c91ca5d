/**
 * The best Gini split of a tree node, as ml-cart's `TreeNode.bestSplit` finds it, in
 * O(features · rows · log rows) instead of O(features · rows²).
 *
 * ml-cart sorts each feature, takes the midpoint of every adjacent pair whose labels differ as a
 * candidate threshold, and for each candidate splits every row again and recounts both sides.
 * Here each feature is sorted once and the candidates are swept in order, moving rows to the
 * lesser side as the threshold passes them. The arithmetic is ml-cart's own, step for step, so
 * the gains are bit-identical and the chosen split (the first strictly best, features then
 * candidates in order) is the same: a class share is 1/n added once per row, as ml-cart's
 * `toDiscreteDistribution` sums it, and the impurities are summed in its order.
 */
import { at } from '../common/indexed';

export interface GiniSplit {
  maxGain: number;
  maxColumn: number | undefined;
  maxValue: number | undefined;
  numberSamples: number | undefined;
}

/** `shares(n)[k]`: 1/n added k times from 0, as ml-cart accumulates a class's share. */
function sharesOf(cache: Map<number, Float64Array>, n: number): Float64Array {
  let table = cache.get(n);
  if (!table) {
    table = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) table[k] = at(table, k - 1) + 1 / n;
    cache.set(n, table);
  }
  return table;
}

/** ml-cart's `giniImpurity` of a side holding `counts[c]` rows of class c, `n` in all. */
function gini(shares: Map<number, Float64Array>, counts: Int32Array, n: number): number {
  if (n === 0) return 0;
  const table = sharesOf(shares, n);
  let sum = 0.0;
  // classes absent from the side add 0 · 0, which leaves the sum exactly as ml-cart's shorter loop does
  for (let c = 0; c < counts.length; c++) {
    const p = at(table, at(counts, c));
    sum += p * p;
  }
  return 1 - sum;
}

/** True when ml-cart's split arithmetic holds: finite features, labels small non-negative integers. */
export function giniSplitApplies(columns: readonly (readonly number[])[], y: readonly number[]): boolean {
  return (
    y.every((v) => Number.isInteger(v) && v >= 0 && v < 1024) &&
    columns.every((col) => col.every((v) => Number.isFinite(v)))
  );
}

/** The first best split over `columns` (one array per feature, a value per row); see the file comment. */
export function bestGiniSplit(columns: readonly (readonly number[])[], y: readonly number[]): GiniSplit {
  const n = y.length;
  const classes = y.reduce((m, v) => Math.max(m, v + 1), 0);
  const shares = new Map<number, Float64Array>();
  const all = new Int32Array(classes);
  for (const v of y) all[v] = at(all, v) + 1;
  const parent = gini(shares, all, n);
  const best: GiniSplit = {
    maxGain: -Infinity,
    maxColumn: undefined,
    maxValue: undefined,
    numberSamples: undefined,
  };
  const lesser = new Int32Array(classes);
  const greater = new Int32Array(classes);
  columns.forEach((x, column) => {
    // Array.prototype.sort is stable: ties keep row order, as ml-cart's sort of (value, label) pairs
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => at(x, a) - at(x, b));
    lesser.fill(0);
    let moved = 0;
    for (let i = 1; i < n; i++) {
      const prev = at(order, i - 1);
      const next = at(order, i);
      if (at(y, prev) === at(y, next)) continue;
      const value = (at(x, prev) + at(x, next)) / 2;
      // thresholds rise with i: the rows below this one form a growing prefix of `order`
      while (moved < n && at(x, at(order, moved)) < value) {
        const label = at(y, at(order, moved));
        lesser[label] = at(lesser, label) + 1;
        moved++;
      }
      for (let c = 0; c < classes; c++) greater[c] = at(all, c) - at(lesser, c);
      const impurity =
        0.0 +
        (gini(shares, greater, n - moved) * (n - moved)) / n +
        (gini(shares, lesser, moved) * moved) / n;
      const gain = parent - impurity;
      if (gain > best.maxGain) {
        best.maxGain = gain;
        best.maxColumn = column;
        best.maxValue = value;
        best.numberSamples = x.length;
      }
    }
  });
  return best;
}
