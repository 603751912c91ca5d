import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import { useSyncExternalStore } from 'react';
import { currentToken, endSession } from './session';

export type LinkState = 'connecting' | 'connected' | 'reconnecting';

const linkListeners = new Set<() => void>();
let linkState: LinkState = 'connecting';
function setLink(next: LinkState): void {
  linkState = next;
  for (const l of linkListeners) l();
}

/** The live (WebSocket) link's state, for the header badge. */
export function useLinkState(): LinkState {
  return useSyncExternalStore(
    (l) => {
      linkListeners.add(l);
      return () => linkListeners.delete(l);
    },
    () => linkState,
  );
}

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/** Bearer header of the current session, if any. */
export function authHeaders(): Record<string, string> {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * One urql client per session: HTTP for queries and mutations, graphql-ws for
 * subscriptions. The socket retries for ever (a server restart is survived) with a
 * short capped back-off; an UNAUTHENTICATED answer ends the session.
 */
export function createApiClient(): { client: Client; dispose: () => void } {
  const ws = createWsClient({
    url: wsUrl(),
    connectionParams: () => authHeaders(),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** retries, 3000))),
    on: {
      connecting: () => setLink(linkState === 'connected' ? 'reconnecting' : linkState),
      connected: () => setLink('connected'),
      closed: () => setLink('reconnecting'),
    },
  });
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST only: Apollo's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: authHeaders() }),
    exchanges: [
      mapExchange({
        onError(error) {
          const codes = error.graphQLErrors.map((e) => e.extensions?.code);
          if (codes.includes('UNAUTHENTICATED') && currentToken())
            endSession('Your session expired or was signed out elsewhere. Sign in again.');
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
