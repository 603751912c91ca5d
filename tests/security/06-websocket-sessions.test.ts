/**
 * Issue 10, item 6: a deactivated MANAGER kept running queries and `createStaff` on an
 * open socket; a logged-out PARTNER kept receiving events; depth and cost limits did not
 * apply over WebSocket. Each operation and each event now re-checks the session (token
 * version, active flag, roles); a revoked session's socket is closed with 4403.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../src/auth/roles';
import { TOPIC } from '../../src/events/topics';
import { STAFF } from '../../src/staff/staff.doc';
import { SESSION_REVOKED } from '../../src/server/ws-server';
import { HOURLY } from '../integration/forecasting/forecast-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { wsClient } from '../helpers/ws-client';
import { expectOk } from '../helpers/expect-ok';

const CREATE_STAFF = `mutation { createStaff(input: { employeeNo: "E-WS-1", name: "Socket Sam", hourlyCost: 20,
  skills: ["calls"], contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 } }) { id } }`;

interface Outcome {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
  closedWith?: number;
}

/** Runs one operation and resolves with its result, or with the close code if the socket closes first. */
function once(client: Client, query: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let result: Outcome = {};
    const off = client.on('closed', (e) => resolve({ closedWith: (e as { code: number }).code }));
    client.subscribe(
      { query },
      {
        next: (r) => (result = r as Outcome),
        error: (e) => {
          if (Array.isArray(e)) resolve({ errors: e as Outcome['errors'] });
        },
        complete: () => {
          off();
          resolve(result);
        },
      },
    );
  });
}

/** Connects eagerly (one socket for the client's life) and waits for `connection_ack`. */
async function connected(url: string, token: string): Promise<Client> {
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    // the tests close these sockets with 4403 on purpose and check the close themselves;
    // graphql-ws would log each as an error
    onNonLazyError: () => undefined,
  });
  await new Promise((resolve) => client.on('connected', resolve));
  return client;
}

describe('item 6: WebSocket sessions are re-checked', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    // the channel the subscriptions follow (an unknown one is refused when it opens)
    t = await startTestApp({ seed: (s) => s.channels.create(HOURLY).then(() => undefined) });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('closes a deactivated MANAGER socket with 4403 at the next operation; createStaff never runs', async () => {
    const manager = await t.services.users.findByUsername('manager');
    const client = await connected(t.app.url, await t.login('manager'));
    expect((await once(client, '{ serverInfo { version } }')).data).toEqual({
      serverInfo: { version: expect.any(String) },
    });
    const staffBefore = await t.services.store.collection(STAFF).count();

    const off = await t.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }',
      { id: manager!._id },
      admin,
    );
    expectOk(off);
    expect(await once(client, CREATE_STAFF)).toEqual({ closedWith: SESSION_REVOKED });
    expect(await t.services.store.collection(STAFF).count()).toBe(staffBefore);

    await t.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { active: true }) { active } }',
      { id: manager!._id },
      admin,
    );
    await client.dispose();
  });

  it('stops events to a PARTNER who logged out: the socket closes with 4403', async () => {
    const token = await t.login('partner');
    const client = wsClient(t.app.url, token);
    const seen: number[] = [];
    const closed = new Promise<number>((resolve) =>
      client.on('closed', (e) => resolve((e as { code: number }).code)),
    );
    const first = new Promise<void>((resolve) =>
      client.subscribe<{ ping: { seq: number } }>(
        { query: 'subscription { ping { seq } }' },
        {
          next: (r) => {
            seen.push(r.data!.ping.seq);
            resolve();
          },
          error: () => undefined,
          complete: () => undefined,
        },
      ),
    );
    await first;
    expect((await t.gql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    expect(await closed).toBe(SESSION_REVOKED);
    const count = seen.length;
    // the server publishes a ping every 50 ms in tests; the closed socket receives none of them
    await t.gql('{ serverInfo { version } }', {}, admin);
    expect(seen.length).toBe(count);
    await client.dispose();
  });

  it('resolves each event with the current roles: a PARTNER demoted to AGENT gets FORBIDDEN, not the forecast', async () => {
    const partner = await t.services.users.create({
      username: 'demoted',
      password: 'lowered-pass-1234',
      roles: [Role.PARTNER],
    });
    const client = await connected(t.app.url, await t.login('demoted', 'lowered-pass-1234'));
    const results: Outcome[] = [];
    let arrived: () => void = () => undefined;
    client.subscribe(
      { query: 'subscription { forecastUpdated(channel: "calls") { forecastId } }' },
      {
        next: (r) => {
          results.push(r as Outcome);
          arrived();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    const event = (id: string) => ({
      forecastId: id,
      channel: 'calls',
      modelId: 'm',
      modelKind: 'SEASONAL_NAIVE',
      start: new Date('2026-03-02T00:00:00Z'),
      intervalMinutes: 60,
      dailyTotals: [],
    });
    // the subscription is registered once a published event reaches it
    for (let i = 0; results.length === 0 && i < 200; i++) {
      const got = new Promise<void>((resolve) => (arrived = resolve));
      t.services.events.publish(TOPIC.FORECAST_UPDATED, 'calls', event(`before-${i}`));
      await Promise.race([got, t.gql('{ __typename }')]);
    }
    expect(results[0]!.data).toEqual({ forecastUpdated: { forecastId: expect.stringMatching(/^before-/) } });

    // roles change only (same token version): the socket stays, the event is refused
    await t.services.store
      .collection('users')
      .updateOne({ _id: partner._id }, { $set: { roles: [Role.AGENT] } });
    const next = new Promise<void>((resolve) => (arrived = resolve));
    t.services.events.publish(TOPIC.FORECAST_UPDATED, 'calls', event('after'));
    await next;
    const last = results[results.length - 1]!;
    expect(last.data ?? null).toBeNull();
    expect(last.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await client.dispose();
  });

  it('applies the depth, cost and string limits to WebSocket operations', async () => {
    const client = await connected(t.app.url, await t.login('admin'));
    const deep = await once(
      client,
      '{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }',
    );
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const costly = await once(
      client,
      `{ ${Array.from({ length: 28 }, (_, i) => `f${i}: latestForecast(channel: "c") { points { t mean lo80 hi80 lo95 hi95 } }`).join(' ')} }`,
    );
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const long = await once(
      client,
      `mutation { login(username: "${'u'.repeat(10_000)}", password: "x") { token } }`,
    );
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await client.dispose();
  });
});
