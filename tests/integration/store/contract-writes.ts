import { AppError } from '../../../src/errors';
import type { Collection, DocumentStore } from '../../../src/store/document-store';
import { ids, staffFixture, type StaffDoc } from './contract-fixtures';

/** Resolves to the AppError code a promise rejects with ('RESOLVED' when it does not reject). */
export const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'RESOLVED',
    (e: unknown) => (e instanceof AppError ? e.code : `not an AppError: ${String(e)}`),
  );

/** A MongoStore on a standalone server (no transactions) cannot roll a failed bulkWrite back. */
const rollsBackBulk = (store: DocumentStore): boolean =>
  !('transactional' in store) || (store as { transactional: boolean }).transactional;

const newStaff = (id: string, employeeNo: string): StaffDoc => ({
  ...staffFixture()[0],
  _id: id,
  employeeNo,
  name: `New ${id}`,
});

/** Write-side contract: inserts, updates, upserts, replace, delete, bulkWrite, indexes. */
export const describeWrites = (getStore: () => DocumentStore): void => {
  let staff: Collection<StaffDoc>;

  beforeEach(async () => {
    staff = getStore().collection<StaffDoc>('staff');
    await staff.createIndex({ keys: { employeeNo: 1 }, unique: true });
    await staff.insertMany(staffFixture());
  });

  describe('insertOne / insertMany', () => {
    it('insertOne stores a copy and returns it; a missing _id becomes a UUID', async () => {
      const input = newStaff('s7', 'E007');
      const stored = await staff.insertOne(input);
      input.skills.push('mutated');
      expect(stored).toEqual(newStaff('s7', 'E007'));
      expect(await staff.findById('s7')).toEqual(newStaff('s7', 'E007'));
      const { _id: _unused, ...noId } = newStaff('x', 'E008');
      const generated = await staff.insertOne(noId as StaffDoc);
      expect(generated._id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await staff.findById(generated._id))?.employeeNo).toBe('E008');
    });

    it('insertOne rejects a duplicate _id or unique key with CONFLICT naming the collection', async () => {
      expect(await codeOf(staff.insertOne(newStaff('s1', 'E100')))).toBe('CONFLICT');
      await expect(staff.insertOne(newStaff('s9', 'E001'))).rejects.toThrow(/staff/);
      expect(await staff.count()).toBe(6);
    });

    it('insertMany writes all and returns the count', async () => {
      expect(await staff.insertMany([newStaff('s7', 'E007'), newStaff('s8', 'E008')])).toBe(2);
      expect(await staff.count()).toBe(8);
    });

    it('insertMany is all or nothing: a duplicate in the batch leaves nothing written', async () => {
      const batch = [newStaff('s7', 'E007'), newStaff('s8', 'E008'), newStaff('s9', 'E007')];
      expect(await codeOf(staff.insertMany(batch))).toBe('CONFLICT');
      const clash = [newStaff('s7', 'E007'), newStaff('s1', 'E010')];
      expect(await codeOf(staff.insertMany(clash))).toBe('CONFLICT');
      expect(await staff.count()).toBe(6);
      expect(await staff.findById('s7')).toBeNull();
    });
  });

  describe('updateOne / updateMany', () => {
    it('applies $set (nested), $inc, $push, $pull and $unset', async () => {
      const r1 = await staff.updateOne(
        { _id: 's1' },
        {
          $set: { 'contract.maxHoursWeek': 36, note: 'x' },
          $inc: { hourlyCost: 1, logins: 2 },
          $push: { skills: 'email' },
        },
      );
      expect(r1).toEqual({ matched: 1, modified: 1 });
      await staff.updateOne({ _id: 's1' }, { $pull: { skills: 'calls' }, $unset: { note: '' } });
      const doc = await staff.findById('s1');
      expect(doc).toMatchObject({
        contract: { maxHoursWeek: 36 },
        hourlyCost: 22.5,
        logins: 2,
        skills: ['chat', 'email'],
      });
      expect(doc).not.toHaveProperty('note');
    });

    it('reports no match, and matched but not modified', async () => {
      expect(await staff.updateOne({ _id: 'nope' }, { $set: { name: 'x' } })).toEqual({
        matched: 0,
        modified: 0,
      });
      expect(await staff.updateOne({ _id: 's1' }, { $set: { name: 'Ada' } })).toEqual({
        matched: 1,
        modified: 0,
      });
    });

    it('updates only the first match with updateOne and every match with updateMany', async () => {
      expect(await staff.updateOne({ team: 'north' }, { $set: { tags: ['a'] } })).toEqual({
        matched: 1,
        modified: 1,
      });
      expect(await staff.count({ tags: 'a' })).toBe(1);
      expect(await staff.updateMany({ team: 'north' }, { $inc: { hourlyCost: 10 } })).toEqual({
        matched: 3,
        modified: 3,
      });
      expect(ids(await staff.find({ hourlyCost: { $gte: 31 } }))).toEqual(['s1', 's3', 's5']);
    });

    it('upserts from the filter equality fields plus $setOnInsert', async () => {
      const r = await staff.updateOne(
        { employeeNo: 'E050', team: 'west', hourlyCost: { $gt: 5 } },
        { $set: { name: 'Gus' }, $setOnInsert: { active: true, skills: [] } },
        { upsert: true },
      );
      expect(r.matched).toBe(0);
      expect(typeof r.upsertedId).toBe('string');
      const doc = await staff.findById(r.upsertedId!);
      expect(doc).toEqual({
        _id: r.upsertedId,
        employeeNo: 'E050',
        team: 'west',
        name: 'Gus',
        active: true,
        skills: [],
      });
      const again = await staff.updateOne(
        { employeeNo: 'E050' },
        { $set: { name: 'Gus2' }, $setOnInsert: { active: false } },
        { upsert: true },
      );
      expect(again).toEqual({ matched: 1, modified: 1 });
      expect((await staff.findById(r.upsertedId!))?.active).toBe(true);
      const withId = await staff.updateOne(
        { _id: 'fixed' },
        { $set: { employeeNo: 'E051' } },
        { upsert: true },
      );
      expect(withId.upsertedId).toBe('fixed');
    });

    it('rejects an update that would violate a unique index with CONFLICT and changes nothing', async () => {
      expect(await codeOf(staff.updateOne({ _id: 's2' }, { $set: { employeeNo: 'E001', name: 'Z' } }))).toBe(
        'CONFLICT',
      );
      expect(await staff.findById('s2')).toEqual(staffFixture()[1]);
      // updateMany is not atomic on MongoDB (the embedded store rolls it back): only the code is contract.
      expect(await codeOf(staff.updateMany({ team: 'south' }, { $set: { employeeNo: 'E777' } }))).toBe(
        'CONFLICT',
      );
    });
  });

  describe('findOneAndUpdate / replaceOne', () => {
    it('findOneAndUpdate returns the document after the update, or null', async () => {
      const doc = await staff.findOneAndUpdate(
        { employeeNo: 'E003' },
        { $set: { active: true }, $inc: { hourlyCost: 1 } },
      );
      expect(doc).toMatchObject({ _id: 's3', active: true, hourlyCost: 26 });
      expect(await staff.findOneAndUpdate({ employeeNo: 'E404' }, { $set: { active: true } })).toBeNull();
    });

    it('findOneAndUpdate upserts and returns the new document', async () => {
      const doc = await staff.findOneAndUpdate(
        { employeeNo: 'E060' },
        { $set: { name: 'Hal' }, $setOnInsert: { startDate: new Date('2025-01-06T00:00:00Z') } },
        { upsert: true },
      );
      expect(doc).toMatchObject({
        employeeNo: 'E060',
        name: 'Hal',
        startDate: new Date('2025-01-06T00:00:00Z'),
      });
      expect(await staff.count({ employeeNo: 'E060' })).toBe(1);
    });

    it('replaceOne replaces the whole document, keeping _id; upserts when asked', async () => {
      const replacement = { ...newStaff('s2', 'E002'), name: 'Bram II' };
      delete replacement.tags;
      expect(await staff.replaceOne({ employeeNo: 'E002' }, replacement)).toEqual({
        matched: 1,
        modified: 1,
      });
      expect(await staff.findById('s2')).toEqual(replacement);
      expect(await staff.replaceOne({ _id: 'nope' }, newStaff('nope', 'E070'))).toEqual({
        matched: 0,
        modified: 0,
      });
      const up = await staff.replaceOne({ _id: 's70' }, newStaff('s70', 'E070'), { upsert: true });
      expect(up).toEqual({ matched: 0, modified: 0, upsertedId: 's70' });
      expect(await codeOf(staff.replaceOne({ _id: 's3' }, newStaff('s3', 'E001')))).toBe('CONFLICT');
    });
  });

  describe('deleteOne / deleteMany', () => {
    it('deletes one or all matching documents and returns the count', async () => {
      expect(await staff.deleteOne({ team: 'north' })).toBe(1);
      expect(await staff.findById('s1')).toBeNull();
      expect(await staff.deleteMany({ team: 'south' })).toBe(3);
      expect(await staff.deleteMany({ team: 'south' })).toBe(0);
      expect(ids(await staff.find())).toEqual(['s3', 's5']);
    });

    it('frees unique keys of deleted documents', async () => {
      await staff.deleteOne({ _id: 's1' });
      await expect(staff.insertOne(newStaff('s1b', 'E001'))).resolves.toMatchObject({ _id: 's1b' });
    });
  });

  describe('bulkWrite', () => {
    it('applies mixed operations in order and reports counts', async () => {
      const result = await staff.bulkWrite([
        { insert: newStaff('s7', 'E007') },
        { update: { filter: { _id: 's7' }, update: { $set: { team: 'west' } } } },
        { update: { filter: { team: 'south' }, update: { $inc: { hourlyCost: 1 } }, multi: true } },
        { update: { filter: { employeeNo: 'E090' }, update: { $set: { name: 'Ivy' } }, upsert: true } },
        { replace: { filter: { _id: 's3' }, doc: { ...staffFixture()[2], name: 'Chen R' } } },
        { delete: { filter: { _id: 's6' } } },
        { delete: { filter: { active: false }, multi: true } },
      ]);
      expect(result).toEqual({ inserted: 1, matched: 5, modified: 5, upserted: 1, deleted: 2 });
      expect((await staff.findById('s7'))?.team).toBe('west');
      expect((await staff.findById('s2'))?.hourlyCost).toBe(19);
      expect(await staff.count({ employeeNo: 'E090' })).toBe(1);
      expect(await staff.findById('s3')).toBeNull();
      expect(await staff.count()).toBe(6);
    });

    it('is atomic: when one operation violates a unique index nothing is applied', async () => {
      const before = await staff.find();
      const ops = [
        { insert: newStaff('s7', 'E007') },
        { update: { filter: { _id: 's1' }, update: { $set: { name: 'Changed' } } } },
        { delete: { filter: { _id: 's2' } } },
        { update: { filter: { _id: 's3' }, update: { $set: { employeeNo: 'E004' } } } },
      ];
      expect(await codeOf(staff.bulkWrite(ops))).toBe('CONFLICT');
      if (!rollsBackBulk(getStore())) {
        console.warn('store is not transactional: bulkWrite rollback not checked');
        return;
      }
      expect(await staff.find()).toEqual(before);
      expect(
        await codeOf(
          staff.bulkWrite([{ delete: { filter: { _id: 's4' } } }, { insert: newStaff('s1', 'E004') }]),
        ),
      ).toBe('CONFLICT');
      expect(await staff.find()).toEqual(before);
    });
  });

  describe('indexes', () => {
    it('createIndex is idempotent', async () => {
      await staff.createIndex({ keys: { employeeNo: 1 }, unique: true });
      await staff.createIndex({ keys: { team: 1, name: 1 } });
      await staff.createIndex({ keys: { team: 1, name: 1 } });
      expect(await staff.count()).toBe(6);
    });

    it('enforces a compound unique index', async () => {
      const shifts = getStore().collection<{ _id: string; staffId: string; day: Date; hours: number }>(
        'shifts',
      );
      await shifts.createIndex({ keys: { staffId: 1, day: 1 }, unique: true, name: 'staff_day' });
      const day = new Date('2025-03-03T00:00:00Z');
      await shifts.insertOne({ _id: 'a', staffId: 's1', day, hours: 8 });
      await shifts.insertOne({ _id: 'b', staffId: 's2', day, hours: 8 });
      await shifts.insertOne({ _id: 'c', staffId: 's1', day: new Date('2025-03-04T00:00:00Z'), hours: 8 });
      const dup = shifts.insertOne({ _id: 'd', staffId: 's1', day: new Date(day), hours: 4 });
      await expect(dup).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/shifts/) });
      expect(await codeOf(shifts.updateOne({ _id: 'c' }, { $set: { day } }))).toBe('CONFLICT');
      expect(await shifts.count()).toBe(3);
    });

    it('createIndex fails with CONFLICT when existing data violates a new unique index', async () => {
      expect(await codeOf(staff.createIndex({ keys: { team: 1 }, unique: true }))).toBe('CONFLICT');
      await staff.insertOne(newStaff('s7', 'E007'));
      expect(await staff.count({ team: 'north' })).toBe(4);
    });
  });

  describe('store', () => {
    it('ping resolves', async () => {
      await expect(getStore().ping()).resolves.toBeUndefined();
    });

    it('checkWritable resolves on a store that takes writes, and leaves no data behind', async () => {
      await expect(getStore().checkWritable()).resolves.toBeUndefined();
      expect(await staff.count()).toBe(6);
    });

    it('dropAll empties every collection and drops indexes', async () => {
      await getStore().collection('other').insertOne({ _id: 'o1' });
      await getStore().dropAll();
      expect(await staff.count()).toBe(0);
      expect(await getStore().collection('other').count()).toBe(0);
      await staff.insertMany([newStaff('a', 'E1'), newStaff('b', 'E1')]);
      expect(await staff.count()).toBe(2);
    });
  });
};
