import { randomUUID } from 'node:crypto';
import type {
  AnyBulkWriteOperation,
  ClientSession,
  Document,
  Filter as DriverFilter,
  Collection as DriverCollection,
  UpdateFilter,
} from 'mongodb';
import { MongoBulkWriteError, ObjectId } from 'mongodb';
import { badInput } from '../errors';
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
import { canonicalCopy } from './ejson';
import { checkGroup, sortGroups } from './group-docs';
import { toAppError } from './mongo-errors';

/** Runs `fn` atomically: in a transaction when the deployment supports them, directly otherwise. */
export type Atomically = <R>(fn: (session: ClientSession | undefined) => Promise<R>) => Promise<R>;

// The driver's generic Filter/UpdateFilter types do not fit the port's untyped query documents:
// every cast between the two lives here.
const asFilter = (f: Filter | undefined): DriverFilter<Document> => f ?? {};
const asUpdate = (u: Update): UpdateFilter<Document> => u as UpdateFilter<Document>;
const asDoc = <T>(d: Document | null): T | null => d as T | null;
const asDocs = <T>(docs: Document[]): T[] => docs as unknown as T[];
const toDriverDoc = (doc: BaseDoc): Document => doc;

const hasId = (filter: Filter): boolean => Object.prototype.hasOwnProperty.call(filter, '_id');

/** Upserts must create string `_id`s, never ObjectIds: a UUID unless the filter fixes the `_id`. */
const withUpsertId = (filter: Filter, update: Update, upsert: boolean): Update => {
  if (!upsert || hasId(filter) || update.$set?._id !== undefined) return update;
  return { ...update, $setOnInsert: { ...update.$setOnInsert, _id: randomUUID() } };
};

const newDoc = <T extends BaseDoc>(doc: T): T => {
  const copy = canonicalCopy(doc);
  const id = copy._id ?? randomUUID();
  if (typeof id !== 'string' || id.length === 0)
    throw badInput(`_id must be a non-empty string, got ${String(id)}`);
  return { ...copy, _id: id };
};

export class MongoCollection<T extends BaseDoc> implements Collection<T> {
  constructor(
    private readonly coll: DriverCollection<Document>,
    private readonly atomically: Atomically,
    private readonly transactional: boolean,
  ) {}

  get name(): string {
    return this.coll.collectionName;
  }

