import { MongoServerError, MongoBulkWriteError } from 'mongodb';
import { badInput, conflict } from '../errors';

const DUPLICATE_KEY = 11000;
/** IndexOptionsConflict, IndexKeySpecsConflict: an index of that name exists with other options. */
const INDEX_CONFLICT = new Set([85, 86]);
/** BadValue, FailedToParse, ImmutableField, InvalidOptions, ... caused by the caller's input. */
const BAD_INPUT = new Set([2, 9, 14, 52, 66, 72]);

const codeOf = (e: unknown): number | undefined => {
  if (e instanceof MongoBulkWriteError) {
    const writeError = [e.writeErrors].flat()[0];
    return writeError?.code ?? (typeof e.code === 'number' ? e.code : undefined);
  }
  if (e instanceof MongoServerError) return typeof e.code === 'number' ? e.code : undefined;
  return undefined;
};

/** Maps driver errors to the port's coded errors; anything else is rethrown unchanged. */
export const toAppError = (e: unknown, collection: string): unknown => {
  const code = codeOf(e);
  const message = (e as Error)?.message ?? String(e);
  if (code === DUPLICATE_KEY) return conflict(`Duplicate key in collection "${collection}": ${message}`);
  if (code !== undefined && INDEX_CONFLICT.has(code)) {
    return conflict(`Index conflict on collection "${collection}": ${message}`);
  }
  if (code !== undefined && BAD_INPUT.has(code))
    return badInput(`Invalid operation on "${collection}": ${message}`);
  return e;
};
