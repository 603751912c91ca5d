/**
 * A fluid backlog of deferred work: work arrives per interval, is due at the end of the
 * interval `windowIntervals − 1` after its arrival, and is served first in, first out
 * (earliest deadline first, as every item has the same window) by each interval's
 * capacity. Work still open when its deadline passes is a miss (counted once) and stays in
 * the backlog. Pure.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { sum } from '../common/sum';

export interface FluidBacklogInput {
  /** Work arriving per interval, seconds. */
  workSeconds: readonly number[];
  /** Work the agents can do per interval, seconds; same length. */
  capacitySeconds: readonly number[];
  /** Intervals from arrival to deadline (≥ 1). */
  windowIntervals: number;
}

export interface FluidBacklogResult {
  /** Work open at the end of each interval, seconds. */
  openSeconds: number[];
  /** Work whose deadline passed unfinished in each interval, seconds. */
  missedSeconds: number[];
}

const EPS = 1e-9;

export function fluidBacklog(input: FluidBacklogInput): FluidBacklogResult {
  const { workSeconds, capacitySeconds, windowIntervals } = input;
  if (capacitySeconds.length !== workSeconds.length)
    throw badInput(
      `capacitySeconds must have one entry per interval (${workSeconds.length}), got ${capacitySeconds.length}`,
    );
  if (!(Number.isInteger(windowIntervals) && windowIntervals >= 1))
    throw badInput(`windowIntervals must be an integer ≥ 1, got ${windowIntervals}`);
  const lots: { due: number; work: number }[] = [];
  const openSeconds: number[] = [];
  const missedSeconds: number[] = [];
  workSeconds.forEach((work, i) => {
    if (!(work >= 0)) throw badInput(`workSeconds[${i}] must be ≥ 0, got ${work}`);
    if (work > 0) lots.push({ due: i + windowIntervals - 1, work });
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
