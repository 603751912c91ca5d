/**
 * Audit: `availableStaff` answered every active person free in a window, weighed as 500 in the
 * query cost, although nothing capped the active staff. Measured on the in-process test server
 * before the fix (2 cores shared with other jobs), 10,000 active people free all day: one call
 * answered 0.9 MB in 0.5-1.0 s, and 15 aliases of `{ id employeeNo name skills }` passed at
 * cost 97,515 and answered 13.5 MB in 6.2-7.7 s.
 *
 * The active staff are capped at 10,000 (43-active-staff-cap), and `availableStaff` is a
 * connection: a page (`first`, at most 500) by employee number, with `totalCount` for the
 * dashboard's "N available". Paging alone did not bound the work, since each call still reads
 * every active person and their availability to count who is free: 30 aliases of a page of 50
 * passed at 21,090 and took 9.2 s. The field now also weighs the 10,000 people it reads, so
 * at most 9 run in one request.
 */
import { MAX_ACTIVE_STAFF } from '../../src/staff/active-staff-cap';
import { expectOk } from '../helpers/expect-ok';
import { employeeNo as no, storeFullStaff } from '../helpers/full-staff-site';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';

const LIMIT = 100_000;
const NODE = 'id employeeNo name skills';
/** A page's selection weighs its `first` times: totalCount 1, nodes 1 + 3 fields + skills 10. */
const PER_PERSON = 1 + 1 + 3 + 10;

type Page = {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: { employeeNo: string }[];
};

/** `n` aliases of `availableStaff` on the weekdays of a week, a page of `first` each. */
const aliases = (n: number, first: number): string =>
  `query { ${Array.from(
    { length: n },
    (_, i) =>
      `a${i}: availableStaff(date: "2026-03-0${(i % 5) + 2}", from: "09:00", to: "17:00", first: ${first}) { totalCount nodes { ${NODE} } }`,
  ).join(' ')} }`;

describe('audit: availableStaff answers a page and weighs the people it reads', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    await storeFullStaff(t);
  }, 120_000);
  afterAll(() => t.close());

  it('pages the people free in the window by employee number, with their count', async () => {
    const q =
      'query($after: String) { availableStaff(date: "2026-03-02", from: "09:00", to: "17:00", first: 500, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { employeeNo } } }';
    const first = expectOk(await t.gql<{ availableStaff: Page }>(q, {}, manager)).availableStaff;
    expect(first.totalCount).toBe(9_000);
    expect(first.nodes).toHaveLength(500);
    expect(first.nodes[0]!.employeeNo).toBe(no(1));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = expectOk(
      await t.gql<{ availableStaff: Page }>(q, { after: first.pageInfo.endCursor }, manager),
    ).availableStaff;
    // every tenth person starts at 10:00 and is left out
    expect(next.nodes[0]!.employeeNo).toBe(no(556));
  });

  it('refuses 15 aliases of 500 people before they run (they answered 13.5 MB in 6-8 s)', async () => {
    const res = await t.gql(aliases(15, 500), {}, manager);
    expect([res.status, codeOf(res), res.errors![0]!.message]).toEqual([
      400,
      'QUERY_TOO_COMPLEX',
      `Query cost ${15 * (1 + MAX_ACTIVE_STAFF + 500 * PER_PERSON)} exceeds the limit of ${LIMIT}`,
    ]);
  });

  it('refuses 10 aliases of a page of 50: each reads every active person', async () => {
    const res = await t.gql(aliases(10, 50), {}, manager);
    expect(codeOf(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors![0]!.message).toBe(
      `Query cost ${10 * (1 + MAX_ACTIVE_STAFF + 50 * PER_PERSON)} exceeds the limit of ${LIMIT}`,
    );
  });

  it('answers the most aliases that pass in a bounded time and size', async () => {
    const t0 = performance.now();
    const res = await t.gql<Record<string, Page>>(aliases(9, 50), {}, manager);
    const ms = performance.now() - t0;
    const bytes = JSON.stringify(res).length;
    const data = expectOk(res);
    expect(Object.values(data).map((p) => p.totalCount)).toEqual(new Array<number>(9).fill(9_000));
    expect(bytes).toBeLessThan(50_000);
    // about 0.2-0.5 s an alias on a shared 2-core machine
    expect(ms).toBeLessThan(10_000);
  });
});
