import { startTestApp, type TestApp } from '../helpers/test-app';
import { firstResults, wsClient } from '../helpers/ws-client';

describe('subscriptions over a real WebSocket', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses an anonymous connection_init', async () => {
    const client = wsClient(t.app.url);
    const err = await firstResults(client, 'subscription { ping { seq } }', 1).catch((e: unknown) => e);
    expect((err as { code?: number }).code).toBe(4403);
    await client.dispose();
  });

  it('refuses an invalid token', async () => {
    const client = wsClient(t.app.url, 'forged.token.value');
    const err = await firstResults(client, 'subscription { ping { seq } }', 1).catch((e: unknown) => e);
    expect((err as { code?: number }).code).toBe(4403);
    await client.dispose();
  });

  it('streams ping events to a signed-in client', async () => {
    const client = wsClient(t.app.url, await t.login('agent'));
    const events = await firstResults<{ ping: { seq: number } }>(
      client,
      'subscription { ping { seq at } }',
      2,
    );
    expect(events[1].ping.seq).toBeGreaterThan(events[0].ping.seq);
    await client.dispose();
  });
});
