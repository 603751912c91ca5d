/**
 * Runs the simulated site week after week: solve with the rules (or with learned rewards),
 * let the simulated manager edit, publish. Used by the demo seed, the Done-when test and
 * `npm run bench:ranker`. Solves in-process (callers run it in a worker or a script).
 */
import { parseRosterProblem } from '../rostering/roster-problem.validation';
import type { RosterProblem } from '../rostering/roster-problem-schema';
import type { CandidateRewards } from '../rostering/milp/roster-rewards';
import { solveRoster } from '../rostering/roster-solver';
import type { RosterResult } from '../rostering/roster.types';
import type { LabelledShift } from './ranking-label.core';
import type { WeekHistory } from './ranking-features.core';
import { historyWeek, type RankerWeek, weekRows } from './ranker-dataset.core';
import { decideRewards, type RewardDecision } from './ranker-rewards.core';
import { type ForestJson, predictForest } from './ranker.core';
import { applyMoves, demoProblem, managerEdits, type ManagerMove } from './simulated-manager.core';

export interface SimWeek {
  index: number;
  problem: RosterProblem;
  result: RosterResult;
  proposed: LabelledShift[];
  moves: ManagerMove[];
  published: LabelledShift[];
}

const shifts = (result: RosterResult): LabelledShift[] =>
  result.assignments.map((a) => ({
    staffId: a.staffId,
    date: a.date,
    shiftTemplateId: a.shiftTemplateId,
    skill: a.skill,
  }));

export async function solveWeek(
  problem: RosterProblem,
  rewards?: CandidateRewards,
  heuristicOnly = false,
): Promise<RosterResult> {
  const result = await solveRoster(problem, { rewards, timeLimitSeconds: 20, heuristicOnly });
  if (result.status !== 'OPTIMAL' && result.status !== 'FEASIBLE')
    throw new Error(`week ${problem.weekStart}: ${result.status} ${result.message ?? ''}`);
  return result;
}

/** Weeks `from` … `to − 1`, solved with the rules and edited by the simulated manager. */
export async function simulateRulesWeeks(
  from: number,
  to: number,
  seed = 17,
  heuristicOnly = false,
): Promise<SimWeek[]> {
  const out: SimWeek[] = [];
  for (let index = from; index < to; index++) {
    const problem = parseRosterProblem(demoProblem(index, seed));
    const result = await solveWeek(problem, undefined, heuristicOnly);
    const proposed = shifts(result);
    const moves = managerEdits(index, proposed, seed);
    out.push({ index, problem, result, proposed, moves, published: applyMoves(proposed, moves) });
  }
  return out;
}

/** History for the week after `weeks[upTo − 1]`: published rosters newest first. */
export const historyBefore = (weeks: SimWeek[], upTo: number): WeekHistory =>
  weeks
    .slice(0, upTo)
    .reverse()
    .map((w) => historyWeek(w.problem, w.published));

export const rankerWeeks = (weeks: SimWeek[]): RankerWeek[] =>
  weeks.map((w, i) => ({ problem: w.problem, history: historyBefore(weeks, i), published: w.published }));

/** The reward decision for one week from a trained forest (a failed prediction falls back). */
export function rewardsFor(
  problem: RosterProblem,
  history: WeekHistory,
  forest: ForestJson | null,
  threshold: number,
): RewardDecision {
  if (!forest) return decideRewards({ ok: false, reason: 'no active model' }, threshold);
  const rows = weekRows({ problem, history });
  try {
    return decideRewards(
      { ok: true, keys: rows.keys, probabilities: predictForest(forest, rows.X) },
      threshold,
    );
  } catch (e) {
    return decideRewards({ ok: false, reason: `prediction failed: ${(e as Error).message}` }, threshold);
  }
}
