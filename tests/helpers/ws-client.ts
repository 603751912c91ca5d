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

/** What a subscription answered: a result, or the errors it failed with. */
export interface SubscriptionOutcome {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; details?: unknown } }[];
}

/**
 * Opens a subscription on a client of its own (closed afterwards) and resolves with what it
 * answered, a failure included: at its first result or error (`until: 'first'`), or once it
 * has ended (`until: 'end'`). `publish` runs once the subscription is sent.
 */
export function subscriptionOutcomes(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  options: { until: 'first' | 'end'; publish?: () => void },
): Promise<SubscriptionOutcome[]> {
  const client = wsClient(url, token);
  const got: SubscriptionOutcome[] = [];
  return new Promise<SubscriptionOutcome[]>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (r) => {
          got.push(r as SubscriptionOutcome);
          if (options.until === 'first') resolve(got);
        },
        error: (e) => {
          const errors = Array.isArray(e) ? (e as SubscriptionOutcome['errors']) : [{ message: String(e) }];
          got.push({ errors });
          resolve(got);
        },
        complete: () => resolve(got),
      },
    );
    options.publish?.();
  }).finally(() => client.dispose());
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
