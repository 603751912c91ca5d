/**
 * The phases of one roster solve (roster-solver.ts runs them in order): validate and
 * enumerate candidates, the greedy roster, the MILP built and solved by HiGHS from the
 * greedy start, and the choice between the two checked rosters.
 */
import { placeBreaks } from './heuristics/break-placement';
import { greedyRoster, type GreedyResult } from './heuristics/greedy';
import { prewarmHighs, solveMilp, type MilpSolution } from './milp/highs.adapter';
import { writeLp } from './milp/lp-writer';
import { uncoverableRequirements } from './roster-diagnosis';
import { rosterObjective } from './roster-kpi';
import { buildRosterModel, type RosterModel } from './milp/roster-model';
import { checkRoster, type CheckReport } from './roster.validation';
import { parseRosterProblem } from './roster-problem.validation';
import type { RosterProblem } from './roster-problem-schema';
import { shiftsToAssignments, solutionShifts, startVector } from './milp/roster-solution';
import { type CandidateRewards, rosterRewardCost } from './milp/roster-rewards';
import type { RosterAssignment, RosterProgress, RosterSource, UncoverableRange } from './roster.types';
import { enumerateCandidates, weekShifts, type Candidate } from './milp/shift-candidates';
import { SolveClock } from './solve-clock';

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
export const MIN_SOLVER_SECONDS = 0.02;
/** Model building measured at 0.2–0.5 × the greedy phase (20–5,000 staff); planned at 0.5. */
const BUILD_SHARE_OF_HEURISTIC = 0.5;
const SOLVER_SHARE_OF_REST = 0.75;

/** A roster with its objective and the independent checker's report. */
export interface CheckedRoster {
  source: RosterSource;
  assignments: RosterAssignment[];
  objective: number;
  check: CheckReport;
}

/**
 * A roster checked and priced on the objective HiGHS minimises: the rules' objective plus,
 * with learned rewards, their terms (without them a greedy roster that ignores the rewards
 * would win against HiGHS' roster that follows them, and the gap would mix two objectives).
 */
function evaluate(ctx: SolveContext, source: RosterSource, assignments: RosterAssignment[]): CheckedRoster {
  const { problem, candidates, options } = ctx;
  const rewards = options.rewards ? rosterRewardCost(problem, candidates, options.rewards, assignments) : 0;
  return {
    source,
    assignments,
    objective: rosterObjective(problem, assignments) + rewards,
    check: checkRoster(problem, assignments),
  };
}

/** Equal objectives, up to HiGHS' tolerance relative to `reference`. */
const sameObjective = (value: number, reference: number): boolean =>
  Math.abs(value - reference) <= 1e-6 * Math.max(1, Math.abs(reference));

type Report = (phase: RosterProgress['phase'], progress?: Partial<RosterProgress>) => void;

/** What every step of one solve shares: the parsed problem, its candidates and the clock. */
export interface SolveContext {
  problem: RosterProblem;
  options: SolveRosterOptions;
  clock: SolveClock;
  report: Report;
  relativeGap: number;
  candidates: Candidate[];
  uncoverable: UncoverableRange[];
  /** Seconds since the start at which the heuristic phase began. */
  heuristicStarted: number;
}

export interface GreedyPhase {
  run: GreedyResult;
  roster: CheckedRoster;
  /** Seconds kept back for extracting and checking HiGHS' roster (measured on the greedy one). */
  reserve: number;
  /** Planned seconds for building the MILP. */
  buildEstimate: number;
}

/** HiGHS' answer and, when it found a roster other than the greedy start, that roster checked. */
export interface SolvedMilp {
  solution: MilpSolution;
  roster: CheckedRoster | null;
}

/** The MILP phase: model null when it was not built, solved null when HiGHS did not run. */
export interface MilpPhase {
  model: RosterModel | null;
  solved: SolvedMilp | null;
}

/** Validates the problem and enumerates the candidate shifts (the start of the heuristic phase). */
export function prepare(input: unknown, options: SolveRosterOptions): SolveContext {
  const clock = new SolveClock(options.timeLimitSeconds ?? 60);
  const report: Report = (phase, progress = {}) =>
    options.onProgress?.({
      phase,
      objective: null,
      bound: null,
      gap: null,
      elapsedSeconds: clock.elapsed(),
      ...progress,
    });
  clock.enter('validate');
  report('validate');
  const problem = parseRosterProblem(input);
  clock.timeLimitSeconds = options.timeLimitSeconds ?? problem.options.timeLimitSeconds;
  clock.enter('heuristic');
  report('heuristic');
  const heuristicStarted = clock.elapsed();
  const shifts = weekShifts(problem);
  const candidates = enumerateCandidates(problem, shifts);
  const uncoverable = uncoverableRequirements(problem, candidates, shifts);
  const relativeGap = options.relativeGap ?? problem.options.relativeGap;
  return { problem, options, clock, report, relativeGap, candidates, uncoverable, heuristicStarted };
}

