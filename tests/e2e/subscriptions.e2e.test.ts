import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../helpers/test-app';

export function wsClient(url: string, token?: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and resolves with the first `n` results (or the error). */
export function firstResults<T>(
  client: Client,
  query: string,
  n: number,
  variables?: Record<string, unknown>,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const got: T[] = [];
    const dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          if (r.errors) return reject(new Error(JSON.stringify(r.errors)));
          got.push(r.data as T);
          if (got.length === n) {
            dispose();
            resolve(got);
          }
        },
        error: reject,
        complete: () => resolve(got),
      },
    );
  });
}

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
