/**
 * Solves one weekly roster within its time limit: validate → greedy roster (always) →
 * build the MILP → HiGHS, started from the greedy roster → check both → return whichever
 * passes the independent checker with the lower objective, with the gap against HiGHS'
 * bound. Explains infeasibility with a diagnosis. Every returned roster has passed the
 * checker, otherwise the status is ERROR and the violations are listed.
 *
 * Time: every phase counts against the limit (`RosterResult.timing`). The greedy
 * improvement stops at a share of the limit; HiGHS gets what is left minus a reserve for
 * extracting and checking its roster, measured on the greedy roster of the same size.
 */
import { placeBreaks } from './break-placement.heuristic';
import { greedyRoster } from './greedy.heuristic';
import { solveMilp, type MilpSolution } from './highs.adapter';
import { writeLp } from './lp.writer';
import { uncoverableRequirements, staffHourIssues } from './roster.diagnosis';
import { rosterKpis, rosterObjective } from './roster.kpi';
import { buildRosterModel, type RosterModel } from './roster.model';
import { checkRoster, type CheckReport } from './roster.checker';
import { parseRosterProblem } from './roster-problem.validation';
import type { RosterProblem } from './roster-problem.schema';
import { shiftsToAssignments, solutionShifts, startVector } from './roster-solution.model';
import type { CandidateRewards } from './roster-rewards.model';
import type {
  RosterAssignment,
  RosterDiagnosis,
  RosterProgress,
  RosterResult,
  RosterSource,
  StaffIssue,
} from './roster.types';
import { enumerateCandidates, weekShifts } from './shift-candidates.model';
import { SolveClock } from './solve-clock.util';

export interface SolveRosterOptions {
  /** Overrides `options.timeLimitSeconds` of the problem. */
  timeLimitSeconds?: number;
  /** Overrides `options.relativeGap` of the problem. */
  relativeGap?: number;
  onProgress?: (progress: RosterProgress) => void;
  /** Receives the exact LP text of the model handed to HiGHS (the CLI's `--lp`). */
  onLp?: (lp: string) => void;
  /** Skip HiGHS and return the greedy roster (tests, emergencies). */
  heuristicOnly?: boolean;
  /** Learned soft rewards per candidate; absent: the rules-only objective. */
  rewards?: CandidateRewards;
}

/** Share of the time limit after which the greedy improvement stops (HiGHS gets the rest). */
const GREEDY_SHARE = 0.25;
const GREEDY_ONLY_SHARE = 0.8;
/** Below this many seconds left, HiGHS is not started. */
const MIN_SOLVER_SECONDS = 0.02;
/** Model building measured at 0.2–0.5 × the greedy phase (20–5,000 staff); planned at 0.5. */
const BUILD_SHARE_OF_HEURISTIC = 0.5;
const SOLVER_SHARE_OF_REST = 0.75;

interface Candidate {
  source: RosterSource;
  assignments: RosterAssignment[];
  objective: number;
  check: CheckReport;
}

function evaluate(problem: RosterProblem, source: RosterSource, assignments: RosterAssignment[]): Candidate {
  return {
    source,
    assignments,
    objective: rosterObjective(problem, assignments),
    check: checkRoster(problem, assignments),
  };
}

async function diagnoseMinHours(problem: RosterProblem, seconds: number): Promise<StaffIssue[]> {
  const relaxed = buildRosterModel(problem, { minHours: 'soft' });
  const solution = await solveMilp(relaxed.milp, { timeLimitSeconds: seconds, relativeGap: 0.05 });
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

const relativeGapOf = (objective: number, bound: number | null): number | null =>
  bound === null ? null : Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));

