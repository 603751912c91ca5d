/**
 * Erlang B and Erlang C (M/M/N) without factorials.
 *
 * Erlang B comes from the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)).
 * Erlang C comes from B: C = N·B / (N − A·(1 − B)). The queue is stable only when
 * N > A; otherwise the result carries `stable: false` with waitProbability 1,
 * serviceLevel 0, asaSeconds Infinity and occupancy 1 (never NaN). Callers that
 * serialise the result (GraphQL has no Infinity) must map an unstable ASA to null.
 */
import { assertCount, assertNonNegative, assertPositive } from './staffing.validation';

/**
 * Below this the recursion runs from n = 0. Above it, it starts at n0 = A − 10·√A with
 * B(n0) ≈ 1 − n0/A: the recursion is a contraction there and the start error is damped by
 * ∏_{n0<k≤A} k/A ≈ e^(−50) before it reaches n = A, far below double precision. The
 * warm start is used only for lines ≥ A, where that damping has happened.
 */
const WARM_START_TRAFFIC = 400;

/** Erlang B at `lines` servers, starting the recursion near A for large traffic (unchecked). */
export function erlangBUnchecked(trafficErlangs: number, lines: number): number {
  if (trafficErlangs === 0) return lines === 0 ? 1 : 0;
  let n = 0;
  let b = 1;
  if (trafficErlangs > WARM_START_TRAFFIC && lines >= trafficErlangs) {
    n = Math.floor(trafficErlangs - 10 * Math.sqrt(trafficErlangs));
    b = 1 - n / trafficErlangs;
  }
  while (n < lines) {
    n += 1;
    const ab = trafficErlangs * b;
    b = ab / (n + ab);
  }
  return b;
}

/** Erlang B blocking probability: A Erlangs offered to `lines` servers without a queue. */
export function erlangB(trafficErlangs: number, lines: number): number {
  assertNonNegative('trafficErlangs', trafficErlangs);
  assertCount('lines', lines);
  return erlangBUnchecked(trafficErlangs, lines);
}

/** Erlang C wait probability from Erlang B (unchecked; requires agents > traffic). */
export const erlangCFromB = (trafficErlangs: number, agents: number, b: number): number =>
  (agents * b) / (agents - trafficErlangs * (1 - b));

/** Erlang C probability of waiting; 1 when agents ≤ traffic (the queue grows without bound). */
export function erlangC(trafficErlangs: number, agents: number): number {
  assertNonNegative('trafficErlangs', trafficErlangs);
  assertCount('agents', agents);
  if (trafficErlangs === 0) return 0;
  if (agents <= trafficErlangs) return 1;
  return erlangCFromB(trafficErlangs, agents, erlangBUnchecked(trafficErlangs, agents));
}

export interface QueueInput {
  trafficErlangs: number;
  agents: number;
  ahtSeconds: number;
  /** Answer-time threshold t of the service level "answered within t seconds". */
  answerSeconds: number;
}

export interface ErlangCResult {
  model: 'ERLANG_C';
  trafficErlangs: number;
  agents: number;
  /** False when agents ≤ traffic: the queue is unbounded and ASA is Infinity. */
  stable: boolean;
  waitProbability: number;
  /** SL(t) = 1 − C·exp(−(N − A)·t / AHT). */
  serviceLevel: number;
  /** ASA = C·AHT / (N − A), over all arrivals (those answered at once count as 0). */
  asaSeconds: number;
  /** A / N, capped at 1; 0 when there is no traffic. */
  occupancy: number;
}

/** Erlang C metrics from a precomputed Erlang B (unchecked hot path for the agent search). */
export function erlangCMetricsFromB(input: QueueInput, b: number): ErlangCResult {
  const { trafficErlangs: a, agents: n, ahtSeconds, answerSeconds } = input;
  if (a === 0) {
    return {
      model: 'ERLANG_C',
      trafficErlangs: a,
      agents: n,
      stable: true,
      waitProbability: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    };
  }
  if (n <= a) {
    return {
      model: 'ERLANG_C',
      trafficErlangs: a,
      agents: n,
      stable: false,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      occupancy: 1,
    };
  }
  const c = erlangCFromB(a, n, b);
  const serviceLevel = Math.min(1, Math.max(0, 1 - c * Math.exp((-(n - a) * answerSeconds) / ahtSeconds)));
  return {
    model: 'ERLANG_C',
    trafficErlangs: a,
    agents: n,
    stable: true,
    waitProbability: c,
    serviceLevel,
    asaSeconds: (c * ahtSeconds) / (n - a),
    occupancy: a / n,
  };
}

export function assertQueueInput(input: QueueInput): void {
  assertNonNegative('trafficErlangs', input.trafficErlangs);
  assertCount('agents', input.agents);
  assertPositive('ahtSeconds', input.ahtSeconds);
  assertNonNegative('answerSeconds', input.answerSeconds);
}

/** Erlang C service level, ASA, wait probability and occupancy for a given number of agents. */
export function erlangCMetrics(input: QueueInput): ErlangCResult {
  assertQueueInput(input);
  return erlangCMetricsFromB(input, erlangBUnchecked(input.trafficErlangs, input.agents));
}
