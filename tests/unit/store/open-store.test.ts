import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { openStore } from '../../../src/store/open-store';

describe('openStore', () => {
  it('opens the embedded store under dataDir when no MongoDB URI is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiftcast-open-'));
    try {
      const store = await openStore({ mongodbDb: 'unused', dataDir: dir });
      expect(store).toBeInstanceOf(EmbeddedStore);
      expect(store.kind).toBe('embedded');
      await store.collection('x').insertOne({ _id: 'a' });
      await store.close();
      const again = await openStore({ mongodbUri: '', mongodbDb: 'unused', dataDir: dir });
      expect(await again.collection('x').findById('a')).toEqual({ _id: 'a' });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses MongoDB when a URI is given (and fails fast when it is unreachable)', async () => {
    const opening = openStore({
      mongodbUri: 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300',
      mongodbDb: 'x',
      dataDir: '/nonexistent',
    });
    await expect(opening).rejects.toThrow(/ECONNREFUSED|Server selection|connect/i);
  });
});
