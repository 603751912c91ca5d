import type { Collection, DocumentStore } from '../../../src/store/document-store';
import { ids, sorted, staffFixture, type StaffDoc } from './contract-fixtures';

/** Read-side contract: filters, sort, paging, projection, count, distinct, group, copies, Dates. */
export const describeReads = (getStore: () => DocumentStore): void => {
  let staff: Collection<StaffDoc>;

  beforeEach(async () => {
    staff = getStore().collection<StaffDoc>('staff');
    await staff.insertMany(staffFixture());
  });

  describe('find', () => {
    it('returns every document in insertion order without a filter', async () => {
      expect(ids(await staff.find())).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
      expect(ids(await staff.find({}))).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    });

    it('filters on equality of strings, booleans and numbers', async () => {
      expect(ids(await staff.find({ team: 'north', active: true }))).toEqual(['s1', 's5']);
      expect(ids(await staff.find({ hourlyCost: 25 }))).toEqual(['s3']);
    });

    it('filters on ranges of dates, strings and numbers ($gte / $lt)', async () => {
      const from = new Date('2022-01-01T00:00:00Z');
      const to = new Date('2023-12-01T00:00:00Z');
      expect(sorted(ids(await staff.find({ startDate: { $gte: from, $lt: to } })))).toEqual([
        's2',
        's4',
        's5',
      ]);
      expect(ids(await staff.find({ name: { $gte: 'B', $lt: 'D' } }))).toEqual(['s2', 's3']);
      expect(ids(await staff.find({ hourlyCost: { $gt: 19.75, $lte: 25 } }))).toEqual(['s1', 's3']);
    });

    it('filters with $in, $or and $ne', async () => {
      expect(ids(await staff.find({ employeeNo: { $in: ['E002', 'E006', 'E999'] } }))).toEqual(['s2', 's6']);
      expect(ids(await staff.find({ $or: [{ name: 'Ada' }, { hourlyCost: { $gte: 30 } }] }))).toEqual([
        's1',
        's5',
      ]);
      expect(ids(await staff.find({ team: { $ne: 'north' } }))).toEqual(['s2', 's4', 's6']);
    });

    it('filters on nested field paths and array membership', async () => {
      expect(ids(await staff.find({ 'contract.maxHoursWeek': 40 }))).toEqual(['s1', 's4']);
      expect(ids(await staff.find({ 'contract.maxHoursWeek': { $lt: 24 } }))).toEqual(['s2', 's6']);
      expect(ids(await staff.find({ skills: 'calls' }))).toEqual(['s1', 's3', 's5']);
      expect(ids(await staff.find({ skills: { $in: ['chat'] }, team: 'south' }))).toEqual(['s4']);
      expect(ids(await staff.find({ skills: { $size: 0 } }))).toEqual(['s6']);
    });

    it('combines $in, a date range and a sort', async () => {
      const found = await staff.find(
        { team: { $in: ['north', 'south'] }, startDate: { $gte: new Date('2021-01-01T00:00:00Z') } },
        { sort: { startDate: -1, employeeNo: 1 } },
      );
      expect(ids(found)).toEqual(['s6', 's4', 's2', 's5', 's1']);
    });

    it('sorts ascending and descending on strings, numbers and dates', async () => {
      expect(ids(await staff.find({}, { sort: { name: -1 } }))).toEqual(['s6', 's5', 's4', 's3', 's2', 's1']);
      expect(ids(await staff.find({}, { sort: { hourlyCost: 1 } }))).toEqual([
        's6',
        's2',
        's4',
        's1',
        's3',
        's5',
      ]);
      expect(ids(await staff.find({}, { sort: { startDate: 1 } })).slice(0, 2)).toEqual(['s3', 's1']);
    });

    it('sorts on several keys in key order', async () => {
      const found = await staff.find({}, { sort: { team: 1, 'contract.maxHoursWeek': -1 } });
      expect(ids(found)).toEqual(['s1', 's3', 's5', 's4', 's2', 's6']);
      const byDateThenName = await staff.find({}, { sort: { startDate: -1, name: -1 } });
      expect(ids(byDateThenName)).toEqual(['s6', 's4', 's5', 's2', 's1', 's3']);
    });

    it('applies sort, then skip, then limit', async () => {
      expect(ids(await staff.find({}, { sort: { employeeNo: -1 }, skip: 1, limit: 2 }))).toEqual([
        's5',
        's4',
      ]);
      expect(ids(await staff.find({}, { sort: { employeeNo: 1 }, skip: 5, limit: 10 }))).toEqual(['s6']);
      expect(await staff.find({}, { skip: 6 })).toEqual([]);
    });

    it('projects by inclusion (keeping _id) and by exclusion', async () => {
      const [incl] = await staff.find({ _id: 's1' }, { projection: { name: 1, 'contract.maxHoursWeek': 1 } });
      expect(incl).toEqual({ _id: 's1', name: 'Ada', contract: { maxHoursWeek: 40 } });
      const [excl] = await staff.find(
        { _id: 's2' },
        { projection: { skills: 0, contract: 0, startDate: 0 } },
      );
      expect(excl).toEqual({
        _id: 's2',
        employeeNo: 'E002',
        name: 'Bram',
        team: 'south',
        hourlyCost: 18,
        active: true,
      });
    });
  });

  describe('findOne / findById', () => {
    it('findOne honours sort and projection, and returns null when nothing matches', async () => {
      expect((await staff.findOne({ team: 'north' }, { sort: { hourlyCost: -1 } }))?._id).toBe('s5');
      expect(await staff.findOne({ team: 'south' }, { sort: { name: 1 }, projection: { name: 1 } })).toEqual({
        _id: 's2',
        name: 'Bram',
      });
      expect(await staff.findOne({ team: 'west' })).toBeNull();
    });

    it('findById returns the document or null', async () => {
      expect(await staff.findById('s4')).toEqual(staffFixture()[3]);
      expect(await staff.findById('nope')).toBeNull();
    });
  });

  describe('count / distinct', () => {
    it('counts all or matching documents', async () => {
      expect(await staff.count()).toBe(6);
      expect(await staff.count({ active: false })).toBe(2);
      expect(await staff.count({ skills: 'email', 'contract.maxHoursWeek': { $gte: 24 } })).toBe(2);
    });

    it('returns distinct values, flattening arrays', async () => {
      expect(sorted(await staff.distinct<string>('team'))).toEqual(['north', 'south']);
      expect(sorted(await staff.distinct<string>('skills'))).toEqual(['calls', 'chat', 'email']);
      expect(sorted(await staff.distinct<number>('contract.maxHoursWeek', { team: 'north' }))).toEqual([
        24, 32, 40,
      ]);
      expect(await staff.distinct('name', { team: 'west' })).toEqual([]);
    });
  });

  describe('group', () => {
    const day = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

    it('counts, sums and takes the least and greatest value of each group, in key order', async () => {
      const groups = await staff.group({}, ['team'], {
        people: { $sum: 1 },
        cost: { $sum: 'hourlyCost' },
        hours: { $sum: 'contract.maxHoursWeek' },
        since: { $min: 'startDate' },
        last: { $max: 'name' },
      });
      expect(groups).toEqual([
        {
          key: ['north'],
          values: { people: 3, cost: 76.5, hours: 96, since: day('2020-01-10'), last: 'Eli' },
        },
        {
          key: ['south'],
          values: { people: 3, cost: 54.75, hours: 76, since: day('2022-07-15'), last: 'Fay' },
        },
      ]);
      expect(groups[0]!.values.since).toBeInstanceOf(Date);
    });

    it('groups by several fields and a filter; a missing field groups as null', async () => {
      expect(
        await staff.group({ active: true }, ['team', 'contract.maxHoursWeek'], { n: { $sum: 1 } }),
      ).toEqual([
        { key: ['north', 24], values: { n: 1 } },
        { key: ['north', 40], values: { n: 1 } },
        { key: ['south', 20], values: { n: 1 } },
        { key: ['south', 40], values: { n: 1 } },
      ]);
      expect(await staff.group({}, ['note'], { n: { $sum: 1 } })).toEqual([
        { key: [null], values: { n: 6 } },
      ]);
      expect(await staff.group({ team: 'west' }, ['team'], { n: { $sum: 1 } })).toEqual([]);
    });

    it('passes over missing and non-numeric values: a sum of none is 0, a least of none null', async () => {
      await staff.updateOne({ _id: 's1' }, { $set: { logins: 4 } });
      await staff.updateOne({ _id: 's2' }, { $set: { logins: null, note: 'x' } });
      const [north, south] = await staff.group({}, ['team'], {
        logins: { $sum: 'logins' },
        names: { $sum: 'name' },
        least: { $min: 'logins' },
        most: { $max: 'logins' },
      });
      expect([north!.values, south!.values]).toEqual([
        { logins: 4, names: 0, least: 4, most: 4 },
        { logins: 0, names: 0, least: null, most: null },
      ]);
    });

    it('refuses output names and field paths it would not read plainly', async () => {
      for (const [by, acc] of [
        [['team'], { 'a.b': { $sum: 1 } }],
        [['team'], { _id: { $sum: 1 } }],
        [['$team'], { n: { $sum: 1 } }],
        [['team'], { n: { $sum: '$hourlyCost' } }],
        [['team'], { n: { $avg: 'hourlyCost' } }],
      ] as const)
        await expect(staff.group({}, by, acc as never)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('copies and types', () => {
    it('returns copies: mutating a result does not change stored state', async () => {
      const doc = await staff.findById('s1');
      doc!.skills.push('hacked');
      doc!.contract.maxHoursWeek = 1;
      const [listed] = await staff.find({ _id: 's1' });
      listed.name = 'changed';
      expect(await staff.findById('s1')).toEqual(staffFixture()[0]);
    });

    it('round-trips Dates as Date instances', async () => {
      const doc = await staff.findById('s2');
      expect(doc!.startDate).toBeInstanceOf(Date);
      expect(doc!.startDate.toISOString()).toBe('2022-07-15T00:00:00.000Z');
      const [first] = await staff.find({ startDate: new Date('2024-02-29T00:00:00Z') });
      expect(first._id).toBe('s6');
    });
  });
};
