/**
 * Pooled deferred workload per skill for a week (see workload-lp.core.ts): groups the
 * DEFERRED channels by required skill, brings them onto one slot grid, takes the backlog
 * carried in from the previous week and solves each skill's LP with HiGHS.
 *
 * Carry-in, in order of preference:
 * 1. STORED_PLAN: the carry-out of the previous week's stored plan (same skill and basis);
 *    a plan is stored whenever the roster requirement of a week is built (`planWeek`).
 * 2. FORECAST: the previous week's arrivals from a forecast covering that week, of which
 *    the items due in this week (deadlines counted in open time) are the backlog.
 * 3. SAME_WEEK: without either, this week's own forecast of the same slots stands in for
 *    the previous week's last open hours (a week-periodic steady state).
 */
import { addDays } from '../common/calendar';
import type { Collection, DocumentStore } from '../store/document-store';
import type { StaffingChannel } from './staffing-plan.core';
import { solveWorkload } from './workload-lp.adapter';
import { type WorkloadChannel, type WorkloadPlan, type WorkloadProblem } from './workload-lp.core';
import { carryInFromArrivals, responseSlots, type DueItems } from './workload-flow.core';
import { agentShares } from './workload-share.core';
import { groupBy } from '../common/group-by';
import { inLanes } from '../common/in-lanes';

export const WORKLOAD_PLANS = 'workloadPlans';
export type CarryInSource = 'STORED_PLAN' | 'FORECAST' | 'SAME_WEEK';

interface WorkloadPlanDoc {
  _id: string;
  week: string;
  skill: string;
  basis: string;
  intervalMinutes: number;
  /** carryIn / carryInSource: absent on plans stored before they were kept. */
  channels: { key: string; carryOut: DueItems[]; carryIn?: DueItems[]; carryInSource?: CarryInSource }[];
  createdAt: Date;
}

/** The backlog a channel's plan started its week with, on the skill's slot grid. */
export interface ChannelCarryIn {
  channel: string;
  /** Minutes per slot of `carryIn`'s due slots. */
  intervalMinutes: number;
  source: CarryInSource;
  carryIn: DueItems[];
}

export interface DeferredInput {
  skill: string;
  channel: StaffingChannel;
  /** Items arriving per slot of the week (the channel's grid). */
  volumes: number[];
  /** The previous week's arrivals per slot, when a forecast covers it. */
  previous: number[] | null;
  /** The previous week's open slots (its own holidays; the regular hours without a forecast). */
  previousOpen: readonly boolean[];
}

export interface WorkloadChannelSummary {
  channel: string;
  arrivedItems: number;
  carriedInItems: number;
  handledItems: number;
  carriedOutItems: number;
  onTimeShare: number;
  carryInSource: CarryInSource;
  /** The channel's share of the skill's scheduled agents per slot (workload-share.core.ts). */
  agents: number[];
  /** Items of the channel handled per slot. */
  handled: number[];
}

export interface SkillWorkload extends Omit<WorkloadPlan, 'channels'> {
  channels: WorkloadChannelSummary[];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Splits counts evenly over `factor` finer slots (arrivals add up, they are not repeated). */
const split = (values: readonly number[], factor: number): number[] =>
  values.flatMap((v) => new Array<number>(factor).fill(v / factor));
const repeat = <T>(values: readonly T[], factor: number): T[] =>
  values.flatMap((v) => new Array<T>(factor).fill(v));

/** A plan's pooled workloads, or the one of `skill` when given (none when it has no DEFERRED work). */
export const workloadsOf = <W extends Pick<SkillWorkload, 'skill'>>(
  workloads: W[],
  skill?: string | null,
): W[] => (skill === undefined || skill === null ? workloads : workloads.filter((w) => w.skill === skill));

export const previousWeek = (week: string): string => addDays(week, -7);

/** Solves one skill's workload problem: in a worker thread in the server (workload.task.ts). */
export type WorkloadSolver = (problem: WorkloadProblem) => Promise<WorkloadPlan>;

/** How many solved problems a planner remembers (a week's views pose a handful). */
const REMEMBERED_PLANS = 16;

export class WorkloadPlanner {
  private readonly plans: Collection<WorkloadPlanDoc>;
  /**
   * Plans of the problems solved last, by the problem's JSON: a week's channel plans,
   * scenarios and skill plan pose the same pooled LP again and again, and the LP is
   * deterministic, so an equal problem gets the plan solved before (each caller a copy).
   */
  private readonly solved = new Map<string, Promise<WorkloadPlan>>();

