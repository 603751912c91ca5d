/**
 * Erlang A (M/M/N+M, Palm's model): Poisson arrivals, exponential service (mean AHT),
 * N agents, and callers who abandon after an exponential patience with mean θ⁻¹.
 *
 * Exact birth–death chain, summed in closed form (Garnett, Mandelbaum & Reiman 2002;
 * Mandelbaum & Zeltyn). In units of the AHT (μ = 1), with g = AHT / patience,
 * x = N / g and y = A / g:
 *
 *   states above N:   π_(N+j) = π_N · t_j,  t_j = ∏_{i≤j} y / (x + i)
 *   S = Σ t_j = F(x, y)                      (see gamma.core.ts, computed in log space)
 *   P(wait)   = S·B / (1 − B + S·B)          (B = Erlang B at N, by the stable recursion)
 *   P(abandon)= θ·E[queue]/λ = P(wait) · (Σ j t_j / S) / y
 *   ASA       = E[wait] over ALL arrivals, abandoned ones included = P(abandon) · patience
 *   occupancy = A·(1 − P(abandon)) / N       (carried load per agent)
 *   SL(t)     = P(answered within t), over ALL arrivals; a caller who abandons, at any
 *               time, counts as not answered:
 *               1 − P(wait) + P(wait) · x/(x+1) · [F(x+1, y) − F(x+1, z)·e^(y − z − (x+1)·t/θ⁻¹)] / F(x, y),
 *               z = y·e^(−t/θ⁻¹). From P(V > s) = P(wait)·γ(x, y·e^(−θs)) / γ(x, y) for the offered
 *               wait V, integrated against the probability e^(−θs) of still being there.
 *
 * Every ratio is formed from logarithms, so it stays finite from 0.01 to 10,000 Erlangs
 * and for any patience. Special cases: no traffic → nobody waits; N = 0 → everyone
 * abandons (ASA = the mean patience).
 */
import { assertQueueInput, erlangBUnchecked, type QueueInput } from './erlang-c.core';
import { gammaSeries } from './gamma.core';
import { assertPositive } from './staffing.validation';

export interface ErlangAInput extends QueueInput {
  /** Mean time a caller is willing to wait before hanging up. */
  patienceSeconds: number;
}

export interface ErlangAResult {
  model: 'ERLANG_A';
  trafficErlangs: number;
  agents: number;
  /** Always true: abandonment keeps an M/M/N+M queue stable at any staffing. */
  stable: true;
  waitProbability: number;
  abandonProbability: number;
  /** Fraction of all arrivals answered within the answer time (abandoned = not answered). */
  serviceLevel: number;
  /** Mean wait over all arrivals, abandoned callers' time to abandon included. */
  asaSeconds: number;
  occupancy: number;
}

const result = (
  input: ErlangAInput,
  waitProbability: number,
  abandonProbability: number,
  serviceLevel: number,
  asaSeconds: number,
  occupancy: number,
): ErlangAResult => ({
  model: 'ERLANG_A',
  trafficErlangs: input.trafficErlangs,
  agents: input.agents,
  stable: true,
  waitProbability,
  abandonProbability,
  serviceLevel,
  asaSeconds,
  occupancy,
});

const clampUnit = (p: number): number => Math.min(1, Math.max(0, p));

/** Erlang A metrics from a precomputed Erlang B at `input.agents` (unchecked hot path). */
export function erlangAMetricsFromB(input: ErlangAInput, b: number): ErlangAResult {
  const { trafficErlangs: a, agents: n, ahtSeconds, answerSeconds, patienceSeconds } = input;
  if (a === 0) return result(input, 0, 0, 1, 0, 0);
  if (n === 0) return result(input, 1, 1, 0, patienceSeconds, 0);
  const g = ahtSeconds / patienceSeconds;
  const x = n / g;
  const y = a / g;
  const base = gammaSeries(x, y);
  const logS = base.logF;
  // P(wait) = 1 / (1 + (1 − B) / (S·B)); B = 0 (underflow when heavily overstaffed) gives 0.
  const waitProbability = 1 / (1 + Math.exp(Math.log1p(-b) - Math.log(b) - logS));
  const abandonProbability = clampUnit((waitProbability * base.meanIndex) / y);
  const tau = answerSeconds / patienceSeconds;
  let answeredAfterWait = 0;
  if (tau > 0) {
    const z = y * Math.exp(-tau);
    const upper = Math.exp(gammaSeries(x + 1, y).logF - logS);
    const lower = Math.exp(gammaSeries(x + 1, z).logF - logS + y - z - (x + 1) * tau);
    answeredAfterWait = (x / (x + 1)) * Math.max(0, upper - lower);
  }
  const serviceLevel = clampUnit(1 - waitProbability + waitProbability * answeredAfterWait);
  const occupancy = Math.min(1, (a * (1 - abandonProbability)) / n);
  return result(
    input,
    waitProbability,
    abandonProbability,
    serviceLevel,
    abandonProbability * patienceSeconds,
    occupancy,
  );
}

export function assertErlangAInput(input: ErlangAInput): void {
  assertQueueInput(input);
  assertPositive('patienceSeconds', input.patienceSeconds);
}

/** Erlang A service level, ASA, wait and abandon probabilities and occupancy for N agents. */
export function erlangAMetrics(input: ErlangAInput): ErlangAResult {
  assertErlangAInput(input);
  return erlangAMetricsFromB(input, erlangBUnchecked(input.trafficErlangs, input.agents));
}
