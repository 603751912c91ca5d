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
