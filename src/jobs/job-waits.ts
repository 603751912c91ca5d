/**
 * The API process's waits for the jobs it started, by job id. Each queue's events reader gets
 * one 'completed' and one 'failed' listener that settles the waits of that job. BullMQ's
 * `job.waitUntilFinished` instead adds listeners per call (a 'closing' one on the shared
 * Queue, two on the QueueEvents): past 10 jobs waited on at once Node printed
 * MaxListenersExceededWarning, and each wait held three listeners until its job ended.
 */
import type { QueueEvents } from 'bullmq';
import { AppError } from '../errors';

/** How a job ended: its return value, or BullMQ's failure reason. */
export type JobEnd = { ok: true; value: unknown } | { ok: false; reason: string };

/** The wait for a job ran out: the error `JobWaits.wait` rejects with (the runner makes it TIMEOUT). */
export class JobWaitTimeout extends AppError {
  constructor(readonly jobId: string) {
    super('TIMEOUT', `job ${jobId} did not finish in time`);
  }
}

export interface WaitOptions {
  timeoutMs: number;
  /** Aborting ends the wait at once (the caller reads why from the signal). */
  signal?: AbortSignal;
}

type Settle = (end: JobEnd | Error) => void;

export class JobWaits {
  private readonly waiting = new Map<string, Set<Settle>>();
  /** Set by `endAll`: a wait begun after it (a job queued while the runner closed) ends at once. */
  private closed: Error | null = null;

  /** Jobs with someone waiting for them (each wait ends by its job's end, its timeout or its signal). */
  get size(): number {
    return this.waiting.size;
  }

  /** Settles the waits for jobs of `events`' queue when they complete or fail. */
  listen(events: QueueEvents): void {
    events.on('completed', ({ jobId, returnvalue }) => this.end(jobId, { ok: true, value: returnvalue }));
    events.on('failed', ({ jobId, failedReason }) => this.end(jobId, { ok: false, reason: failedReason }));
  }

  /**
   * Resolves with the job's return value; rejects with an Error carrying its failure reason,
   * with JobWaitTimeout after `timeoutMs`, or with the abort reason when `signal` aborts.
   */
  wait(jobId: string, { timeoutMs, signal }: WaitOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const settle: Settle = (end) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const waits = this.waiting.get(jobId);
        waits?.delete(settle);
        if (waits?.size === 0) this.waiting.delete(jobId);
        if (end instanceof Error) reject(end);
        else if (end.ok) resolve(end.value);
        else reject(new Error(end.reason));
      };
      const onAbort = (): void => {
        const reason: unknown = signal?.reason;
        settle(
          reason instanceof Error
            ? reason
            : new AppError('FAILED_PRECONDITION', `job ${jobId} was cancelled`),
        );
      };
      const timer = setTimeout(() => settle(new JobWaitTimeout(jobId)), timeoutMs);
      const waits = this.waiting.get(jobId) ?? new Set<Settle>();
      waits.add(settle);
      this.waiting.set(jobId, waits);
      if (this.closed) settle(this.closed);
      // a signal that aborted before the wait began (while the job was being queued) ends it too
      else if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Settles every wait for `jobId` (nothing when nobody waits for it, or no longer). */
  end(jobId: string, end: JobEnd): void {
    for (const settle of [...(this.waiting.get(jobId) ?? [])]) settle(end);
  }

  /** Rejects every wait, and any begun later, with `error` (the runner is closing: no job end will arrive). */
  endAll(error: Error): void {
    this.closed = error;
    for (const waits of [...this.waiting.values()]) for (const settle of [...waits]) settle(error);
  }
}
