import { AppError, type ErrorCode } from '../errors';

/**
 * The port features run CPU-heavy tasks through. Two implementations: the in-process piscina
 * pool (`WorkerPool`, the default) and the BullMQ queue (`src/jobs/bullmq-runner.ts`, when
 * `REDIS_URL` is set) whose `npm run worker` processes run the same task entries. A feature
 * does not know which one it has.
 */
export interface TaskRunOptions {
  /** Aborting cancels the task wherever it runs. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * Receives the messages a task posts on its `progressPort` (the runner adds that port to
   * the input). Tasks without progress ignore it.
   */
  onProgress?: (message: unknown) => void;
  /** A stable id (e.g. the roster job's): a queued job is keyed by it, so a retry cannot run twice. */
  jobId?: string;
}

/** What a runner knows of a job after the process that started it has gone. */
export type TaskOutcome =
  | { state: 'pending' }
  | { state: 'completed'; input: unknown; output: unknown }
  | { state: 'failed'; reason: string };

export interface TaskRunner {
  /** Runs the named export `name` of the worker entry `filename` (see `taskFile`) with `input`. */
  run<I, O>(filename: string, name: string, input: I, opts?: TaskRunOptions): Promise<O>;
  /** How many tasks usefully run at once: work that can be split is split into this many parts. */
  readonly parallelism: number;
  /** Throws `UNAVAILABLE` when work cannot be accepted now (the queue's Redis is down). */
  assertAvailable(): void;
  /** Cancels the job `jobId` wherever it runs (another process's too); a no-op when unknown. */
  cancel(jobId: string): Promise<void>;
  /**
   * The job `jobId` as the runner still holds it (queued or running, its result, or why it
   * failed), so any process can persist a result its starter could not; null when unknown.
   */
  outcome(jobId: string): Promise<TaskOutcome | null>;
  /** Tasks waiting and running, by kind, for metrics. */
  depth(): Promise<Record<string, { waiting: number; active: number }>>;
  close(): Promise<void>;
}

/** Why a runner would not take a task: its queue was full, or the queue cannot be reached. */
export type TaskRefusal = 'queue-full' | 'unavailable';

/**
 * A task the runner refused before it was queued: it never ran, so it is no failed task (the
 * metrics count it apart). Its code and message are the caller's answer, as for any AppError.
 */
export class TaskRefusedError extends AppError {
  constructor(
    readonly refusal: TaskRefusal,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}
