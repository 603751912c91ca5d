/**
 * Audit: nothing capped a site's active staff. `availableStaff` answered every active person,
 * and a roster is planned for every active person although a roster problem lists at most
 * 10,000. Measured before the fix (in-process services, 2 cores shared with other jobs): eleven
 * `importStaff` calls of up to 1,000 rows made 10,001 people active in 0.40 s, all accepted;
 * a roster week then read and built a problem of all 10,001 (0.20 s with no availability
 * stored; the builder's time grows with each person's windows) before the problem's schema
 * refused it as BAD_USER_INPUT, blaming the request ("staff: Too big").
 *
 * Now the staff feature refuses the 10,001st (BAD_USER_INPUT naming the person, the row and
 * the limit; an import that would pass it writes none of its rows), and a week whose site holds
 * more (data older than the cap) fails FAILED_PRECONDITION in 1 ms, before any person is read.
 */
import { MAX_ACTIVE_STAFF } from '../../src/staff/active-staff-cap';
import { STAFF, type StaffDoc } from '../../src/staff/staff.doc';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { threadCpuMs } from '../helpers/thread-cpu';

const IMPORT = 'mutation($rows: [StaffRowInput!]!) { importStaff(rows: $rows) { rows created updated } }';
const contract = { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
const row = (employeeNo: string) => ({
  employeeNo,
  name: `Person ${employeeNo}`,
  skills: ['team_lead'],
  ...contract,
  hourlyCost: 20,
});
const doc = (employeeNo: string): StaffDoc => ({
  _id: `id-${employeeNo}`,
  ...row(employeeNo),
  contract,
  active: true,
  preferences: { desiredDays: [], undesiredDays: [], desiredShifts: [], undesiredShifts: [] },
  createdAt: new Date(),
  updatedAt: new Date(),
});
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => row(`${prefix}${i}`));

describe('audit: at most 10,000 active staff, refused where they are made active', () => {
  let t: TestApp;
  let manager: string;
  const active = () => t.services.staff.count({ active: true });

  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.login('manager');
    // 9,000 people imported before: the attack adds 1,001 more through the API
    await t.services.store
      .collection<StaffDoc>(STAFF)
      .insertMany(Array.from({ length: 9_000 }, (_, i) => doc(`OLD${i}`)));
  }, 60_000);
  afterAll(() => t.close());

  it('refuses an import of 1,000 rows that would make 10,001 active, and writes none of them', async () => {
    await t.gql(IMPORT, { rows: rows('A', 1) }, manager);
    const res = await t.gql(IMPORT, { rows: rows('B', 1_000) }, manager);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe(
      `Cannot make staff B999 active: a site has at most ${MAX_ACTIVE_STAFF} active staff, and this would make 10001; deactivate someone first`,
    );
    expect(res.errors![0]!.extensions).toMatchObject({
      details: [{ row: 1000, column: 'active', message: 'at most 10000 active staff a site' }],
    });
    expect(await active()).toBe(9_001);
    expect(await t.services.staff.findByEmployeeNo('B0')).toBeNull();
  });

  it('fills the site to the cap, then refuses createStaff and a reactivation', async () => {
    const filled = await t.gql(IMPORT, { rows: rows('B', 999) }, manager);
    expect(filled.data).toEqual({ importStaff: { rows: 999, created: 999, updated: 0 } });
    expect(await active()).toBe(MAX_ACTIVE_STAFF);
    const create = await t.gql(
      'mutation($input: CreateStaffInput!) { createStaff(input: $input) { id } }',
      { input: { employeeNo: 'C1', name: 'One more', skills: ['team_lead'], contract, hourlyCost: 20 } },
      manager,
    );
    expect([codeOf(create), create.errors![0]!.message]).toEqual([
      'BAD_USER_INPUT',
      `Cannot make staff C1 active: a site has at most ${MAX_ACTIVE_STAFF} active staff, and this would make 10001; deactivate someone first`,
    ]);
    await t.gql('mutation { deactivateStaff(id: "id-OLD0") { active } }', {}, manager);
    const back = await t.gql(
      'mutation { a: updateStaff(id: "id-OLD0", input: { active: true }) { active } }',
      {},
      manager,
    );
    expect(back.data).toEqual({ a: { active: true } });
    const again = await t.gql('mutation { deactivateStaff(id: "id-OLD1") { active } }', {}, manager);
    expect(again.data).toEqual({ deactivateStaff: { active: false } });
    await t.gql(IMPORT, { rows: rows('D', 1) }, manager);
    const reactivate = await t.gql(
      'mutation { updateStaff(id: "id-OLD1", input: { active: true }) { id } }',
      {},
      manager,
    );
    expect(codeOf(reactivate)).toBe('BAD_USER_INPUT');
    expect(await active()).toBe(MAX_ACTIVE_STAFF);
  });

  it('fails a roster week of a site past the cap (older data) before reading anyone', async () => {
    await t.services.store.collection<StaffDoc>(STAFF).insertOne(doc('LEGACY'));
    const read = jest.spyOn(t.services.staff, 'forRoster');
    const week = '2026-03-02';
    const requirement = {
      intervalMinutes: 60,
      requirements: [{ skill: 'team_lead', values: new Array<number>(168).fill(1) }],
    };
    const cpu0 = threadCpuMs();
    await expect(
      t.services.rosterProblems.load(week, requirement, { timeLimitSeconds: 10, relativeGap: 0.01 }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: `The site has 10001 active staff; a roster is planned for at most ${MAX_ACTIVE_STAFF}: deactivate 1 first`,
      details: [{ field: 'staff', message: `at most ${MAX_ACTIVE_STAFF} active staff, got 10001` }],
    });
    // 0.20 s of reading and building 10,001 people before (CPU time of this thread: a busy
    // machine does not lengthen it)
    expect(threadCpuMs() - cpu0).toBeLessThan(100);
    expect(read).not.toHaveBeenCalled();
  });
});
