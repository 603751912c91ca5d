/**
 * One DEFERRED channel's share of its skill's pooled workload plan (workload-lp.core.ts), so
 * that the per-channel view and the skill requirement are the same numbers: the channels'
 * shares add up to the pooled scheduled agents in every slot, and their staff hours to the
 * skill's.
 *
 * Share of slot t: the pooled agents n_t in proportion to the capacity each channel's handled
 * work uses there (work hours / maxOccupancy); when the slot's agents handle nothing (kept
 * for smoothness or rounding), equally among the channels open in the slot. Shares are
 * fractional: agents of a skill work whichever queue is due first.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { totalsOf, type ChannelPlan, type StaffingChannel, type StaffingOptions } from './staffing-plan.core';
import type { WorkloadPlan, WorkloadProblem } from './workload-lp.core';
import { sum } from '../common/sum';

const TOL = 1e-12;

/** Scheduled agents per channel and slot (skill grid); they add up to `plan.scheduledAgents`. */
export function agentShares(problem: WorkloadProblem, plan: WorkloadPlan): number[][] {
  const t = plan.scheduledAgents.length;
  const shares = problem.channels.map(() => new Array<number>(t).fill(0));
  plan.scheduledAgents.forEach((agents, s) => {
    if (agents <= 0) return;
    const use = problem.channels.map(
      (c, ci) => ((at(plan.channels, ci).handled[s] ?? 0) * c.ahtSeconds) / 3600 / c.maxOccupancy,
    );
    const total = sum(use);
    const weights = total > TOL ? use : problem.channels.map((c) => (c.open[s] ? 1 : 0));
    const weightTotal = sum(weights);
    if (weightTotal <= 0) return;
    weights.forEach((w, ci) => (at(shares, ci)[s] = (agents * w) / weightTotal));
  });
  return shares;
}

/** A channel's part of a pooled plan, on the skill's grid of `intervalMinutes` slots. */
export interface PooledShare {
  intervalMinutes: number;
  /** The pool's shrinkage: productive agents = scheduled × (1 − shrinkage). */
  shrinkage: number;
  /** The channel's share of the scheduled agents per slot. */
  agents: readonly number[];
  /** Items of the channel handled per slot. */
  handled: readonly number[];
}

/**
 * The channel's plan rows from its share of the pooled plan, on the channel's own interval
 * (a multiple of the skill's): agents are the mean of the sub-slots' shares (so staff hours
 * add up), productive ("raw") agents scheduled × (1 − the pool's shrinkage), occupancy the
 * channel's handled work over its productive time. Nothing is unplaced: work left at the
 * week's end is carried out in the pooled plan.
 */
export function pooledChannelPlan(
  channel: StaffingChannel,
  volumes: readonly number[],
  share: PooledShare,
  options: StaffingOptions = {},
): ChannelPlan {
  const f = channel.intervalMinutes / share.intervalMinutes;
  if (!Number.isInteger(f) || f < 1)
    throw badInput(
      `intervalMinutes must be a multiple of the pooled plan's ${share.intervalMinutes}, got ${channel.intervalMinutes}`,
    );
  if (share.agents.length !== volumes.length * f || share.handled.length !== volumes.length * f)
    throw badInput(`share must have ${volumes.length * f} slots, got ${share.agents.length}`);
  const intervalSeconds = channel.intervalMinutes * 60;
  const hours = channel.intervalMinutes / 60;
  const rows = volumes.map((volume, index) => {
    let agents = 0;
    let handled = 0;
    for (let k = index * f; k < (index + 1) * f; k++) {
      agents += at(share.agents, k);
      handled += at(share.handled, k);
    }
    const scheduledAgents = agents / f;
    const rawAgents = scheduledAgents * (1 - share.shrinkage);
    const workHours = (handled * channel.ahtSeconds) / 3600;
    return {
      index,
      open: at(channel.open, index),
      volume,
      trafficErlangs: (volume * channel.ahtSeconds) / intervalSeconds,
      rawAgents,
      scheduledAgents,
      serviceLevel: null,
      asaSeconds: null,
      occupancy: rawAgents > TOL ? workHours / (rawAgents * hours) : 0,
      waitProbability: null,
      abandonProbability: null,
    };
  });
  return {
    channelKey: channel.key,
    kind: channel.kind,
    model: 'WORKLOAD',
    intervalMinutes: channel.intervalMinutes,
    rows,
    totals: totalsOf(channel, rows, 0, options),
  };
}
