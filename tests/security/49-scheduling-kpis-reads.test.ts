/**
 * Audit (2026-12-04): `schedulingKpis(from:, to:)` read every roster version of up to 104
 * weeks at once, each with all its assignments and per-person KPIs, in one block of the event
 * loop: 104 weeks of three versions of a 1,000-person roster (5,000 shifts each) took 17–27 s
 * in one piece (in-process, 2 cores shared). /metrics reads 8 weeks on every scrape. The cost
 * model weighed its `weeks` as an unknown list of 20 and nothing bounded how many ran at once:
 * 30 aliases of this suite's 104 weeks of a 400-person roster took 38 s; on the seeded demo
 * they took 1.57 s on the built server and held /healthz up to 206 ms.
 *
 * Now the weeks are read one at a time with turns of the event loop between them, without
 * assignments (read only for the SHADOW and rules pair that ML against rules compares): the
 * 1,000-person call 1.3–1.9 s with a longest gap of 46–83 ms (20 ms of the loop's CPU), this
 * suite's call 0.17 s. `SchedulingKpis.weeks` weighs MAX_KPI_WEEKS, and the query is a heavy
 * read like `staffingPlan`: a user's run two at a time, four more wait, the rest are refused at
 * once with RATE_LIMITED (the 30 aliases: 1.2 s).
 */
import { MAX_KPI_WEEKS } from '../../src/ranking/ranking.service';
import { HEAVY_READS_PER_USER } from '../../src/server/heavy-reads';
import { LIST_SIZES } from '../../src/server/query-cost';
import { addDays } from '../../src/common/calendar';
import { ROSTERS, type RosterDoc } from '../../src/rostering/roster.doc';
import { largeProblem, largeRoster } from '../helpers/large-roster';
import { timerGaps } from '../helpers/timer-gaps';
import { startTestApp, type GqlResult, type TestApp } from '../helpers/test-app';

jest.setTimeout(120_000);

const FIELDS = 'weeks { week successRate } overall { successRate }';
const aliases = (n: number) =>
  `query($f: String!, $t: String!) { ${Array.from(
    { length: n },
    (_, i) => `a${i}: schedulingKpis(from: $f, to: $t) { ${FIELDS} }`,
  ).join(' ')} }`;
const FROM = '2024-01-01';
const RANGE = { f: FROM, t: addDays(FROM, 7 * (MAX_KPI_WEEKS - 1)) };

describe('audit: schedulingKpis is weighed by its weeks and runs as a heavy read', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    // a roster of 400 people (2,000 shifts) in each of the 104 weeks
    const problem = largeProblem(400, FROM);
    const stored = await t.services.rosters.storeDraft(problem, largeRoster(problem), null, null);
    const rosters = t.services.store.collection<RosterDoc>(ROSTERS);
    const doc = (await rosters.findById(stored._id))!;
    for (let w = 1; w < MAX_KPI_WEEKS; w++)
      await rosters.insertOne({ ...doc, _id: `kpi-${w}`, week: addDays(FROM, 7 * w) });
  }, 120_000);
  afterAll(() => t.close());

  it('reads 104 weeks of large rosters in slices, and weighs every week', async () => {
    expect(LIST_SIZES['SchedulingKpis.weeks']).toBe(MAX_KPI_WEEKS);
    let res: GqlResult<{ a0: { weeks: { successRate: number | null }[] } }> | undefined;
    const gaps = await timerGaps(async () => {
      res = await t.gql(aliases(1), RANGE, manager);
    });
    expect(res!.errors).toBeUndefined();
    expect(res!.data!.a0.weeks).toHaveLength(MAX_KPI_WEEKS);
    expect(res!.data!.a0.weeks.every((w) => w.successRate !== null)).toBe(true);
    // was the whole call, 17-27 s, in one piece (4 s and more with one version a week)
    expect(gaps.longestCpu).toBeLessThan(300);
  });

  it('30 aliases: a user’s heavy reads run two at a time, the rest past six refused at once', async () => {
    const res = await t.gql(aliases(30), RANGE, manager);
    // the seventh alias is refused at once; the field is non-null, so its refusal nulls the
    // answer (the aliases already running or waiting finish their work)
    expect(res.errors!.map((e) => [e.extensions?.code, e.path, e.message])).toEqual([
      [
        'RATE_LIMITED',
        ['a' + HEAVY_READS_PER_USER],
        '6 of your plans, outcomes and exports are running or waiting; retry when they are done',
      ],
    ]);
    const userId = (res.errors![0]!.extensions as { details: { field: string }[] }).details[0]!.field;
    while (t.services.heavyReads.size(userId) > 0) await new Promise((resolve) => setImmediate(resolve));
  });
});
