/**
 * The BullMQ job queue is bounded like the in-process pool: past WORKER_QUEUE_SIZE waiting jobs
 * of a kind a new one is refused at once, and a job its API process stopped waiting for (its
 * timeout, which counts the time in the queue) is cancelled, so no worker solves it for nothing.
 * Before, 60 `generateRoster` calls on a one-thread worker were all queued, 43 of them timed
 * out, and the worker went on solving every abandoned one.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../../src/errors';
import type { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { cancelKey, queueName } from '../../src/jobs/job-kinds';
import { Metrics, observedRunner } from '../../src/server/metrics';
import { taskFile } from '../../src/workers/worker-pool';
import { startJobLayer, type JobLayer } from '../helpers/job-layer';
import type { Proc } from '../helpers/processes';
import { quietSources } from '../helpers/quiet-metrics';

const PREFIX = 'queue-bounds';
const TASK = taskFile('staffing/workload.task');

describe('BullMQ queue bounds (no worker running)', () => {
  let jobs: JobLayer;
  let redis: Proc;
  let runner: BullmqTaskRunner;
  let client: Redis;

  beforeAll(async () => {
    jobs = await startJobLayer({ prefix: PREFIX, runner: { maxWaiting: 3 } });
    ({ runner, client } = jobs);
    redis = jobs.redis!;
    await jobs.apiHealth.whenUp();
  }, 30_000);

  afterAll(() => jobs.close());

  it('refuses a job past maxWaiting waiting ones with FAILED_PRECONDITION, at once', async () => {
    const stop = new AbortController();
    const waiting = [1, 2, 3].map((i) =>
      runner
        .run(TASK, 'solveWorkloadPlan', { i }, { signal: stop.signal, jobId: `wait-${i}` })
        .catch((e) => e),
    );
    const queue = new Queue(queueName('staffing'), { connection: client, prefix: PREFIX });
    while ((await queue.getWaitingCount()) < 3) await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    await expect(runner.run(TASK, 'solveWorkloadPlan', { i: 4 }, { jobId: 'wait-4' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringMatching(/staffing job queue is full \(3 waiting\)/),
    });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await queue.getJob('wait-4')).toBeUndefined();
    stop.abort();
    await Promise.all(waiting);
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('counts refused jobs apart: no failed job, no duration', async () => {
    const metrics = new Metrics(quietSources());
    const observed = observedRunner(runner, () => metrics);
    const queue = new Queue(queueName('staffing'), { connection: client, prefix: PREFIX });
    // Read on from the stream's end now: by default ('$') from wherever it ends when the reader's
    // first XREAD runs, which can come after the jobs below were added (their 'waiting' events
    // were then missed and the test waited for its timeout)
    const [last] = await client.xrevrange(`${PREFIX}:${queueName('staffing')}:events`, '+', '-', 'COUNT', 1);
    // BullMQ reads events on its own copy of this connection: this one is ours to close
    const eventsConnection = client.duplicate({ maxRetriesPerRequest: null });
    const events = new QueueEvents(queueName('staffing'), {
      connection: eventsConnection,
      prefix: PREFIX,
      lastEventId: last?.[0] ?? '0',
    });
    await events.waitUntilReady();
    const stop = new AbortController();
    try {
      let added = 0;
      const full = new Promise<void>((resolve) =>
        events.on('waiting', () => {
          if (++added === 3) resolve();
        }),
      );
      const waiting = [1, 2, 3].map((i) =>
        observed
          .run(TASK, 'solveWorkloadPlan', { i }, { signal: stop.signal, jobId: `counted-${i}` })
          .catch((e) => e),
      );
      await full;
      await expect(
        observed.run(TASK, 'solveWorkloadPlan', { i: 4 }, { jobId: 'counted-4' }),
      ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
      const text = await metrics.registry.metrics();
      expect(text).toContain('shiftcast_jobs_refused_total{kind="staffing",reason="queue-full"} 1');
      expect(text).not.toMatch(/shiftcast_job_duration_seconds_count\{kind="staffing",outcome="failed"\}/);
      stop.abort();
      await Promise.all(waiting);

      // a Redis that does not answer refuses the enqueue too (UNAVAILABLE after 1.5 s)
      process.kill(redis.child.pid!, 'SIGSTOP');
      try {
        await expect(
          observed.run(TASK, 'solveWorkloadPlan', { i: 5 }, { jobId: 'counted-5' }),
        ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      } finally {
        process.kill(redis.child.pid!, 'SIGCONT');
      }
      expect(await metrics.registry.metrics()).toContain(
        'shiftcast_jobs_refused_total{kind="staffing",reason="unavailable"} 1',
      );
    } finally {
      await events.close();
      eventsConnection.disconnect();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('counts a job cancelled before it was queued, or while it waited, as cancelled: no failed job', async () => {
    const metrics = new Metrics(quietSources());
    const observed = observedRunner(runner, () => metrics);
    const queue = new Queue(queueName('staffing'), { connection: client, prefix: PREFIX });
    try {
      // as a roster job cancelled between its phases: the signal has aborted before the solve starts
      const before = new AbortController();
      before.abort(new AppError('FAILED_PRECONDITION', 'The roster job was cancelled'));
      await expect(
        observed.run(TASK, 'solveWorkloadPlan', {}, { signal: before.signal, jobId: 'never-queued' }),
      ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION', message: 'The roster job was cancelled' });
      expect(await queue.getJob('never-queued')).toBeUndefined();

      const during = new AbortController();
      const waiting = observed
        .run(TASK, 'solveWorkloadPlan', {}, { signal: during.signal, jobId: 'cancelled-waiting' })
        .catch((e: unknown) => e);
      while ((await queue.getWaitingCount()) < 1) await new Promise((r) => setTimeout(r, 20));
      during.abort();
      await waiting;

      const text = await metrics.registry.metrics();
      expect(text).toContain('shiftcast_job_duration_seconds_count{kind="staffing",outcome="cancelled"} 2');
      expect(text).not.toMatch(/shiftcast_job_duration_seconds_count\{kind="staffing",outcome="failed"\}/);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('cancels a job whose wait timed out, so a worker that picks it up skips it', async () => {
    await expect(
      runner.run(TASK, 'solveWorkloadPlan', {}, { jobId: 'timed-out', timeoutMs: 300 }),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
    const key = cancelKey(PREFIX, 'timed-out');
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline && (await client.exists(key)) === 0)
      await new Promise((r) => setTimeout(r, 20));
    expect(await client.exists(key)).toBe(1);
  });
});
