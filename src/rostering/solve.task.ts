/**
 * Piscina worker entry for roster solves. Input and output are plain JSON (structured
 * clone); HiGHS is loaded once per worker thread by the adapter. Pass a MessagePort as
 * `progressPort` (and in piscina's transfer list) to receive `RosterProgress` messages.
 */
import type { MessagePort } from 'node:worker_threads';
import type { CandidateRewards } from './milp/roster-rewards';
import { solveRoster } from './roster-solver';
import type { RosterProgress, RosterResult } from './roster.types';
import type { RosterRankingInfo } from './roster-version.types';

export interface SolveRosterTaskInput {
  /** The roster problem (validated inside the worker). */
  problem: unknown;
  timeLimitSeconds?: number;
  relativeGap?: number;
  progressPort?: MessagePort;
  rewards?: CandidateRewards;
  /**
   * Which objective the job planned for this solve (learned ranking). The solve ignores it; it
   * travels with the payload so that a process recovering the result from the job queue
   * stores the roster with it (roster-job-recovery.ts).
   */
  ranking?: RosterRankingInfo | null;
}

export interface RosterProgressMessage {
  type: 'progress';
  progress: RosterProgress;
}

export async function solveRosterTask(input: SolveRosterTaskInput): Promise<RosterResult> {
  const port = input.progressPort;
  try {
    return await solveRoster(input.problem, {
      timeLimitSeconds: input.timeLimitSeconds,
      relativeGap: input.relativeGap,
      rewards: input.rewards,
      onProgress: port
        ? (progress) => port.postMessage({ type: 'progress', progress } satisfies RosterProgressMessage)
        : undefined,
    });
  } finally {
    port?.close();
  }
}
