/**
 * Audit 2026-12-03, defect 2: one variable passed both to `createStaff(input:)` and to
 * `importVolumes(csv:)` took the CSV's 4 MiB cap. As MANAGER, a 4 MiB `$c` in
 * `desiredShifts: [$c, $c, $c]` stored a staff record with three 4 MB strings, and the answer
 * (data: null, only the import's error) hid that createStaff had succeeded. A variable now
 * takes the smallest cap of every argument it is passed to, and each shift id in the
 * preferences is capped at MAX_ID_LENGTH characters.
 */
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { MAX_ID_LENGTH } from '../../src/common/input-rules';
import { expectOk } from '../helpers/expect-ok';

const createStaff = (employeeNo: string, shifts: string) =>
  `createStaff(input: { employeeNo: "${employeeNo}", name: "Big Prefs", skills: ["team_lead"], hourlyCost: 10,
    contract: { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 },
    preferences: { desiredShifts: ${shifts}, undesiredShifts: [] } }) { id }`;
const SHARED = `mutation($c: String!) { ${createStaff('X1', '[$c, $c, $c]')} importVolumes(csv: $c) { days } }`;

describe('audit 2026-12-03 #2: a shared variable takes the smallest cap', () => {
  let t: TestApp;
  let manager: string;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
  });
  afterAll(() => t.close());

  const stored = async (employeeNo: string) =>
    (await t.services.staff.list({}, { first: 500 })).nodes.filter((s) => s.employeeNo === employeeNo);

  it('refuses a 4 MiB variable shared by createStaff and importVolumes, before anything runs', async () => {
    const big = 'S'.repeat(4 * 1024 * 1024 - 10);
    const res = await t.gql(SHARED, { c: big }, manager);
    expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(res.errors![0].message).toBe(
      `Variable "$c" (passed to Mutation.createStaff.input, Mutation.importVolumes.csv) is ${big.length} characters long; the limit is 4096`,
    );
    expect(await stored('X1')).toEqual([]);
  });

  it(`refuses a shift id over ${MAX_ID_LENGTH} characters in the preferences`, async () => {
    const long = `mutation($s: String!) { ${createStaff('X2', '[$s]')} }`;
    const res = await t.gql(long, { s: 'x'.repeat(MAX_ID_LENGTH + 1) }, manager);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain(
      `each value in desiredShifts must be shorter than or equal to ${MAX_ID_LENGTH} characters`,
    );
    expect(await stored('X2')).toEqual([]);
    expectOk(await t.gql(long, { s: 'tpl-early' }, manager));
    expect((await stored('X2'))[0]!.preferences.desiredShifts).toEqual(['tpl-early']);
  });
});
