/**
 * A fluid backlog of deferred work: work arrives per interval, is due by the end of the
 * `windowIntervals`-th OPEN interval at or after its arrival, and is served earliest
 * deadline first by each interval's capacity. Work still open when its deadline passes is
 * a miss (counted once) and stays in the backlog. Pure.
 *
 * The deadline rule is the staffing plan's own (staffing/workload-flow.core.ts
 * `deadlineSlot`): response time counts open time only, so an e-mail arriving Friday 17:30
 * with a 4-hour response is due 4 open hours later, on Monday. Counting wall-clock time
 * instead made every arrival after ~14:00, overnight or at weekends a miss while the plan
 * said 100 % on time. The backlog the plan carried in from the previous week starts here too.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { sum } from '../common/sum';
import { deadlineSlot } from '../staffing/workload-flow.core';

/** Work open at the start, due by the end of `dueSlot` (counted from the first interval). */
export interface CarriedWork {
  workSeconds: number;
  dueSlot: number;
}

export interface FluidBacklogInput {
  /** Work arriving per interval, seconds. */
  workSeconds: readonly number[];
  /** Work the agents can do per interval, seconds; same length. */
  capacitySeconds: readonly number[];
  /** Open intervals from arrival to deadline (≥ 1). */
  windowIntervals: number;
  /** Whether work is handled in each interval (same length; repeats after it); default always. */
  open?: readonly boolean[];
  /** Backlog at the start (the plan's carry-in); a due slot before 0 is due at the first open one. */
  carryIn?: readonly CarriedWork[];
}

export interface FluidBacklogResult {
  /** Work open at the end of each interval, seconds. */
  openSeconds: number[];
  /** Work whose deadline passed unfinished in each interval, seconds. */
  missedSeconds: number[];
}

const EPS = 1e-9;

function assertInput(input: FluidBacklogInput): void {
  const { workSeconds, capacitySeconds, windowIntervals, open } = input;
  const n = workSeconds.length;
  if (capacitySeconds.length !== n)
    throw badInput(`capacitySeconds must have one entry per interval (${n}), got ${capacitySeconds.length}`);
  if (!(Number.isInteger(windowIntervals) && windowIntervals >= 1))
    throw badInput(`windowIntervals must be an integer ≥ 1, got ${windowIntervals}`);
  if (open && open.length !== n)
    throw badInput(`open must have one entry per interval (${n}), got ${open.length}`);
  if (open && !open.some(Boolean)) throw badInput('open must have at least one open interval');
  for (const c of input.carryIn ?? [])
    if (!(c.workSeconds >= 0)) throw badInput(`carryIn.workSeconds must be ≥ 0, got ${c.workSeconds}`);
}

export function fluidBacklog(input: FluidBacklogInput): FluidBacklogResult {
  assertInput(input);
  const { workSeconds, capacitySeconds, windowIntervals: k } = input;
  const open = input.open ?? new Array<boolean>(workSeconds.length).fill(true);
  const firstOpen = open.indexOf(true);
  // earliest deadline first; open-time deadlines never decrease with the arrival, so
  // appending keeps the order once the carried-in lots are sorted
  const lots = (input.carryIn ?? [])
    .filter((c) => c.workSeconds > EPS)
    .map((c) => ({ due: Math.max(c.dueSlot, firstOpen), work: c.workSeconds }))
    .sort((a, b) => a.due - b.due);
  const openSeconds: number[] = [];
  const missedSeconds: number[] = [];
  workSeconds.forEach((work, i) => {
    if (!(work >= 0)) throw badInput(`workSeconds[${i}] must be ≥ 0, got ${work}`);
    if (work > 0) lots.push({ due: deadlineSlot(open, i, k), work });
    let capacity = Math.max(0, at(capacitySeconds, i));
    for (const lot of lots) {
      if (capacity <= 0) break;
      const done = Math.min(capacity, lot.work);
      lot.work -= done;
      capacity -= done;
    }
    missedSeconds.push(sum(lots, (l) => (l.due === i && l.work > EPS ? l.work : 0)));
    while (lots[0] !== undefined && lots[0].work <= EPS) lots.shift();
    openSeconds.push(sum(lots, (l) => l.work));
  });
  return { openSeconds, missedSeconds };
}
