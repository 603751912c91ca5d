/**
 * Audit: `Roster.assignments` weighed 3,500 shifts (one a day for 500 people) although nothing
 * caps a site's staff at 500: a roster problem lists up to 10,000 people
 * (`ROSTER_PROBLEM_LIMITS.staff`), the largest solve measured had 5,000, and the checker lets
 * each hold one shift a day: 70,000 shifts. Measured on the in-process test server before the
 * fix (2 cores shared with other jobs), 4 aliases of `assignments { staffId date
 * shiftTemplateId start end skill }` passed at cost 84,008 and answered
 * - a roster of 2,000 people (10,000 shifts): 5.7 MB in 1.3-2.7 s;
 * - a roster of 10,000 people (50,000 shifts): 28.6 MB in 11.1-15.4 s; one alias with the
 *   shifts' breaks 11.3 MB in 3.3-4.1 s.
 * The list now weighs its real worst case, 10,000 people × 7 days, unless narrowed to one
 * person (`staffId:`, 7) or one day (`date:`, 10,000): the 4 aliases are refused at 1,680,008
 * in 6-17 ms before anything runs. A whole roster is read a page of people at a time
 * (`staffWeeks(first:, after:)`, each person's week weighed 7 shifts) and counted by
 * `assignmentCount`: on 10,000 people a page of 500 answered 377 KB in 0.28 s (576 KB in 0.33 s
 * with breaks), one day's 7,143 shifts 1.0 MB in 0.39-0.43 s. The dashboard reads 500 people a
 * page (RosterDetail 31,413, RosterBreaks 51,004). The KPIs' and the diagnosis' per-person
 * lists weigh 10,000 too (they weighed 500).
 */
import type { RosterAssignment } from '../../src/rostering/roster.types';
import { MAX_ROSTER_STAFF, MAX_SHIFTS_PER_PERSON } from '../../src/rostering/roster-assignments';
import { ROSTER_PROBLEM_LIMITS } from '../../src/rostering/roster-problem-schema';
import { LIST_SIZES, NARROWED_FACTORS } from '../../src/server/query-cost';
import { MAX_PAGE_SIZE } from '../../src/common/pagination';
import { expectOk } from '../helpers/expect-ok';
import { largeProblem, largeRoster } from '../helpers/large-roster';
import { codeOf, startTestApp, type GqlResult, type TestApp } from '../helpers/test-app';
import { WEEK } from '../integration/rostering/roster.seed';

/** People of the roster under attack: five shifts each. */
const PEOPLE = 2000;
const SHIFTS = PEOPLE * 5;
const FIELDS = 'staffId date shiftTemplateId start end skill';
const LIMIT = 100_000;

type Shift = Pick<RosterAssignment, 'staffId' | 'date' | 'start'>;
type StaffWeeks = {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: { staffId: string; assignments: Shift[] }[];
};

/** `n` aliases of `roster(id: $id) { <selection> }`. */
const aliases = (n: number, selection: string): string =>
  `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `a${i}: roster(id: $id) { ${selection} }`).join(' ')} }`;

/** A timed call and the size of its answer. */
async function measured<T>(call: () => Promise<GqlResult<T>>): Promise<{ res: GqlResult<T>; bytes: number }> {
  const res = await call();
  return { res, bytes: JSON.stringify(res).length };
}

