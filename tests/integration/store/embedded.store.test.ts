import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { runStoreContract } from './store.contract';

const tempDirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-store-'));
  tempDirs.push(dir);
  return dir;
};

afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

runStoreContract('embedded (in memory)', () => EmbeddedStore.open());
runStoreContract('embedded (persisted)', () => EmbeddedStore.open({ dataDir: freshDir() }));
