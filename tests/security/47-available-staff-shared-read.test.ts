/**
 * Audit: `availableStaff` read every active person and their availability on each call, so the
 * 9 aliases that pass the query cost (44-available-staff-pages) read 9 × (10,000 + 10,000)
 * documents in one request. Measured on the in-process test server (2 cores shared with CI,
 * 10,000 active people, 9 aliases of a page of 50, four runs each): before the fix, 9 reads and
 * 0.96-1.33 s on one window, 0.97-1.52 s over the five weekdays (one alias: 0.13-0.27 s);
 * after it, 1 read and 0.24-0.38 s on one window, 0.45-0.53 s over the weekdays.
 *
 * Now one request shares the read: calls with the same skill read the active staff and their
 * availability once, and calls with the same window and skill filter them once. The request's
 * memo is per request, so the next request sees the writes before it. The query cost still
 * weighs each alias's read (see README "Request limits and hostile input"): a different skill
 * reads again.
 */
import { expectOk } from '../helpers/expect-ok';
import { storeFullStaff } from '../helpers/full-staff-site';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Page = { totalCount: number; nodes: { employeeNo: string }[] };

/** `n` aliases of `availableStaff`, a page of 50 each, on `dates` in turn. */
const aliases = (n: number, dates: readonly string[]): string =>
  `query { ${Array.from(
    { length: n },
    (_, i) =>
      `a${i}: availableStaff(date: "${dates[i % dates.length]}", from: "09:00", to: "17:00", first: 50) { totalCount nodes { id employeeNo name skills } }`,
  ).join(' ')} }`;
const WEEKDAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];

describe('audit: the aliases of availableStaff in one request share one read', () => {
  let t: TestApp;
  let manager: string;
  let reads: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    await storeFullStaff(t);
    reads = jest.spyOn(t.services.staff, 'listActive');
  }, 120_000);
  beforeEach(() => reads.mockClear());
  afterAll(() => t.close());

  it('reads the active staff once for 9 aliases of one window', async () => {
    const data = expectOk(await t.gql<Record<string, Page>>(aliases(9, WEEKDAYS.slice(0, 1)), {}, manager));
    expect(Object.values(data).map((p) => p.totalCount)).toEqual(new Array<number>(9).fill(9_000));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads them once for 9 aliases over the weekdays, each answered for its own date', async () => {
    const data = expectOk(await t.gql<Record<string, Page>>(aliases(9, WEEKDAYS), {}, manager));
    expect(Object.values(data).map((p) => p.totalCount)).toEqual(new Array<number>(9).fill(9_000));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads again in the next request, which sees the writes before it', async () => {
    const one = `query { availableStaff(date: "2026-03-02", from: "09:00", to: "17:00", first: 1) { totalCount } }`;
    expect(expectOk(await t.gql<{ availableStaff: Page }>(one, {}, manager)).availableStaff.totalCount).toBe(
      9_000,
    );
    await t.services.staff.deactivate('id-1');
    expect(expectOk(await t.gql<{ availableStaff: Page }>(one, {}, manager)).availableStaff.totalCount).toBe(
      8_999,
    );
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
