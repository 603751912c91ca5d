import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for the test server; the token goes in `connection_init`. */
export function wsClient(url: string, token?: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and resolves with the first `n` results; rejects on a GraphQL or socket error. */
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

/**
 * A bare graphql-transport-ws socket to the server at `baseUrl` (`http://host:port`), once
 * open (sending `headers` with the upgrade); rejects when the server refuses the upgrade.
 * `closed` resolves how it closed.
 */
export async function openSocket(
  baseUrl: string,
  headers?: Record<string, string>,
): Promise<{ ws: WebSocket; closed: Promise<[number, string]> }> {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', { headers });
  const closed = new Promise<[number, string]>((resolve) =>
    ws.on('close', (code: number, reason: Buffer) => resolve([code, reason.toString()])),
  );
  await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
  return { ws, closed };
}
