import { mkdirSync } from 'node:fs';
import { AppError, isAppError } from '../errors';
import { AsyncMutex } from './async-mutex';
import { CollectionState } from './collection-state';
import { DataDirLock } from './data-dir-lock';
import type { BaseDoc, Collection, DocumentStore, IndexSpec } from './document-store';
import { EmbeddedCollection, type CollectionHost } from './embedded-collection';
import { Journal, type JournalRecord } from './journal';
import { WriteTxn } from './write-txn';

export interface EmbeddedStoreOptions {
  /** Directory for `snapshot.jsonl` + `journal.jsonl`; undefined keeps everything in memory. */
  dataDir?: string;
  /** fsync every journal line (survives power loss, not only process death). Default false. */
  fsync?: boolean;
  /** Compact (rewrite the snapshot, empty the journal) once the journal exceeds this. Default 64 MiB. */
  compactAfterBytes?: number;
}

const DEFAULT_COMPACT_AFTER = 64 * 1024 * 1024;
/** How long a failed journal write keeps `checkWritable` failing (then the probe alone decides). */
export const WRITE_FAILURE_WINDOW_MS = 30_000;

/**
 * An in-process DocumentStore with MongoDB query semantics (mingo), persisted as a snapshot plus an
 * append-only journal of JSON lines (one line per acknowledged write, so a bulk write is atomic).
 * Writes are serialised by a mutex and applied synchronously, so readers never see half a write.
 */
export class EmbeddedStore implements DocumentStore, CollectionHost {
  readonly kind = 'embedded' as const;
  private readonly states = new Map<string, CollectionState>();
  private readonly handles = new Map<string, EmbeddedCollection<BaseDoc>>();
  private readonly mutex = new AsyncMutex();
  /** Index specs met while loading; built once all documents are in place. */
  private readonly pendingIndexes: Array<[string, IndexSpec]> = [];
  private closed = false;
  private journal: Journal | null = null;
  /** Compact once the journal passes this size (pushed back after a failed compaction). */
  private compactAt: number;
  /** The last failed journal write, reported by `checkWritable` for WRITE_FAILURE_WINDOW_MS. */
  private lastWriteFailure: { at: number; message: string } | null = null;

  private constructor(
    private readonly lock: DataDirLock | null,
    private readonly compactAfterBytes: number,
  ) {
    this.compactAt = compactAfterBytes;
  }

  static async open(options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
    const compactAfter = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER;
    if (options.dataDir === undefined) return new EmbeddedStore(null, compactAfter);
    mkdirSync(options.dataDir, { recursive: true });
    const lock = DataDirLock.acquire(options.dataDir);
    try {
      const store = new EmbeddedStore(lock, compactAfter);
      const { journal } = Journal.open(options.dataDir, options.fsync ?? false, (r) => store.replay(r));
      store.journal = journal;
      store.rebuildIndexes();
      await store.compact(journal);
      return store;
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  collection<T extends BaseDoc>(name: string): Collection<T> {
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new EmbeddedCollection<BaseDoc>(name, this);
      this.handles.set(name, handle);
    }
    return handle as unknown as Collection<T>;
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  /**
   * Appends a probe line to the journal (through the write queue, like any write): rejects with
   * UNAVAILABLE when that fails, when the journal is damaged, or when a write failed in the last
   * WRITE_FAILURE_WINDOW_MS (a full disk may still take a short line but not the next document).
   */
  checkWritable(): Promise<void> {
    return this.mutex.run(() => {
      this.assertOpen();
      const failure = this.lastWriteFailure;
      if (failure && Date.now() - failure.at < WRITE_FAILURE_WINDOW_MS) {
        throw new AppError(
          'UNAVAILABLE',
          `a write failed ${Date.now() - failure.at} ms ago: ${failure.message}`,
        );
      }
      this.append({ probe: Date.now() });
    });
  }

  dropAll(): Promise<void> {
    return this.mutex.run(() => {
      this.assertOpen();
      this.journal?.append({ dropAll: true });
      this.states.clear();
    });
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      try {
        try {
          if (this.journal && !this.journal.damage) await this.journal.compact(this.snapshotRecords());
        } finally {
          this.journal?.close();
        }
      } finally {
        this.lock?.release();
      }
    });
  }

