/**
 * An API process whose Redis is unreachable at start still starts, keeps retrying, and says
 * why in /readyz; enqueueing is refused with UNAVAILABLE; when Redis appears it is ready.
 */
import {
  freePort,
  gql,
  login,
  removeDataDirs,
  startApi,
  startRedis,
  type ApiProc,
  type Proc,
  API_REDIS_CONNECTIONS,
  redisRestored,
} from '../helpers/processes';

describe('start-up with Redis unreachable', () => {
  let api: ApiProc | undefined;
  let redis: Proc | undefined;
  afterAll(async () => {
    await api?.kill();
    await redis?.kill();
    removeDataDirs();
  }, 30_000);

  it('serves, reports the outage in /readyz, refuses jobs, and becomes ready when Redis comes', async () => {
    const port = await freePort();
    api = await startApi('api-no-redis', { REDIS_URL: `redis://127.0.0.1:${port}`, SEED_ON_START: 'false' });

    const down = await fetch(`${api.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'unavailable',
      redis: 'down',
      error: expect.stringMatching(/Redis is not reachable: .*ECONNREFUSED/),
    });
    const token = await login(api.url, 'manager'); // reads and sign-in work without Redis
    const refused = await gql<unknown>(
      api.url,
      'mutation { generateRoster(week: "2026-11-30") { id } }',
      token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('UNAVAILABLE');

    redis = await startRedis(port);
    // every connection of the process comes back (each logs it)
    await redisRestored(api, API_REDIS_CONNECTIONS);
    const up = await fetch(`${api.url}/readyz`);
    expect(await up.json()).toMatchObject({ status: 'ready', redis: 'up' });
  }, 120_000);
});
