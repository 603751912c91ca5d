/**
 * The worker-process side of the BullMQ job queue (`npm run worker`): stateless compute. It
 * opens no store; each job's payload carries the problem, the task runs in this process's
 * piscina pool, and the result goes back through BullMQ. Progress messages become job
 * progress events (at most every 250 ms); a cancel message aborts the running task.
 *
 * A worker that dies mid-job leaves its lock to expire: another worker's stalled check moves
 * the job back to waiting once (`maxStalledCount: 1`), and a second stall fails it with
 * BullMQ's reason, so a job is retried once or FAILED, never left running.
 *
 * A worker told to stop (SIGTERM) takes no new job and gives its running ones
 * SHUTDOWN_GRACE_MS to finish; then it stops them and puts them back in the queue at once, for
 * another worker (no lock to wait out, no stall counted against the job).
 */
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Logger } from '../logger';
import { taskFile, type WorkerPool } from '../workers/worker-pool';
import {
  cancelChannel,
  cancelKey,
  JOB_KINDS,
  jobPayloadProblem,
  queueName,
  type JobKind,
  type JobPayload,
} from './job-kinds';
import { redisClient, type RedisHealth } from './redis-connection';

const PROGRESS_EVERY_MS = 250;
/** How long a stopping worker lets its running jobs finish before it re-queues them. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ConsumerOptions {
  url: string;
  prefix: string;
  /** Jobs run at once per kind (one per pool thread). */
  concurrency: number;
  lockSeconds: number;
  pool: WorkerPool;
  health: RedisHealth;
  logger: Logger;
}

export class JobConsumer {
  private readonly workers: Worker[] = [];
  /** Aborted when the worker stops: running jobs are then put back in the queue. */
  private readonly stopping = new AbortController();

  constructor(private readonly opts: ConsumerOptions) {
    const command = opts.health.watch(redisClient(opts.url, 'blocking'), 'worker-commands');
    const subscriber = opts.health.watch(redisClient(opts.url, 'subscriber'), 'worker-cancel');
    for (const kind of JOB_KINDS) {
      const worker = new Worker<JobPayload>(
        queueName(kind),
        (job, token, signal) => this.process(job, kind, token, signal, command),
        {
          connection: opts.health.watch(redisClient(opts.url, 'blocking'), `worker-${kind}`),
          prefix: opts.prefix,
          concurrency: opts.concurrency,
          lockDuration: opts.lockSeconds * 1000,
          stalledInterval: opts.lockSeconds * 1000,
          maxStalledCount: 1,
        },
      );
      worker.on('error', (err) => opts.logger.debug({ err: err.message, kind }, 'job worker error'));
      worker.on('completed', (job) => opts.logger.info({ jobId: job.id, kind }, 'job completed'));
      worker.on('failed', (job, err) =>
        opts.logger.info({ jobId: job?.id, kind, reason: err.message }, 'job failed'),
      );
      this.workers.push(worker);
    }
    subscriber.on('message', (_channel: string, jobId: string) => {
      for (const w of this.workers) w.cancelJob(jobId, 'Cancelled');
    });
    void subscriber
      .subscribe(cancelChannel(opts.prefix))
      .catch((err: unknown) => opts.logger.error({ err }, 'could not subscribe to job cancels'));
  }

  private async process(
    job: Job<JobPayload>,
    kind: JobKind,
    token: string | undefined,
    cancelled: AbortSignal | undefined,
    command: import('ioredis').Redis,
  ): Promise<unknown> {
    const problem = jobPayloadProblem(job.data, kind);
    if (problem !== null) throw new UnrecoverableError(`BAD_JOB: ${problem}`);
    const { task, name, input, timeoutMs } = job.data;
    if (job.id === undefined) throw new UnrecoverableError(`A ${kind} job without an id`);
    if (await command.exists(cancelKey(this.opts.prefix, job.id))) throw new UnrecoverableError('Cancelled');
    this.opts.logger.info({ jobId: job.id, kind, name, attempt: job.attemptsStarted }, 'job started');
    let latest: unknown;
    let timer: NodeJS.Timeout | null = null;
    let lastSent = 0;
    const flush = (): void => {
      timer = null;
      lastSent = Date.now();
      void job
        .updateProgress(latest as object)
        .catch((err: unknown) => this.opts.logger.debug({ err, jobId: job.id }, 'progress not sent'));
    };
    const onProgress = (message: unknown): void => {
      latest = message;
      if (timer) return;
      const wait = PROGRESS_EVERY_MS - (Date.now() - lastSent);
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    };
    const signal = cancelled ? AbortSignal.any([cancelled, this.stopping.signal]) : this.stopping.signal;
    try {
      return await this.opts.pool.run(taskFile(task), name, input, { signal, timeoutMs, onProgress });
    } catch (e) {
      if (cancelled?.aborted) throw new UnrecoverableError('Cancelled');
      if (this.stopping.signal.aborted) {
        await job.moveToWait(token);
        this.opts.logger.info({ jobId: job.id, kind }, 'job put back in the queue: this worker is stopping');
        throw new WaitingError();
      }
      throw e;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * Takes no new job; running ones finish within `graceMs` or go back to the queue. With Redis down,
   * or never up, BullMQ's `Worker.close()` never returned (as `QueueEvents.close()`, bullmq#4656:
   * it waits for its blocking connection to be ready, then for an 'end' that a reconnecting client
   * never emits), and `npm run worker` ended only by its 30 s forced exit, with code 1. Then no job
   * can be taken, reported or put back anyway: the running ones are stopped at once (their locks
   * expire and another worker's stalled check retries them once, as after a crash) and each
   * worker is closed with force, dropping its blocking connection without waiting.
   */
  async close(graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    const logged = (err: unknown) => this.opts.logger.warn({ err }, 'closing the job worker failed');
    if (!this.opts.health.up) {
      this.stopping.abort();
      await Promise.all(this.workers.map((w) => w.close(true).catch(logged)));
      return;
    }
    const grace = setTimeout(() => this.stopping.abort(), graceMs);
    try {
      await Promise.all(this.workers.map((w) => w.close()));
    } finally {
      clearTimeout(grace);
    }
  }
}
