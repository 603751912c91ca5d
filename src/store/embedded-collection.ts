import { badInput } from '../errors';
import type { CollectionState, StoredDoc } from './collection-state';
import { collectPath, isPlainObject } from './doc-path';
import type {
  Accumulator,
  BaseDoc,
  BulkOp,
  BulkResult,
  Collection,
  Filter,
  FindOptions,
  Group,
  IndexSpec,
  Update,
  UpdateOptions,
  UpdateResult,
} from './document-store';
import { canonicalCopy, deepCopy, toEjson } from './ejson';
import { compileFilter, projectDocs, sortDocs } from './embedded-query';
import { applyUpdate, checkUpdate, upsertSeed, withId } from './embedded-update';
import { groupDocs } from './group-docs';
import type { WriteTxn } from './write-txn';

/** What a collection needs from its store (implemented by EmbeddedStore). */
export interface CollectionHost {
  state(name: string): CollectionState;
  write<R>(name: string, apply: (txn: WriteTxn) => R): Promise<R>;
  createIndex(name: string, spec: IndexSpec): Promise<void>;
}

const copyOut = <T>(doc: object): T => deepCopy(doc) as T;

const checkFilter = (filter: Filter | undefined): Filter => {
  if (filter !== undefined && !isPlainObject(filter)) throw badInput('Filter must be an object');
  return filter ?? {};
};

/** Matching documents in natural order; a string `_id` equality is a direct lookup. */
const matching = (state: CollectionState, filter: Filter | undefined): StoredDoc[] => {
  const f = checkFilter(filter);
  const test = compileFilter(f);
  if (typeof f._id === 'string') {
    const doc = state.docs.get(f._id);
    return doc && test(doc) ? [doc] : [];
  }
  const out: StoredDoc[] = [];
  for (const doc of state.docs.values()) if (test(doc)) out.push(doc);
  return out;
};

const firstMatch = (state: CollectionState, filter: Filter): StoredDoc | undefined => {
  const f = checkFilter(filter);
  if (typeof f._id === 'string') return matching(state, f)[0];
  const test = compileFilter(f);
  for (const doc of state.docs.values()) if (test(doc)) return doc;
  return undefined;
};

const newDoc = (doc: unknown): StoredDoc => {
  if (!isPlainObject(doc)) throw badInput('A document must be an object');
  return withId(canonicalCopy(doc));
};

interface Counts {
  matched: number;
  modified: number;
  upsertedId?: string;
}

/** Updates the first (or every, `multi`) matching document inside a write; upserts when asked. */
const updateIn = (
  txn: WriteTxn,
  filter: Filter,
  rawUpdate: Update,
  upsert: boolean,
  multi: boolean,
): Counts & { doc?: StoredDoc } => {
  const update = checkUpdate(rawUpdate);
  const targets = multi
    ? matching(txn.state, filter)
    : [firstMatch(txn.state, filter)].filter((d) => d !== undefined);
  if (targets.length === 0) {
    if (!upsert) return { matched: 0, modified: 0 };
    const seed = upsertSeed(filter) as StoredDoc;
    const doc = withId(applyUpdate(seed, update, true) ?? seed);
    txn.insert(doc);
    return { matched: 0, modified: 0, upsertedId: doc._id, doc };
  }
  let modified = 0;
  let last: StoredDoc | undefined;
  for (const target of targets) {
    const doc = applyUpdate(target, update, false);
    if (doc) {
      txn.put(doc);
      modified++;
    }
    last = doc ?? target;
  }
  return { matched: targets.length, modified, doc: last };
};

const replaceIn = (txn: WriteTxn, filter: Filter, replacement: BaseDoc, upsert: boolean): Counts => {
  const target = firstMatch(txn.state, filter);
  const body = newDoc({ ...replacement, _id: replacement?._id ?? target?._id ?? upsertSeed(filter)._id });
  if (!target) {
    if (!upsert) return { matched: 0, modified: 0 };
    txn.insert(body);
    return { matched: 0, modified: 0, upsertedId: body._id };
  }
  if (body._id !== target._id)
    throw badInput(`replaceOne would change the immutable field _id of "${target._id}"`);
  if (toEjson(body) === toEjson(target)) return { matched: 1, modified: 0 };
  txn.put(body);
  return { matched: 1, modified: 1 };
};

const deleteIn = (txn: WriteTxn, filter: Filter, multi: boolean): number => {
  const targets = multi
    ? matching(txn.state, filter)
    : [firstMatch(txn.state, filter)].filter((d) => d !== undefined);
  for (const doc of targets) txn.remove(doc._id);
  return targets.length;
};

const toResult = ({ matched, modified, upsertedId }: Counts): UpdateResult =>
  upsertedId === undefined ? { matched, modified } : { matched, modified, upsertedId };

