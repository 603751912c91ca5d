/**
 * `availableStaff` with a request's memo (the LoaderRegistry of its context): calls with the
 * same skill read the active staff and their availability once, calls with the same window and
 * skill filter once, and a fresh memo (the next request) reads again and sees the writes.
 */
import { LoaderRegistry } from '../../../src/auth/request-context';
import type { Services } from '../../../src/server/services';
import { closeServices, servicesFor } from './services.fixture';

const contract = { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
const window = (date: string, skill?: string) => ({ date, from: '09:00', to: '17:00', skill });
const PAGE = { first: 50 };

describe('availableStaff shares its read within a request', () => {
  let s: Services;
  let reads: jest.SpyInstance;
  let patterns: jest.SpyInstance;

  beforeEach(async () => {
    s = await servicesFor();
    for (const [no, skills, from] of [
      ['E1', ['team_lead'], '08:00'],
      ['E2', ['team_lead'], '10:00'],
    ] as const) {
      const p = await s.staff.create({
        employeeNo: no,
        name: no,
        skills: [...skills],
        contract,
        hourlyCost: 20,
      });
      await s.availability.set(
        p._id,
        { weekly: [{ dayOfWeek: 1, from, to: '18:00' }], exceptions: [] },
        null,
      );
    }
    reads = jest.spyOn(s.staff, 'listActive');
    patterns = jest.spyOn(s.availability, 'byStaffIds');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await closeServices(s);
  });

  const names = async (p: Promise<{ nodes: { employeeNo: string }[] }>) =>
    (await p).nodes.map((n) => n.employeeNo);

  it('reads once for calls of one skill, each answered for its own window', async () => {
    const memo = new LoaderRegistry();
    expect(await names(s.availability.availableStaff(window('2026-03-02'), PAGE, memo))).toEqual(['E1']);
    expect(await names(s.availability.availableStaff(window('2026-03-02'), PAGE, memo))).toEqual(['E1']);
    // a Tuesday: nobody has a window
    expect(await names(s.availability.availableStaff(window('2026-03-03'), PAGE, memo))).toEqual([]);
    expect([reads.mock.calls.length, patterns.mock.calls.length]).toEqual([1, 1]);
  });

  it('reads again for another skill, and in the next request, which sees the writes', async () => {
    const memo = new LoaderRegistry();
    await s.availability.availableStaff(window('2026-03-02'), PAGE, memo);
    expect(await names(s.availability.availableStaff(window('2026-03-02', 'team_lead'), PAGE, memo))).toEqual(
      ['E1'],
    );
    expect(reads).toHaveBeenCalledTimes(2);
    const e1 = await s.staff.findByEmployeeNo('E1');
    await s.staff.deactivate(e1!._id);
    expect(
      await names(s.availability.availableStaff(window('2026-03-02'), PAGE, new LoaderRegistry())),
    ).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(3);
  });
});
