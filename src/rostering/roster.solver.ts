/**
 * Solves one weekly roster: validate → build the MILP → HiGHS → extract → check → KPIs.
 * Falls back to the greedy heuristic when HiGHS has no solution in time; explains
 * infeasibility with a diagnosis. Every returned roster has passed the independent
 * checker, otherwise the status is ERROR and the violations are listed.
 */
import { solveLpText, type MilpSolution } from './highs.adapter';
import { greedyRoster } from './greedy.heuristic';
import { writeLp } from './lp.writer';
import { uncoverableRequirements, staffHourIssues } from './roster.diagnosis';
import { rosterKpis, rosterObjective } from './roster.kpi';
import { buildRosterModel, type RosterModel } from './roster.model';
import { checkRoster } from './roster.checker';
import { parseRosterProblem } from './roster-problem.validation';
import type { RosterProblem } from './roster-problem.schema';
import type { CandidateRewards } from './roster-rewards.model';
import type {
  RosterAssignment,
  RosterDiagnosis,
  RosterProgress,
  RosterResult,
  StaffIssue,
} from './roster.types';
import { candidateAssignment, weekShifts } from './shift-candidates.model';

export interface SolveRosterOptions {
  /** Overrides `options.timeLimitSeconds` of the problem. */
  timeLimitSeconds?: number;
  /** Overrides `options.relativeGap` of the problem. */
  relativeGap?: number;
  onProgress?: (progress: RosterProgress) => void;
  /** Receives the exact LP text handed to HiGHS (the CLI's `--lp`). */
  onLp?: (lp: string) => void;
  /** Skip HiGHS and use the greedy heuristic (tests, emergencies). */
  heuristicOnly?: boolean;
  /** Learned soft rewards per candidate; absent: the rules-only objective. */
  rewards?: CandidateRewards;
}

/** Time reserved after HiGHS for extraction, checking and a possible heuristic. */
const RESERVE_SECONDS = 0.05;

function extract(model: RosterModel, problem: RosterProblem, solution: MilpSolution): RosterAssignment[] {
  const values = solution.values!;
  const cols = model.milp.columns;
  const sameOrder =
    solution.columnNames.length === cols.length && cols.every((c, i) => solution.columnNames[i] === c.name);
  const position = sameOrder ? null : new Map(solution.columnNames.map((n, i) => [n, i]));
  const valueOf = (col: number): number => values[position ? (position.get(cols[col].name) ?? -1) : col] ?? 0;
  return model.candidates
    .filter((_, i) => valueOf(model.xCol[i]) > 0.5)
    .map((c) => candidateAssignment(problem, c));
}

async function diagnoseMinHours(problem: RosterProblem, seconds: number): Promise<StaffIssue[]> {
  const relaxed = buildRosterModel(problem, { minHours: 'soft' });
  const solution = await solveLpText(writeLp(relaxed.milp), { timeLimitSeconds: seconds, relativeGap: 0.05 });
  if (!solution.values) return [];
  const byName = new Map(solution.columnNames.map((n, i) => [n, solution.values![i]]));
  return problem.staff.flatMap((staff, s) => {
    const short = byName.get(`short_${s}`) ?? 0;
    if (short <= 1e-6) return [];
    const reached = +(staff.minHoursWeek - short).toFixed(2);
    return [
      {
        staffId: staff.id,
        reason: `staff ${staff.id}: minHoursWeek ${staff.minHoursWeek} cannot be met together with rest, day and hour limits (best found ${reached} h)`,
      },
    ];
  });
}

