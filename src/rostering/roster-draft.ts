/**
 * A solver result as a DRAFT roster document: re-checked against its problem (nothing that
 * breaks a hard rule is stored), with its KPIs, the solver's figures and its coverage.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { RosterDoc } from './roster.doc';
import type { SkillCoverage } from './roster-version.types';
import type { RosterProblem } from './roster-problem-schema';
import { checkRoster } from './roster.validation';
import { workedShifts } from './roster-facts.validation';
import { rosterKpis } from './roster-kpi';
import type { RosterAssignment, RosterKpis, RosterResult } from './roster.types';
import { listedWarnings, type ListedWarnings } from './roster-warnings.core';

/** What a caller adds to a draft: repair and ranking info; a repair also its lineage (repair service). */
export type DraftExtra = Pick<RosterDoc, 'repair' | 'ranking' | 'proposed'> &
  Partial<Pick<RosterDoc, 'manualEdits'>>;

/** What a draft of a result holds besides the result itself; the same for every version tried. */
export interface DraftFields extends ListedWarnings {
  kpis: RosterKpis;
  /** The result's assignments, sorted. */
  assignments: RosterAssignment[];
  coverage: SkillCoverage[];
  jobId: string | null;
  createdBy: string | null;
  now: Date;
  extra: DraftExtra;
}

/**
 * The checker's warnings (the first MAX_ROSTER_WARNINGS, and their count) and the roster's
 * KPIs; a hard-rule violation is an INTERNAL error.
 */
export function checkedResult(
  problem: RosterProblem,
  result: RosterResult,
): ListedWarnings & { kpis: RosterKpis } {
  const shifts = workedShifts(problem, result.assignments);
  const { violations, warnings } = checkRoster(problem, result.assignments, shifts);
  if (violations.length > 0)
    throw new AppError(
      'INTERNAL',
      `Roster refused by the checker: ${violations[0].message}`,
      violations.map((v) => ({ field: v.rule, message: v.message })),
    );
  const kpis = rosterKpis(problem, result.assignments, shifts);
  kpis.solver = {
    status: result.status,
    seconds: +result.seconds.toFixed(3),
    gap: result.gap,
    heuristic: result.heuristic,
  };
  return { kpis, ...listedWarnings(warnings) };
}

/** Version `version` of the week's rosters, as a DRAFT of the result (a new id each time). */
export function draftDoc(
  problem: RosterProblem,
  result: RosterResult,
  fields: DraftFields,
  version: number,
): RosterDoc {
  const { now } = fields;
  return {
    _id: randomUUID(),
    week: problem.weekStart,
    version,
    status: 'DRAFT',
    intervalMinutes: problem.intervalMinutes,
    solver: {
      status: result.status,
      solverStatus: result.solverStatus,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      seconds: +result.seconds.toFixed(3),
      heuristic: result.heuristic,
      greedyObjective: result.greedyObjective,
      message: result.message,
    },
    kpis: fields.kpis,
    assignments: [...fields.assignments],
    proposed: [...fields.assignments],
    coverage: fields.coverage,
    diagnosis: result.diagnosis,
    warnings: fields.warnings,
    warningCount: fields.warningCount,
    problem,
    jobId: fields.jobId,
    revision: 1,
    manualEdits: 0,
    createdAt: now,
    createdBy: fields.createdBy,
    updatedAt: now,
    publishedAt: null,
    publishedBy: null,
    ...fields.extra,
  };
}