export class EmbeddedCollection<T extends BaseDoc> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly host: CollectionHost,
  ) {}

  private get state(): CollectionState {
    return this.host.state(this.name);
  }

  async insertOne(doc: T): Promise<T> {
    const stored = newDoc(doc);
    await this.host.write(this.name, (txn) => txn.insert(stored));
    return copyOut<T>(stored);
  }

  async insertMany(docs: T[]): Promise<number> {
    if (!Array.isArray(docs)) throw badInput('insertMany expects an array of documents');
    const stored = docs.map(newDoc);
    await this.host.write(this.name, (txn) => stored.forEach((d) => txn.insert(d)));
    return stored.length;
  }

  async find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip = 0, limit, projection } = options;
    if (!Number.isInteger(skip) || skip < 0)
      throw badInput(`skip must be a non-negative integer, got ${skip}`);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw badInput(`limit must be a non-negative integer, got ${limit}`);
    }
    const sorted = sortDocs(matching(this.state, filter), sort);
    const page = sorted.slice(skip, limit ? skip + limit : undefined);
    return projectDocs(page, projection).map((d) => copyOut<T>(d));
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'sort' | 'projection'> = {}): Promise<T | null> {
    if (options.sort && Object.keys(options.sort).length > 0) {
      return (await this.find(filter, { ...options, limit: 1 }))[0] ?? null;
    }
    const doc = firstMatch(this.state, filter);
    return doc ? copyOut<T>(projectDocs([doc], options.projection)[0]) : null;
  }

  async findById(id: string): Promise<T | null> {
    const doc = this.state.docs.get(id);
    return doc ? copyOut<T>(doc) : null;
  }

  async updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.host.write(this.name, (txn) =>
      toResult(updateIn(txn, filter, update, !!options.upsert, false)),
    );
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.host.write(this.name, (txn) => toResult(updateIn(txn, filter, update, false, true)));
  }

  async findOneAndUpdate(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<T | null> {
    const doc = await this.host.write(
      this.name,
      (txn) => updateIn(txn, filter, update, !!options.upsert, false).doc,
    );
    return doc ? copyOut<T>(doc) : null;
  }

  async replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.host.write(this.name, (txn) => toResult(replaceIn(txn, filter, doc, !!options.upsert)));
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.host.write(this.name, (txn) => deleteIn(txn, filter, false));
  }

  async deleteMany(filter: Filter): Promise<number> {
    return this.host.write(this.name, (txn) => deleteIn(txn, filter, true));
  }

  async count(filter?: Filter): Promise<number> {
    if (!filter || Object.keys(filter).length === 0) return this.state.docs.size;
    return matching(this.state, filter).length;
  }

  async group<K extends string>(
    filter: Filter,
    by: readonly string[],
    accumulators: Readonly<Record<K, Accumulator>>,
  ): Promise<Group<K>[]> {
    return groupDocs(matching(this.state, filter), by, accumulators);
  }

  async distinct<V = unknown>(field: string, filter?: Filter): Promise<V[]> {
    const seen = new Map<string, unknown>();
    for (const doc of matching(this.state, filter)) {
      for (const value of collectPath(doc, field)) {
        const key = toEjson(value);
        if (!seen.has(key)) seen.set(key, value);
      }
    }
    return [...seen.values()].map((v) => deepCopy(v) as V);
  }

  async bulkWrite(ops: BulkOp<T>[]): Promise<BulkResult> {
    if (!Array.isArray(ops)) throw badInput('bulkWrite expects an array of operations');
    return this.host.write(this.name, (txn) => {
      const result: BulkResult = { inserted: 0, matched: 0, modified: 0, upserted: 0, deleted: 0 };
      ops.forEach((op, i) => {
        if ('insert' in op) {
          txn.insert(newDoc(op.insert));
          result.inserted++;
        } else if ('update' in op) {
          const { filter, update, upsert, multi } = op.update;
          const r = updateIn(txn, filter, update, !!upsert, !!multi);
          result.matched += r.matched;
          result.modified += r.modified;
          if (r.upsertedId !== undefined) result.upserted++;
        } else if ('replace' in op) {
          const r = replaceIn(txn, op.replace.filter, op.replace.doc, !!op.replace.upsert);
          result.matched += r.matched;
          result.modified += r.modified;
          if (r.upsertedId !== undefined) result.upserted++;
        } else if ('delete' in op) {
          result.deleted += deleteIn(txn, op.delete.filter, !!op.delete.multi);
        } else {
          throw badInput(`bulkWrite operation ${i} must be one of insert, update, replace, delete`);
        }
      });
      return result;
    });
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    if (!isPlainObject(spec?.keys) || Object.keys(spec.keys).length === 0) {
      throw badInput('createIndex needs keys, e.g. { keys: { channel: 1 } }');
    }
    return this.host.createIndex(this.name, spec);
  }
}
