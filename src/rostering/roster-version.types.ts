/**
 * A roster version (one generated roster of a week, with its solve, KPIs, repair and ranking
 * information) as the rest of the application reads it. The stored documents (roster.doc.ts)
 * are private to rostering.
 */
import type { RosterConflictInfo } from '../events/topics';
import type { RosterProblem } from './roster-problem-schema';
import type { RosterAssignment, RosterDiagnosis, RosterKpis, RosterResult, Warning } from './roster.types';

/** A version's place in its week's lifecycle. */
export type RosterVersionStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';

/** Requirement against scheduled agents of one skill, one value per interval from Monday 00:00. */
export interface SkillCoverage {
  skill: string;
  required: number[];
  /** Agents working (net of breaks). */
  scheduled: number[];
  /** Agents on shift but on a break (absent on rosters stored before breaks). */
  onBreak?: number[];
}

/** What a roster keeps of its solve (RosterResult's fields of the same names). */
export interface RosterSolverInfo extends Pick<
  RosterResult,
  'status' | 'solverStatus' | 'objective' | 'bound' | 'gap' | 'seconds' | 'heuristic' | 'message'
> {
  /** Objective of the greedy roster of the same solve (absent on rosters stored before it). */
  greedyObjective?: number | null;
}

/** Coverage and cost of a roster, for the before / after of a repair. */
export interface RosterFigures {
  /** Share of required agent-hours met over every skill (null: nothing required). */
  coveragePercent: number | null;
  underStaffedHours: number;
  labourCost: number;
}

/** What a repair changed, stored on the repaired DRAFT. */
export interface RosterRepairInfo {
  /** The PUBLISHED roster it repairs. */
  ofRosterId: string;
  /** Shifts added plus shifts dropped (a shift moved to another day or person counts twice). */
  changedAssignments: number;
  addedAssignments: number;
  removedAssignments: number;
  changedStaff: number;
  /** Days (YYYY-MM-DD) the repair was allowed to change. */
  conflictDays: string[];
  /** True when the conflicted days alone could not be repaired and people's whole weeks were opened. */
  widened: boolean;
  before: RosterFigures;
  /** The published roster without the conflicted assignments: the gap to cover. */
  withoutConflicts: RosterFigures;
  after: RosterFigures;
}

/** Which objective a roster was solved with (learned rewards, src/ranking/). */
export interface RosterRankingInfo {
  /** RULES: stated preferences only; MODEL: learned rewards; a SHADOW roster is never publishable. */
  path: 'RULES' | 'MODEL' | 'SHADOW';
  /** Share of candidates that fell back to the rules (null when no model was asked). */
  fallbackRate: number | null;
  modelId: string | null;
  /** Why the rules were used, e.g. "no active model". */
  reason: string | null;
}

/**
 * One generated version of a week's roster, as other features read it (`RosterService.published`,
 * `list`, `onPublish` …); stored as roster.doc.ts's `RosterDoc`.
 */
export interface RosterVersion {
  _id: string;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  /** 1, 2, 3 … per week, in creation order. */
  version: number;
  status: RosterVersionStatus;
  intervalMinutes: number;
  solver: RosterSolverInfo;
  kpis: RosterKpis;
  assignments: RosterAssignment[];
  coverage: SkillCoverage[];
  diagnosis: RosterDiagnosis | null;
  /** Soft issues (under-cover, missed preferences) found by the checker: the first MAX_ROSTER_WARNINGS. */
  warnings: Warning[];
  /** How many the checker found (absent on documents stored before the cap: all are listed). */
  warningCount?: number;
  /**
   * The exact problem the roster was solved for (master data as of generation). Manual edits
   * are re-checked against it, so a later change of staff data cannot slip a rule break in.
   */
  problem: RosterProblem;
  jobId: string | null;
  /** Bumped by every write; manual edits are optimistic on it. */
  revision: number;
  manualEdits: number;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
  /** Assignments current staff data breaks (PUBLISHED rosters; absent on older documents). */
  conflicts?: RosterConflictInfo[];
  /** Set on a DRAFT made by repairRoster. */
  repair?: RosterRepairInfo | null;
  /** The solver's assignments as proposed, before manual edits (labels are drawn from it). */
  proposed?: RosterAssignment[];
  /**
   * Overall coverage (`rosterCoveragePercent`) of the roster as its job generated it, before any
   * manual edit: set once when the draft is stored (a repair's draft: as the repair produced
   * it), never changed by edits or publishing; null when nothing was required. Absent on
   * rosters stored before it (`RosterService.kpiVersions` recovers it where it can).
   */
  generatedCoveragePercent?: number | null;
  ranking?: RosterRankingInfo | null;
}
