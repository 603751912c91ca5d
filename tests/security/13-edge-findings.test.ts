/**
 * Issue 10, item 13 (the GraphQL edge): cost rejections came back as HTTP 500; more than
 * 50 variable errors became INTERNAL_SERVER_ERROR; malformed JSON and bodies over 5 MB
 * answered Express HTML pages; "Did you mean" suggestions leaked the schema with
 * introspection off; SERVICE_PROVIDER's staff reads were not in the README's role table.
 */
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { postRaw } from './hostile';
import { expectOk } from '../helpers/expect-ok';

describe('item 13: the edge answers coded JSON with the right status', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_INTROSPECTION: 'false', GRAPHQL_MAX_DIRECTIVES: '100' } });
  });
  afterAll(() => t.close());

  const post = (body: string, type = 'application/json') =>
    fetch(`${t.app.url}/graphql`, { method: 'POST', headers: { 'content-type': type }, body });

  it('answers a cost rejection with 400 and QUERY_TOO_COMPLEX', async () => {
    const page = 'staff(first: 500) { nodes { name skills } }';
    const query = `{ ${Array.from({ length: 25 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
    const res = await t.gql(query, {}, await t.login('admin'));
    expect([res.status, codeOf(res)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
  });

  it('answers 60 bad variables with BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
    const n = Array.from({ length: 60 }, (_, i) => i);
    const names = n.map((i) => `$v${i}: Boolean!`).join(', ');
    const fields = n.map((i) => `__typename @include(if: $v${i})`).join(' ');
    const variables = Object.fromEntries(n.map((i) => [`v${i}`, 'not a boolean']));
    const res = await t.gql(`query(${names}) { ${fields} }`, variables);
    expect(res.status).toBe(400);
    const codes = new Set(res.errors!.map((e) => e.extensions?.code));
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
  });

  it('answers malformed JSON with 400 JSON and an oversized body with 413 JSON, without stack traces', async () => {
    const bad = await post('{"query": "{ __typename }"');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/json/);
    const badBody = await bad.text();
    expect(JSON.parse(badBody)).toEqual({
      errors: [{ message: 'Malformed JSON in the request body', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(badBody).not.toMatch(/at \w+ \(|node_modules|<html/i);

    const big = await post(
      JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(6 * 1024 * 1024) } }),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers unknown paths and missing assets with 404 JSON naming the path, never an HTML page', async () => {
    for (const [path, message] of [
      ['/nope', 'Nothing at GET /nope'],
      ['/assets/missing-abc123.js', 'Nothing at GET /assets/missing-abc123.js'],
      [`/${'x'.repeat(500)}`, `Nothing at GET /${'x'.repeat(63)}…[+437 chars]`],
    ]) {
      const res = await fetch(`${t.app.url}${path}`);
      expect([res.status, res.headers.get('content-type')]).toEqual([404, 'application/json; charset=utf-8']);
      expect(await res.json()).toEqual({ errors: [{ message, extensions: { code: 'NOT_FOUND' } }] });
    }
  });

  it('gives no "Did you mean" suggestions when introspection is off', async () => {
    const admin = await t.login('admin');
    const res = await t.gql('{ staf { totalCount } }', {}, admin);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toBe('Cannot query field "staf" on type "Query".');
    const typo = await postRaw(
      t.app.url,
      JSON.stringify({ query: '{ staff(frist: 1) { totalCount } }' }),
      admin,
    );
    expect(typo.json.errors!.map((e) => e.message).join()).not.toMatch(/Did you mean/);
  });

  it('lets SERVICE_PROVIDER read exactly what the README role table lists, and write nothing there', async () => {
    const provider = await t.login('provider');
    const reads = await t.gql<{ staff: { nodes: unknown[] } }>(
      `{ staff(first: 5) { nodes { name employeeNo skills hourlyCost contract { maxHoursWeek } availability { exceptions { date reason } } } }
         shiftTemplates(first: 5) { totalCount } }`,
      {},
      provider,
    );
    expectOk(reads);
    const write = await t.gql(
      `mutation { createStaff(input: { employeeNo: "SP-1", name: "Nope", hourlyCost: 1, skills: ["calls"],
        contract: { minHoursWeek: 0, maxHoursWeek: 10, maxDaysWeek: 2, maxConsecutiveDays: 2 } }) { id } }`,
      {},
      provider,
    );
    expect(codeOf(write)).toBe('FORBIDDEN');
    const users = await t.gql('{ users(first: 5) { totalCount } }', {}, provider);
    expect(codeOf(users)).toBe('FORBIDDEN');
  });
});
