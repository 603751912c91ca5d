/**
 * The API in-process for integration tests: the app's schema behind an ApolloServer with the
 * app's error formatter and edge limits, operations run through `executeOperation`. No HTTP
 * listener, no socket; the context is built from the token as the HTTP edge builds it (tokenContext).
 */
import { ApolloServer } from '@apollo/server';
import { seedAccounts } from '../../src/auth/seed-accounts';
import type { Config } from '../../src/config';
import type { RequestContext } from '../../src/auth/request-context';
import { createLogger } from '../../src/logger';
import { buildSchemaFor } from '../../src/server/app';
import { tokenContext } from '../../src/server/context';
import { createErrorFormatter } from '../../src/server/error-format';
import { edgeLimits, variableLimitsPlugin } from '../../src/server/limits';
import { createServices, ensureIndexes, type Services } from '../../src/server/services';
import type { DownloadRoute } from '../../src/export/download';
import type { DocumentStore } from '../../src/store/document-store';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { ObservedEvents } from './event-barrier';
import { DEMO_PASSWORD, testConfig } from './test-config';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; details?: unknown[] }; path?: string[] }[];
}

/** The code of the first error, if any. */
export const codeOf = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;

/** What every test app offers: the services, one GraphQL call, a login, close. */
export interface GqlApp {
  services: Services;
  config: Config;
  /** The event bus, with a barrier for "a subscriber is listening". */
  events: ObservedEvents;
  /** Runs a GraphQL operation as the holder of `token` (anonymous without one). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** Logs a demo user in and returns the token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface AppOptions {
  env?: Record<string, string>;
  store?: DocumentStore;
  seed?: (s: Services) => Promise<void>;
  /** Download routes served besides the features' (HTTP apps only). */
  extraDownloads?: DownloadRoute[];
}

/** Real services over an in-memory embedded store (or the store given), demo accounts seeded. */
export async function testServices(
  options: AppOptions,
): Promise<{ services: Services; events: ObservedEvents }> {
  const config = testConfig(options.env);
  const store = options.store ?? (await EmbeddedStore.open());
  await ensureIndexes(store);
  const events = new ObservedEvents();
  const services = createServices({ config, logger: createLogger(config), store, events: events.bus });
  await seedAccounts(services.users, config, services.logger);
  if (options.seed) await options.seed(services);
  return { services, events };
}

/** `login` over any `gql`: the token of a demo user, or an error naming the refusal. */
export const loginWith =
  (gql: GqlApp['gql']) =>
  async (username: string, password = DEMO_PASSWORD): Promise<string> => {
    const res = await gql<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.token;
  };

/** The API without a listener: every operation through Apollo's `executeOperation`. */
export async function createInProcessApp(options: AppOptions = {}): Promise<GqlApp> {
  const { services, events } = await testServices(options);
  const { config, logger, users } = services;
  const limits = edgeLimits(config);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildSchemaFor(services),
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger, { suggestions: config.GRAPHQL_INTROSPECTION }),
    parseOptions: limits.parseOptions,
    validationRules: limits.rules,
    plugins: [variableLimitsPlugin(limits)],
  });
  await apollo.start();

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> => {
    const contextValue = await tokenContext(users, token ?? null, '127.0.0.1');
    const res = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (res.body.kind !== 'single') throw new Error('incremental delivery is not used by the API');
    const { data, errors } = res.body.singleResult;
    return {
      status: res.http.status ?? 200,
      // as on HTTP: `data: null` stays null (a non-null root field failed)
      ...(data !== undefined ? { data: data as T } : {}),
      ...(errors ? { errors: errors as GqlResult['errors'] } : {}),
    };
  };

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await apollo.stop();
      await services.workers.close();
      await services.store.close();
      await services.redis?.close();
    })());
  return { services, config, events, gql, login: loginWith(gql), close };
}
