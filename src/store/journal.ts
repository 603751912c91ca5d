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
  rmSync,
  statSync,
  truncateSync,
} from 'node:fs';
import { constants } from 'node:buffer';
import { join } from 'node:path';
import { AppError, badInput } from '../errors';
import type { StoredDoc } from './collection-state';
import type { IndexSpec } from './document-store';
import { fromEjson, toEjson } from './ejson';
import { ChunkWriter, readLines, writeAll } from './journal-lines';
import { TimeSlicer } from '../time-slicer';

/** One acknowledged write. Records hold effects (whole documents, ids), never operations: replay is idempotent. */
export type JournalRecord =
  | { c: string; put: StoredDoc[]; del: string[] }
  | { c: string; index: IndexSpec }
  | { dropAll: true }
  /** A write-health probe (`/readyz`): changes nothing, skipped on replay. */
  | { probe: number };

/** The largest document the embedded store accepts, as MongoDB's BSON limit: 16 MiB of JSON. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The largest single write (one journal line): far below V8's string limit, so it reads back. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;
/** The longest line read back: what still decodes to one string (older versions wrote longer lines than we now accept). */
const MAX_LINE_BYTES = constants.MAX_STRING_LENGTH;

/** `snapshot.json` of earlier versions: one JSON document (read when no `snapshot.jsonl` exists). */
interface LegacySnapshot {
  version: 1;
  collections: Record<string, { indexes: IndexSpec[]; docs: StoredDoc[] }>;
}

const SNAPSHOT = 'snapshot.jsonl';
const LEGACY_SNAPSHOT = 'snapshot.json';
const JOURNAL = 'journal.jsonl';

const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * A record's JSON line as buffers, each document serialised on its own. With `limits`, a document
 * over MAX_DOCUMENT_BYTES or a record over MAX_RECORD_BYTES is refused (BAD_USER_INPUT).
 */
function encodeRecord(record: JournalRecord, limits: boolean): Buffer[] {
  if (!('put' in record)) return [Buffer.from(`${toEjson(record)}\n`)];
  const out: Buffer[] = [Buffer.from(`{"c":${JSON.stringify(record.c)},"put":[`)];
  let total = out[0].length;
  record.put.forEach((doc, i) => {
    let json: string;
    try {
      json = toEjson(doc);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      json = '';
    }
    const buf = Buffer.from(i === 0 ? json : `,${json}`);
    if (json === '' || (limits && buf.length > MAX_DOCUMENT_BYTES)) {
      throw badInput(
        `Document ${doc._id} in collection "${record.c}" is larger than the limit of ${MAX_DOCUMENT_BYTES} bytes`,
        [{ field: '_id', message: `document larger than ${MAX_DOCUMENT_BYTES} bytes` }],
      );
    }
    total += buf.length;
    if (limits && total > MAX_RECORD_BYTES) {
      throw badInput(
        `A write to collection "${record.c}" is larger than the limit of ${MAX_RECORD_BYTES} bytes`,
      );
    }
    out.push(buf);
  });
  out.push(Buffer.from(`],"del":${JSON.stringify(record.del)}}\n`));
  return out;
}

/**
 * The embedded store's files: `snapshot.jsonl` (the whole state at the last compaction, one line
 * per document) and `journal.jsonl` (one JSON line per acknowledged write since). Both are written
 * and read in chunks, a line at a time, so neither is ever one string however large the store.
 * A line is written with `writeSync` before the write's promise resolves, so it is in the OS page
 * cache (it survives the death of the process); `fsync: true` also forces it to disk.
 * A write that cannot be appended is cut back off the file and refused with UNAVAILABLE.
 */
export class Journal {
  private bytes: number;
  /** Set when a failed append could not be cut back: the file may hold half a line. */
  private damaged: string | null = null;

  private constructor(
    readonly dir: string,
    private readonly fd: number,
    private readonly fsync: boolean,
  ) {
    this.bytes = fstatSync(fd).size;
  }

