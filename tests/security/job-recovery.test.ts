/**
 * A roster job whose process dies (kill -9) must not stay RUNNING for ever: the next start
 * marks it FAILED ("interrupted by restart"). Without Redis the restarted process owns the
 * data directory, so every unfinished job is recovered at once; with Redis another process
 * recovers it once the dead one's liveness key has expired.
 */
import { Redis } from 'ioredis';
import {
  API_REDIS_CONNECTIONS,
  freePort,
  gql,
  login,
  redisRestored,
  removeDataDirs,
  startApi,
  startRedis,
  startWorker,
  type ApiProc,
  type Proc,
} from '../helpers/processes';
import { copyDemoDataDir, DEMO_ANCHOR } from '../helpers/demo-snapshot';

const WEEK = DEMO_ANCHOR; // the seeded snapshot's anchor week
/** How long the killed process's 2 s liveness key may take to be announced expired. */
const EXPIRY_WAIT_MS = 30_000;
/**
 * With Redis, a dead process is known by its expired liveness key: 4 s here instead of 15 s,
 * and so a recovery sweep every 8 s instead of every 30 s (PROCESS_LIVENESS_SECONDS).
 */
const LIVENESS_SECONDS = '4';

interface Job {
  state: string;
  error: string | null;
}

async function startPlanWeek(
  api: ApiProc,
  gap = 0.01,
  timeLimitSeconds = 60,
): Promise<{ id: string; token: string }> {
  const token = await login(api.url, 'manager');
  const r = await gql<{ planWeek: { id: string } }>(
    api.url,
    `mutation { planWeek(week: "${WEEK}", options: { timeLimitSeconds: ${timeLimitSeconds}, relativeGap: ${gap} }) { id } }`,
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return { id: r.data.planWeek.id, token };
}

const readJob = async (api: ApiProc, id: string, token: string): Promise<Job> =>
  (await gql<{ rosterJob: Job }>(api.url, `{ rosterJob(id: "${id}") { state error } }`, token)).data!
    .rosterJob;

describe('roster jobs interrupted by a crash', () => {
  const procs: Proc[] = [];
  afterAll(() => removeDataDirs());

  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.kill('SIGKILL')));
  }, 30_000);

  it('become FAILED "interrupted by restart" when the process restarts (no Redis)', async () => {
    const env = { SEED_ON_START: 'false' };
    const first = await startApi('recovery-1', { ...env, DATA_DIR: copyDemoDataDir() });
    procs.push(first);
    const { id, token } = await startPlanWeek(first);
    // accepted and owned by this process, still forecasting, when the process is killed
    expect(['QUEUED', 'RUNNING']).toContain((await readJob(first, id, token)).state);
    await first.kill('SIGKILL');

    const second = await startApi('recovery-2', { ...env, DATA_DIR: first.dataDir });
    procs.push(second);
    await second.waitFor(/roster jobs of ended processes marked FAILED/, 30_000);
    const job = await readJob(second, id, await login(second.url, 'manager'));
    expect(job.state).toBe('FAILED');
    expect(job.error).toMatch(/interrupted by restart/i);
  }, 120_000);

  it('become FAILED once the dead process is gone from Redis (several processes)', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    procs.push(redis);
    // no worker runs: the job waits in its forecast phase, RUNNING, when its process is killed
    const env = {
      SEED_ON_START: 'false',
      REDIS_URL: `redis://127.0.0.1:${port}`,
      PROCESS_LIVENESS_SECONDS: LIVENESS_SECONDS,
    };
    const first = await startApi('recovery-redis-1', { ...env, DATA_DIR: copyDemoDataDir() });
    procs.push(first);
    const { id, token } = await startPlanWeek(first);
    expect(['QUEUED', 'RUNNING']).toContain((await readJob(first, id, token)).state);
    await first.kill('SIGKILL');

    const second = await startApi('recovery-redis-2', { ...env, DATA_DIR: first.dataDir });
    procs.push(second);
    // the dead process's liveness key expires (4 s), then a sweep (every 8 s) recovers it
    await second.waitFor(/roster jobs of ended processes marked FAILED/, 90_000);
    const job = await readJob(second, id, await login(second.url, 'manager'));
    expect(job.state).toBe('FAILED');
    expect(job.error).toMatch(/interrupted by restart/i);
  }, 150_000);

  it('recovers the job of a killed process as soon as a new one connects to Redis, once', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    procs.push(redis);
    // expired keys are announced: the test learns that the killed process has ended, no polling
    const commands = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: null });
    const announcements = commands.duplicate();
    await commands.config('SET', 'notify-keyspace-events', 'Ex');
    const expired = new Set<string>();
    const wakers: (() => void)[] = [];
    announcements.on('message', (_channel: string, key: string) => {
      expired.add(key);
      for (const wake of wakers.splice(0)) wake();
    });
    await announcements.subscribe('__keyevent@0__:expired');
    try {
      const env = { SEED_ON_START: 'false', REDIS_URL: `redis://127.0.0.1:${port}` };
      // the first process's liveness key lives 2 s: it has ended soon after the kill
      const first = await startApi('recovery-prompt-1', {
        ...env,
        PROCESS_LIVENESS_SECONDS: '2',
        DATA_DIR: copyDemoDataDir(),
      });
      procs.push(first);
      const { id, token } = await startPlanWeek(first);
      expect(['QUEUED', 'RUNNING']).toContain((await readJob(first, id, token)).state);
      await first.kill('SIGKILL');
      const [key] = await commands.keys('shiftcast:process:*');
      // bounded, so a key that never expires fails here by name instead of at the test's timeout
      const deadline = Date.now() + EXPIRY_WAIT_MS;
      if (key !== undefined)
        while (!expired.has(key)) {
          if (Date.now() > deadline)
            throw new Error(
              `the killed process's liveness key ${key} did not expire within ${EXPIRY_WAIT_MS} ms`,
            );
          await new Promise<void>((wake) => {
            wakers.push(wake);
            setTimeout(wake, 1000);
          });
        }

      // the next process sweeps every 600 s: only the sweep at start can recover the job in time
      const second = await startApi('recovery-prompt-2', {
        ...env,
        PROCESS_LIVENESS_SECONDS: '300',
        DATA_DIR: first.dataDir,
      });
      procs.push(second);
      await second.waitFor(/roster jobs of ended processes marked FAILED/, 60_000);
      const job = await readJob(second, id, await login(second.url, 'manager'));
      expect(job).toMatchObject({ state: 'FAILED', error: expect.stringMatching(/interrupted by restart/i) });

      // Redis restarts: every connection comes back, and the start sweep does not run again
      await redis.kill('SIGTERM');
      await second.waitFor(/"redis":"commands".*connection lost/, 30_000);
      redis = await startRedis(port);
      procs.push(redis);
      await redisRestored(second, API_REDIS_CONNECTIONS);
      expect(second.lines.filter((l) => l.includes('jobs of ended processes checked at start'))).toHaveLength(
        1,
      );
    } finally {
      announcements.disconnect();
      commands.disconnect();
    }
  }, 240_000);

  it('stores the result a worker finished after its API process died, once, from another process', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    procs.push(redis);
    const env = {
      SEED_ON_START: 'false',
      REDIS_URL: `redis://127.0.0.1:${port}`,
      PROCESS_LIVENESS_SECONDS: LIVENESS_SECONDS,
    };
    const worker = await startWorker('recovery-worker', env);
    procs.push(worker);
    const first = await startApi('recovery-adopt-1', { ...env, DATA_DIR: copyDemoDataDir() });
    procs.push(first);
    // gap 0 keeps the solve running past the kill; 8 s bounds how long the worker then needs
    // (longer than the liveness key: the next process finds the first one ended at its start)
    const { id } = await startPlanWeek(first, 0, 8);
    // the solve is in the worker when the API process that started it is killed …
    await worker.waitFor(new RegExp(`"jobId":"${id}".*"kind":"roster".*job started`), 180_000);
    await first.kill('SIGKILL');
    // … and finishes there; its result waits in Redis
    await worker.waitFor(new RegExp(`"jobId":"${id}".*job completed`), 180_000);

    const second = await startApi('recovery-adopt-2', { ...env, DATA_DIR: first.dataDir });
    procs.push(second);
    await second.waitFor(/roster results of ended processes stored from the job queue/, 90_000);
    const token = await login(second.url, 'manager');
    const job = (
      await gql<{ rosterJob: Job & { rosterId: string | null } }>(
        second.url,
        `{ rosterJob(id: "${id}") { state error rosterId } }`,
        token,
      )
    ).data!.rosterJob;
    expect(job).toMatchObject({ state: 'SUCCEEDED', error: null });
    const rosters = await gql<{ rosters: { id: string; jobId: string | null }[] }>(
      second.url,
      `{ rosters(week: "${WEEK}") { id jobId } }`,
      token,
    );
    expect(rosters.data!.rosters.filter((r) => r.jobId === id).map((r) => r.id)).toEqual([job.rosterId]);
  }, 300_000);
});