  private async run<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (e) {
      throw toAppError(e, this.name);
    }
  }

  async insertOne(doc: T): Promise<T> {
    const stored = newDoc(doc);
    await this.run(() => this.coll.insertOne(toDriverDoc({ ...stored })));
    return canonicalCopy(stored);
  }

  async insertMany(docs: T[]): Promise<number> {
    if (docs.length === 0) return 0;
    const stored = docs.map(newDoc);
    const driverDocs = stored.map(toDriverDoc);
    await this.run(async () => {
      try {
        await this.atomically((session) => this.coll.insertMany(driverDocs, { session, ordered: true }));
      } catch (e) {
        if (!this.transactional) await this.undoOrderedInsert(stored, e);
        throw e;
      }
    });
    return stored.length;
  }

  find(filter?: Filter, options: FindOptions = {}): Promise<T[]> {
    const { sort, skip, limit, projection } = options;
    return this.run(async () =>
      asDocs<T>(await this.coll.find(asFilter(filter), { sort, skip, limit, projection }).toArray()),
    );
  }

  findOne(filter: Filter, options: Pick<FindOptions, 'sort' | 'projection'> = {}): Promise<T | null> {
    return this.run(async () => asDoc<T>(await this.coll.findOne(asFilter(filter), options)));
  }

  findById(id: string): Promise<T | null> {
    return this.findOne({ _id: id });
  }

  updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const upsert = !!options.upsert;
    return this.run(async () => {
      const r = await this.coll.updateOne(asFilter(filter), asUpdate(withUpsertId(filter, update, upsert)), {
        upsert,
      });
      return toResult(r.matchedCount, r.modifiedCount, r.upsertedId);
    });
  }

  updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    return this.run(async () => {
      const r = await this.coll.updateMany(asFilter(filter), asUpdate(update));
      return toResult(r.matchedCount, r.modifiedCount, null);
    });
  }

  findOneAndUpdate(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<T | null> {
    const upsert = !!options.upsert;
    return this.run(async () =>
      asDoc<T>(
        await this.coll.findOneAndUpdate(asFilter(filter), asUpdate(withUpsertId(filter, update, upsert)), {
          upsert,
          returnDocument: 'after',
        }),
      ),
    );
  }

  replaceOne(filter: Filter, doc: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    const upsert = !!options.upsert;
    return this.run(async () => {
      const replacement = await this.replacementFor(filter, doc, upsert);
      const r = await this.coll.replaceOne(asFilter(filter), replacement, { upsert });
      return toResult(r.matchedCount, r.modifiedCount, r.upsertedId);
    });
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.run(async () => (await this.coll.deleteOne(asFilter(filter))).deletedCount);
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.run(async () => (await this.coll.deleteMany(asFilter(filter))).deletedCount);
  }

  count(filter?: Filter): Promise<number> {
    return this.run(() => this.coll.countDocuments(asFilter(filter)));
  }

  distinct<V = unknown>(field: string, filter?: Filter): Promise<V[]> {
    return this.run(async () => (await this.coll.distinct(field, asFilter(filter))) as V[]);
  }

  async group<K extends string>(
    filter: Filter,
    by: readonly string[],
    accumulators: Readonly<Record<K, Accumulator>>,
  ): Promise<Group<K>[]> {
    const parts = checkGroup(by, accumulators);
    // a missing key field groups with null, as in the embedded store
    const _id = Object.fromEntries(by.map((path, i) => [`k${i}`, { $ifNull: [`$${path}`, null] }]));
    const folds = Object.fromEntries(
      parts.map(([name, kind, field]) => [name, { [kind]: field === null ? 1 : `$${field}` }]),
    );
    return this.run(async () => {
      const rows = await this.coll
        .aggregate([{ $match: asFilter(filter) }, { $group: { _id, ...folds } }], { allowDiskUse: true })
        .toArray();
      return sortGroups(
        rows.map((row) => ({
          key: by.map((_, i) => (row._id as Record<string, unknown>)[`k${i}`] ?? null),
          values: Object.fromEntries(parts.map(([name]) => [name, row[name] ?? null])) as Record<K, unknown>,
        })),
      );
    });
  }

  bulkWrite(ops: BulkOp<T>[]): Promise<BulkResult> {
    return this.run(async () => {
      if (ops.length === 0) return { inserted: 0, matched: 0, modified: 0, upserted: 0, deleted: 0 };
      const driverOps = await Promise.all(ops.map((op) => this.toDriverOp(op)));
      const r = await this.atomically((session) =>
        this.coll.bulkWrite(driverOps, { session, ordered: true }),
      );
      return {
        inserted: r.insertedCount,
        matched: r.matchedCount,
        modified: r.modifiedCount,
        upserted: r.upsertedCount,
        deleted: r.deletedCount,
      };
    });
  }

  createIndex(spec: IndexSpec): Promise<void> {
    return this.run(async () => {
      await this.coll.createIndex(spec.keys, {
        unique: !!spec.unique,
        ...(spec.name ? { name: spec.name } : {}),
      });
    });
  }

  private async toDriverOp(op: BulkOp<T>): Promise<AnyBulkWriteOperation<Document>> {
    if ('insert' in op) return { insertOne: { document: toDriverDoc(newDoc(op.insert)) } };
    if ('update' in op) {
      const { filter, update, upsert = false, multi = false } = op.update;
      const body = {
        filter: asFilter(filter),
        update: asUpdate(withUpsertId(filter, update, upsert && !multi)),
        upsert,
      };
      return multi ? { updateMany: body } : { updateOne: body };
    }
    if ('replace' in op) {
      const { filter, doc, upsert = false } = op.replace;
      return {
        replaceOne: {
          filter: asFilter(filter),
          replacement: await this.replacementFor(filter, doc, upsert),
          upsert,
        },
      };
    }
    if ('delete' in op) {
      const body = { filter: asFilter(op.delete.filter) };
      return op.delete.multi ? { deleteMany: body } : { deleteOne: body };
    }
    throw badInput('bulkWrite operations must be one of insert, update, replace, delete');
  }

  /** Without transactions, an ordered insertMany stops at the first error: delete what it had inserted. */
  private async undoOrderedInsert(stored: T[], e: unknown): Promise<void> {
    if (!(e instanceof MongoBulkWriteError)) return;
    const errors = [e.writeErrors].flat();
    const failedAt = Math.min(...errors.map((w) => w.index));
    const inserted = stored.slice(0, Number.isFinite(failedAt) ? failedAt : 0).map((d) => d._id);
    if (inserted.length > 0) await this.coll.deleteMany(asFilter({ _id: { $in: inserted } }));
  }

  /** A replacement for an upsert needs a string `_id`: the doc's, the filter's, the match's, or a new UUID. */
  private async replacementFor(filter: Filter, doc: T, upsert: boolean): Promise<Document> {
    const copy: Document = canonicalCopy(doc);
    if (!upsert || copy._id !== undefined) return copy;
    if (typeof filter._id === 'string') return { ...copy, _id: filter._id };
    const match = await this.coll.findOne(asFilter(filter), { projection: { _id: 1 } });
    return { ...copy, _id: match?._id ?? randomUUID() };
  }
}

const toResult = (matched: number, modified: number, upsertedId: unknown): UpdateResult =>
  upsertedId === null || upsertedId === undefined
    ? { matched, modified }
    : { matched, modified, upsertedId: idText(upsertedId) };

/** A stored `_id` as text: ours are strings; a foreign ObjectId shows as its hex form. */
const idText = (id: unknown): string =>
  typeof id === 'string' ? id : id instanceof ObjectId ? id.toHexString() : JSON.stringify(id);
