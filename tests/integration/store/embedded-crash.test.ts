import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BaseDoc } from '../../../src/store/document-store';
import { EmbeddedStore } from '../../../src/store/embedded-store';

interface EventDoc extends BaseDoc {
  seq: number;
  bulk?: number;
  bulks?: number;
}

interface Acks {
  ones: string[];
  bulks: number[];
}

/** Runs the writer child until `target` writes are acknowledged, then SIGKILLs it. */
const writeUntilKilled = (dir: string, target: number): Promise<Acks> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'fixtures', 'crash-writer.js'), [dir], { silent: true });
    const acks: Acks = { ones: [], bulks: [] };
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const [kind, value] = line.split(' ');
      if (kind === 'one') acks.ones.push(value);
      if (kind === 'bulk') acks.bulks.push(Number(value));
      if (acks.ones.length + acks.bulks.length === target) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      lines.close();
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });

describe('EmbeddedStore survives kill -9', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write, and each bulk write entirely or not at all', async () => {
    const acks = await writeUntilKilled(dir, 400);
    expect(acks.ones.length + acks.bulks.length).toBeGreaterThanOrEqual(400);

    const store = await EmbeddedStore.open({ dataDir: dir });
    try {
      const events = store.collection<EventDoc>('events');
      for (const id of acks.ones) expect(await events.findById(id)).not.toBeNull();
      for (const n of acks.bulks) expect(await events.count({ bulk: n })).toBe(3);

      const bulkNumbers = await events.distinct<number>('bulk');
      for (const n of bulkNumbers) expect(await events.count({ bulk: n })).toBe(3);
      const counter = await events.findById('counter');
      expect(counter?.bulks).toBe(bulkNumbers.length);
      // At most the one write in flight at the kill can be present without its acknowledgement.
      expect(bulkNumbers.length - acks.bulks.length).toBeLessThanOrEqual(1);
      // The unique index was persisted and is enforced after the crash.
      await expect(events.insertOne({ _id: 'dup', seq: 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      await store.close();
    }
  });
});