describe('audit: a roster’s shifts weigh what a roster may hold', () => {
  let t: TestApp;
  let manager: string;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    const problem = largeProblem(PEOPLE, WEEK);
    id = (await t.services.rosters.storeDraft(problem, largeRoster(problem), null, null))._id;
  }, 120_000);
  afterAll(() => t.close());

  it('weighs one shift a day for the most people a roster problem lists', () => {
    expect(MAX_ROSTER_STAFF).toBe(ROSTER_PROBLEM_LIMITS.staff);
    expect(NARROWED_FACTORS['Roster.assignments']).toEqual({
      staffId: [MAX_ROSTER_STAFF, 1],
      date: [MAX_SHIFTS_PER_PERSON, 1],
    });
    expect(LIST_SIZES['RosterStaffWeek.assignments']).toBe(MAX_SHIFTS_PER_PERSON);
    expect([LIST_SIZES['RosterKpis.staff'], LIST_SIZES['RosterDiagnosis.staff']]).toEqual([
      MAX_ROSTER_STAFF,
      MAX_ROSTER_STAFF,
    ]);
  });

  it('refuses 4 aliases of every shift before they run', async () => {
    const res = await t.gql(aliases(4, `assignments { ${FIELDS} }`), { id }, manager);
    // they passed at 84,008 and answered 5.7 MB here (28.6 MB for 10,000 people)
    expect([res.status, codeOf(res), res.errors![0]!.message]).toEqual([
      400,
      'QUERY_TOO_COMPLEX',
      `Query cost ${4 * (2 + MAX_ROSTER_STAFF * 7 * 6)} exceeds the limit of ${LIMIT}`,
    ]);
  });

  it('answers one day’s shifts with date:, one person’s with staffId:', async () => {
    const { res, bytes } = await measured(() =>
      t.gql<{ roster: { day: Shift[]; person: Shift[]; assignmentCount: number } }>(
        `query($id: ID!) { roster(id: $id) { assignmentCount day: assignments(date: "${WEEK}") { ${FIELDS} } person: assignments(staffId: "big-0001") { ${FIELDS} } } }`,
        { id },
        manager,
      ),
    );
    const { roster } = expectOk(res);
    expect(roster.assignmentCount).toBe(SHIFTS);
    // five of every seven people work each day
    expect(roster.day.length).toBeGreaterThan(PEOPLE / 2);
    expect(roster.day.every((a) => a.date === WEEK)).toBe(true);
    expect(roster.person.map((a) => a.staffId)).toEqual(new Array<string>(5).fill('big-0001'));
    expect(bytes).toBeLessThan(300_000);
  });

  it(`reads the whole roster a page of ${MAX_PAGE_SIZE} people at a time`, async () => {
    const seen: Shift[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { res, bytes }: { res: GqlResult<{ roster: { staffWeeks: StaffWeeks } }>; bytes: number } =
        await measured(() =>
          t.gql<{ roster: { staffWeeks: StaffWeeks } }>(
            `query($id: ID!, $after: String) { roster(id: $id) { staffWeeks(first: ${MAX_PAGE_SIZE}, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { staffId assignments { ${FIELDS} } } } } }`,
            { id, after },
            manager,
          ),
        );
      const page: StaffWeeks = expectOk(res).roster.staffWeeks;
      pages += 1;
      expect(page.totalCount).toBe(PEOPLE);
      // 2,500 shifts of about 150 bytes; every shift at once was 10,000
      expect(bytes).toBeLessThan(500_000);
      for (const node of page.nodes) {
        expect(node.assignments.every((a) => a.staffId === node.staffId)).toBe(true);
        seen.push(...node.assignments);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(PEOPLE / MAX_PAGE_SIZE);
    expect(new Set(seen.map((a) => `${a.staffId}|${a.date}`)).size).toBe(SHIFTS);
  });

  it('counts a page of people’s weeks by first, and refuses a page past the largest', async () => {
    // 4 pages of 500 people's weeks: 4 × 22,002, within the limit; a fifth is not
    const page = `staffWeeks(first: ${MAX_PAGE_SIZE}) { nodes { assignments { ${FIELDS} } } }`;
    expect(codeOf(await t.gql(aliases(4, page), { id }, manager))).toBeUndefined();
    const five = await t.gql(aliases(5, page), { id }, manager);
    expect([codeOf(five), five.errors![0]!.message]).toEqual([
      'QUERY_TOO_COMPLEX',
      `Query cost ${5 * (2 + MAX_PAGE_SIZE * (2 + MAX_SHIFTS_PER_PERSON * 6))} exceeds the limit of ${LIMIT}`,
    ]);
    const over = await t.gql(
      `query($id: ID!) { roster(id: $id) { staffWeeks(first: ${MAX_PAGE_SIZE + 1}) { totalCount } } }`,
      { id },
      manager,
    );
    expect([codeOf(over), over.errors![0]!.extensions?.details]).toEqual([
      'BAD_USER_INPUT',
      [{ field: 'first', message: `must be in [0, ${MAX_PAGE_SIZE}]` }],
    ]);
  });
});
