/**
 * Greedy roster: the fallback and the MIP start for HiGHS. Four steps:
 *  1. minimum hours first (those hours are paid anyway), long shifts preferred;
 *  2. repeatedly the (skill, interval) with the largest remaining shortfall gets the
 *     eligible shift with the best net value that keeps every hard rule;
 *  3. improvement and repair: each person's week is re-planned against everybody else's
 *     (greedy-improve.ts), which also lifts anyone still below their minimum;
 *  4. breaks are placed where they cost the least coverage (break-placement.ts).
 * Whoever still misses their minimum is reported with the reason. The result is checked by
 * the independent checker like any other roster.
 */
import { placeBreaks } from './break-placement';
import { improveRoster } from './greedy-improve';
import { EPS, GreedyState } from './greedy-state';
import type { RosterProblem } from '../roster-problem-schema';
import type { ChosenShift } from '../milp/roster-solution';
import type { StaffIssue } from '../roster.types';
import { personLabel } from '../roster-diagnosis';
import type { Candidate } from '../milp/shift-candidates';

/** Favours long shifts when reaching minimum hours, so few days are used up. */
const LONG_SHIFT_BONUS = 1000;

export interface GreedyOptions {
  /**
   * performance.now() milliseconds after which filling shortfalls and improvement stop
   * (minimum hours are always topped up and breaks always placed).
   */
  deadline?: number;
}

export interface GreedyResult {
  shifts: ChosenShift[];
  /** People the heuristic could not bring to their minimum hours, with why. */
  issues: StaffIssue[];
}

function topUpMinimumHours(state: GreedyState): void {
  state.problem.staff.forEach((staff, s) => {
    if (state.paidHours(s) >= staff.minHoursWeek - EPS) return;
    const own = state.byStaff[s]
      .map((ci) => ({ ci, g: state.gain(ci) + LONG_SHIFT_BONUS * state.candidates[ci].shift.paidHours }))
      .sort((a, b) => b.g - a.g);
    for (const { ci } of own) {
      if (state.paidHours(s) >= staff.minHoursWeek - EPS) break;
      if (state.canAdd(ci)) state.add(ci);
    }
  });
}

/** The (skill, interval) with the largest shortfall not yet given up on; [-1, -1] when none is left. */
function largestShortfall(need: number[][], exhausted: boolean[][]): [number, number] {
  let bestK = -1;
  let bestI = -1;
  let most = EPS;
  for (let k = 0; k < need.length; k++) {
    const row = need[k];
    for (let i = 0; i < row.length; i++)
      if (row[i] > most && !exhausted[k][i]) [bestK, bestI, most] = [k, i, row[i]];
  }
  return [bestK, bestI];
}

/**
 * People who would take the same shift with the same skill differ only in cost and
 * preferences, so each pick compares groups (day, template, skill) by coverage value and
 * takes the cheapest person of the group who can still work it.
 */
function fillShortfalls(state: GreedyState, deadline: number): void {
  const { need, candidates } = state;
  const groupOf = new Map<string, number>();
  const members: number[][] = [];
  const cost = candidates.map((_, ci) => state.coverValue(ci) - state.gain(ci));
  const index = need.map((row) => row.map((): number[] => []));
  candidates.forEach((c, ci) => {
    const k = state.skillIndex.get(c.skill);
    if (k === undefined) return;
    const key = `${c.shift.day}_${c.shift.templateIndex}_${c.skill}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = members.length;
      groupOf.set(key, g);
      members.push([]);
      for (const { interval } of c.shift.nominalCoverage) index[k][interval].push(g);
    }
    members[g].push(ci);
  });
  members.forEach((m) => m.sort((x, y) => cost[x] - cost[y] || x - y));
  /**
   * The cheapest member of group g who can still be added. Shifts are only added here, so
   * whoever cannot join now never can: they leave the group for good.
   */
  const cheapest = (g: number): number => {
    const m = members[g];
    let i = 0;
    while (i < m.length && !state.canAdd(m[i])) i++;
    if (i > 0) m.splice(0, i);
    return m.length > 0 ? m[0] : -1;
  };
  const exhausted = need.map((row) => row.map(() => false));
  for (let picks = 0; ; picks++) {
    // Past the deadline the roster stops growing (checked every 64 picks).
    if ((picks & 63) === 0 && performance.now() > deadline) break;
    const [bestK, bestI] = largestShortfall(need, exhausted);
    if (bestK < 0) break;
    let pick = -1;
    let pickGain = 0;
    for (const g of index[bestK][bestI]) {
      const ci = cheapest(g);
      if (ci < 0) continue;
      const gain = state.coverValue(ci) - cost[ci];
      if (gain > pickGain) [pick, pickGain] = [ci, gain];
    }
    if (pick < 0) exhausted[bestK][bestI] = true;
    else state.add(pick);
  }
}

export function greedyRoster(
  problem: RosterProblem,
  candidates: Candidate[],
  options: GreedyOptions = {},
): GreedyResult {
  const state = new GreedyState(problem, candidates);
  topUpMinimumHours(state);
  fillShortfalls(state, options.deadline ?? Infinity);
  improveRoster(state, options.deadline ?? Infinity);
  const issues: StaffIssue[] = [];
  problem.staff.forEach((staff, s) => {
    const hours = state.paidHours(s);
    if (hours >= staff.minHoursWeek - EPS) return;
    issues.push({
      staffId: staff.id,
      code: 'MIN_HOURS_UNREACHABLE',
      minHoursWeek: staff.minHoursWeek,
      reachableHours: +hours.toFixed(2),
      reason:
        `${personLabel(staff)}: the greedy roster reaches ${+hours.toFixed(2)} h of the minimum ${staff.minHoursWeek} h this week: ` +
        'no week of their shifts meets it together with rest, day and hour limits',
    });
  });
  return { shifts: placeBreaks(problem, candidates, state.all()), issues };
}
