import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { StoredDoc } from './collection-state';
import type { IndexSpec } from './document-store';
import { fromEjson, toEjson } from './ejson';

/** One acknowledged write. Records hold effects (whole documents, ids), never operations: replay is idempotent. */
export type JournalRecord =
  { c: string; put: StoredDoc[]; del: string[] } | { c: string; index: IndexSpec } | { dropAll: true };

export interface Snapshot {
  version: 1;
  collections: Record<string, { indexes: IndexSpec[]; docs: StoredDoc[] }>;
}

export interface JournalContents {
  snapshot: Snapshot | null;
  records: JournalRecord[];
  /** Bytes of a torn last line that were ignored (a write cut short by a crash; never acknowledged). */
  tornBytes: number;
}

const SNAPSHOT = 'snapshot.json';
const JOURNAL = 'journal.jsonl';

/**
 * The embedded store's files: `snapshot.json` (the whole state at the last compaction) and
 * `journal.jsonl` (one JSON line per acknowledged write since). A line is written with one
 * `writeSync` loop before the write's promise resolves, so it is in the OS page cache (it survives
 * the death of the process); `fsync: true` also forces it to disk (survives power loss).
 */
export class Journal {
  private bytes: number;

  private constructor(
    readonly dir: string,
    private readonly fd: number,
    private readonly fsync: boolean,
  ) {
    this.bytes = fstatSync(fd).size;
  }

  static open(dir: string, fsync: boolean): { journal: Journal; contents: JournalContents } {
    mkdirSync(dir, { recursive: true });
    const contents = Journal.read(dir);
    const fd = openSync(join(dir, JOURNAL), 'a');
    return { journal: new Journal(dir, fd, fsync), contents };
  }

  private static read(dir: string): JournalContents {
    const snapPath = join(dir, SNAPSHOT);
    const snapshot = existsSync(snapPath) ? fromEjson<Snapshot>(readFileSync(snapPath, 'utf8')) : null;
    const journalPath = join(dir, JOURNAL);
    const text = existsSync(journalPath) ? readFileSync(journalPath, 'utf8') : '';
    const lines = text.split('\n');
    const torn = lines.pop() ?? '';
    const records = lines.map((line, i) => {
      try {
        return fromEjson<JournalRecord>(line);
      } catch (e) {
        throw new Error(
          `Embedded store journal ${journalPath} is corrupt at line ${i + 1}: ${(e as Error).message}`,
        );
      }
    });
    return { snapshot, records, tornBytes: Buffer.byteLength(torn) };
  }

  get size(): number {
    return this.bytes;
  }

  append(record: JournalRecord): void {
    const buf = Buffer.from(`${toEjson(record)}\n`);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
    this.bytes += buf.length;
    if (this.fsync) fsyncSync(this.fd);
  }

  /**
   * Writes `snapshot` atomically (temp file, fsync, rename) and empties the journal. A crash between
   * the rename and the truncation leaves records that are already in the snapshot: replaying
   * them is harmless because records are idempotent effects.
   */
  compact(snapshot: Snapshot): void {
    const tmp = join(this.dir, `${SNAPSHOT}.tmp`);
    writeFileSync(tmp, toEjson(snapshot));
    const tfd = openSync(tmp, 'r+');
    try {
      fsyncSync(tfd);
    } finally {
      closeSync(tfd);
    }
    renameSync(tmp, join(this.dir, SNAPSHOT));
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}
