/**
 * Audit 2026-12-03, defect 1: a page size given by a variable was costed at the variable's
 * default. `query($n: Int = 1)` with 17 aliases of `forecasts(first: $n) { nodes { points
 * { t } } }` sent with n = 500 passed at cost 95,251: as PARTNER it answered 126 MB in 25 s,
 * the server's RSS went to 2.2 GB and the event loop stalled 0.6–5.6 s (the built server on
 * the auditor's data). `staff(first: $n)` with default 1 gave 150 people per alias costed as
 * one. The request is now costed with the values it sends, on HTTP and WebSocket alike.
 */
import { firstResults, wsClient } from '../helpers/ws-client';
import { openDemoStore } from '../helpers/demo-snapshot';
import { expectOk } from '../helpers/expect-ok';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { DEMO_STAFF_COUNT } from '../../seeds/staff.generator';

const FORECASTS = `query($n: Int = 1) { ${Array.from(
  { length: 17 },
  (_, i) => `a${i}: forecasts(channel: "calls", first: $n) { nodes { points { t } } }`,
).join(' ')} }`;
const PERSON =
  'id name employeeNo skills hourlyCost active availability { weekly { dayOfWeek from to } exceptions { date reason } }';
const STAFF = `query($n: Int = 1) { ${Array.from(
  { length: 10 },
  (_, i) => `a${i}: staff(first: $n) { nodes { ${PERSON} } }`,
).join(' ')} }`;

describe('audit 2026-12-03 #1: a variable page size is costed as sent', () => {
  let t: TestApp;
  let partner: string;
  let provider: string;
  beforeAll(async () => {
    t = await startTestApp({ store: await openDemoStore() });
    [partner, provider] = await Promise.all([t.login('partner'), t.login('provider')]);
  });
  afterAll(() => t.close());

  it('refuses 17 forecast pages defaulting to 1 when n = 500 is sent (HTTP 400, nothing executed)', async () => {
    const res = await t.gql(FORECASTS, { n: 500 }, partner);
    expect([res.status, codeOf(res), res.data]).toEqual([400, 'QUERY_TOO_COMPLEX', undefined]);
    expect(res.errors![0].message).toBe(
      'Query cost 47617017 exceeds the limit of 100000 (with the variables sent)',
    );
    // the same document with the value its default names is cheap, and answered
    expectOk(await t.gql(FORECASTS, { n: 1 }, partner));
    expectOk(await t.gql(FORECASTS, {}, partner));
  });

  it('weighs staff(first: $n) at the 500 sent, not the default 1: refused; a page of 2 is answered', async () => {
    const res = await t.gql(STAFF, { n: 500 }, provider);
    expect([res.status, codeOf(res)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(res.errors![0].message).toMatch(/^Query cost \d+ exceeds the limit of 100000/);
    // a person's availability weighs its 1,000 exceptions and 70 windows: 10 pages of 2 pass
    const small = await t.gql<Record<string, { nodes: unknown[] }>>(STAFF, { n: 2 }, provider);
    expectOk(small);
    expect(small.data!.a0.nodes).toHaveLength(2);
    expect(DEMO_STAFF_COUNT).toBeGreaterThan(2);
  });

  it('refuses the same operation over WebSocket', async () => {
    const client = wsClient(t.app.url, partner);
    try {
      const refused = await firstResults(client, FORECASTS, 1, { n: 500 }).then(
        () => [],
        (e: unknown) => (e as { extensions?: { code?: string } }[]).map((x) => x.extensions?.code),
      );
      expect(refused).toEqual(['QUERY_TOO_COMPLEX']);
      const [answer] = await firstResults<Record<string, unknown>>(client, FORECASTS, 1, { n: 1 });
      expect(Object.keys(answer!)).toHaveLength(17);
    } finally {
      await client.dispose();
    }
  });
});
