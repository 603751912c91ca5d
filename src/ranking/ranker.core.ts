/**
 * The assignment ranker: a random forest from mljs (`ml-random-forest`, trees from `ml-cart`)
 * trained on a temporal split (older weeks train, the newest validate), with AUC and
 * precision@k against the stated-preference baseline. Pure: arrays in, JSON model out.
 */
import { RandomForestClassifier } from 'ml-random-forest';
import { at } from '../common/indexed';
import { mulberry32 } from '../common/random';
import { candidateFeatures, FEATURE_NAMES } from './ranking-features.core';
import { type RankerWeek, weekLabels, weekRows, type WeekRows } from './ranker-dataset.core';
import { mean } from '../common/mean';
import { sum } from '../common/sum';
import { bestGiniSplit, giniSplitApplies, type GiniSplit } from './gini-split.core';

export interface RankerOptions {
  nEstimators: number;
  maxDepth: number;
  /** Share of the features each tree sees. */
  maxFeatures: number;
  seed: number;
  /** Training rows are subsampled to this many (half positives at most): ml-cart is quadratic-ish in rows. */
  maxTrainRows: number;
}

export const DEFAULT_RANKER_OPTIONS: RankerOptions = {
  nEstimators: 24,
  maxDepth: 7,
  maxFeatures: 0.7,
  seed: 17,
  maxTrainRows: 1200,
};

/** A seeded sample of at most `max` row indices: up to half positives, the rest negatives. */
export function sampleRows(y: readonly number[], max: number, seed: number): number[] {
  const rng = mulberry32(seed);
  const shuffle = (a: number[]): number[] => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [a[i], a[j]] = [at(a, j), at(a, i)];
    }
    return a;
  };
  const pos = shuffle(y.flatMap((v, i) => (v === 1 ? [i] : [])));
  const neg = shuffle(y.flatMap((v, i) => (v === 1 ? [] : [i])));
  const takePos = Math.min(pos.length, Math.max(Math.floor(max / 2), max - neg.length));
  return [...pos.slice(0, takePos), ...neg.slice(0, max - takePos)].sort((a, b) => a - b);
}

export type ForestJson = ReturnType<RandomForestClassifier['toJSON']>;

export interface RankerMetrics {
  auc: number | null;
  /** Mean over validation weeks of the share of the top-k candidates that were published (k = published count). */
  precisionAtK: number | null;
  /** The same for the stated-preference rules (fewest misses first, most desired next). */
  baselinePrecisionAtK: number | null;
  /**
   * AUC of the stated-preference rules' scores on the same rows: what the ranker's AUC must
   * beat (absent on rankers trained before 2026-12-03).
   */
  baselineAuc?: number | null;
  trainRows: number;
  validationRows: number;
  trainWeeks: string[];
  validationWeeks: string[];
}

export interface TrainedRanker {
  forest: ForestJson;
  featureNames: string[];
  options: RankerOptions;
  metrics: RankerMetrics;
}

/**
 * Why a ranker trained on `stored` features cannot score this version's `expected` feature
 * vector, or null when they are the same list in the same order. A forest reads features by
 * position, so a renamed, reordered, added or dropped feature would be scored silently wrong.
 */
export function featureNamesMismatch(
  value: unknown,
  expected: readonly string[] = FEATURE_NAMES,
): string | null {
  if (!Array.isArray(value)) return 'the model stores no feature names';
  const stored: unknown[] = value;
  if (!stored.every((n): n is string => typeof n === 'string'))
    return 'the model stores feature names that are not strings';
  const missing = expected.filter((n) => !stored.includes(n));
  const unknown = stored.filter((n) => !expected.includes(n));
  if (missing.length > 0 || unknown.length > 0)
    return [
      `trained on ${stored.length} features, this version computes ${expected.length}`,
      ...(missing.length > 0 ? [`missing: ${missing.slice(0, 5).join(', ')}`] : []),
      ...(unknown.length > 0
        ? [
            `unknown: ${unknown
              .slice(0, 5)
              .map((n) => JSON.stringify(n.slice(0, 40)))
              .join(', ')}`,
          ]
        : []),
    ].join('; ');
  const i = expected.findIndex((n, k) => stored[k] !== n);
  if (i >= 0) return `feature ${i} is ${stored[i] ?? '?'}, this version computes ${at(expected, i)} there`;
  return null;
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties counted half. */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  if (scores.length !== labels.length)
    throw new Error(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && at(order, j)[0] === at(order, i)[0]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (at(order, k)[1] === 1) {
        rankSumPos += midRank;
        pos++;
      }
    i = j;
  }
  const neg = order.length - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Share of positives among the k highest scores (stable: earlier rows win ties). */
export function precisionAtK(scores: readonly number[], labels: readonly number[], k: number): number | null {
  if (k <= 0 || scores.length === 0) return null;
  const top = scores
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k);
  return top.filter(([, i]) => labels[i] === 1).length / top.length;
}

const PREF_MISSES = FEATURE_NAMES.indexOf('prefMisses');
const PREF_DESIRED = FEATURE_NAMES.indexOf('prefDesired');

/** The stated-preference rules as a score: fewer misses first, then more desired hits. */
export const preferenceScores = (X: number[][]): number[] =>
  X.map((x) => -at(x, PREF_MISSES) + 0.1 * at(x, PREF_DESIRED));

/** What trainForest touches of ml-cart's tree node (its class is not exported). */
interface CartNode {
  kind: unknown;
  gainFunction: unknown;
  splitFunction: unknown;
  bestSplit: (this: CartNode, XTranspose: CartMatrix, y: number[]) => GiniSplit;
}
interface CartMatrix {
  rows: number;
  getRow(i: number): number[];
}

