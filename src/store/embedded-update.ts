import { randomUUID } from 'node:crypto';
import { update as mingoUpdate } from 'mingo';
import { badInput } from '../errors';
import type { StoredDoc } from './collection-state';
import { isPlainObject, setPath, type PlainObject } from './doc-path';
import type { Filter, Update } from './document-store';
import { canonicalCopy } from './ejson';
import { applyPlainEdits, plainEdits } from './plain-update';

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

/** Applies an update of field operators in place: plain `$set`/`$unset` directly, the rest by mingo. */
const updated = (doc: StoredDoc, update: PlainObject): boolean => {
  const edits = plainEdits(update);
  const plain = edits && applyPlainEdits(doc, edits);
  if (plain !== null) return plain;
  return mingoUpdate(doc, update, [], {}, { cloneMode: 'deep' }).length > 0;
};

/**
 * Applies a checked update to `doc` in place (`$setOnInsert` only when inserting).
 * Returns whether anything changed. The `_id` is immutable.
 */
export const applyUpdate = (doc: StoredDoc, update: Update, inserting: boolean): boolean => {
  const { $setOnInsert, ...rest } = update;
  const id = doc._id;
  let changed = false;
  try {
    if (Object.keys(rest).length > 0) changed = updated(doc, rest);
    if (inserting && $setOnInsert) changed = updated(doc, { $set: $setOnInsert }) || changed;
  } catch (e) {
    throw badInput(`Invalid update: ${(e as Error).message}`);
  }
  if (id !== undefined && doc._id !== id)
    throw badInput(`Update would change the immutable field _id of "${id}"`);
  return changed;
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
