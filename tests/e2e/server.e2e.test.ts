import { expectOk } from '../helpers/expect-ok';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

describe('HTTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '200' } });
  });
  afterAll(() => t.close());

  it('answers { __typename } anonymously', async () => {
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('serves /healthz and /readyz as JSON', async () => {
    const health = await fetch(`${t.app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${t.app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'embedded' });
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const res = await fetch(`${t.app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });

  it('rejects queries deeper than GRAPHQL_MAX_DEPTH', async () => {
    const res = await t.gql('{ __schema { types { fields { type { fields { type { name } } } } } } }');
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0].message).toMatch(/depth 7 exceeds the limit of 6/);
  });

  it('rejects queries costlier than GRAPHQL_MAX_COMPLEXITY', async () => {
    const token = await t.login('admin');
    const res = await t.gql('{ users(first: 100) { nodes { id username roles active } } }', {}, token);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0].message).toMatch(/cost \d+ exceeds the limit of 200/);
    const ok = await t.gql<{ users: { nodes: unknown[]; totalCount: number } }>(
      '{ users(first: 10) { nodes { id username } totalCount } }',
      {},
      token,
    );
    expect(expectOk(ok).users.totalCount).toBeGreaterThan(0);
  });

  it('reports invalid input with a code and the field', async () => {
    const token = await t.login('admin');
    const res = await t.gql('{ users(first: -1) { totalCount } }', {}, token);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.details).toEqual([{ field: 'first', message: 'must be in [0, 500]' }]);
  });

  it('refuses a malformed Authorization header on every field that needs sign-in', async () => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors.map((e) => [e.extensions.code, e.message])).toEqual([
      ['UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"'],
    ]);
  });
});
