import { MAX_ACTIVE_STAFF, overCap, tooManyActiveStaff } from '../../../src/staff/active-staff-cap';
import { ROSTER_PROBLEM_LIMITS } from '../../../src/rostering/roster-problem-schema';

const row = (n: number, active: boolean, wasActive = false) => ({
  row: n,
  employeeNo: `E${n}`,
  active,
  wasActive,
});

describe('the active-staff cap', () => {
  it('is the number of people a roster problem may list', () => {
    expect(MAX_ACTIVE_STAFF).toBe(10_000);
    expect(ROSTER_PROBLEM_LIMITS.staff).toBe(MAX_ACTIVE_STAFF);
  });

  it('lets an import fill the site to the cap', () => {
    expect(overCap([row(1, true), row(2, true)], MAX_ACTIVE_STAFF - 2)).toBeNull();
  });

  it('names the row that passes the cap and the count the import would leave', () => {
    expect(overCap([row(1, true), row(2, true), row(3, true)], MAX_ACTIVE_STAFF - 1)).toEqual({
      row: row(2, true),
      after: MAX_ACTIVE_STAFF + 2,
    });
  });

  it('counts deactivations, in any order, and people active already once', () => {
    const swap = [row(1, true), row(2, false, true), row(3, true, true)];
    expect(overCap(swap, MAX_ACTIVE_STAFF)).toBeNull();
    expect(overCap([row(1, true), row(2, false, true), row(3, true)], MAX_ACTIVE_STAFF)).toEqual({
      row: row(3, true),
      after: MAX_ACTIVE_STAFF + 1,
    });
  });

  it('lets a site past the cap (older data) import rows that activate nobody', () => {
    expect(overCap([row(1, true, true), row(2, false)], MAX_ACTIVE_STAFF + 5)).toBeNull();
    expect(overCap([row(1, false, true), row(2, true)], MAX_ACTIVE_STAFF + 5)).toEqual({
      row: row(2, true),
      after: MAX_ACTIVE_STAFF + 5,
    });
  });

  it('refuses with BAD_USER_INPUT naming the person, where and the limit', () => {
    const byField = tooManyActiveStaff('E7', MAX_ACTIVE_STAFF + 1, { field: 'active' });
    expect([byField.code, byField.message, byField.details]).toEqual([
      'BAD_USER_INPUT',
      'Cannot make staff E7 active: a site has at most 10000 active staff, and this would make 10001; deactivate someone first',
      [{ field: 'active', message: 'at most 10000 active staff a site' }],
    ]);
    expect(tooManyActiveStaff('E7', 10_003, { row: 12 }).details).toEqual([
      { row: 12, column: 'active', message: 'at most 10000 active staff a site' },
    ]);
  });
});
