/**
 * A roster job's live solve progress: the solver's progress messages, throttled, saved on the
 * job document now and then (best effort) and published as ROSTER_JOB_PROGRESS.
 */
import type { RosterJobPhase, RosterJobProgressEvent, RosterJobState } from '../events/topics';
import type { Logger } from '../logger';
import type { Collection } from '../store/document-store';
import type { RosterJobDoc } from './roster.doc';
import type { RosterProgress } from './roster.types';
import type { RosterProgressMessage } from './solve.task';

/** Progress events of the solve phase are published at most this often. */
const PROGRESS_EVERY_MS = 200;
/** …and saved on the job document at most this often. */
const SAVE_PROGRESS_EVERY_MS = 1000;

export type EmitProgress = (
  jobId: string,
  state: RosterJobState,
  phase: RosterJobPhase,
  p: Partial<Omit<RosterJobProgressEvent, 'jobId' | 'state' | 'phase'>>,
) => void;

export interface ProgressSink {
  jobs: Collection<RosterJobDoc>;
  logger: Logger;
  emit: EmitProgress;
}

/** The task runner's `onProgress` for one job's solve. */
export function solveProgressReporter(
  { jobs, logger, emit }: ProgressSink,
  jobId: string,
  elapsed: () => number,
): (message: unknown) => void {
  let lastSent = 0;
  let lastPhase = '';
  let lastSaved = 0;
  return (message: unknown): void => {
    const m = message as RosterProgressMessage | null;
    if (m?.type !== 'progress') return;
    const p: RosterProgress = m.progress;
    const now = Date.now();
    if (p.phase === lastPhase && now - lastSent < PROGRESS_EVERY_MS) return;
    lastSent = now;
    lastPhase = p.phase;
    if (now - lastSaved >= SAVE_PROGRESS_EVERY_MS || p.phase !== 'solve') {
      lastSaved = now;
      const progress = { solverPhase: p.phase, objective: p.objective, bound: p.bound, gap: p.gap };
      void jobs
        .updateOne(
          { _id: jobId, state: 'RUNNING' },
          { $set: { progress: { ...progress, elapsedSeconds: elapsed() } } },
        )
        .catch((err: unknown) => logger.warn({ err, jobId }, 'could not save roster job progress'));
    }
    emit(jobId, 'RUNNING', 'solve', {
      objective: p.objective,
      bound: p.bound,
      gap: p.gap,
      elapsedSeconds: elapsed(),
      message: p.phase,
    });
  };
}
