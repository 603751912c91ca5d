/**
 * The Erlang calculator: one interval's volume in, the required head count and the queue
 * figures at that head count (and at a head count the caller gives) out.
 *
 * Pure: built on required-agents.core.ts, erlang-c.core.ts and erlang-a.core.ts. Erlang A
 * when a patience is given, Erlang C otherwise. An unstable Erlang C queue (agents ≤
 * traffic) has an infinite ASA; it is reported as `asaSeconds: null` with `stable: false`
 * because JSON and GraphQL have no Infinity.
 */
import { badInput } from '../errors';
import { erlangAMetrics, type ErlangAResult } from './erlang-a.core';
import { erlangCMetrics, type ErlangCResult } from './erlang-c.core';
import {
  MAX_TRAFFIC_ERLANGS,
  requiredAgents,
  scheduledFromRaw,
  trafficFromVolume,
  type BindingConstraint,
} from './required-agents.core';
import { assertCount, assertNonNegative, assertPositive } from './staffing.validation';

export interface ErlangCalculatorInput {
  /** Contacts arriving in the interval. */
  volume: number;
  intervalMinutes: number;
  ahtSeconds: number;
  answerSeconds: number;
  serviceLevelTarget: number;
  /** In (0, 1]; default 1. */
  maxOccupancy?: number;
  /** In [0, 1); default 0. */
  shrinkage?: number;
  /** Mean patience: Erlang A instead of Erlang C. */
  patienceSeconds?: number;
  targetAsaSeconds?: number;
  /** A head count (productive agents) to evaluate as well. */
  agents?: number;
}

export interface ErlangFigures {
  /** Productive agents. */
  agents: number;
  /** Agents grossed up for shrinkage: ceil(agents / (1 − shrinkage)). */
  scheduledAgents: number;
  stable: boolean;
  serviceLevel: number;
  /** Null when the queue is unstable (infinite ASA). */
  asaSeconds: number | null;
  occupancy: number;
  waitProbability: number;
  /** Erlang A only. */
  abandonProbability: number | null;
}

export interface ErlangCalculation {
  model: 'ERLANG_C' | 'ERLANG_A';
  trafficErlangs: number;
  rawAgents: number;
  scheduledAgents: number;
  /** The target that set the head count. */
  binding: BindingConstraint;
  atRequired: ErlangFigures;
  /** Present when the caller gave `agents`. */
  atAgents: ErlangFigures | null;
}

function figures(m: ErlangCResult | ErlangAResult, shrinkage: number): ErlangFigures {
  return {
    agents: m.agents,
    scheduledAgents: scheduledFromRaw(m.agents, shrinkage),
    stable: m.stable,
    serviceLevel: m.serviceLevel,
    asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null,
    occupancy: m.occupancy,
    waitProbability: m.waitProbability,
    abandonProbability: m.model === 'ERLANG_A' ? m.abandonProbability : null,
  };
}

/** Required agents for one interval and the queue figures at that (and a given) head count. */
export function erlangCalculator(input: ErlangCalculatorInput): ErlangCalculation {
  assertNonNegative('volume', input.volume);
  assertPositive('intervalMinutes', input.intervalMinutes);
  if (input.agents !== undefined) assertCount('agents', input.agents);
  const shrinkage = input.shrinkage ?? 0;
  const trafficErlangs = trafficFromVolume(input.volume, input.ahtSeconds, input.intervalMinutes * 60);
  if (trafficErlangs > MAX_TRAFFIC_ERLANGS)
    throw badInput(
      `trafficErlangs must be <= ${MAX_TRAFFIC_ERLANGS} (volume × ahtSeconds / interval length), got ${trafficErlangs}`,
    );
  const required = requiredAgents({
    trafficErlangs,
    ahtSeconds: input.ahtSeconds,
    serviceLevel: { target: input.serviceLevelTarget, answerSeconds: input.answerSeconds },
    targetAsaSeconds: input.targetAsaSeconds,
    maxOccupancy: input.maxOccupancy ?? 1,
    shrinkage,
    patienceSeconds: input.patienceSeconds,
  });
  let atAgents: ErlangFigures | null = null;
  if (input.agents !== undefined) {
    const queue = {
      trafficErlangs,
      agents: input.agents,
      ahtSeconds: input.ahtSeconds,
      answerSeconds: input.answerSeconds,
    };
    const m =
      input.patienceSeconds === undefined
        ? erlangCMetrics(queue)
        : erlangAMetrics({ ...queue, patienceSeconds: input.patienceSeconds });
    atAgents = figures(m, shrinkage);
  }
  return {
    model: input.patienceSeconds === undefined ? 'ERLANG_C' : 'ERLANG_A',
    trafficErlangs,
    rawAgents: required.rawAgents,
    scheduledAgents: required.scheduledAgents,
    binding: required.binding,
    atRequired: figures(required.metrics, shrinkage),
    atAgents,
  };
}
