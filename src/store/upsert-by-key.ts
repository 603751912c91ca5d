import type { BaseDoc, Collection } from './document-store';

/**
 * The stored documents whose `field` is one of `keys`, by that key: what an upsert by a
 * natural key (channel key, employee number, template name) finds already there.
 */
export async function existingByKey<T extends BaseDoc, K extends keyof T & string>(
  collection: Collection<T>,
  field: K,
  keys: readonly T[K][],
): Promise<Map<T[K], T>> {
  const found = await collection.find({ [field]: { $in: keys } });
  return new Map(found.map((doc) => [doc[field], doc]));
}

/**
 * Writes every document whole in one atomic bulk write: it replaces the stored document of its
 * `_id`, or is inserted when there is none. Writes nothing for no documents.
 */
export async function upsertAll<T extends BaseDoc>(
  collection: Collection<T>,
  docs: readonly T[],
): Promise<void> {
  if (docs.length === 0) return;
  await collection.bulkWrite(
    docs.map((doc) => ({ replace: { filter: { _id: doc._id }, doc, upsert: true } })),
  );
}