export async function solveRoster(input: unknown, options: SolveRosterOptions = {}): Promise<RosterResult> {
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const report = (phase: RosterProgress['phase'], p: Partial<RosterProgress> = {}): void =>
    options.onProgress?.({ phase, objective: null, bound: null, gap: null, elapsedSeconds: elapsed(), ...p });

  report('validate');
  const problem = parseRosterProblem(input);
  const timeLimit = options.timeLimitSeconds ?? problem.options.timeLimitSeconds;
  const relativeGap = options.relativeGap ?? problem.options.relativeGap;

  report('build');
  const shifts = weekShifts(problem);
  const model = buildRosterModel(problem, { rewards: options.rewards });
  const lp = writeLp(model.milp);
  options.onLp?.(lp);
  const uncoverable = uncoverableRequirements(problem, model.candidates, shifts);
  const staffIssues = staffHourIssues(problem, model.candidates);
  const diagnosis = (issues: StaffIssue[]): RosterDiagnosis | null =>
    uncoverable.length + issues.length === 0
      ? null
      : {
          uncoverable,
          staff: issues,
          messages: [...issues.map((i) => i.reason), ...uncoverable.map((u) => u.reason)],
        };
  const size = {
    variables: model.milp.columns.length,
    binaries: model.binaries,
    rows: model.milp.rows.length,
  };
  const base = { seconds: 0, violations: [], warnings: [], kpis: null, model: size, message: null };

  if (staffIssues.length > 0) {
    return {
      ...base,
      status: 'INFEASIBLE',
      solverStatus: null,
      objective: null,
      bound: null,
      gap: null,
      assignments: [],
      heuristic: false,
      diagnosis: diagnosis(staffIssues),
      seconds: elapsed(),
      message: 'Minimum hours cannot be met',
    };
  }

  let solution: MilpSolution | null = null;
  if (!options.heuristicOnly && model.milp.columns.length > 0) {
    report('solve');
    solution = await solveLpText(lp, {
      timeLimitSeconds: Math.max(timeLimit - elapsed() - RESERVE_SECONDS, 0.001),
      relativeGap,
      onProgress: (p) => report('solve', p),
    });
    if (solution.status === 'INFEASIBLE') {
      const issues = await diagnoseMinHours(problem, Math.max(timeLimit - elapsed(), 1));
      return {
        ...base,
        status: 'INFEASIBLE',
        solverStatus: solution.solverStatus,
        objective: null,
        bound: null,
        gap: null,
        assignments: [],
        heuristic: false,
        diagnosis: diagnosis(issues),
        seconds: elapsed(),
        message: 'The hard constraints cannot all be met',
      };
    }
  }

  const useMilp = solution !== null && (solution.status === 'OPTIMAL' || solution.status === 'FEASIBLE');
  let assignments: RosterAssignment[];
  if (useMilp) {
    assignments = extract(model, problem, solution!);
  } else {
    report('heuristic');
    assignments = greedyRoster(problem, model.candidates).map((ci) =>
      candidateAssignment(problem, model.candidates[ci]),
    );
  }

  report('check');
  const { violations, warnings } = checkRoster(problem, assignments);
  const empty = model.milp.columns.length === 0;
  const status =
    violations.length > 0 ? 'ERROR' : useMilp ? solution!.status : empty ? 'OPTIMAL' : 'FEASIBLE';
  const objective = useMilp ? solution!.objective : rosterObjective(problem, assignments);
  const result: RosterResult = {
    ...base,
    status: status === 'NO_SOLUTION' ? 'ERROR' : status,
    solverStatus: solution?.solverStatus ?? null,
    objective,
    bound: useMilp ? solution!.bound : empty ? objective : null,
    gap: useMilp ? solution!.gap : empty ? 0 : null,
    assignments,
    heuristic: !useMilp && !empty,
    diagnosis: diagnosis([]),
    violations,
    warnings,
    kpis: rosterKpis(problem, assignments),
    message:
      violations.length > 0
        ? `Roster failed the checker: ${violations[0].message}`
        : useMilp || empty
          ? null
          : `Greedy heuristic used (${solution ? `HiGHS: ${solution.solverStatus}${solution.message ? `, ${solution.message}` : ''}` : 'solver skipped'})`,
  };
  result.kpis!.solver = {
    status: result.status,
    seconds: null,
    gap: result.gap,
    heuristic: result.heuristic,
  };
  result.seconds = elapsed();
  result.kpis!.solver.seconds = +result.seconds.toFixed(3);
  report('done', { objective: result.objective, bound: result.bound, gap: result.gap });
  return result;
}
