/**
 * Required agents: the smallest N that meets every given target, and the scheduled
 * headcount once shrinkage is added.
 *
 *   N ≥ ceil(A / maxOccupancy)        occupancy cap (on offered load, for C and A alike)
 *   N > A                             Erlang C stability (Erlang A needs no such floor)
 *   SL(t) ≥ target                    when a service-level target is given
 *   ASA ≤ targetAsaSeconds            when an ASA target is given
 *   scheduled = ceil(N / (1 − shrinkage))
 *
 * The search starts at the lowest admissible N and steps up by one, updating Erlang B
 * with one step of its recursion per N (never recomputing it from zero). Both SL and ASA
 * improve monotonically with N, so the first N that passes is the smallest. Zero
 * traffic needs zero agents. With `patienceSeconds` the Erlang A model is used, otherwise
 * Erlang C.
 */
import { badInput } from '../errors';
import { erlangAMetricsFromB, type ErlangAResult } from './erlang-a.core';
import { erlangBUnchecked, erlangCMetricsFromB, type ErlangCResult } from './erlang-c.core';
import {
  assertNonNegative,
  assertOccupancy,
  assertOpenUnit,
  assertPositive,
  assertShrinkage,
} from './staffing.validation';

export interface ServiceLevelTarget {
  /** Fraction of calls to answer within `answerSeconds`, in (0, 1). */
  target: number;
  answerSeconds: number;
}

export interface RequiredAgentsInput {
  trafficErlangs: number;
  ahtSeconds: number;
  serviceLevel?: ServiceLevelTarget;
  targetAsaSeconds?: number;
  /** In (0, 1]; default 1. */
  maxOccupancy?: number;
  /** In [0, 1); default 0. */
  shrinkage?: number;
  /** Mean patience; when given, the Erlang A model replaces Erlang C. */
  patienceSeconds?: number;
}

/** Which requirement set the answer: the last one to be satisfied. */
export type BindingConstraint = 'NONE' | 'SERVICE_LEVEL' | 'ASA' | 'OCCUPANCY' | 'STABILITY';

export interface RequiredAgentsResult {
  /** Productive agents needed on the phones. */
  rawAgents: number;
  /** rawAgents grossed up for shrinkage: ceil(raw / (1 − shrinkage)). */
  scheduledAgents: number;
  binding: BindingConstraint;
  /** Queue metrics at rawAgents (service level at the target's answer time, 0 s if none). */
  metrics: ErlangCResult | ErlangAResult;
}

/** Largest offered load planned for (the core is checked up to 10,000 Erlangs). */
export const MAX_TRAFFIC_ERLANGS = 10_000;
/**
 * Most agents the search adds above its starting floor. SL and ASA targets a queue can
 * meet are met within a few hundred steps even at 10,000 Erlangs; a target that is not
 * met by then (a 100 % service level at 0 s) is refused instead of searched forever.
 */
export const MAX_SEARCH_STEPS = 10_000;

/** Tolerance for ceilings of ratios such as 14 / 0.7 = 20.000000000000004. */
const CEIL_SLACK = 1e-9;
/** A service level within this of the target counts as meeting it (floating-point noise). */
const TARGET_SLACK = 1e-12;

/** ceil(x) that ignores floating-point noise just above an integer. */
export const safeCeil = (x: number): number => {
  const c = Math.ceil(x - CEIL_SLACK * Math.max(1, Math.abs(x)));
  return c === 0 ? 0 : c; // never -0
};

/** Scheduled headcount for `rawAgents` productive agents: ceil(raw / (1 − shrinkage)). */
export function scheduledFromRaw(rawAgents: number, shrinkage: number): number {
  assertShrinkage('shrinkage', shrinkage);
  return safeCeil(rawAgents / (1 - shrinkage));
}

