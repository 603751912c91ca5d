/**
 * The deferred workload of one skill as a small (mixed-integer) linear programme.
 *
 * Every DEFERRED channel that needs the skill is pooled. Over the T slots of a week:
 *
 *   n_t      scheduled agents of the skill in slot t (integer: rounded once, per skill and
 *            slot, after pooling; continuous with `integer: false`);
 *   y_{c,t}  work hours of channel c handled in slot t (only where c is open);
 *   d_t      |n_t − n_{t−1}| between consecutive slots with agents (smoothness).
 *
 *   minimise   Σ_t h·n_t + λ·Σ_t d_t − ε·Σ y          (h = slot hours; ε tiny: handle what you can)
 *   capacity   Σ_c y_{c,t} / maxOccupancy_c ≤ (1 − shrinkage)·h·n_t
 *   deadlines  Σ_{s≤t} y_{c,s} ≥ work of c due by the end of t      (cumulative, every deadline slot)
 *   arrivals   Σ_{s≤t} y_{c,s} ≤ carry-in_c + Σ_{s≤t} arriving work_c   (nothing is handled before it arrives)
 *
 * Deadlines count open time (see workload-flow.core.ts). Work whose deadline is in the next
 * week need not be handled: what is left at the week's end is CARRIED OUT, never dropped,
 * with its due slots in the next week. The plan's backlog at the start (carry-in) comes in
 * the same form. So handled + carried out = arrived + carried in, for every channel.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { assertNonNegative, assertOccupancy, assertPositive, assertShrinkage } from './staffing.validation';
import { deadlineSlot, mergeDue, onTimeShare, responseSlots, type DueItems } from './workload-flow.core';
import { sum } from '../common/sum';

export interface WorkloadChannel {
  key: string;
  /** Items arriving per slot (24/7: arrivals are not bounded by opening hours). */
  arrivals: readonly number[];
  /** Whether the channel handles work in each slot; the pattern repeats every week. */
  open: readonly boolean[];
  ahtSeconds: number;
  responseHours: number;
  maxOccupancy: number;
  /** Backlog at the week's start: items and the slot by whose end they are due. */
  carryIn?: readonly DueItems[];
}

export interface WorkloadProblem {
  skill: string;
  intervalMinutes: number;
  /** Share of scheduled time not productive; the largest of the pooled channels'. */
  shrinkage: number;
  channels: readonly WorkloadChannel[];
  /** Cost of one agent more or less between consecutive slots, in agent-hours (default 0.05). */
  smoothness?: number;
  /** Integer agents per slot (default true). */
  integer?: boolean;
}

export interface WorkloadModel {
  lp: string;
  /** Slots holding an agent variable (some channel is open). */
  slots: number[];
}

export interface ChannelFlow {
  key: string;
  arrivedItems: number;
  carriedInItems: number;
  handledItems: number;
  carriedOutItems: number;
  /** Work due within the week (items) and the share of it done by its deadline. */
  dueItems: number;
  onTimeShare: number;
  /** Items handled per slot. */
  handled: number[];
  /** The backlog handed to the next week, due slots counted from ITS first slot. */
  carryOut: DueItems[];
}

export interface WorkloadPlan {
  skill: string;
  intervalMinutes: number;
  shrinkage: number;
  /** Scheduled agents per slot. */
  scheduledAgents: number[];
  /** Productive agents: scheduled × (1 − shrinkage). */
  productiveAgents: number[];
  /** Work hours handled per slot, all channels. */
  workHours: number[];
  /** Handled work / productive time per slot (0 without agents). */
  occupancy: number[];
  channels: ChannelFlow[];
  staffHours: number;
  workloadHours: number;
}

export const DEFAULT_SMOOTHNESS = 0.05;
const EPSILON = 1e-4;
const TOL = 1e-6;

const num = (v: number): string => {
  const s = String(Number(v.toPrecision(12)));
  return s.includes('e') ? v.toFixed(12).replace(/\.?0+$/, '') : s;
};

const term = (coef: number, name: string, first: boolean): string => {
  const sign = coef < 0 ? '-' : '+';
  const abs = Math.abs(coef);
  const body = abs === 1 ? name : `${num(abs)} ${name}`;
  return first ? (coef < 0 ? `- ${body}` : body) : `${sign} ${body}`;
};

const expr = (terms: [number, string][]): string =>
  terms
    .map(([c, n], i) => term(c, n, i === 0))
    .reduce<string[]>((lines, t, i) => {
      if (i % 8 === 0) lines.push(t);
      else lines[lines.length - 1] += ` ${t}`;
      return lines;
    }, [])
    .join('\n   ');

