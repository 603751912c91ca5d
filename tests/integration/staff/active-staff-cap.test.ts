/**
 * The cap on active staff (src/staff/active-staff-cap.ts) on every path that makes someone
 * active: create, update (reactivation), import and the seed's upsert. Nothing is half-written:
 * a refused import writes no row, and a write that a racing process took past the cap is taken
 * back.
 */
import type { Services } from '../../../src/server/services';
import { MAX_ACTIVE_STAFF } from '../../../src/staff/active-staff-cap';
import { STAFF, type StaffDoc } from '../../../src/staff/staff.doc';
import type { StaffSpec } from '../../../src/staff/staff.service';
import { EmbeddedCollection } from '../../../src/store/embedded-collection';
import { closeServices, dump, servicesFor } from './services.fixture';

const contract = { minHoursWeek: 0, maxHoursWeek: 40, maxDaysWeek: 5, maxConsecutiveDays: 5 };
const spec = (employeeNo: string, active = true): StaffSpec => ({
  employeeNo,
  name: `Person ${employeeNo}`,
  skills: ['team_lead'],
  contract,
  hourlyCost: 20,
  active,
});
const doc = (employeeNo: string, active = true): StaffDoc => ({
  _id: `id-${employeeNo}`,
  ...spec(employeeNo, active),
  active,
  preferences: { desiredDays: [], undesiredDays: [], desiredShifts: [], undesiredShifts: [] },
  createdAt: new Date('2026-01-01'),
  updatedAt: new Date('2026-01-01'),
});
const row = (employeeNo: string, active = true) => ({
  employeeNo,
  name: `Person ${employeeNo}`,
  skills: ['team_lead'],
  ...contract,
  hourlyCost: 20,
  active,
});
const capMessage = (employeeNo: string, after: number): string =>
  `Cannot make staff ${employeeNo} active: a site has at most ${MAX_ACTIVE_STAFF} active staff, and this would make ${after}; deactivate someone first`;

describe('at most MAX_ACTIVE_STAFF active staff', () => {
  let s: Services;
  const active = () => s.staff.count({ active: true });
  /** Fills the site to `count` active people (and one inactive, `OFF`) without the services. */
  const fill = async (count: number) =>
    s.store
      .collection<StaffDoc>(STAFF)
      .insertMany([...Array.from({ length: count }, (_, i) => doc(`F${i}`)), doc('OFF', false)]);

  beforeEach(async () => {
    s = await servicesFor();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await closeServices(s);
  });

  it('creates active people up to the cap, refuses the next, and still takes inactive ones', async () => {
    await fill(MAX_ACTIVE_STAFF - 1);
    await s.staff.create(spec('LAST'));
    await expect(s.staff.create(spec('ONE_MORE'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: capMessage('ONE_MORE', MAX_ACTIVE_STAFF + 1),
      details: [{ field: 'active', message: `at most ${MAX_ACTIVE_STAFF} active staff a site` }],
    });
    expect(await s.staff.findByEmployeeNo('ONE_MORE')).toBeNull();
    await s.staff.create(spec('PARKED', false));
    expect(await active()).toBe(MAX_ACTIVE_STAFF);
  });

  it('refuses to reactivate someone at the cap, and lets them back once a place is free', async () => {
    await fill(MAX_ACTIVE_STAFF);
    await expect(s.staff.update('id-OFF', { active: true, name: 'Back' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: capMessage('OFF', MAX_ACTIVE_STAFF + 1),
    });
    expect(await s.staff.require('id-OFF')).toMatchObject({ active: false, name: 'Person OFF' });
    // edits that keep someone active are not activations
    await s.staff.update('id-F0', { name: 'Renamed' });
    await s.staff.deactivate('id-F1');
    expect(await s.staff.update('id-OFF', { active: true })).toMatchObject({ active: true });
    expect(await active()).toBe(MAX_ACTIVE_STAFF);
  });

  it('refuses an import that would pass the cap, naming its row, and writes none of it', async () => {
    await fill(MAX_ACTIVE_STAFF - 2);
    const before = await dump(s.store, [STAFF]);
    const rows = [row('F0'), row('N1'), row('N2', false), row('N3'), row('N4')];
    await expect(s.staff.importRows(rows)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: capMessage('N4', MAX_ACTIVE_STAFF + 1),
      details: [{ row: 5, column: 'active', message: `at most ${MAX_ACTIVE_STAFF} active staff a site` }],
    });
    expect(await dump(s.store, [STAFF])).toEqual(before);
    // deactivating two people makes room for it
    expect(await s.staff.importRows([row('F1', false), row('F2', false), ...rows])).toMatchObject({
      created: 4,
      updated: 3,
    });
    expect(await active()).toBe(MAX_ACTIVE_STAFF - 1);
  });

  it('takes back an import that a racing one took past the cap', async () => {
    await fill(MAX_ACTIVE_STAFF - 2);
    const before = await dump(s.store, [STAFF]);
    const racer = doc('RACER');
    const bulkWrite = EmbeddedCollection.prototype.bulkWrite;
    jest.spyOn(EmbeddedCollection.prototype, 'bulkWrite').mockImplementationOnce(async function (
      this: EmbeddedCollection<StaffDoc>,
      ...args: Parameters<typeof bulkWrite>
    ) {
      // another process's import lands between this one's count and its write
      await this.insertOne(racer);
      return bulkWrite.apply(this, args);
    });
    await expect(
      s.staff.importRows([row('F0', false), row('N1'), row('N2'), row('N3')]),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: capMessage('N1', MAX_ACTIVE_STAFF + 1) });
    const after = await dump(s.store, [STAFF]);
    expect(after[STAFF]).toEqual(
      [...before[STAFF]!, JSON.parse(JSON.stringify(racer))].sort((a, b) =>
        (a as StaffDoc)._id.localeCompare((b as StaffDoc)._id),
      ),
    );
  });

  it('takes back a creation that a racing one took past the cap', async () => {
    await fill(MAX_ACTIVE_STAFF - 1);
    const insertOne = EmbeddedCollection.prototype.insertOne;
    jest.spyOn(EmbeddedCollection.prototype, 'insertOne').mockImplementationOnce(async function (
      this: EmbeddedCollection<StaffDoc>,
      ...args: Parameters<typeof insertOne>
    ) {
      await insertOne.call(this, doc('RACER'));
      return insertOne.apply(this, args);
    });
    await expect(s.staff.create(spec('LATE'))).rejects.toMatchObject({
      message: capMessage('LATE', MAX_ACTIVE_STAFF + 1),
    });
    expect(await s.staff.findByEmployeeNo('LATE')).toBeNull();
    expect(await active()).toBe(MAX_ACTIVE_STAFF);
  });

  it('refuses a seed that would pass the cap before writing any of it', async () => {
    await fill(MAX_ACTIVE_STAFF - 1);
    const before = await dump(s.store, [STAFF]);
    await expect(
      s.staff.upsertByEmployeeNo([spec('S1'), spec('S2')], (no) => `seed-${no}`, new Date()),
    ).rejects.toMatchObject({ message: capMessage('S2', MAX_ACTIVE_STAFF + 1) });
    expect(await dump(s.store, [STAFF])).toEqual(before);
  });
});
