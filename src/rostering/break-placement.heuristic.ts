/**
 * Second stage of the greedy roster: with the shifts fixed, place every break where it
 * costs the least coverage. Breaks go in one at a time at the start whose removal of
 * coverage adds the least under/over-cover penalty; then each break is taken out and put
 * back at its best start until nothing moves (a few passes). The MILP places breaks
 * itself; this stage serves the greedy roster and manual edits.
 */
import type { RosterProblem } from './roster-problem.schema';
import type { ChosenShift } from './roster-solution.model';
import { spanCoverage, type Candidate, type IntervalShare } from './shift-candidates.model';

const PASSES = 3;

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
  const size = problem.intervalMinutes;
  const hours = size / 60;
  const { underCover, overCover } = problem.options.penalties;
  const skillIndex = new Map(problem.requirements.map((r, k) => [r.skill, k]));
  const cover = problem.requirements.map((r) => new Array<number>(r.values.length).fill(0));
  for (const ci of chosen) {
    const c = candidates[ci];
    const k = skillIndex.get(c.skill);
    if (k !== undefined)
      for (const { interval, fraction } of c.shift.coverage) cover[k][interval] += fraction;
  }
  const penalty = (k: number, i: number, value: number): number => {
    const need = problem.requirements[k].values[i];
    return hours * (underCover * Math.max(0, need - value) + overCover * Math.max(0, value - need));
  };
  const shares = new Map<string, IntervalShare[]>();
  const shareOf = (start: number, duration: number): IntervalShare[] => {
    const key = `${start}_${duration}`;
    let s = shares.get(key);
    if (!s) shares.set(key, (s = spanCoverage(start, start + duration, size)));
    return s;
  };
  const apply = (k: number, start: number, duration: number, sign: 1 | -1): void => {
    for (const { interval, fraction } of shareOf(start, duration)) cover[k][interval] -= sign * fraction;
  };
  const costOf = (k: number, start: number, duration: number): number => {
    let cost = 0;
    for (const { interval, fraction } of shareOf(start, duration)) {
      const now = cover[k][interval];
      cost += penalty(k, interval, now - fraction) - penalty(k, interval, now);
    }
    return cost;
  };
  const bestStart = (k: number, starts: number[], duration: number): number => {
    const middle = (starts.length - 1) / 2;
    let best = starts[0];
    let bestCost = Infinity;
    starts.forEach((start, m) => {
      let cost = 0;
      for (const { interval, fraction } of shareOf(start, duration)) {
        const now = cover[k][interval];
        cost += penalty(k, interval, now - fraction) - penalty(k, interval, now);
      }
      // Ties go to the start nearest the middle of the window.
      cost += 1e-9 * Math.abs(m - middle);
      if (cost < bestCost) [best, bestCost] = [start, cost];
    });
    return best;
  };

  const out: ChosenShift[] = chosen.map((ci) => ({ candidate: ci, breakStarts: [] }));
  const order = out
    .map((_, i) => i)
    .filter((i) => candidates[out[i].candidate].shift.breaks.length > 0)
    .sort((a, b) => {
      const width = (i: number): number =>
        Math.min(...candidates[out[i].candidate].shift.breaks.map((b) => b.starts.length));
      return (
        width(a) - width(b) ||
        candidates[out[a].candidate].shift.start - candidates[out[b].candidate].shift.start
      );
    });
  for (const i of order) {
    const c = candidates[out[i].candidate];
    const k = skillIndex.get(c.skill);
    out[i].breakStarts = c.shift.breaks.map((b, j) => {
      const given = initial?.[i]?.[j];
      const start =
        given !== undefined
          ? given
          : k === undefined
            ? b.starts[0]
            : bestStart(k, b.starts, b.durationMinutes);
      if (k !== undefined) apply(k, start, b.durationMinutes, 1);
      return start;
    });
  }
  for (let pass = 0; pass < PASSES; pass++) {
    let moved = false;
    for (const i of order) {
      const c = candidates[out[i].candidate];
      const k = skillIndex.get(c.skill);
      if (k === undefined) continue;
      c.shift.breaks.forEach((b, j) => {
        const was = out[i].breakStarts[j];
        apply(k, was, b.durationMinutes, -1);
        const best = bestStart(k, b.starts, b.durationMinutes);
        const start =
          costOf(k, best, b.durationMinutes) < costOf(k, was, b.durationMinutes) - 1e-9 ? best : was;
        apply(k, start, b.durationMinutes, 1);
        if (start !== was) moved = true;
        out[i].breakStarts[j] = start;
      });
    }
    if (!moved) break;
  }
  return out;
}
