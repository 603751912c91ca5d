import { randomUUID } from 'node:crypto';
import { update as mingoUpdate } from 'mingo';
import { badInput } from '../errors';
import type { StoredDoc } from './collection-state';
import { isPlainObject, setPath, type PlainObject } from './doc-path';
import type { Filter, Update } from './document-store';
import { canonicalCopy, deepCopy } from './ejson';
import { editedCopy, plainEdits } from './plain-update';

/** Update operators the embedded store accepts (the port's set plus mingo's other field operators). */
const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$push',
  '$pull',
  '$setOnInsert',
  '$addToSet',
  '$min',
  '$max',
  '$mul',
  '$pop',
  '$pullAll',
  '$rename',
  '$currentDate',
]);

/** Validates an update document and returns a private, canonical copy of it. */
export const checkUpdate = (update: Update): Update => {
  const ops = isPlainObject(update) ? Object.keys(update) : [];
  if (ops.length === 0) throw badInput('Update document must contain update operators, e.g. { $set: {...} }');
  const unknown = ops.filter((op) => !OPERATORS.has(op));
  if (unknown.length > 0) throw badInput(`Unsupported update operator(s): ${unknown.join(', ')}`);
  return canonicalCopy(update);
};

/**
 * `doc` after an update of field operators, or null when nothing changes; `doc` is never
 * changed. Plain `$set`/`$unset`/`$inc` make a copy that shares what they do not touch; the
 * rest goes to mingo on a deep copy.
 */
const updated = (doc: PlainObject, update: PlainObject): PlainObject | null => {
  const edits = plainEdits(update);
  const plain = edits && editedCopy(doc, edits);
  if (plain !== null) return plain || null;
  const copy = deepCopy(doc);
  return mingoUpdate(copy, update, [], {}, { cloneMode: 'deep' }).length > 0 ? copy : null;
};

/**
 * The document a checked update makes of `doc` (`$setOnInsert` only when inserting), or null
 * when it changes nothing. `doc` itself is left as it was. The `_id` is immutable.
 */
export const applyUpdate = (doc: StoredDoc, update: Update, inserting: boolean): StoredDoc | null => {
  const { $setOnInsert, ...rest } = update;
  let next: PlainObject = doc;
  try {
    if (Object.keys(rest).length > 0) next = updated(next, rest) ?? next;
    if (inserting && $setOnInsert) next = updated(next, { $set: $setOnInsert }) ?? next;
  } catch (e) {
    throw badInput(`Invalid update: ${(e as Error).message}`);
  }
  if (doc._id !== undefined && next._id !== doc._id)
    throw badInput(`Update would change the immutable field _id of "${doc._id}"`);
  return next === doc ? null : (next as StoredDoc);
};

/** Equality fields of a filter (top level and inside `$and`), as MongoDB seeds an upserted document. */
export const upsertSeed = (filter: Filter): PlainObject => {
  const seed: PlainObject = {};
  const visit = (f: Filter): void => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) value.forEach((sub) => isPlainObject(sub) && visit(sub));
      if (key.startsWith('$')) continue;
      const isOperatorDoc = isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
      if (!isOperatorDoc) setPath(seed, key, canonicalCopy(value));
      else if ('$eq' in value) setPath(seed, key, canonicalCopy(value.$eq));
    }
  };
  visit(filter);
  return seed;
};

/** Ensures a document has a string `_id` (generating a UUID) and puts it first, like MongoDB. */
export const withId = (doc: PlainObject): StoredDoc => {
  const id = doc._id ?? randomUUID();
  if (typeof id !== 'string' || id.length === 0)
    throw badInput(`_id must be a non-empty string, got ${JSON.stringify(id)}`);
  const { _id: _given, ...rest } = doc;
  return { _id: id, ...rest };
};