export async function solveRoster(input: unknown, options: SolveRosterOptions = {}): Promise<RosterResult> {
  const clock = new SolveClock(options.timeLimitSeconds ?? 60);
  const report = (phase: RosterProgress['phase'], p: Partial<RosterProgress> = {}): void =>
    options.onProgress?.({
      phase,
      objective: null,
      bound: null,
      gap: null,
      elapsedSeconds: clock.elapsed(),
      ...p,
    });
  clock.enter('validate');
  report('validate');
  const problem = parseRosterProblem(input);
  clock.timeLimitSeconds = options.timeLimitSeconds ?? problem.options.timeLimitSeconds;
  const relativeGap = options.relativeGap ?? problem.options.relativeGap;

  clock.enter('heuristic');
  report('heuristic');
  const heuristicStarted = clock.elapsed();
  const shifts = weekShifts(problem);
  const candidates = enumerateCandidates(problem, shifts);
  const uncoverable = uncoverableRequirements(problem, candidates, shifts);
  const diagnosis = (issues: StaffIssue[]): RosterDiagnosis | null =>
    uncoverable.length + issues.length === 0
      ? null
      : {
          uncoverable,
          staff: issues,
          messages: [...issues.map((i) => i.reason), ...uncoverable.map((u) => u.reason)],
        };
  const none = (
    status: 'INFEASIBLE' | 'ERROR',
    message: string,
    issues: StaffIssue[],
    extra: Partial<RosterResult> = {},
  ): RosterResult => ({
    status,
    solverStatus: null,
    objective: null,
    bound: null,
    gap: null,
    seconds: clock.elapsed(),
    assignments: [],
    heuristic: false,
    source: null,
    greedyObjective: null,
    milpObjective: null,
    timing: clock.timing(),
    diagnosis: diagnosis(issues),
    violations: [],
    warnings: [],
    kpis: null,
    model: null,
    message,
    ...extra,
  });
  const staffIssues = staffHourIssues(problem, candidates);
  if (staffIssues.length > 0) return none('INFEASIBLE', 'Minimum hours cannot be met', staffIssues);

  const greedyRun = greedyRoster(problem, candidates, {
    deadline: clock.deadlineAt(options.heuristicOnly ? GREEDY_ONLY_SHARE : GREEDY_SHARE),
  });
  const checkStarted = clock.elapsed();
  const greedy = evaluate(problem, 'GREEDY', shiftsToAssignments(problem, { candidates }, greedyRun.shifts));
  const checkSeconds = clock.elapsed() - checkStarted;
  // Building the model costs about as much as enumerating the candidates and building the
  // greedy roster's coverage; measured here, it decides whether HiGHS can still run.
  const buildEstimate = BUILD_SHARE_OF_HEURISTIC * (checkStarted - heuristicStarted);
  report('heuristic', { objective: greedy.objective });

  let model: RosterModel | null = null;
  let solution: MilpSolution | null = null;
  let milp: Candidate | null = null;
  const reserve = 1.25 * checkSeconds + 0.01;
  const worthBuilding = clock.remaining() > reserve + buildEstimate + MIN_SOLVER_SECONDS;
  if (!options.heuristicOnly && candidates.length > 0 && worthBuilding) {
    clock.enter('build');
    report('build');
    model = buildRosterModel(problem, { rewards: options.rewards }, candidates);
    if (options.onLp) options.onLp(writeLp(model.milp));
    // HiGHS' presolve checks the clock coarsely: on a busy machine it returned up to 1.7 s
    // late on 1,500 staff (2.4 s at load 12). It gets 75 % of what is left.
    const solverLimit = SOLVER_SHARE_OF_REST * (clock.remaining() - reserve);
    if (solverLimit > MIN_SOLVER_SECONDS) {
      clock.enter('solve');
      clock.solverLimitSeconds = +solverLimit.toFixed(4);
      const start = greedy.check.violations.length === 0 ? startVector(model, greedyRun.shifts) : undefined;
      solution = await solveMilp(model.milp, {
        timeLimitSeconds: solverLimit,
        relativeGap,
        start,
        onProgress: (p) => report('solve', { ...p, elapsedSeconds: clock.elapsed() }),
      });
      clock.enter('check');
      report('check');
      const values = solution.values;
      // HiGHS handing back the greedy start unchanged is the greedy roster: no second check.
      const sameAsStart =
        start !== undefined &&
        solution.status !== 'OPTIMAL' &&
        solution.objective !== null &&
        Math.abs(solution.objective - greedy.objective) <= 1e-6 * Math.max(1, Math.abs(greedy.objective));
      if (values && !sameAsStart) {
        // HiGHS' breaks (rounded counts), moved only where the break stage finds it cheaper.
        const raw = solutionShifts(model, (c) => values[c]);
        const placed = placeBreaks(
          problem,
          candidates,
          raw.map((x) => x.candidate),
          raw.map((x) => x.breakStarts),
        );
        milp = evaluate(problem, 'MILP', shiftsToAssignments(problem, model, placed));
      }
    }
  }

  if (!solution) clock.enter('check');
  const passing = [milp, greedy].filter((c): c is Candidate => c !== null && c.check.violations.length === 0);
  // On a tie HiGHS' roster is named only when HiGHS proved it optimal; otherwise it is the
  // greedy start handed back.
  const milpWinsTies = solution?.status === 'OPTIMAL';
  const chosen = passing.reduce<Candidate | null>((best, c) => {
    if (best === null) return c;
    const tie = Math.abs(c.objective - best.objective) <= 1e-6 * Math.max(1, Math.abs(best.objective));
    if (tie) return (c.source === 'MILP') === milpWinsTies ? c : best;
    return c.objective < best.objective ? c : best;
  }, null);
  const size = model
    ? {
        variables: model.milp.columns.length,
        binaries: model.binaries,
        breakColumns: model.breakColumns,
        rows: model.milp.rows.length,
      }
    : null;
  const common = {
    solverStatus: solution?.solverStatus ?? null,
    greedyObjective: greedy.objective,
    milpObjective: milp?.objective ?? null,
    model: size,
  };
  if (!chosen) {
    if (solution?.status === 'INFEASIBLE' || greedyRun.issues.length > 0) {
      const issues =
        solution?.status === 'INFEASIBLE' && clock.remaining() > MIN_SOLVER_SECONDS
          ? await diagnoseMinHours(problem, clock.remaining())
          : greedyRun.issues;
      if (solution?.status === 'INFEASIBLE')
        return none('INFEASIBLE', 'The hard constraints cannot all be met', issues, common);
    }
    const failed = milp ?? greedy;
    return none(
      'ERROR',
      `Roster failed the checker: ${failed.check.violations[0].message}`,
      greedyRun.issues,
      {
        ...common,
        violations: failed.check.violations,
        assignments: failed.assignments,
      },
    );
  }

  const empty = candidates.length === 0;
  const bound = empty ? chosen.objective : (solution?.bound ?? null);
  const gap = relativeGapOf(chosen.objective, bound);
  const proven = gap !== null && gap <= relativeGap + 1e-9;
  const kpis = rosterKpis(problem, chosen.assignments);
  const why =
    chosen.source === 'MILP'
      ? null
      : solution === null
        ? options.heuristicOnly
          ? 'Greedy roster (solver skipped)'
          : 'Greedy roster: no time left for HiGHS'
        : milp === null
          ? `Greedy roster (HiGHS: ${solution.solverStatus}${solution.message ? `, ${solution.message}` : ''})`
          : `Greedy roster kept: objective ${+greedy.objective.toFixed(2)}, HiGHS' best ${+milp.objective.toFixed(2)}`;
  const timing = clock.timing();
  const seconds = clock.elapsed();
  kpis.solver = {
    status: proven ? 'OPTIMAL' : 'FEASIBLE',
    seconds: +seconds.toFixed(3),
    gap,
    heuristic: chosen.source === 'GREEDY',
  };
  report('done', { objective: chosen.objective, bound, gap });
  return {
    ...common,
    status: proven ? 'OPTIMAL' : 'FEASIBLE',
    objective: chosen.objective,
    bound,
    gap,
    seconds,
    assignments: chosen.assignments,
    heuristic: chosen.source === 'GREEDY' && !empty,
    source: chosen.source,
    timing,
    diagnosis: diagnosis([]),
    violations: [],
    warnings: chosen.check.warnings,
    kpis,
    message: why,
  };
}