/** Offered load in Erlangs: volume × AHT / interval length. */
export function trafficFromVolume(volume: number, ahtSeconds: number, intervalSeconds: number): number {
  assertNonNegative('volume', volume);
  assertPositive('ahtSeconds', ahtSeconds);
  assertPositive('intervalSeconds', intervalSeconds);
  return (volume * ahtSeconds) / intervalSeconds;
}

function assertRequiredInput(input: RequiredAgentsInput): void {
  assertNonNegative('trafficErlangs', input.trafficErlangs);
  if (input.trafficErlangs > MAX_TRAFFIC_ERLANGS)
    throw badInput(`trafficErlangs must be <= ${MAX_TRAFFIC_ERLANGS}, got ${input.trafficErlangs}`);
  assertPositive('ahtSeconds', input.ahtSeconds);
  if (input.serviceLevel !== undefined) {
    assertOpenUnit('targetServiceLevel', input.serviceLevel.target);
    assertNonNegative('answerSeconds', input.serviceLevel.answerSeconds);
  }
  if (input.targetAsaSeconds !== undefined) assertPositive('targetAsaSeconds', input.targetAsaSeconds);
  if (input.maxOccupancy !== undefined) assertOccupancy('maxOccupancy', input.maxOccupancy);
  if (input.shrinkage !== undefined) assertShrinkage('shrinkage', input.shrinkage);
  if (input.patienceSeconds !== undefined) assertPositive('patienceSeconds', input.patienceSeconds);
}

/** Smallest number of agents meeting the service-level / ASA / occupancy targets. */
export function requiredAgents(
  input: RequiredAgentsInput,
  maxSteps: number = MAX_SEARCH_STEPS,
): RequiredAgentsResult {
  assertRequiredInput(input);
  const a = input.trafficErlangs;
  const shrinkage = input.shrinkage ?? 0;
  const sl = input.serviceLevel;
  const asaTarget = input.targetAsaSeconds;
  const patience = input.patienceSeconds;
  const queue = {
    trafficErlangs: a,
    agents: 0,
    ahtSeconds: input.ahtSeconds,
    answerSeconds: sl?.answerSeconds ?? 0,
  };
  const measure =
    patience === undefined
      ? (b: number): ErlangCResult | ErlangAResult => erlangCMetricsFromB(queue, b)
      : (b: number): ErlangCResult | ErlangAResult =>
          erlangAMetricsFromB({ ...queue, patienceSeconds: patience }, b);
  if (a === 0) return { rawAgents: 0, scheduledAgents: 0, binding: 'NONE', metrics: measure(0) };

  const occupancyFloor = safeCeil(a / (input.maxOccupancy ?? 1));
  const stabilityFloor = patience === undefined ? Math.floor(a) + 1 : 1;
  let n = Math.max(occupancyFloor, stabilityFloor);
  let binding: BindingConstraint = occupancyFloor >= stabilityFloor ? 'OCCUPANCY' : 'STABILITY';
  queue.agents = n;
  let b = erlangBUnchecked(a, n);
  let metrics = measure(b);
  const lastN = n + maxSteps;
  for (;;) {
    const slShort = sl !== undefined && metrics.serviceLevel < sl.target - TARGET_SLACK;
    const asaShort = asaTarget !== undefined && metrics.asaSeconds > asaTarget;
    if (!slShort && !asaShort) break;
    if (n >= lastN)
      throw badInput(
        `no head count up to ${n} agents meets the ${slShort ? 'service-level' : 'ASA'} target at ` +
          `${a} Erlangs (search capped at ${maxSteps} steps); relax the target`,
        [{ field: slShort ? 'serviceLevelTarget' : 'targetAsaSeconds', message: 'unreachable target' }],
      );
    binding = slShort ? 'SERVICE_LEVEL' : 'ASA';
    n += 1;
    const ab = a * b;
    b = ab / (n + ab);
    queue.agents = n;
    metrics = measure(b);
  }
  return { rawAgents: n, scheduledAgents: safeCeil(n / (1 - shrinkage)), binding, metrics };
}