  /**
   * @param lanes how many skills' problems are solved at once: the solver's parallelism (the
   *   worker pool's threads in the server); one when solving in the calling thread.
   */
  constructor(
    store: DocumentStore,
    private readonly solve: WorkloadSolver = (p) => solveWorkload(p),
    private readonly lanes = 1,
  ) {
    this.plans = store.collection<WorkloadPlanDoc>(WORKLOAD_PLANS);
  }

  /** `solve(problem)`, or the plan of an equal problem solved lately; a failed solve is not kept. */
  private async solveOnce(problem: WorkloadProblem): Promise<WorkloadPlan> {
    const key = JSON.stringify(problem);
    let plan = this.solved.get(key);
    if (!plan) {
      plan = this.solve(problem);
      const oldest = this.solved.keys().next();
      if (this.solved.size >= REMEMBERED_PLANS && !oldest.done) this.solved.delete(oldest.value);
      this.solved.set(key, plan);
      plan.catch(() => this.solved.delete(key));
    }
    return structuredClone(await plan);
  }

  /**
   * One pooled plan per skill with DEFERRED channels, sorted by skill; stored when `store`.
   * The skills' problems are independent, so up to `lanes` of them are solved at once.
   */
  async plan(
    week: string,
    basis: string,
    inputs: readonly DeferredInput[],
    store = false,
  ): Promise<SkillWorkload[]> {
    const bySkill = [...groupBy(inputs, (i) => i.skill)].sort((a, b) => a[0].localeCompare(b[0]));
    return inLanes(bySkill, this.lanes, ([skill, list]) =>
      this.planSkill({ week, basis, skill, store }, list),
    );
  }

  /**
   * A skill's channels on the finest slot grid of their own, each with its carry-in (the
   * previous week's stored plan, else derived from arrivals: `workloadChannel`).
   */
  private async skillChannels(
    { week, basis, skill }: Omit<SkillPlanKey, 'store'>,
    list: readonly DeferredInput[],
  ): Promise<{ step: number; built: { channel: WorkloadChannel; source: CarryInSource }[] }> {
    const step = list.reduce((g, i) => gcd(g, i.channel.intervalMinutes), list[0].channel.intervalMinutes);
    const stored = await this.plans.findById(`${previousWeek(week)}:${skill}:${basis}`);
    return { step, built: list.map((i) => workloadChannel(i, step, stored)) };
  }

  /** One skill's plan on the finest slot grid of its channels, with the carry-in of each. */
  private async planSkill(at: SkillPlanKey, list: DeferredInput[]): Promise<SkillWorkload> {
    const { skill } = at;
    const { step, built } = await this.skillChannels(at, list);
    const channels = built.map((b) => b.channel);
    const shrinkage = Math.max(...list.map((i) => i.channel.shrinkage));
    const problem: WorkloadProblem = { skill, intervalMinutes: step, shrinkage, channels };
    const plan = await this.solveOnce(problem);
    const shares = agentShares(problem, plan);
    if (at.store) await this.storePlan(at, step, plan, built);
    return skillWorkload(
      plan,
      built.map((b) => b.source),
      shares,
    );
  }