function assertProblem(p: WorkloadProblem): number {
  assertPositive('intervalMinutes', p.intervalMinutes);
  assertShrinkage('shrinkage', p.shrinkage);
  if (p.smoothness !== undefined) assertNonNegative('smoothness', p.smoothness);
  const [first] = p.channels;
  if (first === undefined) throw badInput('channels must hold at least one DEFERRED channel');
  const t = first.arrivals.length;
  if (t === 0) throw badInput('arrivals must hold at least one slot');
  for (const c of p.channels) {
    const f = `channels.${c.key}`;
    if (c.arrivals.length !== t || c.open.length !== t)
      throw badInput(`${f}: arrivals and open must have ${t} values each`);
    c.arrivals.forEach((v, i) => assertNonNegative(`${f}.arrivals[${i}]`, v));
    assertPositive(`${f}.ahtSeconds`, c.ahtSeconds);
    assertPositive(`${f}.responseHours`, c.responseHours);
    assertOccupancy(`${f}.maxOccupancy`, c.maxOccupancy);
    if (!c.open.some(Boolean)) throw badInput(`${f}.open must have at least one open slot`);
    for (const d of c.carryIn ?? []) assertNonNegative(`${f}.carryIn.items`, d.items);
  }
  return t;
}

/** Work items due per slot of the week (index T collects everything due later). */
function dueProfile(c: WorkloadChannel, t: number, intervalMinutes: number): number[] {
  const k = responseSlots(c.responseHours, intervalMinutes);
  const due = new Array<number>(t + 1).fill(0);
  const firstOpen = c.open.findIndex(Boolean);
  const add = (slot: number, items: number): void => {
    due[slot] = at(due, slot) + items;
  };
  for (const d of c.carryIn ?? []) add(Math.min(Math.max(d.dueSlot, firstOpen), t), d.items);
  c.arrivals.forEach((items, s) => {
    if (items > 0) add(Math.min(deadlineSlot(c.open, s, k), t), items);
  });
  return due;
}

const y = (c: number, t: number): string => `y${c}_${t}`;
const n = (t: number): string => `n${t}`;

/** Capacity rows per open slot, and the smoothing rows |n_s − n_{s−1}| ≤ d_s. */
function capacityRows(p: WorkloadProblem, slots: number[], smooth: number[]): string[] {
  const h = p.intervalMinutes / 60;
  const rows: string[] = [];
  for (const s of slots) {
    const terms: [number, string][] = p.channels.flatMap((c, ci) =>
      c.open[s] ? [[1 / c.maxOccupancy, y(ci, s)] as [number, string]] : [],
    );
    rows.push(` cap${s}: ${expr([...terms, [-(1 - p.shrinkage) * h, n(s)]])} <= 0`);
  }
  for (const s of smooth) {
    rows.push(
      ` su${s}: ${expr([
        [1, `d${s}`],
        [-1, n(s)],
        [1, n(s - 1)],
      ])} >= 0`,
    );
    rows.push(
      ` sd${s}: ${expr([
        [1, `d${s}`],
        [1, n(s)],
        [-1, n(s - 1)],
      ])} >= 0`,
    );
  }
  return rows;
}

/** Channel ci's rows: work handled by each open slot reaches what is due and stays within what arrived. */
function channelRows(
  p: WorkloadProblem,
  c: WorkloadProblem['channels'][number],
  ci: number,
  t: number,
): string[] {
  const rows: string[] = [];
  const hours = c.ahtSeconds / 3600;
  const due = dueProfile(c, t, p.intervalMinutes);
  const handled: [number, string][] = [];
  let dueCum = 0;
  let enforced = 0;
  let arrivedCum = sum(c.carryIn ?? [], (d) => d.items);
  for (let s = 0; s < t; s++) {
    if (c.open[s]) handled.push([1, y(ci, s)]);
    dueCum += at(due, s);
    arrivedCum += at(c.arrivals, s);
    if (!c.open[s]) continue;
    if (dueCum > enforced) rows.push(` due${ci}_${s}: ${expr(handled)} >= ${num(dueCum * hours)}`);
    enforced = dueCum;
    rows.push(` arr${ci}_${s}: ${expr(handled)} <= ${num(arrivedCum * hours)}`);
  }
  return rows;
}

