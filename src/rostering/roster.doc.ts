/**
 * Stored documents of the roster lifecycle: `rosters` (one document per generated version of
 * a week) and `rosterJobs` (one per generateRoster / planWeek call).
 */
import type { RosterJobPhase, RosterJobState, SolveProgress } from '../events/topics';
import type { RosterVersion } from './roster-version.types';
import type { RosterDiagnosis } from './roster.types';

export const ROSTERS = 'rosters';
export const ROSTER_JOBS = 'rosterJobs';

/** A stored roster version: the public `RosterVersion` (roster-version.types.ts) as it is. */
export type RosterDoc = RosterVersion;

export type RosterJobKind = 'GENERATE' | 'PLAN_WEEK';

export interface RosterJobProgressInfo extends SolveProgress {
  /** The solver's phase (validate, build, solve, heuristic, check, done) while solving. */
  solverPhase: string | null;
}

export interface RosterJobDoc {
  _id: string;
  kind: RosterJobKind;
  week: string;
  state: RosterJobState;
  phase: RosterJobPhase;
  progress: RosterJobProgressInfo;
  options: { timeLimitSeconds: number; relativeGap: number; basis: string };
  rosterId: string | null;
  error: string | null;
  /** Why the week cannot be covered or solved, when the solver says so. */
  diagnosis: RosterDiagnosis | null;
  /** Notes of the preparation (e.g. staff left out for missing data). */
  notes: string[];
  createdAt: Date;
  createdBy: string | null;
  /** The API process that runs the job (its liveness id); absent on jobs from before it existed. */
  owner?: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const TERMINAL_JOB_STATES: readonly RosterJobState[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
