import type { Accumulator, BaseDoc, Collection, Filter } from './document-store';

/**
 * `collection` with every document it returns passed through `read`: an older stored shape
 * brought to the current one where it leaves the store, so no caller needs its own fallback.
 * Writes, counts, `distinct` and `group` (values, not documents) go through unchanged; `read` must not
 * change what a filter or an update means (it fills in, it does not rename).
 */
export function readMapped<T extends BaseDoc>(collection: Collection<T>, read: (doc: T) => T): Collection<T> {
  const one = (doc: T | null): T | null => (doc === null ? null : read(doc));
  return {
    name: collection.name,
    insertOne: async (doc) => read(await collection.insertOne(doc)),
    insertMany: (docs) => collection.insertMany(docs),
    find: async (filter, options) => (await collection.find(filter, options)).map(read),
    findOne: async (filter, options) => one(await collection.findOne(filter, options)),
    findById: async (id) => one(await collection.findById(id)),
    updateOne: (filter, update, options) => collection.updateOne(filter, update, options),
    updateMany: (filter, update) => collection.updateMany(filter, update),
    findOneAndUpdate: async (filter, update, options) =>
      one(await collection.findOneAndUpdate(filter, update, options)),
    replaceOne: (filter, doc, options) => collection.replaceOne(filter, doc, options),
    deleteOne: (filter) => collection.deleteOne(filter),
    deleteMany: (filter) => collection.deleteMany(filter),
    count: (filter) => collection.count(filter),
    distinct: <V>(field: string, filter?: Filter) => collection.distinct<V>(field, filter),
    group: <K extends string>(
      filter: Filter,
      by: readonly string[],
      accumulators: Readonly<Record<K, Accumulator>>,
    ) => collection.group(filter, by, accumulators),
    bulkWrite: (ops) => collection.bulkWrite(ops),
    createIndex: (spec) => collection.createIndex(spec),
  };
}
