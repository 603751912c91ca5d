/**
 * AUTO's choice among backtested candidates: recency-weighted mean MASE over the rolling
 * origins, the simpler model when the gap to the best is within the backtest's noise, and
 * inverse-error weights for a combination. Pure arithmetic over per-origin scores.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { sum } from '../common/sum';

export interface ScoredCandidate {
  /** MASE at each origin, oldest first. */
  perOrigin: number[];
  /** Smaller is simpler (see CANDIDATE_COMPLEXITY). */
  complexity: number;
}

/** Origin weights 1, 2, …, k (oldest to newest), normalised to sum 1. */
export function recencyWeights(k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw badInput(`k must be a positive integer, got ${k}`);
  const total = (k * (k + 1)) / 2;
  return Array.from({ length: k }, (_, i) => (i + 1) / total);
}

/** Recency-weighted mean of per-origin scores; Infinity when any score is not finite. */
export function weightedScore(perOrigin: number[]): number {
  const w = recencyWeights(perOrigin.length);
  const s = perOrigin.reduce((acc, x, i) => acc + at(w, i) * x, 0);
  return Number.isFinite(s) ? s : Infinity;
}

/**
 * The backtest's noise between two candidates: the standard error of their per-origin
 * differences, sd(d) / √k (0 with a single origin).
 */
export function noiseBetween(a: number[], b: number[]): number {
  const k = Math.min(a.length, b.length);
  if (k < 2) return 0;
  const d = a.slice(0, k).map((x, i) => x - at(b, i));
  const mean = d.reduce((s, x) => s + x, 0) / k;
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (k - 1);
  return Math.sqrt(variance / k);
}

/**
 * Index of the chosen candidate: the lowest weighted score, unless a simpler candidate's
 * score is within the noise of the best (its weighted gap ≤ one standard error of the
 * per-origin differences, and at most `maxGap` relative); then the simplest such one.
 */
export function chooseCandidate(candidates: ScoredCandidate[], maxGap = 0.05): number {
  if (candidates.length === 0) throw badInput('candidates must not be empty');
  const scores = candidates.map((c) => weightedScore(c.perOrigin));
  let best = 0;
  scores.forEach((s, i) => {
    if (s < at(scores, best)) best = i;
  });
  const bestScore = at(scores, best);
  const bestCandidate = at(candidates, best);
  let chosen = best;
  candidates.forEach((c, i) => {
    const score = at(scores, i);
    if (c.complexity >= at(candidates, chosen).complexity || !Number.isFinite(score)) return;
    const gap = score - bestScore;
    const noise = noiseBetween(c.perOrigin, bestCandidate.perOrigin);
    if (gap <= noise && gap <= maxGap * bestScore) chosen = i;
  });
  return chosen;
}

/**
 * Members of the combination: the best-scoring candidate of each kind, best kinds first, up
 * to `size`. Two variants of one model (raw and Box-Cox) make near-identical errors, so a
 * second variant would add weight to one model instead of diversity. Returns indices.
 */
export function diverseTop(candidates: { kind: string; score: number }[], size: number): number[] {
  const order = candidates
    .map((c, i) => ({ ...c, i }))
    .filter((c) => Number.isFinite(c.score))
    .sort((a, b) => a.score - b.score);
  const picked: number[] = [];
  const kinds = new Set<string>();
  for (const c of order) {
    if (picked.length >= size) break;
    if (kinds.has(c.kind)) continue;
    kinds.add(c.kind);
    picked.push(c.i);
  }
  return picked;
}

/** Combination weights proportional to 1 / score, normalised to sum 1. */
export function inverseErrorWeights(scores: number[]): number[] {
  if (scores.length === 0 || scores.some((s) => !(s > 0) || !Number.isFinite(s)))
    throw badInput('scores must be positive and finite');
  const inv = scores.map((s) => 1 / s);
  const total = sum(inv);
  return inv.map((v) => v / total);
}
