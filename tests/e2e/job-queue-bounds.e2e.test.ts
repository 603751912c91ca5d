/**
 * The BullMQ job queue is bounded like the in-process pool: past WORKER_QUEUE_SIZE waiting jobs
 * of a kind a new one is refused at once, and a job its API process stopped waiting for (its
 * timeout, which counts the time in the queue) is cancelled, so no worker solves it for nothing.
 * Before, 60 `generateRoster` calls on a one-thread worker were all queued, 43 of them timed
 * out, and the worker went on solving every abandoned one.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { cancelKey, queueName } from '../../src/jobs/job-kinds';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { createLogger } from '../../src/logger';
import { taskFile } from '../../src/workers/worker-pool';
import { freePort, startRedis, type Proc } from '../helpers/processes';

const PREFIX = 'queue-bounds';
const TASK = taskFile('staffing/workload.task');
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

describe('BullMQ queue bounds (no worker running)', () => {
  let redis: Proc;
  let url: string;
  let health: RedisHealth;
  let runner: BullmqTaskRunner;
  let client: Redis;

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    url = `redis://127.0.0.1:${port}`;
    health = new RedisHealth(logger);
    runner = new BullmqTaskRunner({
      url,
      prefix: PREFIX,
      defaultTimeoutMs: 60_000,
      parallelism: 1,
      maxWaiting: 3,
      keepCount: 100,
      health,
      logger,
    });
    client = new Redis(url);
    while (!health.up) await new Promise((r) => setTimeout(r, 20));
  }, 30_000);

  afterAll(async () => {
    client.disconnect();
    await runner.close();
    await health.closeAll();
    await redis.kill();
  });

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
