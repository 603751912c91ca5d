/**
 * A job worker told to stop (SIGTERM: `JobConsumer.close`) while it solves gives the solve a
 * grace period, then puts the job back in the queue at once: another worker takes it without
 * waiting out the lock, and the job keeps its one retry for a real crash. Before, the worker
 * waited for the solve however long it ran; `npm run worker` then exited at its 30 s cap with
 * the job still locked, so another worker started it only after the lock expired (63 s after
 * SIGTERM with the default 30 s lock), as a stall counted against the job.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { JobConsumer } from '../../src/jobs/bullmq-consumer';
import { queueName } from '../../src/jobs/job-kinds';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { createLogger } from '../../src/logger';
import type { RosterResult } from '../../src/rostering/roster.types';
import type { SolveRosterTaskInput } from '../../src/rostering/solve.task';
import { taskFile, WorkerPool } from '../../src/workers/worker-pool';
import { closedWithin } from '../helpers/job-layer';
import { largeProblem } from '../helpers/large-roster';
import { freePort, startRedis, type Proc } from '../helpers/processes';

const PREFIX = 'worker-shutdown';
const LOCK_SECONDS = 30;
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

describe('a worker stopping mid-solve', () => {
  let redis: Proc;
  let url: string;
  const closers: (() => Promise<void>)[] = [];

  const consumer = (health: RedisHealth) => {
    const pool = new WorkerPool({ maxThreads: 1, maxQueue: 4, taskTimeoutMs: 120_000 });
    const c = new JobConsumer({
      url,
      prefix: PREFIX,
      concurrency: 1,
      lockSeconds: LOCK_SECONDS,
      pool,
      health,
      logger,
    });
    closers.push(() => pool.close());
    return c;
  };

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    url = `redis://127.0.0.1:${port}`;
  }, 30_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await redis.kill();
  }, 30_000);

  it('puts its job back in the queue after the grace period, for another worker at once', async () => {
    const apiHealth = new RedisHealth(logger);
    const runner = new BullmqTaskRunner({
      url,
      prefix: PREFIX,
      defaultTimeoutMs: 120_000,
      parallelism: 1,
      maxWaiting: 8,
      keepCount: 100,
      health: apiHealth,
      logger,
    });
    closers.push(async () => {
      await runner.close();
      await apiHealth.closeAll();
    });
    const healthA = new RedisHealth(logger);
    const first = consumer(healthA);
    await Promise.all([apiHealth.whenUp(), healthA.whenUp()]);

    let progressed!: () => void;
    const solving = new Promise<void>((resolve) => (progressed = resolve));
    const result = runner.run<SolveRosterTaskInput, RosterResult>(
      taskFile('rostering/solve.task'),
      'solveRosterTask',
      { problem: largeProblem(150, '2026-03-02'), timeLimitSeconds: 15, relativeGap: 0 },
      { jobId: 'long-solve', onProgress: () => progressed() },
    );
    await solving;

    const t0 = Date.now();
    expect(await closedWithin(first.close(500), 8000)).toBe('closed');
    await healthA.closeAll();
    const client = new Redis(url);
    const queue = new Queue(queueName('roster'), { connection: client, prefix: PREFIX });
    const job = await queue.getJob('long-solve');
    expect(await job?.getState()).toBe('waiting');
    expect(job?.stalledCounter ?? 0).toBe(0);

    const healthB = new RedisHealth(logger);
    const second = consumer(healthB);
    const solved = await result;
    expect(['OPTIMAL', 'FEASIBLE']).toContain(solved.status);
    // well inside the lock: the second worker did not wait for the first one's lock to expire
    expect(Date.now() - t0).toBeLessThan(LOCK_SECONDS * 1000);
    await second.close();
    await healthB.closeAll();
    await queue.close();
    client.disconnect();
  }, 120_000);
});