  /** Opens the directory, feeding the snapshot then the journal to `replay`; returns the torn bytes ignored. */
  static open(
    dir: string,
    fsync: boolean,
    replay: (record: JournalRecord) => void,
  ): { journal: Journal; tornBytes: number } {
    mkdirSync(dir, { recursive: true });
    Journal.readSnapshot(dir, replay);
    const journalPath = join(dir, JOURNAL);
    const tornBytes = existsSync(journalPath)
      ? readLines(
          journalPath,
          MAX_LINE_BYTES,
          (line, n) => replay(Journal.parse(line, journalPath, n)),
          (n) => new Error(`Embedded store journal ${journalPath} is corrupt at line ${n}: line too long`),
        )
      : 0;
    // A torn last line was never acknowledged: cut it off, or the next append would be glued to it.
    if (tornBytes > 0) truncateSync(journalPath, statSync(journalPath).size - tornBytes);
    const fd = openSync(journalPath, 'a');
    return { journal: new Journal(dir, fd, fsync), tornBytes };
  }

  private static parse(line: string, path: string, n: number): JournalRecord {
    try {
      return fromEjson<JournalRecord>(line);
    } catch (e) {
      throw new Error(`Embedded store file ${path} is corrupt at line ${n}: ${(e as Error).message}`);
    }
  }

  private static readSnapshot(dir: string, replay: (record: JournalRecord) => void): void {
    const path = join(dir, SNAPSHOT);
    if (existsSync(path)) {
      const torn = readLines(
        path,
        MAX_LINE_BYTES,
        (line, n) => replay(Journal.parse(line, path, n)),
        (n) => new Error(`Embedded store snapshot ${path} is corrupt at line ${n}: line too long`),
      );
      if (torn > 0)
        throw new Error(`Embedded store snapshot ${path} is corrupt: its last line is incomplete`);
      return;
    }
    const legacy = join(dir, LEGACY_SNAPSHOT);
    if (!existsSync(legacy)) return;
    const snapshot = fromEjson<LegacySnapshot>(readFileSync(legacy, 'utf8'));
    for (const [c, { indexes, docs }] of Object.entries(snapshot.collections)) {
      replay({ c, put: docs, del: [] });
      for (const index of indexes) replay({ c, index });
    }
  }

  get size(): number {
    return this.bytes;
  }

  /** Why this journal cannot take writes any more, or null. */
  get damage(): string | null {
    return this.damaged;
  }

  /**
   * Appends one record as one line. A record too large is refused (BAD_USER_INPUT) before anything
   * is written; a failed write (disk full, I/O error) is cut back off the file and refused with
   * UNAVAILABLE. In both cases the file holds exactly the lines it held before.
   */
  append(record: JournalRecord): void {
    if (this.damaged) throw new AppError('UNAVAILABLE', `The store cannot write: ${this.damaged}`);
    const chunks = encodeRecord(record, true);
    let written = 0;
    try {
      for (const chunk of chunks) {
        writeAll(this.fd, chunk);
        written += chunk.length;
      }
      if (this.fsync) fsyncSync(this.fd);
    } catch (e) {
      try {
        ftruncateSync(this.fd, this.bytes);
      } catch (t) {
        this.damaged = `a failed write could not be undone (${errnoOf(t)}); restart to repair the journal`;
      }
      throw new AppError(
        'UNAVAILABLE',
        `The store could not save this write (${errnoOf(e)}); nothing was changed`,
      );
    }
    this.bytes += written;
  }

  /**
   * Streams `records` (the whole state) into a new snapshot atomically (temp file, fsync, rename)
   * and empties the journal. A crash between the rename and the truncation leaves records that are
   * already in the snapshot: replaying them is harmless because records are idempotent effects.
   * Encodes in slices of about 10 ms with the event loop free between them (a 54 MB state held
   * it 0.6-0.8 s in one piece); the caller keeps `records` unchanged until it resolves.
   */
  async compact(records: Iterable<JournalRecord>): Promise<void> {
    const tmp = join(this.dir, `${SNAPSHOT}.tmp`);
    const tfd = openSync(tmp, 'w');
    try {
      const out = new ChunkWriter(tfd);
      const slicer = new TimeSlicer();
      for (const record of records) {
        if (slicer.due) await slicer.pause();
        for (const chunk of encodeRecord(record, false)) out.push(chunk);
      }
      out.flush();
      fsyncSync(tfd);
    } catch (e) {
      closeSync(tfd);
      rmSync(tmp, { force: true });
      throw e;
    }
    closeSync(tfd);
    renameSync(tmp, join(this.dir, SNAPSHOT));
    rmSync(join(this.dir, LEGACY_SNAPSHOT), { force: true });
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}
