/**
 * Issue 10, item 3: 400 aliases of `latestForecast { points { … } }` cost ≈ 3,200 under the
 * old model (< 5,000) and took a PARTNER's request to 4.27 GB. The cost model now weighs
 * list fields by their real sizes, and aliases are capped. A forecast's points weighed a
 * week (672) until 2026-12-02, though a run holds up to 56 days of quarter-hours: 24 aliases
 * of a 56-day `latestForecast` passed at cost 96,817 and answered 14.3 MB in 1.5 s (the
 * built server). They weigh 5,600 now (56 days of at most 100 quarter-hours).
 * The heap is bounded by what the request adds, as the server shares its Jest worker.
 */
import { validate, parse, specifiedRules } from 'graphql';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { MB, watchWhile } from './hostile';
import { queryLimitsRule } from '../../src/server/query-limits';
import { expectOk } from '../helpers/expect-ok';

const POINTS = 'points { t mean lo80 hi80 lo95 hi95 }';
const aliases = (n: number): string =>
  `{ ${Array.from({ length: n }, (_, i) => `f${i}: latestForecast(channel: "calls") { ${POINTS} }`).join(' ')} }`;

describe('item 3: list sizes in the cost model', () => {
  let t: TestApp;
  beforeAll(async () => {
    // token, alias and field caps raised so that the cost model alone is what refuses
    t = await startTestApp({
      env: { GRAPHQL_MAX_TOKENS: '100000', GRAPHQL_MAX_ALIASES: '1000', GRAPHQL_MAX_FIELDS: '10000' },
    });
  });
  afterAll(() => t.close());

  it('refuses 400 aliased forecasts with QUERY_TOO_COMPLEX (HTTP 400), heap growth under 256 MB, /healthz answering', async () => {
    const strict = await startTestApp(); // the default caps
    try {
      const partner = await strict.login('partner');
      await strict.gql(aliases(400), {}, partner); // warm the code paths, as a running server is
      const w = await watchWhile(strict.app.url, strict.gql(aliases(400), {}, partner));
      expect(w.result.status).toBe(400);
      expect(codeOf(w.result)).toBe('QUERY_TOO_COMPLEX');
      expect(w.heapGrowth).toBeLessThan(256 * MB);
      expect(w.slowestHealthCpuMs).toBeLessThan(100);
    } finally {
      await strict.close();
    }
  });

  it('with every other cap raised, the cost of the points alone refuses them, heap growth under 256 MB', async () => {
    const partner = await t.login('partner');
    const w = await watchWhile(t.app.url, t.gql(aliases(400), {}, partner));
    expect([w.result.status, codeOf(w.result)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(w.result.errors!.map((e) => e.message).join()).toMatch(
      /cost 13440800 exceeds the limit of 100000/,
    );
    expect(w.heapGrowth).toBeLessThan(256 * MB);
  });

  it('refuses three forecasts with their points (3 × 33,602 > 100,000), where 24 passed before', async () => {
    const strict = await startTestApp(); // the default caps
    try {
      const partner = await strict.login('partner');
      const three = await strict.gql(aliases(3), {}, partner);
      expect(codeOf(three)).toBe('QUERY_TOO_COMPLEX');
      expect(three.errors![0].message).toBe('Query cost 100806 exceeds the limit of 100000');
      expectOk(await strict.gql(aliases(2), {}, partner));
    } finally {
      await strict.close();
    }
  });

  it('answers one forecast with its points (cost 1 + 1 + 5,600 × 6)', async () => {
    const res = await t.gql(aliases(1), {}, await t.login('partner'));
    expect(res.status).toBe(200);
    expectOk(res);
    expect(res.data).toEqual({ f0: null });
  });

  it('weighs points per forecast, nodes per page via first, and a variable page at 1 until its value is known', () => {
    const schema = t.app.schema;
    const cost = (query: string): string[] =>
      validate(schema, parse(query), [
        ...specifiedRules,
        queryLimitsRule({
          maxFields: 10_000,
          maxDepth: 20,
          maxCost: 1,
          maxAliases: 1000,
          maxDirectives: 1000,
        }),
      ]).map((e) => /cost (\d+)/.exec(e.message)?.[1] ?? e.message);
    expect(cost(`{ latestForecast(channel: "x") { ${POINTS} } }`)).toEqual([String(1 + 1 + 5600 * 6)]);
    expect(cost('{ staff(first: 10) { nodes { id name } } }')).toEqual([String(1 + 10 * (1 + 2))]);
    // the request is costed again with the values it sends (tests/unit/server/query-cost.test.ts)
    expect(cost('query($n: Int) { staff(first: $n) { nodes { id } } }')).toEqual([String(1 + 1 * 2)]);
    expect(cost('query($n: Int = 5) { staff(first: $n) { nodes { id } } }')).toEqual([String(1 + 1 * 2)]);
    expect(cost('{ staff { nodes { id } } }')).toEqual([String(1 + 50 * 2)]);
  });
});
