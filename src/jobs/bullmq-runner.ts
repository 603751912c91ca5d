/**
 * The API side of the BullMQ job queue: a `TaskRunner` that enqueues a task (the payload
 * carries the whole problem) and resolves with the result a worker process returned through
 * BullMQ. Progress arrives from the job's progress events; cancel is a Redis message every
 * worker process hears. Enqueueing while Redis is down fails at once with UNAVAILABLE.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError, isAppError } from '../errors';
import type { Logger } from '../logger';
import { REPO_ROOT } from '../paths';
import {
  TaskRefusedError,
  type TaskOutcome,
  type TaskRunner,
  type TaskRunOptions,
} from '../workers/task-runner';
import {
  cancelChannel,
  cancelKey,
  isTaskEntry,
  JOB_KINDS,
  queueName,
  TASK_KINDS,
  type JobKind,
  type JobPayload,
} from './job-kinds';
import { JobWaits, JobWaitTimeout, type JobEnd } from './job-waits';
import { readerClient, redisClient, type RedisHealth } from './redis-connection';

/** An enqueue that has not answered by then is refused (the 2 s promise to callers). */
const ENQUEUE_TIMEOUT_MS = 1500;
/** A scrape's job counts that take longer are left out (Redis answers them in milliseconds). */
const DEPTH_TIMEOUT_MS = 1000;
/**
 * How long `close` lets an events reader drain before it drops the connection: above ioredis'
 * 2 s disconnect timeout, which ends a connection to a hung Redis.
 */
const CLOSE_DRAIN_MS = 3000;
/**
 * Finished jobs stay in Redis this long at most (failed ones 24 times longer), so any API
 * process can still read the result of a job whose starter ended (roster-job-recovery.ts).
 */
const KEEP_SECONDS = 3600;

/** Jobs not yet taken by a worker, from BullMQ's counts: waiting, prioritized and delayed. */
const waitingOf = (c: Record<string, number | undefined>): number =>
  (c.wait ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0);

export interface BullmqRunnerOptions {
  url: string;
  prefix: string;
  defaultTimeoutMs: number;
  /** How many tasks of one request may run at once across the workers (WORKER_THREADS). */
  parallelism: number;
  /**
   * Jobs of one kind that may wait in the queue (WORKER_QUEUE_SIZE, shared by every API
   * process); beyond it a new one is refused, as the in-process pool refuses past its queue.
   */
  maxWaiting: number;
  /**
   * Finished jobs of one kind kept in Redis, completed and failed each (JOB_KEEP_COUNT): the
   * newest, within their age. A roster job carries its problem and result (0.8 MB at 500 staff).
   */
  keepCount: number;
  health: RedisHealth;
  logger: Logger;
}

/** `dist/src/rostering/solve.task.js` → `rostering/solve.task`. */
export const taskEntryOf = (filename: string): string =>
  path
    .relative(path.join(REPO_ROOT, 'dist', 'src'), filename)
    .replace(/\\/g, '/')
    .replace(/\.js$/, '');

/** The entry of `kind` in one of the runner's per-kind maps (the constructor fills every kind). */
function ofKind<T>(map: ReadonlyMap<JobKind, T>, kind: JobKind): T {
  const value = map.get(kind);
  if (value === undefined) throw new AppError('INTERNAL', `no job queue for the ${kind} kind`);
  return value;
}

export class BullmqTaskRunner implements TaskRunner {
  private readonly command: Redis;
  private readonly queues = new Map<JobKind, Queue>();
  private readonly events = new Map<JobKind, QueueEvents>();
  private readonly progress = new Map<string, (data: unknown) => void>();
  private readonly waits = new JobWaits();
  readonly parallelism: number;

  constructor(private readonly opts: BullmqRunnerOptions) {
    this.parallelism = opts.parallelism;
    this.command = opts.health.watch(redisClient(opts.url, 'command'), 'jobs');
    for (const kind of JOB_KINDS) {
      const queue = new Queue(queueName(kind), { connection: this.command, prefix: opts.prefix });
      queue.on('error', (err) => opts.logger.debug({ err: err.message, kind }, 'job queue error'));
      this.queues.set(kind, queue);
      const events = new QueueEvents(queueName(kind), {
        connection: readerClient(opts.url, opts.health, `job-events-${kind}`),
        prefix: opts.prefix,
      });
      events.on('error', (err) => opts.logger.debug({ err: err.message, kind }, 'job events error'));
      events.on('progress', ({ jobId, data }) => this.progress.get(jobId)?.(data));
      this.waits.listen(events);
      this.events.set(kind, events);
    }
  }

