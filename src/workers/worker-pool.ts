import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import { REPO_ROOT } from '../paths';
import { TaskRefusedError, type TaskRunner, type TaskRunOptions } from './task-runner';
import { isWarmUpReport, WARM_UP_EXPORT, type WarmUpReport } from './thread-warm-up';

/** How long an idle thread of a pool that is not kept warm lives. */
const IDLE_TIMEOUT_MS = 30_000;

export type PoolLogger = Pick<Logger, 'info' | 'warn'>;

export interface WorkerPoolOptions {
  /** Threads: one per concurrent CPU-bound task (fits and MILP solves are single-threaded). */
  maxThreads: number;
  /** Tasks waiting beyond the running ones; more are refused with a clear error. */
  maxQueue: number;
  /** A task running longer is aborted (its thread is terminated). */
  taskTimeoutMs: number;
  /**
   * How much lower the threads' CPU priority is than the process's (Unix nice, 0–19), so
   * request handling wins a core from a running fit; 0 keeps the process's priority.
   */
  nice?: number;
  /**
   * Keeps every thread: all start with the pool and never exit idle, and each runs the warm-up
   * entry `file` once as it starts, before its first task (thread-warm-up.ts). What the threads
   * report, and errors of a thread between tasks, go to `logger`. Without it threads start on
   * demand, cold, and exit after `idleTimeoutMs` idle.
   */
  warm?: { file: string; logger: PoolLogger };
  /** How long an idle thread lives when the pool is not kept warm (default 30 s). */
  idleTimeoutMs?: number;
}

/** The pool's options from the configuration (the API process and `npm run worker` alike). */
export const workerPoolOptions = (
  config: Pick<
    Config,
    'WORKER_THREADS' | 'WORKER_QUEUE_SIZE' | 'WORKER_TASK_TIMEOUT_SECONDS' | 'WORKER_NICE'
  >,
): WorkerPoolOptions => ({
  maxThreads: config.WORKER_THREADS,
  maxQueue: config.WORKER_QUEUE_SIZE,
  taskTimeoutMs: config.WORKER_TASK_TIMEOUT_SECONDS * 1000,
  nice: config.WORKER_NICE,
});

export interface RunOptions extends TaskRunOptions {
  transferList?: Parameters<Piscina['run']>[1] extends infer O
    ? O extends { transferList?: infer T }
      ? T
      : never
    : never;
}

/**
 * The compiled JavaScript of a worker entry, e.g. `taskFile('forecasting/forecast.task')`.
 * Worker threads run compiled code: under `dist/` in production and, in tests running the
 * TypeScript sources, the build that `npm test` makes first.
 */
export function taskFile(relativeToSrc: string): string {
  const file = path.join(REPO_ROOT, 'dist', 'src', `${relativeToSrc}.js`);
  if (!fs.existsSync(file)) throw new Error(`Worker entry ${file} is missing: run \`npm run build\``);
  return file;
}

function logWarmUp(logger: PoolLogger, report: WarmUpReport): void {
  const steps = Object.fromEntries(report.steps.map((s) => [s.name, s.error ?? s.ms]));
  if (report.steps.some((s) => s.error !== undefined))
    logger.warn(
      { thread: report.threadId, steps },
      'worker thread warm-up failed in part; it runs cold there',
    );
  else logger.info({ thread: report.threadId, ms: steps }, 'worker thread warmed up');
}

/** A piscina pool with a bounded queue and a per-task timeout, shared by every CPU-heavy feature. */
export class WorkerPool implements TaskRunner {
  private readonly pool: Piscina;
  private inflight = 0;

  constructor(private readonly options: WorkerPoolOptions) {
    const warm = options.warm;
    this.pool = new Piscina({
      maxThreads: options.maxThreads,
      minThreads: warm ? options.maxThreads : 0,
      idleTimeout: options.idleTimeoutMs ?? IDLE_TIMEOUT_MS,
      maxQueue: options.maxQueue,
      // piscina renices each thread with @napi-rs/nice (our dependency too, so always installed)
      niceIncrement: options.nice ?? 0,
      // the default entry, which piscina loads (and awaits) in each thread as it starts
      ...(warm ? { filename: warm.file, name: WARM_UP_EXPORT } : {}),
    });
    if (warm) {
      this.pool.on('message', (m: unknown) => {
        if (isWarmUpReport(m)) logWarmUp(warm.logger, m);
      });
      // a thread's error outside any task (none is expected): logged, where piscina would
      // otherwise throw it from its emitter and end the process; piscina replaces the thread
      this.pool.on('error', (err: unknown) =>
        warm.logger.warn({ err }, 'a worker thread failed between tasks; it is replaced'),
      );
    }
  }

  /** Most tasks that run at once (one per thread). */
  get threads(): number {
    return this.options.maxThreads;
  }

  get parallelism(): number {
    return this.threads;
  }

  get stats(): { queued: number; threads: number; completed: number } {
    return { queued: this.pool.queueSize, threads: this.pool.threads.length, completed: this.pool.completed };
  }

  /** Runs the named export `name` of the worker entry `filename` with `input`. */
  async run<I, O>(filename: string, name: string, input: I, opts: RunOptions = {}): Promise<O> {
    if (this.pool.queueSize >= this.options.maxQueue)
      throw new TaskRefusedError(
        'queue-full',
        'FAILED_PRECONDITION',
        'The worker queue is full; try again shortly',
      );
    const timeoutMs = opts.timeoutMs ?? this.options.taskTimeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const channel = opts.onProgress ? new MessageChannel() : null;
    if (channel && opts.onProgress) channel.port1.on('message', opts.onProgress);
    const transferList = channel
      ? [...((opts.transferList as unknown[]) ?? []), channel.port2]
      : opts.transferList;
    const task = channel ? { ...input, progressPort: channel.port2 } : input;
    this.inflight += 1;
    try {
      return (await this.pool.run(task, {
        filename,
        name,
        signal,
        transferList: transferList as never,
      })) as O;
    } catch (e) {
      if (timeout.aborted)
        throw new AppError('TIMEOUT', `${name} took longer than ${Math.round(timeoutMs / 1000)} s`);
      if (opts.signal?.aborted) throw new AppError('FAILED_PRECONDITION', `${name} was cancelled`);
      throw e;
    } finally {
      this.inflight -= 1;
      channel?.port1.close();
    }
  }

  /** Always available: the pool is in this process. */
  assertAvailable(): void {}

  /** In-process tasks are cancelled through their signal. */
  async cancel(): Promise<void> {}

  /** In-process tasks end with their process: nothing is left to collect. */
  async outcome(): Promise<null> {
    return null;
  }

  async depth(): Promise<Record<string, { waiting: number; active: number }>> {
    const waiting = this.pool.queueSize;
    return { all: { waiting, active: Math.max(0, this.inflight - waiting) } };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
