import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseDoc } from '../../../src/store/document-store';
import { EmbeddedStore } from '../../../src/store/embedded.store';

interface VolumeDoc extends BaseDoc {
  channel: string;
  at: Date;
  seq: number;
  values: number[];
}

const N = 50_000;
const CHANNELS = ['calls', 'chat', 'email', 'social'];
const t0 = Date.UTC(2024, 0, 1);
const volume = (i: number): VolumeDoc => ({
  _id: `v${i}`,
  channel: CHANNELS[i % 4],
  at: new Date(t0 + i * 15 * 60_000),
  seq: i,
  values: [i % 7, i % 11],
});

const timed = async <R>(fn: () => Promise<R>): Promise<[R, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
};

/** Sanity bounds on a shared 2-core machine; the real numbers are printed. */
describe('EmbeddedStore performance sanity (50k documents, persisted)', () => {
  let dir: string;
  let store: EmbeddedStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-perf-'));
    store = await EmbeddedStore.open({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts 50k documents one by one (unique index checked) in well under 2 s', async () => {
    const col = store.collection<VolumeDoc>('volumes');
    await col.createIndex({ keys: { channel: 1, at: 1 }, unique: true });
    const [, ms] = await timed(async () => {
      for (let i = 0; i < N; i++) await col.insertOne(volume(i));
    });
    console.info(`50k insertOne: ${ms.toFixed(0)} ms`);
    expect(await col.count()).toBe(N);
    expect(ms).toBeLessThan(2000);
  });

  it('finds with $in + date range + sort on 50k documents in under 100 ms', async () => {
    const col = store.collection<VolumeDoc>('volumes');
    const filter = {
      channel: { $in: ['calls', 'email'] },
      at: { $gte: new Date(t0 + 86_400_000), $lt: new Date(t0 + 200 * 86_400_000) },
    };
    const runs: number[] = [];
    let found: VolumeDoc[] = [];
    for (let r = 0; r < 3; r++) {
      const [docs, ms] = await timed(() => col.find(filter, { sort: { channel: 1, at: -1 } }));
      found = docs;
      runs.push(ms);
    }
    console.info(`find $in + range + sort: ${runs.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
    const from = t0 + 86_400_000;
    const to = t0 + 200 * 86_400_000;
    const expected = Array.from({ length: N }, (_, i) => volume(i)).filter(
      (v) =>
        (v.channel === 'calls' || v.channel === 'email') && v.at.getTime() >= from && v.at.getTime() < to,
    );
    expect(found).toHaveLength(expected.length);
    expect(found[0]).toMatchObject({ channel: 'calls' });
    expect(found[0].at.getTime()).toBeGreaterThan(found[1].at.getTime());
    expect(Math.min(...runs)).toBeLessThan(100);
  });

  it('inserts 50k documents with insertMany and reopens them quickly', async () => {
    const col = store.collection<VolumeDoc>('bulk');
    const docs = Array.from({ length: N }, (_, i) => volume(i));
    const [, insertMs] = await timed(() => col.insertMany(docs));
    await store.close();
    const [reopened, openMs] = await timed(() => EmbeddedStore.open({ dataDir: dir }));
    store = reopened;
    console.info(`50k insertMany: ${insertMs.toFixed(0)} ms; reopen 100k docs: ${openMs.toFixed(0)} ms`);
    expect(await store.collection('bulk').count()).toBe(N);
    expect(await store.collection('volumes').count()).toBe(N);
    expect(insertMs).toBeLessThan(2000);
  });
});
