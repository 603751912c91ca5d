import { mkdirSync } from 'node:fs';
import { AppError } from '../errors';
import { AsyncMutex } from './async-mutex';
import { CollectionState } from './collection-state';
import { DataDirLock } from './data-dir-lock';
import type { BaseDoc, Collection, DocumentStore, IndexSpec } from './document-store';
import { EmbeddedCollection, type CollectionHost } from './embedded.collection';
import { Journal, type JournalRecord, type Snapshot } from './journal';
import { WriteTxn } from './write-txn';

export interface EmbeddedStoreOptions {
  /** Directory for `snapshot.json` + `journal.jsonl`; undefined keeps everything in memory. */
  dataDir?: string;
  /** fsync every journal line (survives power loss, not only process death). Default false. */
  fsync?: boolean;
  /** Compact (rewrite the snapshot, empty the journal) once the journal exceeds this. Default 64 MiB. */
  compactAfterBytes?: number;
}

const DEFAULT_COMPACT_AFTER = 64 * 1024 * 1024;

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

  private constructor(
    private readonly journal: Journal | null,
    private readonly lock: DataDirLock | null,
    private readonly compactAfterBytes: number,
  ) {}

  static async open(options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
    const compactAfter = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER;
    if (options.dataDir === undefined) return new EmbeddedStore(null, null, compactAfter);
    mkdirSync(options.dataDir, { recursive: true });
    const lock = DataDirLock.acquire(options.dataDir);
    try {
      const { journal, contents } = Journal.open(options.dataDir, options.fsync ?? false);
      const store = new EmbeddedStore(journal, lock, compactAfter);
      if (contents.snapshot) store.loadSnapshot(contents.snapshot);
      for (const record of contents.records) store.replay(record);
      store.rebuildIndexes();
      journal.compact(store.snapshot());
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

  dropAll(): Promise<void> {
    return this.mutex.run(() => {
      this.assertOpen();
      this.journal?.append({ dropAll: true });
      this.states.clear();
    });
  }

  close(): Promise<void> {
    return this.mutex.run(() => {
      if (this.closed) return;
      this.closed = true;
      try {
        this.journal?.compact(this.snapshot());
        this.journal?.close();
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
    return this.mutex.run(() => {
      const txn = new WriteTxn(this.state(name));
      try {
        const result = apply(txn);
        const { put, del } = txn.effects();
        if (put.length + del.length > 0) this.append({ c: name, put, del });
        return result;
      } catch (e) {
        txn.rollback();
        throw e;
      }
    });
  }

  /** @internal Creates an index (idempotent) and journals it when new. */
  createIndex(name: string, spec: IndexSpec): Promise<void> {
    return this.mutex.run(() => {
      if (this.state(name).createIndex(spec)) this.append({ c: name, index: spec });
    });
  }

  private append(record: JournalRecord): void {
    if (!this.journal) return;
    this.journal.append(record);
    if (this.journal.size > this.compactAfterBytes) this.journal.compact(this.snapshot());
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('FAILED_PRECONDITION', 'Embedded store is closed');
  }

  private snapshot(): Snapshot {
    const collections: Snapshot['collections'] = {};
    for (const [name, state] of this.states) {
      collections[name] = { indexes: state.indexSpecs(), docs: [...state.docs.values()] };
    }
    return { version: 1, collections };
  }

  private loadSnapshot(snapshot: Snapshot): void {
    for (const [name, { indexes, docs }] of Object.entries(snapshot.collections)) {
      const state = this.state(name);
      for (const doc of docs) state.docs.set(doc._id, doc);
      for (const spec of indexes) this.pendingIndexes.push([name, spec]);
    }
  }

  /** Applies a journal record without checks; indexes are rebuilt once replay is complete. */
  private replay(record: JournalRecord): void {
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
