import fs, { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toEjson } from '../../../src/store/ejson';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { MAX_DOCUMENT_BYTES } from '../../../src/store/journal';

interface NoteDoc {
  _id: string;
  text: string;
}

describe('EmbeddedStore bounds and failed writes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-limits-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const journal = (): string => readFileSync(join(dir, 'journal.jsonl'), 'utf8');

  it('reads a snapshot.json of earlier versions and replaces it by a streamed snapshot.jsonl', async () => {
    const legacy = {
      version: 1,
      collections: {
        notes: {
          indexes: [{ keys: { text: 1 }, unique: true, name: 'text_1' }],
          docs: [{ _id: 'a', text: 'x' }],
        },
        empty: { indexes: [], docs: [] },
      },
    };
    writeFileSync(join(dir, 'snapshot.json'), toEjson(legacy));
    const store = await EmbeddedStore.open({ dataDir: dir });
    expect(existsSync(join(dir, 'snapshot.json'))).toBe(false);
    // one line per collection, index and document
    expect(readFileSync(join(dir, 'snapshot.jsonl'), 'utf8').trim().split('\n')).toEqual([
      '{"c":"notes","put":[],"del":[]}',
      '{"c":"notes","index":{"keys":{"text":1},"unique":true,"name":"text_1"}}',
      '{"c":"notes","put":[{"_id":"a","text":"x"}],"del":[]}',
      '{"c":"empty","put":[],"del":[]}',
    ]);
    const notes = store.collection<NoteDoc>('notes');
    expect(await notes.find()).toEqual([{ _id: 'a', text: 'x' }]);
    await expect(notes.insertOne({ _id: 'b', text: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await store.close();
    const again = await EmbeddedStore.open({ dataDir: dir });
    expect(await again.collection('notes').count()).toBe(1);
    await again.close();
  });

  it('refuses a document over 16 MiB with BAD_USER_INPUT, changes nothing and keeps serving', async () => {
    const store = await EmbeddedStore.open({ dataDir: dir });
    const notes = store.collection<NoteDoc>('notes');
    await notes.insertOne({ _id: 'a', text: 'small' });
    const before = journal();
    await expect(notes.insertOne({ _id: 'big', text: 'x'.repeat(MAX_DOCUMENT_BYTES) })).rejects.toMatchObject(
      {
        code: 'BAD_USER_INPUT',
      },
    );
    await expect(
      notes.updateOne({ _id: 'a' }, { $set: { text: 'y'.repeat(MAX_DOCUMENT_BYTES) } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(journal()).toBe(before);
    expect(await notes.find()).toEqual([{ _id: 'a', text: 'small' }]);
    await notes.insertOne({ _id: 'b', text: 'next' });
    await expect(store.checkWritable()).resolves.toBeUndefined();
    await store.close();
  });

  it('refuses a write the disk does not take with UNAVAILABLE, cuts the line back and reports it', async () => {
    const store = await EmbeddedStore.open({ dataDir: dir });
    const notes = store.collection<NoteDoc>('notes');
    await notes.createIndex({ keys: { text: 1 }, unique: true });
    await notes.insertOne({ _id: 'a', text: 'kept' });
    const before = statSync(join(dir, 'journal.jsonl')).size;
    // The disk fills up half-way through the line: some bytes land, then ENOSPC.
    const real = fs.writeSync as (fd: number, buf: Buffer, off: number, len: number) => number;
    const partial = (fd: number, buf: Buffer, off: number): never => {
      real(fd, buf, off, 5);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    jest.spyOn(fs, 'writeSync').mockImplementationOnce(partial as unknown as typeof fs.writeSync);
    await expect(
      notes.insertMany([
        { _id: 'b', text: 'lost' },
        { _id: 'c', text: 'lost too' },
      ]),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/ENOSPC.*nothing was changed/),
    });
    expect(statSync(join(dir, 'journal.jsonl')).size).toBe(before);
    expect(await notes.find()).toEqual([{ _id: 'a', text: 'kept' }]);
    await expect(store.checkWritable()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    // the next write that lands clears the report
    await notes.insertOne({ _id: 'b', text: 'saved' });
    await expect(store.checkWritable()).resolves.toBeUndefined();
    await store.close();
    const again = await EmbeddedStore.open({ dataDir: dir });
    expect(await again.collection<NoteDoc>('notes').find()).toEqual([
      { _id: 'a', text: 'kept' },
      { _id: 'b', text: 'saved' },
    ]);
    await again.close();
  });

  it('undoes a createIndex whose journal line cannot be written', async () => {
    const store = await EmbeddedStore.open({ dataDir: dir });
    const notes = store.collection<NoteDoc>('notes');
    await notes.insertMany([{ _id: 'a', text: 'same' }]);
    jest.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    });
    await expect(notes.createIndex({ keys: { text: 1 }, unique: true })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    await notes.insertOne({ _id: 'b', text: 'same' });
    expect(await notes.count()).toBe(2);
    await store.close();
  });

  it('cuts a torn last line off at open, so later lines survive a failed compaction', async () => {
    writeFileSync(
      join(dir, 'journal.jsonl'),
      '{"c":"notes","put":[{"_id":"a","text":"x"}],"del":[]}\n{"c":"no',
    );
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    });
    const store = await EmbeddedStore.open({ dataDir: dir });
    await store.collection<NoteDoc>('notes').insertOne({ _id: 'b', text: 'y' });
    await expect(store.close()).rejects.toThrow(/EIO/);
    rename.mockRestore();
    const again = await EmbeddedStore.open({ dataDir: dir });
    expect(await again.collection('notes').find()).toEqual([
      { _id: 'a', text: 'x' },
      { _id: 'b', text: 'y' },
    ]);
    await again.close();
  });
});
