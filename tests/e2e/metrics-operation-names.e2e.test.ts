/**
 * Operation names label the GraphQL metrics, up to 200 distinct ones. A signed-out client used
 * to fill those 200 with made-up names (`query Junk1 { __typename }`, no token needed), after
 * which every real operation of every user was counted as "other" for the life of the process.
 * Only signed-in requests add names now; signed-out ones are labelled "(signed-out)".
 */
import { startTestApp, type TestApp } from '../helpers/test-app';

const operationLabels = async (app: TestApp): Promise<string[]> => {
  const text = await app.services.metrics.registry.metrics();
  const found = [...text.matchAll(/shiftcast_graphql_operations_total\{operation="([^"]*)"/g)];
  return [...new Set(found.map((m) => m[1] ?? ''))];
};

describe('GraphQL metrics operation names', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { HTTP_RATE_PER_CLIENT: '0' } });
  }, 60_000);
  afterAll(() => app.close());

  it('keeps real operation names after a signed-out client sent 250 made-up ones', async () => {
    for (let i = 0; i < 250; i++) {
      const r = await app.gql(`query Junk${i} { __typename }`);
      expect(r.errors).toBeUndefined();
    }
    const token = await app.login('manager');
    expect((await app.gql('query MyRealDashboard { __typename }', undefined, token)).errors).toBeUndefined();

    const labels = await operationLabels(app);
    expect(labels).toContain('MyRealDashboard');
    expect(labels).toContain('(signed-out)');
    expect(labels.filter((l) => l.startsWith('Junk'))).toEqual([]);
  }, 60_000);
});
