/**
 * Deferred work as a flow through a planning week: deadlines counted in OPEN time, the
 * backlog carried in from the previous week, the share of work done within its response
 * time, and an earliest-deadline-first simulation of a given capacity (used to score a
 * roster against actual arrivals).
 *
 * Conventions. A week has T slots of `intervalMinutes`; slot t of the next week is slot
 * T + t, of the previous week −T + t. Opening hours repeat every week. An item arriving in
 * slot i is due by the END of the K-th open slot at or after i, K = max(1, ⌊responseHours
 * × 60 / intervalMinutes⌋): closed slots never count towards the response time, and work
 * arriving while closed waits for the next open slot (it may be handled in its own slot
 * when that slot is open: work is a fluid).
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { sum } from '../common/sum';

/** Items that are due by the end of `dueSlot` (relative to the week's first slot). */
export interface DueItems {
  items: number;
  dueSlot: number;
}

/** K: open slots in a response window. */
export const responseSlots = (responseHours: number, intervalMinutes: number): number =>
  Math.max(1, Math.floor((responseHours * 60) / intervalMinutes + 1e-9));

/** The open slots of a week in order, and the rank among them of the first open slot at or after each slot. */
interface OpenIndex {
  openSlots: number[];
  /** `openSlots.length` where no slot of the week at or after it is open. */
  rankFrom: number[];
}

const openIndexes = new WeakMap<readonly boolean[], OpenIndex>();

/** The index of a week's opening, built once per `open` array (deadlines are asked per slot). */
function openIndexOf(open: readonly boolean[]): OpenIndex {
  let index = openIndexes.get(open);
  if (!index) {
    const openSlots = open.flatMap((o, s) => (o ? [s] : []));
    const rankFrom = new Array<number>(open.length);
    let rank = openSlots.length;
    for (let s = open.length - 1; s >= 0; s--) {
      if (open[s]) rank -= 1;
      rankFrom[s] = rank;
    }
    index = { openSlots, rankFrom };
    openIndexes.set(open, index);
  }
  return index;
}

/**
 * Deadline slot of an arrival in slot `i` (any integer: negative = previous weeks): the K-th
 * open slot at or after i, with `open` repeating every `open.length` slots.
 */
export function deadlineSlot(open: readonly boolean[], i: number, k: number): number {
  const t = open.length;
  const { openSlots, rankFrom } = openIndexOf(open);
  if (openSlots.length === 0) throw badInput('open must have at least one open slot per week');
  const week = Math.floor(i / t);
  const within = i - week * t;
  let rank = at(rankFrom, within);
  let base = week * t;
  if (rank === openSlots.length) {
    rank = 0;
    base += t;
  }
  const r = rank + k - 1;
  return base + Math.floor(r / openSlots.length) * t + at(openSlots, r % openSlots.length);
}

/**
 * Backlog at the start of a week from the previous week's arrivals: the items whose deadline
 * falls in this week or later (the rest were due, and handled, last week). Deadlines count
 * the previous week's own open slots (`previousOpen`, by default the same as this week's),
 * then this week's: a holiday closes one week, not every week.
 */
export function carryInFromArrivals(
  previousArrivals: readonly number[],
  open: readonly boolean[],
  k: number,
  previousOpen: readonly boolean[] = open,
): DueItems[] {
  const t = open.length;
  if (previousArrivals.length !== t)
    throw badInput(`previousArrivals must have ${t} values, got ${previousArrivals.length}`);
  if (previousOpen.length !== t)
    throw badInput(`previousOpen must have ${t} values, got ${previousOpen.length}`);
  // open slots of the previous week at or after each slot
  const openFrom = new Array<number>(t + 1).fill(0);
  for (let s = t - 1; s >= 0; s--) openFrom[s] = at(openFrom, s + 1) + (previousOpen[s] ? 1 : 0);
  const out: DueItems[] = [];
  previousArrivals.forEach((items, s) => {
    if (!(items > 0)) return;
    const left = k - at(openFrom, s);
    // due within the previous week: handled there
    if (left > 0) out.push({ items, dueSlot: deadlineSlot(open, 0, left) });
  });
  return mergeDue(out);
}

/** Sums items per due slot, earliest first. */
export function mergeDue(list: readonly DueItems[]): DueItems[] {
  const by = new Map<number, number>();
  for (const d of list) by.set(d.dueSlot, (by.get(d.dueSlot) ?? 0) + d.items);
  return [...by].sort((a, b) => a[0] - b[0]).map(([dueSlot, items]) => ({ items, dueSlot }));
}

