/**
 * A worker checks a job's payload before it runs anything: a job this API never sends (an older
 * or newer version's, or one written into Redis by hand) fails at once with a `BAD_JOB:` reason.
 * Before, they failed with whatever broke first ("Cannot destructure property 'task' of
 * 'job.data' as it is null", "Object that needs transfer was found in message but not listed in
 * transferList" for the name `constructor`, a RangeError for a timeout of 1e15 ms), and a timeout
 * of 1e9 ms was accepted: 11 days for one job to hold a worker thread.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { queueName, type JobKind } from '../../src/jobs/job-kinds';
import { startJobLayer, type JobLayer } from '../helpers/job-layer';

const PREFIX = 'hostile-jobs';
const WORKLOAD = { task: 'staffing/workload.task', name: 'solveWorkloadPlan', timeoutMs: 10_000 };

const HOSTILE: [string, JobKind, unknown, RegExp][] = [
  ['no payload', 'staffing', null, /^BAD_JOB: the payload is not an object$/],
  ['a task of another queue', 'roster', { ...WORKLOAD, input: {} }, /^BAD_JOB: unknown task/],
  [
    'a module outside the task list',
    'roster',
    { ...WORKLOAD, task: 'server/app', input: {} },
    /^BAD_JOB: unknown task/,
  ],
  [
    'the name constructor',
    'staffing',
    { ...WORKLOAD, name: 'constructor', input: {} },
    /^BAD_JOB: name must be/,
  ],
  ['the name __proto__', 'staffing', { ...WORKLOAD, name: '__proto__', input: {} }, /^BAD_JOB: name must be/],
  ['no input', 'staffing', { ...WORKLOAD, input: null }, /^BAD_JOB: input must be an object$/],
  [
    'a timeout of 11 days',
    'staffing',
    { ...WORKLOAD, input: {}, timeoutMs: 1e9 },
    /^BAD_JOB: timeoutMs must be/,
  ],
  [
    'a timeout that is text',
    'staffing',
    { ...WORKLOAD, input: {}, timeoutMs: 'abc' },
    /^BAD_JOB: timeoutMs must be/,
  ],
];

describe('jobs this API never sends', () => {
  let jobs: JobLayer;
  let client: Redis;

  beforeAll(async () => {
    jobs = await startJobLayer({ prefix: PREFIX, consumer: {} });
    client = jobs.client;
    await jobs.workerHealth.whenUp();
  }, 30_000);

  afterAll(() => jobs.close());

  it.each(HOSTILE)('fails one with %s at once, with a BAD_JOB reason', async (_label, kind, data, reason) => {
    const queue = new Queue(queueName(kind), { connection: client, prefix: PREFIX });
    const eventsConnection = client.duplicate(); // BullMQ reads on its own copy: this one is ours to close
    const events = new QueueEvents(queueName(kind), { connection: eventsConnection, prefix: PREFIX });
    await events.waitUntilReady();
    try {
      const t0 = Date.now();
      const job = await queue.add('hostile', data as object, { attempts: 1 });
      await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(reason);
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      await events.close();
      eventsConnection.disconnect();
      await queue.close();
    }
  });

  it('still runs a job of the right shape (its task judges the input)', async () => {
    const queue = new Queue(queueName('staffing'), { connection: client, prefix: PREFIX });
    const eventsConnection = client.duplicate(); // BullMQ reads on its own copy: this one is ours to close
    const events = new QueueEvents(queueName('staffing'), { connection: eventsConnection, prefix: PREFIX });
    await events.waitUntilReady();
    try {
      const job = await queue.add('shaped', { ...WORKLOAD, input: {} }, { attempts: 1 });
      const failure = await job.waitUntilFinished(events, 20_000).catch((e: Error) => e.message);
      expect(String(failure)).not.toMatch(/BAD_JOB/);
    } finally {
      await events.close();
      eventsConnection.disconnect();
      await queue.close();
    }
  }, 30_000);
});
