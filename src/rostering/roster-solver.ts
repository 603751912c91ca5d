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
 *
 * The phases live in roster-solve-phases.ts; this file runs them and assembles the result.
 */
import { solveMilp } from './milp/highs.adapter';
import { personLabel, staffHourIssues } from './roster-diagnosis';
import { rosterKpis } from './roster-kpi';
import { buildRosterModel, modelSize } from './milp/roster-model';
import type { RosterProblem } from './roster-problem-schema';
import type { RosterDiagnosis, RosterResult, StaffIssue } from './roster.types';
import {
  chooseRoster,
  MIN_SOLVER_SECONDS,
  prepare,
  runGreedy,
  runMilp,
  type CheckedRoster,
  type GreedyPhase,
  type MilpPhase,
  type SolvedMilp,
  type SolveContext,
  type SolveRosterOptions,
} from './roster-solve-phases';

async function diagnoseMinHours(problem: RosterProblem, seconds: number): Promise<StaffIssue[]> {
  const relaxed = buildRosterModel(problem, { minHours: 'soft' });
  const solution = await solveMilp(relaxed.milp, { timeLimitSeconds: seconds, relativeGap: 0.05 });
  const values = solution.values;
  if (!values) return [];
  const byName = new Map(solution.columnNames.map((n, i) => [n, values[i]]));
  return problem.staff.flatMap((staff, s) => {
    const short = byName.get(`short_${s}`) ?? 0;
    if (short <= 1e-6) return [];
    const reached = +(staff.minHoursWeek - short).toFixed(2);
    return [
      {
        staffId: staff.id,
        code: 'MIN_HOURS_UNREACHABLE' as const,
        minHoursWeek: staff.minHoursWeek,
        reachableHours: reached,
        reason: `${personLabel(staff)}: minimum ${staff.minHoursWeek} h this week cannot be met together with rest, day and hour limits (best found ${reached} h)`,
      },
    ];
  });
}

const relativeGapOf = (objective: number, bound: number | null): number | null =>
  bound === null ? null : Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));

type CommonFields = Pick<RosterResult, 'solverStatus' | 'greedyObjective' | 'milpObjective' | 'model'>;

export async function solveRoster(input: unknown, options: SolveRosterOptions = {}): Promise<RosterResult> {
  const ctx = prepare(input, options);
  const staffIssues = staffHourIssues(ctx.problem, ctx.candidates);
  if (staffIssues.length > 0) return noRoster(ctx, 'INFEASIBLE', 'Minimum hours cannot be met', staffIssues);
  const greedy = runGreedy(ctx);
  const milp = await runMilp(ctx, greedy);
  if (!milp.solved) ctx.clock.enter('check');
  const chosen = chooseRoster(greedy.roster, milp.solved);
  const common = commonFields(greedy, milp);
  if (!chosen) return noPassingRoster(ctx, greedy, milp.solved, common);
  return solvedResult(ctx, chosen, greedy, milp.solved, common);
}

function commonFields(greedy: GreedyPhase, { model, solved }: MilpPhase): CommonFields {
  return {
    solverStatus: solved?.solution.solverStatus ?? null,
    greedyObjective: greedy.roster.objective,
    milpObjective: solved?.roster?.objective ?? null,
    model: model && modelSize(model),
  };
}

function diagnosisOf(ctx: SolveContext, issues: StaffIssue[]): RosterDiagnosis | null {
  const { uncoverable } = ctx;
  if (uncoverable.length + issues.length === 0) return null;
  const messages = [...issues.map((i) => i.reason), ...uncoverable.map((u) => u.reason)];
  return { uncoverable, staff: issues, messages };
}

/** A result without a roster: INFEASIBLE with its diagnosis, or ERROR with the violations. */
function noRoster(
  ctx: SolveContext,
  status: 'INFEASIBLE' | 'ERROR',
  message: string,
  issues: StaffIssue[],
  extra: Partial<RosterResult> = {},
): RosterResult {
  return {
    status,
    solverStatus: null,
    objective: null,
    bound: null,
    gap: null,
    seconds: ctx.clock.elapsed(),
    assignments: [],
    heuristic: false,
    source: null,
    greedyObjective: null,
    milpObjective: null,
    timing: ctx.clock.timing(),
    diagnosis: diagnosisOf(ctx, issues),
    violations: [],
    warnings: [],
    kpis: null,
    model: null,
    message,
    ...extra,
  };
}

async function noPassingRoster(
  ctx: SolveContext,
  greedy: GreedyPhase,
  solved: SolvedMilp | null,
  common: CommonFields,
): Promise<RosterResult> {
  if (solved?.solution.status === 'INFEASIBLE') {
    const seconds = ctx.clock.remaining();
    const issues =
      seconds > MIN_SOLVER_SECONDS ? await diagnoseMinHours(ctx.problem, seconds) : greedy.run.issues;
    return noRoster(ctx, 'INFEASIBLE', 'The hard constraints cannot all be met', issues, common);
  }
  const failed = solved?.roster ?? greedy.roster;
  return noRoster(
    ctx,
    'ERROR',
    `Roster failed the checker: ${failed.check.violations[0].message}`,
    greedy.run.issues,
    {
      ...common,
      violations: failed.check.violations,
      assignments: failed.assignments,
    },
  );
}

function solvedResult(
  ctx: SolveContext,
  chosen: CheckedRoster,
  greedy: GreedyPhase,
  solved: SolvedMilp | null,
  common: CommonFields,
): RosterResult {
  const empty = ctx.candidates.length === 0;
  const bound = empty ? chosen.objective : (solved?.solution.bound ?? null);
  const gap = relativeGapOf(chosen.objective, bound);
  const status = gap !== null && gap <= ctx.relativeGap + 1e-9 ? 'OPTIMAL' : 'FEASIBLE';
  const kpis = rosterKpis(ctx.problem, chosen.assignments);
  const message = greedyReason(ctx, chosen, greedy, solved);
  const timing = ctx.clock.timing();
  const seconds = ctx.clock.elapsed();
  kpis.solver = { status, seconds: +seconds.toFixed(3), gap, heuristic: chosen.source === 'GREEDY' };
  ctx.report('done', { objective: chosen.objective, bound, gap });
  return {
    ...common,
    status,
    objective: chosen.objective,
    bound,
    gap,
    seconds,
    assignments: chosen.assignments,
    heuristic: chosen.source === 'GREEDY' && !empty,
    source: chosen.source,
    timing,
    diagnosis: diagnosisOf(ctx, []),
    violations: [],
    warnings: chosen.check.warnings,
    kpis,
    message,
  };
}

/** Why the greedy roster was returned; null when HiGHS' roster was. */
function greedyReason(
  ctx: SolveContext,
  chosen: CheckedRoster,
  greedy: GreedyPhase,
  solved: SolvedMilp | null,
): string | null {
  if (chosen.source === 'MILP') return null;
  if (solved === null)
    return ctx.options.heuristicOnly
      ? 'Greedy roster (solver skipped)'
      : 'Greedy roster: no time left for HiGHS';
  const { solution, roster } = solved;
  if (roster === null)
    return `Greedy roster (HiGHS: ${solution.solverStatus}${solution.message ? `, ${solution.message}` : ''})`;
  return `Greedy roster kept: objective ${+greedy.roster.objective.toFixed(2)}, HiGHS' best ${+roster.objective.toFixed(2)}`;
}
