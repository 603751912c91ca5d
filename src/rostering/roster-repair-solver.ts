/**
 * Solves a repair: the week's MILP with the fixed-assignment family (roster-repair.ts)
 * → HiGHS → extract → independent checker. No greedy fallback: a repair that HiGHS cannot
 * find in time is reported, never replaced by a roster that changes everything. When the
 * conflicted days alone are infeasible (a rule forces more), it retries once with the
 * conflicted people's whole weeks open.
 */
import { placeBreaks } from './heuristics/break-placement';
import { solveLpText, type MilpSolution } from './milp/highs.adapter';
import { writeLp } from './milp/lp-writer';
import { rosterKpis } from './roster-kpi';
import { buildRosterModel, modelSize, type RosterModel } from './milp/roster-model';
import { checkRoster } from './roster.validation';
import { parseRosterProblem } from './roster-problem.validation';
import type { RosterProblem } from './roster-problem-schema';
import { repairChangeCosts, type FixedAssignments } from './milp/roster-repair';
import type { RosterAssignment, RosterResult } from './roster.types';
import { shiftsToAssignments, solutionShifts } from './milp/roster-solution';

export interface RepairSolveInput {
  /** The refreshed problem (validated here). */
  problem: unknown;
  published: RosterAssignment[];
  freeDays: number[];
  /** People whose week rules force a change anywhere in their week. */
  freeStaff: string[];
  /** Opened as well when the first attempt is infeasible. */
  conflictStaff: string[];
  timeLimitSeconds: number;
  relativeGap: number;
}

export interface RepairSolveResult {
  result: RosterResult;
  widened: boolean;
}

/** The repaired roster: HiGHS' shifts and break counts, breaks then moved only where cheaper. */
function extract(
  model: RosterModel,
  problem: RosterProblem,
  solution: MilpSolution,
  values: Float64Array,
): RosterAssignment[] {
  const at = new Map(solution.columnNames.map((n, i) => [n, i]));
  const value = (col: number): number => values[at.get(model.milp.columns[col].name) ?? -1] ?? 0;
  const raw = solutionShifts(model, value);
  const placed = placeBreaks(
    problem,
    model.candidates,
    raw.map((x) => x.candidate),
    raw.map((x) => x.breakStarts),
  );
  return shiftsToAssignments(problem, model, placed);
}

interface RepairRun {
  problem: RosterProblem;
  input: RepairSolveInput;
  /** Seconds since the repair started. */
  elapsed: () => number;
}

async function attempt(
  run: RepairRun,
  freeStaff: string[],
): Promise<{ model: RosterModel; solution: MilpSolution }> {
  const { problem, input } = run;
  const costs = repairChangeCosts(problem);
  const fixed: FixedAssignments = {
    published: input.published,
    freeDays: input.freeDays,
    freeStaff,
    personChangeCost: costs.person,
    assignmentChangeCost: costs.assignment,
  };
  const model = buildRosterModel(problem, { fixed });
  const solution = await solveLpText(writeLp(model.milp), {
    timeLimitSeconds: Math.max(input.timeLimitSeconds - run.elapsed(), 0.5),
    relativeGap: input.relativeGap,
  });
  return { model, solution };
}

export async function solveRepair(input: RepairSolveInput): Promise<RepairSolveResult> {
  const t0 = performance.now();
  const run: RepairRun = {
    problem: parseRosterProblem(input.problem),
    input,
    elapsed: () => (performance.now() - t0) / 1000,
  };
  const first = await attempt(run, input.freeStaff);
  const widen =
    first.solution.status === 'INFEASIBLE' && input.conflictStaff.some((s) => !input.freeStaff.includes(s));
  if (!widen) return { result: repairResult(run, first.model, first.solution), widened: false };
  const wider = await attempt(run, [...new Set([...input.freeStaff, ...input.conflictStaff])]);
  return { result: repairResult(run, wider.model, wider.solution), widened: true };
}

function repairResult(
  { problem, input, elapsed }: RepairRun,
  model: RosterModel,
  solution: MilpSolution,
): RosterResult {
  const values = solution.status === 'OPTIMAL' || solution.status === 'FEASIBLE' ? solution.values : null;
  const found = values !== null;
  const assignments = values ? extract(model, problem, solution, values) : [];
  const { violations, warnings } = found
    ? checkRoster(problem, assignments)
    : { violations: [], warnings: [] };
  const status = !found
    ? solution.status === 'INFEASIBLE'
      ? 'INFEASIBLE'
      : 'ERROR'
    : violations.length > 0
      ? 'ERROR'
      : (solution.status as 'OPTIMAL' | 'FEASIBLE');
  return {
    status,
    solverStatus: solution.solverStatus,
    objective: found ? solution.objective : null,
    bound: found ? solution.bound : null,
    gap: found ? solution.gap : null,
    seconds: elapsed(),
    assignments,
    heuristic: false,
    source: found ? 'MILP' : null,
    greedyObjective: null,
    milpObjective: found ? solution.objective : null,
    timing: {
      timeLimitSeconds: input.timeLimitSeconds,
      phases: [{ phase: 'solve', seconds: elapsed() }],
      solverLimitSeconds: input.timeLimitSeconds,
    },
    diagnosis: null,
    violations,
    warnings,
    kpis: found ? rosterKpis(problem, assignments) : null,
    model: modelSize(model),
    message: !found
      ? `No repair found: HiGHS ${solution.solverStatus}${solution.message ? `, ${solution.message}` : ''}`
      : violations.length > 0
        ? `Repair failed the checker: ${violations[0].message}`
        : null,
  };
}
