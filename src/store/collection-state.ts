import { conflict } from '../errors';
import type { BaseDoc, IndexSpec } from './document-store';
import { UniqueIndex, indexName } from './unique-index';

export type StoredDoc = BaseDoc & Record<string, unknown>;

interface IndexEntry {
  spec: IndexSpec & { name: string };
  unique?: UniqueIndex;
}

const sameKeys = (a: IndexSpec['keys'], b: IndexSpec['keys']): boolean =>
  JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));

/**
 * One embedded collection in memory: documents by `_id` (insertion order is the natural order)
 * and its indexes. `set` / `delete` are raw (no checks): `WriteTxn` checks before it calls them.
 */
export class CollectionState {
  readonly docs = new Map<string, StoredDoc>();
  private readonly indexes = new Map<string, IndexEntry>();

  constructor(readonly name: string) {}

  indexSpecs(): IndexSpec[] {
    return [...this.indexes.values()].map((e) => e.spec);
  }

  assertUnique(doc: StoredDoc): void {
    for (const { unique } of this.indexes.values()) unique?.assertFree(doc);
  }

  set(doc: StoredDoc): void {
    const prev = this.docs.get(doc._id);
    for (const { unique } of this.indexes.values()) {
      if (prev) unique?.remove(prev);
      unique?.add(doc);
    }
    this.docs.set(doc._id, doc);
  }

  delete(id: string): void {
    const prev = this.docs.get(id);
    if (!prev) return;
    for (const { unique } of this.indexes.values()) unique?.remove(prev);
    this.docs.delete(id);
  }

  /** Restores a natural order (ids that no longer exist are skipped). */
  reorder(ids: string[]): void {
    const docs = ids.flatMap((id) => this.docs.get(id) ?? []);
    this.docs.clear();
    for (const doc of docs) this.docs.set(doc._id, doc);
  }

  /** Removes an index (undoes a `createIndex` whose journal line could not be written). */
  dropIndex(spec: IndexSpec): void {
    this.indexes.delete(indexName(spec));
  }

  /**
   * Adds an index; returns false when an identical one exists (idempotent). Throws CONFLICT when an
   * index of that name has other keys/options, or when existing documents violate a new unique index.
   */
  createIndex(spec: IndexSpec): boolean {
    const name = indexName(spec);
    const existing = this.indexes.get(name);
    if (existing) {
      if (sameKeys(existing.spec.keys, spec.keys) && !!existing.spec.unique === !!spec.unique) return false;
      throw conflict(
        `Index "${name}" on collection "${this.name}" already exists with different keys or options`,
      );
    }
    const entry: IndexEntry = { spec: { keys: { ...spec.keys }, unique: !!spec.unique, name } };
    if (spec.unique) {
      entry.unique = new UniqueIndex(this.name, name, spec.keys);
      entry.unique.build(this.docs.values());
    }
    this.indexes.set(name, entry);
    return true;
  }
}