  /** Keeps the plan's carry-out per channel: the next week's carry-in (STORED_PLAN). */
  private async storePlan(
    { week, skill, basis }: SkillPlanKey,
    step: number,
    plan: WorkloadPlan,
    built: readonly { channel: WorkloadChannel; source: CarryInSource }[],
  ): Promise<void> {
    const doc: WorkloadPlanDoc = {
      _id: `${week}:${skill}:${basis}`,
      week,
      skill,
      basis,
      intervalMinutes: step,
      // the carry-in too: plan versus actual (rostering) starts the week where the plan did
      channels: plan.channels.map((c, ci) => ({
        key: c.key,
        carryOut: c.carryOut,
        carryIn: [...(built[ci]?.channel.carryIn ?? [])],
        carryInSource: built[ci]?.source ?? 'SAME_WEEK',
      })),
      createdAt: new Date(),
    };
    await this.plans.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  /**
   * The backlog each DEFERRED channel's plan of `week` started with: as stored with the plan
   * (`planWeek` / the roster requirement), else derived now by the same rule as the plan
   * (previous week's stored plan, else its forecast, else this week's) from `inputs`.
   */
  async carryIn(week: string, basis: string, inputs: readonly DeferredInput[]): Promise<ChannelCarryIn[]> {
    const stored = await this.plans.find({ week, basis });
    const out: ChannelCarryIn[] = [];
    for (const [skill, list] of groupBy(inputs, (i) => i.skill)) {
      const kept = stored.find((d) => d.skill === skill);
      const { step, built } = await this.skillChannels({ week, basis, skill }, list);
      for (const { channel, source } of built) {
        const own = kept?.channels.find((c) => c.key === channel.key);
        if (kept && own?.carryIn && own.carryInSource) {
          out.push({
            channel: own.key,
            intervalMinutes: kept.intervalMinutes,
            source: own.carryInSource,
            carryIn: own.carryIn,
          });
          continue;
        }
        out.push({
          channel: channel.key,
          intervalMinutes: step,
          source,
          carryIn: [...(channel.carryIn ?? [])],
        });
      }
    }
    return out.sort((a, b) => a.channel.localeCompare(b.channel));
  }
}

/** Which week, skill and basis a plan is for, and whether it is stored. */
interface SkillPlanKey {
  week: string;
  basis: string;
  skill: string;
  store: boolean;
}

/**
 * A channel on the skill's `step`-minute grid, with its carry-in: the stored plan's carry-out
 * when it has one on the same grid, else derived from the previous week's arrivals (or this
 * week's own, SAME_WEEK).
 */
function workloadChannel(
  i: DeferredInput,
  step: number,
  stored: WorkloadPlanDoc | null,
): { channel: WorkloadChannel; source: CarryInSource } {
  const f = i.channel.intervalMinutes / step;
  const open = repeat(i.channel.open, f);
  const fromPlan = stored?.intervalMinutes === step && stored.channels.find((c) => c.key === i.channel.key);
  let source: CarryInSource;
  let carryIn: DueItems[];
  if (fromPlan) {
    source = 'STORED_PLAN';
    carryIn = fromPlan.carryOut;
  } else {
    source = i.previous ? 'FORECAST' : 'SAME_WEEK';
    const k = responseSlots(i.channel.responseHours ?? 0, step);
    carryIn = carryInFromArrivals(split(i.previous ?? i.volumes, f), open, k, repeat(i.previousOpen, f));
  }
  const channel: WorkloadChannel = {
    key: i.channel.key,
    arrivals: split(i.volumes, f),
    open,
    ahtSeconds: i.channel.ahtSeconds,
    responseHours: i.channel.responseHours ?? 0,
    maxOccupancy: i.channel.maxOccupancy,
    carryIn,
  };
  return { channel, source };
}

/** The skill's plan as reported: per channel its flows, carry-in source and share of the agents. */
function skillWorkload(plan: WorkloadPlan, sources: CarryInSource[], shares: number[][]): SkillWorkload {
  return {
    ...plan,
    channels: plan.channels.map((c, ci) => ({
      channel: c.key,
      arrivedItems: c.arrivedItems,
      carriedInItems: c.carriedInItems,
      handledItems: c.handledItems,
      carriedOutItems: c.carriedOutItems,
      onTimeShare: c.onTimeShare,
      carryInSource: sources[ci],
      agents: shares[ci],
      handled: c.handled,
    })),
  };
}
