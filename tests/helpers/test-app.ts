import { startApp, type RunningApp } from '../../src/server/app';
import { postGraphql } from './gql-fetch';
import { loginWith, testServices, type AppOptions, type GqlApp, type GqlResult } from './in-process-app';

export { DEMO_PASSWORD, testConfig } from './test-config';
export { codeOf, type GqlResult } from './in-process-app';

/** The real server over HTTP (e2e tier); in-process suites use `createInProcessApp`. */
export interface TestApp extends GqlApp {
  app: RunningApp;
}

/**
 * The real server on a loopback port with an in-memory embedded store (or the store
 * given), demo accounts seeded. Nothing is mocked.
 */
export async function startTestApp(options: AppOptions = {}): Promise<TestApp> {
  const { services, events } = await testServices(options);
  const app = await startApp(services, 0, '127.0.0.1', {
    pingIntervalMs: 50,
    extraDownloads: options.extraDownloads,
  });

  /** POSTs a GraphQL operation as JSON (timed: gql-fetch.ts). */
  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> => {
    const { status, json } = await postGraphql(app.url, { query, variables }, token);
    return { status, ...(json as object) };
  };
  return {
    app,
    services,
    config: services.config,
    events,
    gql,
    login: loginWith(gql),
    close: () => app.close(),
  };
}
