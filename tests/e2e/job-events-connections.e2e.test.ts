/**
 * The job runner's events readers: the connections `RedisHealth` watches are the ones that read.
 * BullMQ's `QueueEvents` reads on a copy of the client it is given and leaves that client unused:
 * before, the runner handed it a connected, watched client per queue, so each API process held
 * one idle connection per job kind (12 in all, 4 of them idle) and the health view watched those
 * while the readers' own connections could drop unnoticed.
 */
import { Redis } from 'ioredis';
import { BullmqTaskRunner } from '../../src/jobs/bullmq-runner';
import { JOB_KINDS, queueName } from '../../src/jobs/job-kinds';
import { RedisHealth } from '../../src/jobs/redis-connection';
import { freePort, startRedis, type Proc } from '../helpers/processes';
import { watchedLogger } from '../helpers/watched-logger';

const PREFIX = 'events-connections';

/** Redis' CLIENT LIST, one record per connection. */
async function clients(admin: Redis): Promise<Record<string, string>[]> {
  const list = (await admin.client('LIST')) as string;
  return list
    .trim()
    .split('\n')
    .map((line) =>
      Object.fromEntries(
        line.split(' ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
      ),
    );
}

describe("the job runner's Redis connections", () => {
  let redis: Proc;
  let admin: Redis;
  let health: RedisHealth;
  let runner: BullmqTaskRunner;
  const { logger, until, matching } = watchedLogger('info');

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    admin = new Redis(url);
    health = new RedisHealth(logger);
    runner = new BullmqTaskRunner({
      url,
      prefix: PREFIX,
      defaultTimeoutMs: 60_000,
      parallelism: 1,
      maxWaiting: 8,
      keepCount: 100,
      health,
      logger,
    });
    await health.whenUp();
  }, 30_000);

  afterAll(async () => {
    await runner.close(); // closed by the last test, unless an earlier one failed
    await health.closeAll();
    admin.disconnect();
    await redis.kill();
  });

  it('are its commands and one reader per kind, each reading: none idle', async () => {
    const readers = JOB_KINDS.map(
      (kind) => `${PREFIX}:${Buffer.from(queueName(kind)).toString('base64')}:qe`,
    );
    const reading = async () =>
      (await clients(admin)).filter((c) => readers.includes(c.name!) && c.cmd === 'xread').length;
    const deadline = Date.now() + 5000;
    while ((await reading()) < readers.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await reading()).toBe(readers.length);
    // the runner's commands, its readers and this test's admin connection: nothing else
    expect((await clients(admin)).map((c) => `${c.name || '(no name)'} ${c.cmd}`)).toHaveLength(
      1 + JOB_KINDS.length + 1,
    );
  });

  it("notices a reader's own connection dropping, and coming back", async () => {
    const name = `${PREFIX}:${Buffer.from(queueName('forecast')).toString('base64')}:qe`;
    const reader = (await clients(admin)).find((c) => c.name === name);
    expect(reader).toBeDefined();
    await admin.client('KILL', 'ID', reader!.id!);
    await until(/"redis":"job-events-forecast".*redis connection lost/, 1);
    await until(/"redis":"job-events-forecast".*redis connection restored/, 1);
    expect(matching(/redis connection lost/)).toHaveLength(1);
    await health.whenUp();
    expect(health.up).toBe(true);
  }, 15_000);

  it('closes its readers without reporting them lost', async () => {
    const lost = matching(/redis connection lost/).length;
    await runner.close();
    await health.closeAll();
    expect(matching(/redis connection lost/)).toHaveLength(lost);
    // only the admin connection is left
    const deadline = Date.now() + 2000;
    while ((await clients(admin)).length > 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await clients(admin)).toHaveLength(1);
  });
});