/** A forest of one single-leaf tree, loaded only to reach ml-cart's tree-node prototype. */
const ONE_LEAF_FOREST: ForestJson = {
  name: 'RFClassifier',
  baseModel: {
    ...{ maxFeatures: 1, replacement: false, nEstimators: 1, seed: 1, useSampleBagging: false },
    ...{ treeOptions: {}, noOOB: true, isClassifier: true, indexes: [[0]], n: 1 },
    estimators: [{ name: 'DTClassifier', options: { kind: 'classifier' }, root: { distribution: [[1]] } }],
  },
};

function cartNodePrototype(): CartNode {
  const estimators: unknown = RandomForestClassifier.load(ONE_LEAF_FOREST).estimators;
  const tree: unknown = Array.isArray(estimators) ? estimators[0] : undefined;
  const root: unknown = typeof tree === 'object' && tree !== null && 'root' in tree ? tree.root : undefined;
  const proto: unknown = typeof root === 'object' && root !== null ? Object.getPrototypeOf(root) : null;
  if (
    typeof proto !== 'object' ||
    proto === null ||
    !('bestSplit' in proto) ||
    typeof proto.bestSplit !== 'function'
  )
    throw new Error('ml-cart changed: its tree nodes have no bestSplit');
  return proto as CartNode;
}

/**
 * Runs `train` with ml-cart's split search replaced by bestGiniSplit (same splits, found in
 * O(rows · log rows) per feature instead of O(rows²): gini-split.core.ts), then puts it back.
 * Training is synchronous, so nothing else runs while the prototype is swapped.
 */
function withGiniSplits<T>(train: () => T): T {
  const node = cartNodePrototype();
  const original = node.bestSplit;
  node.bestSplit = function (this: CartNode, XTranspose, y) {
    const columns = Array.from({ length: XTranspose.rows }, (_, i) => XTranspose.getRow(i));
    const gini = this.kind === 'classifier' && this.gainFunction === 'gini' && this.splitFunction === 'mean';
    return gini && giniSplitApplies(columns, y)
      ? bestGiniSplit(columns, y)
      : original.call(this, XTranspose, y);
  };
  try {
    return train();
  } finally {
    node.bestSplit = original;
  }
}

export function trainForest(X: number[][], y: number[], options: RankerOptions): ForestJson {
  if (X.length === 0) throw new Error('no training rows');
  if (new Set(y).size < 2) throw new Error('training rows need both labels (kept and not kept)');
  const forest = new RandomForestClassifier({
    nEstimators: options.nEstimators,
    maxFeatures: options.maxFeatures,
    seed: options.seed,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: options.maxDepth, minNumSamples: 5 },
  });
  withGiniSplits(() => forest.train(X, y));
  // plain JSON (ml-matrix instances become arrays): survives the store and structured clone
  return JSON.parse(JSON.stringify(forest.toJSON())) as ForestJson;
}

/** Probability of label 1 per row; throws on a malformed model. */
export function predictForest(model: ForestJson, X: number[][]): number[] {
  if (X.length === 0) return [];
  const forest = RandomForestClassifier.load(model);
  return forest.predictProbability(X, 1);
}

export function evaluate(
  model: ForestJson,
  rows: WeekRows[],
): Pick<RankerMetrics, 'auc' | 'precisionAtK' | 'baselinePrecisionAtK' | 'baselineAuc'> {
  const scored = rows.map((r) => ({ r, p: predictForest(model, r.X) }));
  const k = (r: WeekRows): number => r.y.filter((v) => v === 1).length;
  const labels = rows.flatMap((r) => r.y);
  return {
    auc: auc(
      scored.flatMap((s) => s.p),
      labels,
    ),
    precisionAtK: mean(scored.map((s) => precisionAtK(s.p, s.r.y, k(s.r)))),
    baselinePrecisionAtK: mean(rows.map((r) => precisionAtK(preferenceScores(r.X), r.y, k(r)))),
    baselineAuc: auc(
      rows.flatMap((r) => preferenceScores(r.X)),
      labels,
    ),
  };
}

/** Trains on all but the newest `validationWeeks` weeks and validates on those (weeks oldest first). */
export function trainRanker(
  weeks: RankerWeek[],
  validationWeeks: number,
  options = DEFAULT_RANKER_OPTIONS,
): TrainedRanker {
  if (validationWeeks < 1 || validationWeeks >= weeks.length)
    throw new Error(`validationWeeks must be in [1, ${weeks.length - 1}], got ${validationWeeks}`);
  const trainWeeks = weeks.slice(0, weeks.length - validationWeeks);
  const train = trainWeeks.map(weekLabels);
  const validation = weeks.slice(weeks.length - validationWeeks).map(weekRows);
  // features of the sampled rows only: the forest sees maxTrainRows of them, and computing
  // every candidate's was nearly all of a training's time (same rows, same forest)
  const rowOf = train.flatMap((r, w) => r.y.map((_, k) => [w, k] as const));
  const allY = train.flatMap((r) => r.y);
  const picked = sampleRows(allY, options.maxTrainRows, options.seed);
  const X = picked.map((i) => {
    const [w, k] = at(rowOf, i);
    const week = at(trainWeeks, w);
    return candidateFeatures(week.problem, week.history, at(at(train, w).refs, k));
  });
  const forest = trainForest(
    X,
    picked.map((i) => at(allY, i)),
    options,
  );
  return {
    forest,
    featureNames: [...FEATURE_NAMES],
    options,
    metrics: {
      ...evaluate(forest, validation),
      trainRows: picked.length,
      validationRows: sum(validation, (r) => r.y.length),
      trainWeeks: train.map((r) => r.week),
      validationWeeks: validation.map((r) => r.week),
    },
  };
}