  /** @internal The collection's live state (created on first use). Callers must not mutate it. */
  state(name: string): CollectionState {
    this.assertOpen();
    let state = this.states.get(name);
    if (!state) {
      state = new CollectionState(name);
      this.states.set(name, state);
    }
    return state;
  }

  /**
   * @internal Runs `apply` as one atomic, journaled write on a collection: on any error (a
   * conflict, a failed journal append) every change it made is rolled back.
   */
  write<R>(name: string, apply: (txn: WriteTxn) => R): Promise<R> {
    return this.mutex.run(async () => {
      const txn = new WriteTxn(this.state(name));
      let result: R;
      try {
        result = apply(txn);
        const { put, del } = txn.effects();
        if (put.length + del.length > 0) this.append({ c: name, put, del });
      } catch (e) {
        txn.rollback();
        throw e;
      }
      await this.compactIfDue();
      return result;
    });
  }

  /** @internal Creates an index (idempotent) and journals it when new. */
  createIndex(name: string, spec: IndexSpec): Promise<void> {
    return this.mutex.run(async () => {
      const state = this.state(name);
      if (!state.createIndex(spec)) return;
      try {
        this.append({ c: name, index: spec });
      } catch (e) {
        state.dropIndex(spec);
        throw e;
      }
      await this.compactIfDue();
    });
  }

  /**
   * Journals one record; throws (and remembers an I/O failure) when it cannot. The caller then
   * runs `compactIfDue`, which never fails the write: the journal already holds it.
   */
  private append(record: JournalRecord): void {
    if (!this.journal) return;
    try {
      this.journal.append(record);
    } catch (e) {
      if (isAppError(e) && e.code === 'UNAVAILABLE')
        this.lastWriteFailure = { at: Date.now(), message: e.message };
      throw e;
    }
    this.lastWriteFailure = null;
  }

  /** Compacts once the journal has passed its threshold (inside the write queue: writes wait, reads go on). */
  private async compactIfDue(): Promise<void> {
    if (this.journal && this.journal.size > this.compactAt) await this.compact(this.journal);
  }

  /** Rewrites the snapshot; on failure keeps the journal (it holds every write) and retries later. */
  private async compact(journal: Journal): Promise<void> {
    try {
      await journal.compact(this.snapshotRecords());
      this.compactAt = this.compactAfterBytes;
    } catch (e) {
      this.compactAt = journal.size + this.compactAfterBytes;
      this.lastWriteFailure = { at: Date.now(), message: `compaction failed: ${(e as Error).message}` };
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('FAILED_PRECONDITION', 'Embedded store is closed');
  }

  /** The whole state as records, one document per record, generated lazily for a streamed snapshot. */
  private *snapshotRecords(): Generator<JournalRecord> {
    for (const [c, state] of this.states) {
      yield { c, put: [], del: [] };
      for (const index of state.indexSpecs()) yield { c, index };
      for (const doc of state.docs.values()) yield { c, put: [doc], del: [] };
    }
  }

  /** Applies a snapshot or journal record without checks; indexes are rebuilt once replay is complete. */
  private replay(record: JournalRecord): void {
    if ('probe' in record) return;
    if ('dropAll' in record) {
      this.states.clear();
      this.pendingIndexes.length = 0;
    } else if ('index' in record) {
      this.state(record.c);
      this.pendingIndexes.push([record.c, record.index]);
    } else {
      const { docs } = this.state(record.c);
      for (const id of record.del) docs.delete(id);
      for (const doc of record.put) docs.set(doc._id, doc);
    }
  }

  private rebuildIndexes(): void {
    for (const [name, spec] of this.pendingIndexes) {
      if (this.states.has(name)) this.state(name).createIndex(spec);
    }
    this.pendingIndexes.length = 0;
  }
}
