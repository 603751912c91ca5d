/**
 * Issue 10, item 4: an anonymous 922-byte document whose fragments F0…F22 each spread the
 * previous one twice blocked the loop for 13 s in the hand-written depth rule. Fragments
 * are now measured once each, and the doubled totals are refused.
 */
import { parse, specifiedRules, validate } from 'graphql';
import { queryLimitsRule } from '../../src/server/query-limits';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { warmUp, watchWhile } from './hostile';

function doubling(levels: number): string {
  const frags = ['fragment F0 on Query { __typename }'];
  for (let i = 1; i <= levels; i++) frags.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${levels} } ${frags.join(' ')}`;
}

describe('item 4: fragment doubling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await warmUp(t.app.url);
  });
  afterAll(() => t.close());

  it('refuses F0…F22 anonymously with QUERY_TOO_COMPLEX while /healthz answers within 100 ms', async () => {
    const doc = doubling(22);
    expect(doc.length).toBeLessThan(1000);
    await t.gql(doc); // warm the code paths, as a running server is
    const w = await watchWhile(t.app.url, t.gql(doc));
    expect(w.result.status).toBe(400);
    expect(codeOf(w.result)).toBe('QUERY_TOO_COMPLEX');
    expect(w.result.errors![0].message).toMatch(/cost 4194304 exceeds/);
    expect(w.slowestHealthCpuMs).toBeLessThan(100);
  });

  it('measures each fragment once: 200 levels validate like 20 (no exponential walk)', () => {
    const rule = queryLimitsRule({
      maxFields: 10_000,
      maxDepth: 10,
      maxCost: 50_000,
      maxAliases: 30,
      maxDirectives: 50,
    });
    const errors = validate(t.app.schema, parse(doubling(200)), [...specifiedRules, rule]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Query cost 1000000000000000 exceeds/),
    ]);
  });

  it('survives a fragment cycle (graphql reports it; the limit rule does not recurse forever)', async () => {
    const res = await t.gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('item 4 (related): repeated fields never reach graphql quadratic overlap check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await warmUp(t.app.url);
  });
  afterAll(() => t.close());

  it('refuses 600 repeated selections by the field cap before graphql validates them', async () => {
    const doc = `{ ${Array(600).fill('serverInfo { version }').join(' ')} }`;
    await t.gql(doc); // warm the code paths, as a running server is
    const w = await watchWhile(t.app.url, t.gql(doc));
    expect([w.result.status, codeOf(w.result)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(w.result.errors![0].message).toMatch(/1200 field selections; the limit is 300/);
    expect(w.slowestHealthCpuMs).toBeLessThan(100);
  });
});
