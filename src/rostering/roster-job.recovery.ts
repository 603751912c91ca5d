/**
 * Start-up recovery of roster jobs: a QUEUED or RUNNING job whose owning process is gone (a
 * crash, a kill, a restart) can never finish, so it becomes FAILED with a reason instead of
 * staying RUNNING forever.
 */
import type { Collection } from '../store/document-store';
import type { ProcessLiveness } from '../workers/process-liveness';
import type { RosterJobDoc } from './roster-doc.model';

export type JobOwnership = ProcessLiveness;

export const INTERRUPTED_MESSAGE = 'Interrupted by restart: the process running this job ended';

/** Fails every unfinished job whose owner is not alive; returns how many were failed. */
export async function recoverInterrupted(
  jobs: Collection<RosterJobDoc>,
  ownership: JobOwnership,
  fail: (job: RosterJobDoc, error: string) => Promise<void>,
): Promise<number> {
  const open = await jobs.find({ state: { $in: ['QUEUED', 'RUNNING'] } });
  let failed = 0;
  for (const job of open) {
    if (job.owner === ownership.self) continue;
    const live = job.owner ? await ownership.isLive(job.owner) : false;
    if (live !== false) continue; // alive, or the registry cannot tell now: leave it
    await fail(job, INTERRUPTED_MESSAGE);
    failed += 1;
  }
  return failed;
}
