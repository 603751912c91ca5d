import { EmbeddedStore } from '../../../src/store/embedded-store';
import { existingByKey, upsertAll } from '../../../src/store/upsert-by-key';

interface Item {
  _id: string;
  key: string;
  n: number;
}

describe('upsert by key', () => {
  let store: EmbeddedStore;
  beforeEach(async () => {
    store = await EmbeddedStore.open();
  });
  afterEach(() => store.close());

  it('finds the stored documents of the given keys, by key', async () => {
    const items = store.collection<Item>('items');
    await items.insertMany([
      { _id: '1', key: 'a', n: 1 },
      { _id: '2', key: 'b', n: 2 },
    ]);
    const found = await existingByKey(items, 'key', ['b', 'c']);
    expect([...found]).toEqual([['b', { _id: '2', key: 'b', n: 2 }]]);
  });

  it('replaces the documents of known ids and inserts the others', async () => {
    const items = store.collection<Item>('items');
    await items.insertOne({ _id: '1', key: 'a', n: 1 });
    await upsertAll(items, [
      { _id: '1', key: 'a', n: 10 },
      { _id: '2', key: 'b', n: 20 },
    ]);
    expect(await items.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: '1', key: 'a', n: 10 },
      { _id: '2', key: 'b', n: 20 },
    ]);
    await upsertAll(items, []);
    expect(await items.count()).toBe(2);
  });
});
