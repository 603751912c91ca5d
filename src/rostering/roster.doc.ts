/**
 * Stored documents of the roster lifecycle: `rosters` (one document per generated version of
 * a week) and `rosterJobs` (one per generateRoster / planWeek call).
 */
import type { RosterJobPhase, RosterJobState, SolveProgress } from '../events/topics';
import type { Collection, DocumentStore } from '../store/document-store';
import { readMapped } from '../store/read-mapped';
import type { RosterProblem } from './roster-problem-schema';
import type { RosterVersion } from './roster-version.types';
import type { RosterDiagnosis } from './roster.types';
import { FIXED_CLOCK_ZONE } from './week-clock';

export const ROSTERS = 'rosters';
export const ROSTER_JOBS = 'rosterJobs';

/**
 * A stored roster version: the public `RosterVersion` (roster-version.types.ts) as it is (one
 * stored before problems carried a `timeZone` has none: `rosterCollection` reads it).
 */
export type RosterDoc = RosterVersion;

/**
 * The `rosters` collection as rostering reads it: every roster's problem names its time zone.
 * One stored before problems carried a zone was planned for the site, so it reads with the
 * site's (`siteTimeZone`, SITE_TIME_ZONE): conflict checks, repairs, edits, outcomes and
 * rankings then time its week as a new roster's (week-clock.ts), 23 or 25 hours on a
 * clock-change day, instead of 24. A projection without the problem is returned as it is.
 */
export function rosterCollection(store: DocumentStore, siteTimeZone: string): Collection<RosterDoc> {
  return readMapped(store.collection<RosterDoc>(ROSTERS), (doc) =>
    doc.problem && !doc.problem.timeZone
      ? { ...doc, problem: { ...doc.problem, timeZone: siteTimeZone } }
      : doc,
  );
}

/**
 * A problem as a roster stores it: with its zone; one solved without a zone (every day 24
 * hours, e.g. the simulated demo weeks of the ranking seed) with FIXED_CLOCK_ZONE, so it keeps
 * that meaning instead of being read as the site's like a roster from before zones.
 */
export const storedProblem = (problem: RosterProblem): RosterProblem =>
  problem.timeZone ? problem : { ...problem, timeZone: FIXED_CLOCK_ZONE };

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
