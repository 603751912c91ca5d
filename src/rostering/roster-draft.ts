/**
 * A solver result as a DRAFT roster document: re-checked against its problem (nothing that
 * breaks a hard rule is stored), with its KPIs, the solver's figures, its coverage and its
 * coverage as generated (kept whatever edits follow).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { storedProblem, type RosterDoc } from './roster.doc';
import type { SkillCoverage } from './roster-version.types';
import type { RosterProblem } from './roster-problem-schema';
import { checkRoster } from './roster.validation';
import { workedShifts } from './roster-facts.validation';
import { rosterCoveragePercent, rosterKpis } from './roster-kpi';
import type { RosterAssignment, RosterKpis, RosterResult } from './roster.types';
import { listedWarnings, type ListedWarnings } from './roster-warnings.core';

/**
 * What a caller adds to a draft: repair and ranking info; a repair also its lineage (repair
 * service). A result stored with a manager's edits already applied (the demo history) names
 * its proposal, edit count and the proposal's `generatedCoveragePercent` (`coverageAsGenerated`).
 */
export type DraftExtra = Pick<RosterDoc, 'repair' | 'ranking' | 'proposed'> &
  Partial<Pick<RosterDoc, 'manualEdits' | 'generatedCoveragePercent'>>;

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
    generatedCoveragePercent: rosterCoveragePercent(fields.kpis.skills),
    createdAt: now,
    createdBy: fields.createdBy,
    updatedAt: now,
    publishedAt: null,
    publishedBy: null,
    ...fields.extra,
  };
}

/**
 * The `generatedCoveragePercent` a draft of `assignments` gets (with the problem as stored),
 * for a caller that stores the roster with edits already applied.
 */
export const coverageAsGenerated = (problem: RosterProblem, assignments: RosterAssignment[]): number | null =>
  rosterCoveragePercent(rosterKpis(storedProblem(problem), assignments).skills);

/**
 * The coverage as generated of a roster stored before `generatedCoveragePercent` existed and
 * edited since, from what it stored: a repair's draft, the repair's `after` figure (what the
 * repair produced, rounded to 0.01); any other, its proposal's coverage (`proposed` is the
 * draft as generated, never changed by edits). Undefined when it cannot be known (a roster
 * from before proposals were kept).
 */
export function recoveredGeneratedCoverage(
  doc: Pick<RosterDoc, 'problem' | 'proposed' | 'repair'>,
): number | null | undefined {
  if (doc.repair) return doc.repair.after.coveragePercent;
  if (!doc.proposed) return undefined;
  return rosterCoveragePercent(rosterKpis(doc.problem, doc.proposed).skills);
}