/**
 * Share of due work done by its deadline, handled first-due-first: work due by slot t
 * (cumulative `dueCum[t]`) is on time up to what was processed by then (`processedCum[t]`).
 * 1 when nothing is due.
 */
export function onTimeShare(processedCum: readonly number[], dueCum: readonly number[]): number {
  let onTime = 0;
  let prev = 0;
  dueCum.forEach((d, t) => {
    const step = d - prev;
    if (step > 0) onTime += Math.min(Math.max(at(processedCum, t) - prev, 0), step);
    prev = d;
  });
  return prev > 0 ? onTime / prev : 1;
}

export interface SimChannel {
  /** Work hours arriving per slot. */
  arrivals: readonly number[];
  open: readonly boolean[];
  responseHours: number;
  maxOccupancy: number;
  /** Work hours carried in with their due slots. */
  carryIn?: readonly DueItems[];
}

export interface SimResult {
  /** Work hours handled per channel and slot. */
  processed: number[][];
  /** Per channel: share of the work due within the week done by its deadline. */
  onTimeShare: number[];
  /** Per channel: work due in the week and work left at its end. */
  dueHours: number[];
  leftHours: number[];
}

type Queued = { hours: number; due: number; arrive: number };

/** Each channel's work, carried in and arriving, ordered by deadline then arrival. */
function queuesOf(channels: readonly SimChannel[], intervalMinutes: number): Queued[][] {
  return channels.map((c) => {
    const k = responseSlots(c.responseHours, intervalMinutes);
    const q: Queued[] = (c.carryIn ?? []).map((d) => ({ hours: d.items, due: d.dueSlot, arrive: -1 }));
    c.arrivals.forEach((h, s) => {
      if (h > 0) q.push({ hours: h, due: deadlineSlot(c.open, s, k), arrive: s });
    });
    return q.sort((a, b) => a.due - b.due || a.arrive - b.arrive);
  });
}

const cumulative = (xs: number[]): number[] => {
  let a = 0;
  return xs.map((x) => (a += x));
};

/** Channel c's work due per slot (carry-in at its due slot, arrivals at their deadline). */
function dueBySlot(c: SimChannel, t: number, intervalMinutes: number): number[] {
  const k = responseSlots(c.responseHours, intervalMinutes);
  const due = new Array<number>(t).fill(0);
  const add = (slot: number, hours: number): void => {
    due[slot] = at(due, slot) + hours;
  };
  for (const d of c.carryIn ?? []) if (d.dueSlot < t) add(Math.max(d.dueSlot, 0), d.items);
  c.arrivals.forEach((h, s) => {
    const d = deadlineSlot(c.open, s, k);
    if (d < t) add(d, h);
  });
  return due;
}

/**
 * Earliest-deadline-first over a pooled capacity: `productiveHours[t]` agent-hours of one
 * skill; an hour of channel c's work takes 1 / maxOccupancy of capacity. Returns what was
 * handled and the share done on time.
 */
export function simulateEdf(
  productiveHours: readonly number[],
  intervalMinutes: number,
  channels: readonly SimChannel[],
): SimResult {
  const t = productiveHours.length;
  const queues = queuesOf(channels, intervalMinutes);
  const lanes = channels.map((c, ci) => ({
    channel: c,
    queue: at(queues, ci),
    processed: new Array<number>(t).fill(0),
  }));
  productiveHours.forEach((hours, s) => {
    let capacity = hours;
    const ready = lanes
      .flatMap((lane) =>
        lane.channel.open[s]
          ? lane.queue.filter((x) => x.arrive <= s && x.hours > 0).map((x) => ({ x, lane }))
          : [],
      )
      .sort((a, b) => a.x.due - b.x.due);
    for (const { x, lane } of ready) {
      if (capacity <= 1e-12) break;
      const occ = lane.channel.maxOccupancy;
      const take = Math.min(x.hours, capacity * occ);
      x.hours -= take;
      capacity -= take / occ;
      lane.processed[s] = at(lane.processed, s) + take;
    }
  });
  const processed = lanes.map((lane) => lane.processed);
  const dueCums = channels.map((c) => cumulative(dueBySlot(c, t, intervalMinutes)));
  return {
    processed,
    onTimeShare: dueCums.map((dueCum, ci) => onTimeShare(cumulative(at(processed, ci)), dueCum)),
    dueHours: dueCums.map((dueCum) => dueCum[t - 1] ?? 0),
    leftHours: queues.map((q) => sum(q, (x) => x.hours)),
  };
}
