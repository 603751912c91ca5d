/**
 * The storage port. Features talk to this interface only; `MongoStore` (official driver)
 * and `EmbeddedStore` (in-process, persisted under DATA_DIR) implement it, and one
 * contract suite (tests/integration/store/) runs against both.
 *
 * Filters, sorts, projections and updates use MongoDB's query language. Documents have
 * string `_id`s (UUID/ULID), never ObjectId, so both stores agree.
 */

export interface BaseDoc {
  _id: string;
}

/** A MongoDB-style filter: `{ field: value | { $in, $gte, $lt, ... }, $or: [...] }`. */
export type Filter = Record<string, unknown>;
/** `{ field: 1 | -1 }`, applied in key order. */
export type Sort = Record<string, 1 | -1>;
/** Inclusion (`{ a: 1 }`) or exclusion (`{ a: 0 }`) projection. */
export type Projection = Record<string, 0 | 1>;

/** `$set`, `$unset`, `$inc`, `$push`, `$pull`, `$setOnInsert` (an update document, never a replacement). */
export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
  $setOnInsert?: Record<string, unknown>;
}

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matched: number;
  modified: number;
  /** `_id` of the document created by an upsert, if one was. */
  upsertedId?: string;
}

/** One operation of an atomic `bulkWrite`. */
export type BulkOp<T extends BaseDoc> =
  | { insert: T }
  | { update: { filter: Filter; update: Update; upsert?: boolean; multi?: boolean } }
  | { replace: { filter: Filter; doc: T; upsert?: boolean } }
  | { delete: { filter: Filter; multi?: boolean } };

export interface BulkResult {
  inserted: number;
  matched: number;
  modified: number;
  upserted: number;
  deleted: number;
}

export interface IndexSpec {
  /** Field → direction, e.g. `{ channel: 1, date: 1 }`. */
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name?: string;
}

/**
 * One accumulator of `Collection.group`, with MongoDB's `$group` meaning: `$sum` of 1 counts
 * the documents, `$sum` of a field adds its numbers (other values and missing fields are passed
 * over: 0 when none); `$min` / `$max` of a field is its least / greatest value in MongoDB's
 * order, documents where it is missing or null passed over (null when none).
 */
export type Accumulator = { $sum: string | 1 } | { $min: string } | { $max: string };

/** A group of `Collection.group`: the values of its `by` fields (null where missing), and its accumulated values. */
export interface Group<K extends string> {
  key: unknown[];
  values: Record<K, unknown>;
}

export interface Collection<T extends BaseDoc> {
  readonly name: string;
  insertOne(doc: T): Promise<T>;
  /** All or nothing: on any failure (e.g. a unique violation) none is written. */
  insertMany(docs: T[]): Promise<number>;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter: Filter, options?: Pick<FindOptions, 'sort' | 'projection'>): Promise<T | null>;
  findById(id: string): Promise<T | null>;
  updateOne(filter: Filter, update: Update, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  /** Atomically updates one document and returns it after the update (null if none matched and no upsert). */
  findOneAndUpdate(filter: Filter, update: Update, options?: UpdateOptions): Promise<T | null>;
  /** Replaces the whole document (keeps `_id`). */
  replaceOne(filter: Filter, doc: T, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
  count(filter?: Filter): Promise<number>;
  /** Distinct values of a field among matching documents. */
  distinct<V = unknown>(field: string, filter?: Filter): Promise<V[]>;
  /**
   * Matching documents grouped by the values of the `by` fields (dotted paths to scalars), each
   * group folded by its `accumulators` (output name → accumulator); groups in `key` order.
   * The store folds them where they are (MongoDB: an aggregation; embedded: in place, no
   * document copied): what returns is one small record per group, whatever the documents hold.
   */
  group<K extends string>(
    filter: Filter,
    by: readonly string[],
    accumulators: Readonly<Record<K, Accumulator>>,
  ): Promise<Group<K>[]>;
  /**
   * Several writes applied atomically to this collection: either all are visible and
   * durable, or none is (embedded: one journal record; MongoDB: a transaction).
   */
  bulkWrite(ops: BulkOp<T>[]): Promise<BulkResult>;
  createIndex(spec: IndexSpec): Promise<void>;
}

export interface DocumentStore {
  /** 'mongo' or 'embedded', for logs and /readyz. */
  readonly kind: 'mongo' | 'embedded';
  collection<T extends BaseDoc>(name: string): Collection<T>;
  /** Resolves when the store can serve requests; rejects otherwise. */
  ping(): Promise<void>;
  /**
   * Resolves when the store can take writes now; rejects with the reason otherwise (embedded: the
   * journal takes a probe line and no write failed lately; MongoDB: a writable primary answers).
   */
  checkWritable(): Promise<void>;
  /** Drops every collection (seed --reset, tests). */
  dropAll(): Promise<void>;
  close(): Promise<void>;
}
