import { conflict } from '../errors';
import type { CollectionState, StoredDoc } from './collection-state';

/** The net effect of one write on one collection: the journal record's payload. */
export interface WriteEffects {
  put: StoredDoc[];
  del: string[];
}

/**
 * One atomic write on a collection. Each step is checked (duplicate `_id`, unique indexes) and applied
 * to memory at once, so later steps of a bulk see earlier ones; the first value of every touched
 * document is remembered so that `rollback` restores the collection exactly.
 */
export class WriteTxn {
  private readonly undo = new Map<string, StoredDoc | undefined>();
  /** Natural order before the first delete, so a rollback puts deleted documents back in place. */
  private orderBefore: string[] | null = null;

  constructor(readonly state: CollectionState) {}

  insert(doc: StoredDoc): void {
    if (this.state.docs.has(doc._id)) {
      throw conflict(`Duplicate key in collection "${this.state.name}": _id "${doc._id}" already exists`, [
        { field: '_id', message: `duplicate _id ${doc._id}` },
      ]);
    }
    this.put(doc);
  }

  /** Inserts or replaces by `_id`. */
  put(doc: StoredDoc): void {
    this.state.assertUnique(doc);
    this.remember(doc._id);
    this.state.set(doc);
  }

  remove(id: string): void {
    this.orderBefore ??= [...this.state.docs.keys()];
    this.remember(id);
    this.state.delete(id);
  }

  rollback(): void {
    for (const [id, prev] of [...this.undo].reverse()) {
      if (prev) this.state.set(prev);
      else this.state.delete(id);
    }
    if (this.orderBefore) this.state.reorder(this.orderBefore);
    this.undo.clear();
    this.orderBefore = null;
  }

  effects(): WriteEffects {
    const put: StoredDoc[] = [];
    const del: string[] = [];
    for (const id of this.undo.keys()) {
      const doc = this.state.docs.get(id);
      if (doc) put.push(doc);
      else del.push(id);
    }
    return { put, del };
  }

  private remember(id: string): void {
    if (!this.undo.has(id)) this.undo.set(id, this.state.docs.get(id));
  }
}