export function runGreedy(ctx: SolveContext): GreedyPhase {
  const { problem, candidates, clock, options } = ctx;
  const run = greedyRoster(problem, candidates, {
    deadline: clock.deadlineAt(options.heuristicOnly ? GREEDY_ONLY_SHARE : GREEDY_SHARE),
  });
  const checkStarted = clock.elapsed();
  const roster = evaluate(ctx, 'GREEDY', shiftsToAssignments(problem, { candidates }, run.shifts));
  const checkSeconds = clock.elapsed() - checkStarted;
  // Building the model costs about as much as enumerating the candidates and building the
  // greedy roster's coverage; measured here, it decides whether HiGHS can still run.
  const buildEstimate = BUILD_SHARE_OF_HEURISTIC * (checkStarted - ctx.heuristicStarted);
  ctx.report('heuristic', { objective: roster.objective });
  return { run, roster, reserve: 1.25 * checkSeconds + 0.01, buildEstimate };
}

/** Builds the MILP and solves it with HiGHS when there is time for both. */
export async function runMilp(ctx: SolveContext, greedy: GreedyPhase): Promise<MilpPhase> {
  const { clock, options } = ctx;
  const worthBuilding = clock.remaining() > greedy.reserve + greedy.buildEstimate + MIN_SOLVER_SECONDS;
  if (options.heuristicOnly || ctx.candidates.length === 0 || !worthBuilding)
    return { model: null, solved: null };
  clock.enter('build');
  ctx.report('build');
  prewarmHighs();
  const model = buildRosterModel(ctx.problem, { rewards: options.rewards }, ctx.candidates);
  if (options.onLp) options.onLp(writeLp(model.milp));
  // HiGHS runs in a thread that is stopped at its deadline (plus a grace of 2 %, at least
  // 0.1 s); it gets 75 % of what is left.
  const solverLimit = SOLVER_SHARE_OF_REST * (clock.remaining() - greedy.reserve);
  if (solverLimit <= MIN_SOLVER_SECONDS) return { model, solved: null };
  return { model, solved: await solveAndCheck(ctx, model, greedy, solverLimit) };
}

async function solveAndCheck(
  ctx: SolveContext,
  model: RosterModel,
  greedy: GreedyPhase,
  solverLimit: number,
): Promise<SolvedMilp> {
  const { clock } = ctx;
  clock.enter('solve');
  const solveStarted = clock.elapsed();
  clock.solverLimitSeconds = +solverLimit.toFixed(4);
  const start =
    greedy.roster.check.violations.length === 0 ? startVector(model, greedy.run.shifts) : undefined;
  const solution = await solveMilp(model.milp, {
    // what building the start took is HiGHS' time too
    timeLimitSeconds: Math.max(solverLimit - (clock.elapsed() - solveStarted), MIN_SOLVER_SECONDS),
    relativeGap: ctx.relativeGap,
    start,
    onProgress: (p) => ctx.report('solve', { ...p, elapsedSeconds: clock.elapsed() }),
  });
  clock.enter('check');
  ctx.report('check');
  // HiGHS handing back the greedy start unchanged is the greedy roster: no second check.
  const sameAsStart =
    start !== undefined &&
    solution.status !== 'OPTIMAL' &&
    solution.objective !== null &&
    sameObjective(solution.objective, greedy.roster.objective);
  if (!solution.values || sameAsStart) return { solution, roster: null };
  return { solution, roster: checkMilpRoster(ctx, model, solution.values) };
}

/** HiGHS' breaks (rounded counts), moved only where the break stage finds it cheaper. */
function checkMilpRoster(ctx: SolveContext, model: RosterModel, values: Float64Array): CheckedRoster {
  const raw = solutionShifts(model, (c) => values[c]);
  const placed = placeBreaks(
    ctx.problem,
    ctx.candidates,
    raw.map((x) => x.candidate),
    raw.map((x) => x.breakStarts),
  );
  return evaluate(ctx, 'MILP', shiftsToAssignments(ctx.problem, model, placed));
}

/**
 * The passing roster with the lower objective. On a tie HiGHS' roster is named only when
 * HiGHS proved it optimal; otherwise it is the greedy start handed back.
 */
export function chooseRoster(greedy: CheckedRoster, solved: SolvedMilp | null): CheckedRoster | null {
  const passing = [solved?.roster ?? null, greedy].filter(
    (c): c is CheckedRoster => c !== null && c.check.violations.length === 0,
  );
  const milpWinsTies = solved?.solution.status === 'OPTIMAL';
  return passing.reduce<CheckedRoster | null>((best, c) => {
    if (best === null) return c;
    if (sameObjective(c.objective, best.objective)) return (c.source === 'MILP') === milpWinsTies ? c : best;
    return c.objective < best.objective ? c : best;
  }, null);
}