  assertAvailable(): void {
    this.opts.health.assertUp('The job queue');
  }

  async run<I, O>(filename: string, name: string, input: I, opts: TaskRunOptions = {}): Promise<O> {
    try {
      this.assertAvailable();
    } catch (e) {
      throw isAppError(e) ? new TaskRefusedError('unavailable', e.code, e.message) : e;
    }
    const task = taskEntryOf(filename);
    if (!isTaskEntry(task)) throw new AppError('INTERNAL', `${task} is not a queueable task`);
    const kind = TASK_KINDS[task];
    const timeoutMs = opts.timeoutMs ?? this.opts.defaultTimeoutMs;
    const jobId = opts.jobId ?? randomUUID();
    const payload: JobPayload = { task, name, input, timeoutMs };
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (opts.onProgress) this.progress.set(jobId, opts.onProgress);
    try {
      await this.enqueue(kind, name, payload, jobId);
      const finished = this.waits.wait(jobId, { timeoutMs, signal: opts.signal });
      void this.endedBeforeListening(kind, jobId);
      return (await finished) as O;
    } catch (e) {
      if (e instanceof TaskRefusedError) throw e;
      if (opts.signal?.aborted) {
        void this.cancel(jobId).catch((err: unknown) =>
          this.opts.logger.warn({ err, jobId }, 'could not signal the cancel'),
        );
        const reason: unknown = opts.signal.reason;
        throw reason instanceof Error ? reason : new AppError('FAILED_PRECONDITION', `${name} was cancelled`);
      }
      if (e instanceof JobWaitTimeout) {
        // nobody waits for it any more: a worker that has not started it skips it, one that has stops
        void this.cancel(jobId).catch((err: unknown) =>
          this.opts.logger.warn({ err, jobId }, 'could not cancel the timed-out job'),
        );
        throw new AppError('TIMEOUT', `${name} took longer than ${Math.round(timeoutMs / 1000)} s`);
      }
      if (e instanceof AppError) throw e;
      throw new AppError('INTERNAL', `The ${kind} job failed: ${(e as Error).message}`);
    } finally {
      this.progress.delete(jobId);
    }
  }

  /**
   * Ends the wait for a job that finished before this process's events reader was listening
   * (its end event then never arrives), reading the end from Redis as BullMQ's own wait does.
   */
  private async endedBeforeListening(kind: JobKind, jobId: string): Promise<void> {
    try {
      await ofKind(this.events, kind).waitUntilReady();
      const found = await ofKind(this.queues, kind).getBackend().isFinished(jobId, true);
      if (!Array.isArray(found)) return;
      const [status, value] = found as [number, string | null];
      if (status === 1) this.waits.end(jobId, returnValueOf(value ?? 'null'));
      else if (status === 2 || status === -1) this.waits.end(jobId, { ok: false, reason: value ?? 'failed' });
    } catch (err) {
      // its end event still ends the wait, or its timeout does
      this.opts.logger.debug({ err, jobId }, 'could not check whether the job had already finished');
    }
  }

  /**
   * Adds the job, refusing (TaskRefusedError) with FAILED_PRECONDITION when `maxWaiting` jobs of
   * its kind already wait, and with UNAVAILABLE when Redis does not accept it in time.
   */
  private enqueue(kind: JobKind, name: string, payload: JobPayload, jobId: string): ReturnType<Queue['add']> {
    const queue = ofKind(this.queues, kind);
    const unavailable = (err: Error): never => {
      throw new TaskRefusedError(
        'unavailable',
        'UNAVAILABLE',
        `The job queue is unavailable: ${err.message}; try again shortly`,
      );
    };
    return withTimeout(
      queue
        .getJobCounts('wait', 'prioritized', 'delayed')
        .catch(unavailable)
        .then((c) => {
          const waiting = waitingOf(c);
          if (waiting >= this.opts.maxWaiting)
            throw new TaskRefusedError(
              'queue-full',
              'FAILED_PRECONDITION',
              `The ${kind} job queue is full (${waiting} waiting); try again shortly`,
            );
          return queue
            .add(name, payload, {
              jobId,
              attempts: 1,
              removeOnComplete: { age: KEEP_SECONDS, count: this.opts.keepCount },
              removeOnFail: { age: KEEP_SECONDS * 24, count: this.opts.keepCount },
            })
            .catch(unavailable);
        }),
      ENQUEUE_TIMEOUT_MS,
      () =>
        new TaskRefusedError(
          'unavailable',
          'UNAVAILABLE',
          'The job queue did not accept the job in time: Redis is not answering',
        ),
    );
  }

