/**
 * Second stage of the greedy roster: with the shifts fixed, place every break where it
 * costs the least coverage. Breaks go in one at a time at the start whose removal of
 * coverage adds the least under/over-cover penalty; then each break is taken out and put
 * back at its best start until nothing moves (a few passes). The MILP places breaks
 * itself; this stage serves the greedy roster and manual edits.
 */
import type { RosterProblem } from '../roster-problem-schema';
import type { ChosenShift } from '../milp/roster-solution';
import { problemClock } from '../calendar-util';
import { spanCoverage, type Candidate, type IntervalShare } from '../milp/shift-candidates';

const PASSES = 3;

/** Coverage per (skill, interval) with the breaks placed so far, and what a break there costs. */
class BreakCover {
  private readonly hours: number;
  private readonly skillIndex: Map<string, number>;
  private readonly cover: number[][];
  private readonly shares = new Map<string, IntervalShare[]>();

  constructor(
    private readonly problem: RosterProblem,
    candidates: Candidate[],
    chosen: number[],
  ) {
    this.hours = problem.intervalMinutes / 60;
    this.skillIndex = new Map(problem.requirements.map((r, k) => [r.skill, k]));
    this.cover = problem.requirements.map((r) => new Array<number>(r.values.length).fill(0));
    for (const ci of chosen) {
      const c = candidates[ci];
      const k = this.skillIndex.get(c.skill);
      if (k !== undefined)
        for (const { interval, fraction } of c.shift.coverage) this.cover[k][interval] += fraction;
    }
  }

  skillOf(candidate: Candidate): number | undefined {
    return this.skillIndex.get(candidate.skill);
  }

  /** Takes a break's coverage out (sign 1) or puts it back (sign -1). */
  apply(k: number, start: number, duration: number, sign: 1 | -1): void {
    for (const { interval, fraction } of this.shareOf(start, duration))
      this.cover[k][interval] -= sign * fraction;
  }

  /** Penalty added by a break at `start`, given the coverage now. */
  costOf(k: number, start: number, duration: number): number {
    let cost = 0;
    for (const { interval, fraction } of this.shareOf(start, duration)) {
      const now = this.cover[k][interval];
      cost += this.penalty(k, interval, now - fraction) - this.penalty(k, interval, now);
    }
    return cost;
  }

  /** The cheapest start; ties go to the start nearest the middle of the window. */
  bestStart(k: number, starts: number[], duration: number): number {
    const middle = (starts.length - 1) / 2;
    let best = starts[0];
    let bestCost = Infinity;
    starts.forEach((start, m) => {
      const cost = this.costOf(k, start, duration) + 1e-9 * Math.abs(m - middle);
      if (cost < bestCost) [best, bestCost] = [start, cost];
    });
    return best;
  }

  private penalty(k: number, i: number, value: number): number {
    const { underCover, overCover } = this.problem.options.penalties;
    const need = this.problem.requirements[k].values[i];
    return this.hours * (underCover * Math.max(0, need - value) + overCover * Math.max(0, value - need));
  }

  private shareOf(start: number, duration: number): IntervalShare[] {
    const key = `${start}_${duration}`;
    let s = this.shares.get(key);
    if (!s)
      this.shares.set(
        key,
        (s = spanCoverage(problemClock(this.problem), start, start + duration, this.problem.intervalMinutes)),
      );
    return s;
  }
}

/** Shifts with breaks, those with the narrowest break window first, then by start. */
function placementOrder(candidates: Candidate[], out: ChosenShift[]): number[] {
  const shift = (i: number) => candidates[out[i].candidate].shift;
  const width = (i: number): number => Math.min(...shift(i).breaks.map((b) => b.starts.length));
  return out
    .map((_, i) => i)
    .filter((i) => shift(i).breaks.length > 0)
    .sort((a, b) => width(a) - width(b) || shift(a).start - shift(b).start);
}

/**
 * Breaks for the chosen candidates. With `initial` (one start list per chosen candidate, e.g.
 * HiGHS' placement) the passes start from it and move a break only where that is cheaper.
 */
export function placeBreaks(
  problem: RosterProblem,
  candidates: Candidate[],
  chosen: number[],
  initial?: number[][],
): ChosenShift[] {
  const cover = new BreakCover(problem, candidates, chosen);
  const out: ChosenShift[] = chosen.map((ci) => ({ candidate: ci, breakStarts: [] }));
  const order = placementOrder(candidates, out);
  for (const i of order) {
    const c = candidates[out[i].candidate];
    const k = cover.skillOf(c);
    out[i].breakStarts = c.shift.breaks.map((b, j) => {
      const given = initial?.[i]?.[j];
      const start =
        given !== undefined
          ? given
          : k === undefined
            ? b.starts[0]
            : cover.bestStart(k, b.starts, b.durationMinutes);
      if (k !== undefined) cover.apply(k, start, b.durationMinutes, 1);
      return start;
    });
  }
  for (let pass = 0; pass < PASSES; pass++) if (!improvePass(cover, candidates, out, order)) break;
  return out;
}

/** Takes each break out and puts it back at its best start; true when any break moved. */
function improvePass(
  cover: BreakCover,
  candidates: Candidate[],
  out: ChosenShift[],
  order: number[],
): boolean {
  let moved = false;
  for (const i of order) {
    const c = candidates[out[i].candidate];
    const k = cover.skillOf(c);
    if (k === undefined) continue;
    c.shift.breaks.forEach((b, j) => {
      const was = out[i].breakStarts[j];
      cover.apply(k, was, b.durationMinutes, -1);
      const best = cover.bestStart(k, b.starts, b.durationMinutes);
      const cheaper =
        cover.costOf(k, best, b.durationMinutes) < cover.costOf(k, was, b.durationMinutes) - 1e-9;
      const start = cheaper ? best : was;
      cover.apply(k, start, b.durationMinutes, 1);
      if (start !== was) moved = true;
      out[i].breakStarts[j] = start;
    });
  }
  return moved;
}