/** Builds the LP text (CPLEX LP format, as HiGHS reads it). */
export function buildWorkloadModel(p: WorkloadProblem): WorkloadModel {
  const t = assertProblem(p);
  const h = p.intervalMinutes / 60;
  const lambda = p.smoothness ?? DEFAULT_SMOOTHNESS;
  const slots = Array.from({ length: t }, (_, s) => s).filter((s) => p.channels.some((c) => c.open[s]));
  const objective: [number, string][] = [];
  for (const s of slots) objective.push([h, n(s)]);
  p.channels.forEach((c, ci) => slots.forEach((s) => c.open[s] && objective.push([-EPSILON, y(ci, s)])));
  const smooth = slots.filter((s, i) => i > 0 && slots[i - 1] === s - 1);
  for (const s of smooth) objective.push([lambda, `d${s}`]);
  const rows = [
    ...capacityRows(p, slots, smooth),
    ...p.channels.flatMap((c, ci) => channelRows(p, c, ci, t)),
  ];
  const lp = [
    `\\ Shiftcast deferred workload, skill ${p.skill}`,
    'Minimize',
    ` obj: ${expr(objective)}`,
    'Subject To',
    ...rows,
    ...(p.integer === false || slots.length === 0 ? [] : ['General', ` ${slots.map(n).join(' ')}`]),
    'End',
    '',
  ].join('\n');
  return { lp, slots };
}

/** Handled, due and carried items of one channel from the solution's hours handled per slot. */
function channelFlow(
  p: WorkloadProblem,
  c: WorkloadProblem['channels'][number],
  handledHours: number[],
): ChannelFlow {
  const t = handledHours.length;
  const hours = c.ahtSeconds / 3600;
  const handled = handledHours.map((w) => w / hours);
  const due = dueProfile(c, t, p.intervalMinutes);
  let a = 0;
  const handledCum = handled.map((x) => (a += x));
  let b = 0;
  const dueCum = due.slice(0, t).map((x) => (b += x));
  const arrivedItems = sum(c.arrivals);
  const carriedInItems = sum(c.carryIn ?? [], (d) => d.items);
  const handledItems = handledCum[t - 1] ?? 0;
  return {
    key: c.key,
    arrivedItems,
    carriedInItems,
    handledItems,
    carriedOutItems: arrivedItems + carriedInItems - handledItems,
    dueItems: b,
    onTimeShare: onTimeShare(
      handledCum.map((x) => x + TOL),
      dueCum,
    ),
    handled,
    carryOut: backlogAfter(c, handledItems, t, p.intervalMinutes),
  };
}

/** Reads a solution (column name → value) into the plan: flows, carry-out, occupancy. */
export function readWorkloadSolution(p: WorkloadProblem, values: ReadonlyMap<string, number>): WorkloadPlan {
  const t = assertProblem(p);
  const h = p.intervalMinutes / 60;
  const value = (name: string): number => Math.max(values.get(name) ?? 0, 0);
  const integer = p.integer !== false;
  const scheduledAgents = Array.from({ length: t }, (_, s) => {
    const v = value(n(s));
    return integer ? Math.round(v) : v;
  });
  const productiveAgents = scheduledAgents.map((a) => a * (1 - p.shrinkage));
  const workHours = new Array<number>(t).fill(0);
  const channels = p.channels.map((c, ci): ChannelFlow => {
    const handledHours = Array.from({ length: t }, (_, s) => (c.open[s] ? value(y(ci, s)) : 0));
    handledHours.forEach((w, s) => (workHours[s] = at(workHours, s) + w));
    return channelFlow(p, c, handledHours);
  });
  const occupancy = workHours.map((w, s) => {
    const productive = at(productiveAgents, s);
    return productive > 0 ? w / (productive * h) : 0;
  });
  return {
    skill: p.skill,
    intervalMinutes: p.intervalMinutes,
    shrinkage: p.shrinkage,
    scheduledAgents,
    productiveAgents,
    workHours,
    occupancy,
    channels,
    staffHours: sum(scheduledAgents) * h,
    workloadHours: sum(workHours),
  };
}

/**
 * The items left after handling `handledItems` first-due-first, with due slots relative to
 * the next week (so they are that week's carry-in).
 */
function backlogAfter(
  c: WorkloadChannel,
  handledItems: number,
  t: number,
  intervalMinutes: number,
): DueItems[] {
  const k = responseSlots(c.responseHours, intervalMinutes);
  const all: DueItems[] = [
    ...(c.carryIn ?? []),
    ...c.arrivals.flatMap((items, s) => (items > 0 ? [{ items, dueSlot: deadlineSlot(c.open, s, k) }] : [])),
  ];
  let skip = handledItems;
  const left: DueItems[] = [];
  for (const d of mergeDue(all)) {
    const rest = d.items - Math.min(skip, d.items);
    skip = Math.max(skip - d.items, 0);
    if (rest > TOL) left.push({ items: rest, dueSlot: d.dueSlot - t });
  }
  return left;
}
