/**
 * Embedded store throughput against plain in-memory arrays measured in the same run:
 * 50k inserts (unique index checked, journal written) and a `$in` + date range + sort find;
 * and 5,000 `$set` + `$inc` updates, made by the store's plain-update path (a new document
 * sharing what the update does not touch) against a deep copy updated by mingo (the path
 * every update took before).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseDoc } from '../src/store/document-store';
import { update as mingoUpdate } from 'mingo';
import { EmbeddedStore } from '../src/store/embedded-store';
import { deepCopy } from '../src/store/ejson';
import { editedCopy, plainEdits } from '../src/store/plain-update';
import { printTable, ratio, time } from './harness';

interface VolumeDoc extends BaseDoc {
  channel: string;
  at: Date;
  values: number[];
}

const N = 50_000;
const CHANNELS = ['calls', 'emails', 'outbound_nb', 'outbound_ook'];
const T0 = Date.UTC(2026, 0, 1);
const doc = (i: number): VolumeDoc => ({
  _id: `v${i}`,
  channel: CHANNELS[i % 4],
  at: new Date(T0 + i * 15 * 60_000),
  values: [i % 7, i % 11],
});

export async function runStoreBench(): Promise<void> {
  const docs = Array.from({ length: N }, (_, i) => doc(i));
  const from = new Date(T0 + 86_400_000);
  const to = new Date(T0 + 200 * 86_400_000);

  const arrayInsert = await time(
    'array push + Map key check',
    () => {
      const keys = new Map<string, number>();
      const rows: VolumeDoc[] = [];
      for (const d of docs) {
        const key = `${d.channel}|${d.at.getTime()}`;
        if (keys.has(key)) throw new Error('dup');
        keys.set(key, rows.length);
        rows.push(structuredClone(d));
      }
    },
    3,
  );

  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-bench-'));
  let store = await EmbeddedStore.open({ dataDir: dir });
  const insert = await time(
    'EmbeddedStore insertOne ×50k (persisted)',
    async () => {
      await store.dropAll();
      const col = store.collection<VolumeDoc>('volumes');
      await col.createIndex({ keys: { channel: 1, at: 1 }, unique: true });
      for (const d of docs) await col.insertOne(d);
    },
    3,
    0,
  );
  const bulk = await time(
    'EmbeddedStore insertMany 50k (one journal line)',
    async () => {
      await store.dropAll();
      await store.collection<VolumeDoc>('volumes').insertMany(docs);
    },
    3,
    0,
  );

  const arrayFind = await time('array filter + sort', () =>
    docs
      .filter((d) => (d.channel === 'calls' || d.channel === 'emails') && d.at >= from && d.at < to)
      .sort((a, b) => a.channel.localeCompare(b.channel) || b.at.getTime() - a.at.getTime()),
  );
  const col = store.collection<VolumeDoc>('volumes');
  const find = await time('EmbeddedStore find $in + range + sort', () =>
    col.find(
      { channel: { $in: ['calls', 'emails'] }, at: { $gte: from, $lt: to } },
      { sort: { channel: 1, at: -1 } },
    ),
  );
  const updates = await updateTimings(store, docs.slice(0, UPDATES));
  await store.close();
  const reopen = await time(
    'EmbeddedStore reopen 50k (snapshot load)',
    async () => {
      store = await EmbeddedStore.open({ dataDir: dir });
      await store.close();
    },
    3,
    0,
  );
  rmSync(dir, { recursive: true, force: true });

  printTable('Embedded store (50k documents)', [
    { operation: arrayInsert.name, 'median ms': arrayInsert.ms, 'vs baseline': '1.00×' },
    { operation: insert.name, 'median ms': insert.ms, 'vs baseline': ratio(insert.ms, arrayInsert.ms) },
    { operation: bulk.name, 'median ms': bulk.ms, 'vs baseline': ratio(bulk.ms, arrayInsert.ms) },
    { operation: arrayFind.name, 'median ms': arrayFind.ms, 'vs baseline': '1.00×' },
    { operation: find.name, 'median ms': find.ms, 'vs baseline': ratio(find.ms, arrayFind.ms) },
    { operation: reopen.name, 'median ms': reopen.ms, 'vs baseline': '—' },
    { operation: updates.mingo.name, 'median ms': updates.mingo.ms, 'vs baseline': '1.00×' },
    {
      operation: updates.plain.name,
      'median ms': updates.plain.ms,
      'vs baseline': ratio(updates.plain.ms, updates.mingo.ms),
    },
    {
      operation: updates.bulk.name,
      'median ms': updates.bulk.ms,
      'vs baseline': ratio(updates.bulk.ms, updates.mingo.ms),
    },
  ]);
}

const UPDATES = 5_000;

/** 5,000 `$set` + `$inc` updates: by mingo, by the plain-update path, and as one store bulkWrite. */
async function updateTimings(store: EmbeddedStore, docs: VolumeDoc[]) {
  const change = (i: number) => ({
    $set: { values: [i % 5, i % 3], channel: 'calls' },
    $inc: { revision: 1 },
  });
  const mingo = await time(`deep copy + mingo update ×${UPDATES / 1000}k ($set + $inc)`, () => {
    for (const [i, d] of docs.entries())
      mingoUpdate(deepCopy({ ...d }), change(i), [], {}, { cloneMode: 'deep' });
  });
  const plain = await time(`plain-update path ×${UPDATES / 1000}k (same)`, () => {
    for (const [i, d] of docs.entries()) editedCopy({ ...d }, plainEdits(change(i)) ?? []);
  });
  const col = store.collection<VolumeDoc>('volumes');
  const bulk = await time(`EmbeddedStore bulkWrite ${UPDATES / 1000}k updates (persisted)`, () =>
    col.bulkWrite(docs.map((d, i) => ({ update: { filter: { _id: d._id }, update: change(i) } }))),
  );
  return { mingo, plain, bulk };
}

if (require.main === module) {
  runStoreBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
