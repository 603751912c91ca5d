import { conflict } from '../errors';
import { getPath } from './doc-path';
import type { BaseDoc, IndexSpec } from './document-store';
import { toEjson } from './ejson';

/** MongoDB's default index name: `channel_1_date_1`. */
export const indexName = (spec: IndexSpec): string =>
  spec.name ??
  Object.entries(spec.keys)
    .map(([field, dir]) => `${field}_${dir}`)
    .join('_');

/** One key component, type-tagged so that 1 and '1' differ while two equal Dates agree. */
const keyPart = (v: unknown): string => {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'NaN' : v.toISOString()})`;
  return toEjson(v);
};

/**
 * A unique index: key → owning `_id`, so an insert checks uniqueness in O(1).
 * Like MongoDB, a missing field indexes as `null` (two documents without the field collide).
 * Array values are indexed as a whole (no multikey expansion).
 */
export class UniqueIndex {
  private readonly owners = new Map<string, string>();
  private readonly fields: string[];
  private readonly paths: string[][];

  constructor(
    readonly collection: string,
    readonly name: string,
    keys: IndexSpec['keys'],
  ) {
    this.fields = Object.keys(keys);
    this.paths = this.fields.map((f) => f.split('.'));
  }

  keyOf(doc: BaseDoc): string {
    return this.paths.length === 1
      ? keyPart(getPath(doc, this.paths[0]))
      : this.paths.map((p) => keyPart(getPath(doc, p))).join(',');
  }

  /** Throws CONFLICT when another document already holds `doc`'s key. */
  assertFree(doc: BaseDoc): void {
    const key = this.keyOf(doc);
    const owner = this.owners.get(key);
    if (owner !== undefined && owner !== doc._id) {
      throw conflict(
        `Duplicate key in collection "${this.collection}": unique index "${this.name}" ` +
          `(${this.fields.join(', ')}) already has ${key}`,
        [{ field: this.fields.join(','), message: `duplicate key ${key}` }],
      );
    }
  }

  add(doc: BaseDoc): void {
    this.owners.set(this.keyOf(doc), doc._id);
  }

  remove(doc: BaseDoc): void {
    const key = this.keyOf(doc);
    if (this.owners.get(key) === doc._id) this.owners.delete(key);
  }

  /** Builds the index over existing documents; throws CONFLICT (leaving it empty) on a duplicate. */
  build(docs: Iterable<BaseDoc>): void {
    this.owners.clear();
    try {
      for (const doc of docs) {
        this.assertFree(doc);
        this.add(doc);
      }
    } catch (e) {
      this.owners.clear();
      throw e;
    }
  }
}
