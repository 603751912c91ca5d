/**
 * Recovery of roster jobs whose process ended (a crash, a kill, a restart): such a job can
 * never be finished by its owner, so it must not stay QUEUED or RUNNING for ever. If the job
 * queue still holds its solve, any API process settles it: a finished result is stored
 * (once, by job id), a failure is recorded with its reason, and a solve still queued or
 * running is left for a later sweep. Otherwise the job becomes FAILED "interrupted by restart".
 */
import { isAppError } from '../errors';
import type { Collection } from '../store/document-store';
import type { ProcessLiveness } from '../workers/process-liveness';
import type { TaskRunner } from '../workers/task-runner';
import type { RosterJobState } from '../events/topics';
import type { RosterJobDoc } from './roster.doc';
import { parseRosterProblem } from './roster-problem.validation';
import type { RosterProblem } from './roster-problem-schema';
import type { RosterRankingInfo } from './roster-version.types';
import { clip } from '../common/bounded';
import type { RosterService } from './roster.service';
import type { RosterResult } from './roster.types';
import type { SolveRosterTaskInput } from './solve.task';

export type JobOwnership = ProcessLiveness;

export const INTERRUPTED_MESSAGE = 'Interrupted by restart: the process running this job ended';

/** What became of an orphaned job: stored from the queue's result, failed, or left for later. */
export type Recovery = 'stored' | 'failed' | 'pending';

type Finish = (
  job: RosterJobDoc,
  state: RosterJobState,
  fields: Partial<Pick<RosterJobDoc, 'rosterId' | 'error' | 'diagnosis' | 'progress'>>,
) => Promise<void>;

/** What a SUCCEEDED job records of the solve whose roster it stored. */
export const storedRosterFields = (
  rosterId: string,
  result: RosterResult,
  elapsedSeconds: number,
): Pick<RosterJobDoc, 'rosterId' | 'diagnosis' | 'progress'> => ({
  rosterId,
  diagnosis: result.diagnosis,
  progress: {
    solverPhase: 'done',
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    elapsedSeconds,
  },
});

/** Settles every unfinished job whose owner is not alive; returns how many were stored and failed. */
export async function recoverInterrupted(
  jobs: Collection<RosterJobDoc>,
  ownership: JobOwnership,
  settle: (job: RosterJobDoc) => Promise<Recovery>,
): Promise<{ stored: number; failed: number }> {
  const open = await jobs.find({ state: { $in: ['QUEUED', 'RUNNING'] } });
  const counts = { stored: 0, failed: 0 };
  for (const job of open) {
    if (job.owner === ownership.self) continue;
    const live = job.owner ? await ownership.isLive(job.owner) : false;
    if (live !== false) continue; // alive, or the registry cannot tell now: leave it
    const outcome = await settle(job);
    if (outcome !== 'pending') counts[outcome] += 1;
  }
  return counts;
}

/** The task id of a job's shadow solve (its own id: a queue keyed by job id would take it for a re-delivery). */
export const shadowTaskId = (jobId: string): string => `${jobId}.shadow`;

const RANKING_PATHS: readonly RosterRankingInfo['path'][] = ['RULES', 'MODEL', 'SHADOW'];
const MAX_RANKING_TEXT = 500;

/**
 * The ranking info a solve's payload carried (it comes back from the job queue, so it is
 * checked like any input); null when absent or malformed (a payload of an older version).
 */
export function rankingInfoOf(value: unknown): RosterRankingInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const path = RANKING_PATHS.find((p) => p === v.path);
  const rate = v.fallbackRate;
  const text = (x: unknown): string | null | undefined =>
    x === null ? null : typeof x === 'string' ? clip(x, MAX_RANKING_TEXT) : undefined;
  const modelId = text(v.modelId);
  const reason = text(v.reason);
  if (!path || modelId === undefined || reason === undefined) return null;
  if (rate !== null && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) return null;
  return { path, fallbackRate: rate, modelId, reason };
}

/**
 * Stores the job's shadow roster (learned ranking's shadow mode) when the queue finished its
 * solve too; a shadow never started, still running or failed is left out (the rules roster
 * is the job's result either way). A queue that cannot answer now throws: the next sweep
 * tries again (storing is idempotent by job).
 */
async function storeShadow(
  job: RosterJobDoc,
  problem: RosterProblem,
  deps: { workers: TaskRunner; rosters: Pick<RosterService, 'storeDraft'> },
): Promise<void> {
  const outcome = await deps.workers.outcome(shadowTaskId(job._id));
  if (outcome?.state !== 'completed') return;
  const ranking = rankingInfoOf((outcome.input as SolveRosterTaskInput).ranking);
  const result = outcome.output as RosterResult;
  if (ranking?.path !== 'SHADOW' || (result.status !== 'OPTIMAL' && result.status !== 'FEASIBLE')) return;
  await deps.rosters.storeDraft(problem, result, job._id, job.createdBy, { ranking });
}

/** Settles one orphaned job from what the job queue still knows of its solve. */
export async function settleOrphan(
  job: RosterJobDoc,
  deps: { workers: TaskRunner; rosters: Pick<RosterService, 'storeDraft'>; finish: Finish },
): Promise<Recovery> {
  const outcome = await deps.workers.outcome(job._id).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'UNAVAILABLE') return { state: 'pending' as const }; // ask again later
    throw e;
  });
  if (outcome?.state === 'pending') return 'pending';
  if (outcome?.state === 'completed') {
    const input = outcome.input as SolveRosterTaskInput;
    const problem = parseRosterProblem(input.problem);
    const result = outcome.output as RosterResult;
    if (result.status === 'OPTIMAL' || result.status === 'FEASIBLE') {
      const roster = await deps.rosters.storeDraft(problem, result, job._id, job.createdBy, {
        ranking: rankingInfoOf(input.ranking),
      });
      await storeShadow(job, problem, deps);
      await deps.finish(job, 'SUCCEEDED', storedRosterFields(roster._id, result, result.seconds));
      return 'stored';
    }
    await deps.finish(job, 'FAILED', { error: result.message ?? `The solver returned ${result.status}` });
    return 'failed';
  }
  await deps.finish(job, 'FAILED', {
    error: outcome?.state === 'failed' ? `The roster job failed: ${outcome.reason}` : INTERRUPTED_MESSAGE,
  });
  return 'failed';
}