  /** Marks the job cancelled (a worker that picks it up later skips it) and tells every worker. */
  async cancel(jobId: string): Promise<void> {
    await this.command.set(cancelKey(this.opts.prefix, jobId), '1', 'EX', KEEP_SECONDS);
    await this.command.publish(cancelChannel(this.opts.prefix), jobId);
  }

  async outcome(jobId: string): Promise<TaskOutcome | null> {
    this.assertAvailable();
    for (const queue of this.queues.values()) {
      const job = await queue.getJob(jobId);
      if (!job) continue;
      const state = await job.getState();
      if (state === 'completed')
        return { state, input: (job.data as JobPayload).input, output: job.returnvalue as unknown };
      if (state === 'failed') return { state, reason: job.failedReason };
      if (state === 'unknown') return null;
      return { state: 'pending' };
    }
    return null;
  }

  /**
   * Waiting and active jobs by kind; nothing while Redis is down or does not answer within
   * DEPTH_TIMEOUT_MS, so a scrape of /metrics never waits on a hung Redis.
   */
  async depth(): Promise<Record<string, { waiting: number; active: number }>> {
    if (!this.opts.health.up) return {};
    const counts = Promise.all(
      [...this.queues].map(async ([kind, queue]) => {
        const c = await queue.getJobCounts('wait', 'prioritized', 'delayed', 'active');
        return [kind, { waiting: waitingOf(c), active: c.active ?? 0 }] as const;
      }),
    );
    try {
      const timedOut = () => new AppError('UNAVAILABLE', 'the job counts did not come in time');
      return Object.fromEntries(await withTimeout(counts, DEPTH_TIMEOUT_MS, timedOut));
    } catch (err) {
      counts.catch(() => undefined); // answered (or failed) after the scrape: nobody reads it
      this.opts.logger.debug({ err }, 'job queue depth not read');
      return {};
    }
  }

  /**
   * Ends the waits still open (UNAVAILABLE), then stops the events readers and the queues. With
   * Redis up each reader drains (BullMQ's own close; a hung Redis holds it for ioredis' 2 s
   * disconnect timeout). With Redis down, or never up, `QueueEvents.close()` never returned
   * (bullmq#4656: it waits for its connection to be ready, then for an end event that a
   * reconnecting client never emits) and a stopping process waited for its 10 s forced exit.
   * Such a reader's connection is now dropped without waiting, which also ends its reconnects;
   * so is one whose drain takes longer than CLOSE_DRAIN_MS (Redis went away meanwhile).
   * Closed on a dead Redis, a process still holds BullMQ's read watchdog for up to 11 s: the XREAD
   * it guards waits in ioredis' stash of commands to resend, which only a reconnect drains (no
   * public call rejects it). Processes exit explicitly; README "Closing on a dead Redis, in tests".
   */
  async close(): Promise<void> {
    const logged = (err: unknown) => this.opts.logger.warn({ err }, 'closing the job queue failed');
    this.waits.endAll(new AppError('UNAVAILABLE', 'The job queue closed before the job finished'));
    const live = this.opts.health.up;
    await Promise.all([...this.events.values()].map((events) => this.closeReader(events, live, logged)));
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(logged)));
  }

  private async closeReader(
    events: QueueEvents,
    live: boolean,
    logged: (err: unknown) => void,
  ): Promise<void> {
    const closing = events.close().then(() => true, logged); // marks it closing: its reading loop stops
    const late = () => new AppError('TIMEOUT', 'the job events reader did not close in time');
    if (live && (await withTimeout(closing, CLOSE_DRAIN_MS, late).catch(() => false))) return;
    await events.getBackend().close(true).catch(logged);
  }
}

/** A completed job's stored return value (JSON), as its completed event carries it parsed. */
function returnValueOf(json: string): JobEnd {
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, reason: `its result is not JSON: ${json.slice(0, 80)}` };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(error()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
