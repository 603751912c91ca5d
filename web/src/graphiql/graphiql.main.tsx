import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { type ComponentProps, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from 'graphql-ws';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** The dashboard's session token, if the user is signed in in this tab. */
function storedToken(): string | null {
  try {
    return (
      (JSON.parse(sessionStorage.getItem('shiftcast.session') ?? 'null') as { token?: string } | null)
        ?.token ?? null
    );
  } catch (e) {
    console.warn('no usable stored session', e);
    return null;
  }
}

const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;

/** HTTP for queries and mutations, graphql-ws for subscriptions; headers from the editor. */
const fetcher: Fetcher = (params, options) => {
  const headers = (options?.headers ?? {}) as Record<string, string>;
  if (/^\s*subscription\b/.test(params.query)) {
    const ws = createClient({
      url: wsUrl,
      connectionParams: { authorization: headers.authorization ?? headers.Authorization },
    });
    return ws.iterate(params) as unknown as ReturnType<Fetcher>;
  }
  return fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  }).then((r) => r.json());
};

const token = storedToken();
createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultHeaders={JSON.stringify(
        token ? { authorization: `Bearer ${token}` } : { authorization: 'Bearer <token from login>' },
        null,
        2,
      )}
      defaultQuery={
        '# Sign in with the login mutation, put the token in the Authorization header, then query.\n{\n  me {\n    username\n    roles\n  }\n}\n'
      }
    />
  </StrictMode>,
);
