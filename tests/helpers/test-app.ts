import { loadConfig, type Config } from '../../src/config';
import { seedAccounts } from '../../src/auth/seed-accounts';
import { createEventBus } from '../../src/events/pubsub';
import { createLogger } from '../../src/logger';
import { startApp, type RunningApp } from '../../src/server/app';
import { createServices, ensureIndexes, type Services } from '../../src/server/services';
import { EmbeddedStore } from '../../src/store/embedded.store';
import type { DocumentStore } from '../../src/store/document-store';

export const DEMO_PASSWORD = 'test-demo-password-42';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; details?: unknown[] }; path?: string[] }[];
}

export interface TestApp {
  app: RunningApp;
  services: Services;
  config: Config;
  /** POSTs a GraphQL operation as JSON. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** Logs a demo user in and returns the token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds a config for tests: quiet logs, demo accounts with a known password. */
export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_PASSWORD: DEMO_PASSWORD,
    WORKER_THREADS: '1',
    ...env,
  });

/**
 * The real server on a loopback port with an in-memory embedded store (or the store
 * given), demo accounts seeded. Nothing is mocked.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    store?: DocumentStore;
    seed?: (s: Services) => Promise<void>;
  } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const store = options.store ?? (await EmbeddedStore.open());
  await ensureIndexes(store);
  const services = createServices({ config, logger: createLogger(config), store, events: createEventBus() });
  await seedAccounts(services.users, config, services.logger);
  if (options.seed) await options.seed(services);
  const app = await startApp(services, 0, '127.0.0.1', { pingIntervalMs: 50 });

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  const login = async (username: string, password = DEMO_PASSWORD): Promise<string> => {
    const res = await gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  };
  return { app, services, config, gql, login, close: () => app.close() };
}

export const codeOf = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
