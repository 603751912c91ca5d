import { badInput } from '../errors';

/**
 * JSON with Dates, for the embedded store's journal, snapshot and index keys: a `Date` is written as
 * `{ "$date": "<ISO-8601>" }` (`{ "$date": null }` when invalid) and revived on parse.
 * Hand-written walks instead of JSON replacer/reviver callbacks, which are several times slower.
 */

// Globals read once: inside Jest's vm context every global lookup is an interceptor call.
const DateClass = Date;
const { isArray } = Array;
const { keys: keysOf } = Object;
const { isFinite, isNaN } = Number;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isDateTag = (v: object): v is { $date: string | null } => {
  for (const key in v) if (key !== '$date') return false;
  return '$date' in v;
};

/**
 * Walks a value the way JSON.stringify sees it (toJSON honoured, undefined and functions dropped,
 * non-finite numbers as null); `onDate` decides what a Date becomes.
 */
const walk = (value: unknown, onDate: (d: Date) => unknown, inArray: boolean): unknown => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return isFinite(value) ? value : null;
    case 'bigint':
      throw badInput('BigInt values cannot be stored');
    case 'undefined':
    case 'function':
    case 'symbol':
      return inArray ? null : undefined;
  }
  if (value === null) return null;
  if (value instanceof DateClass) return onDate(value);
  if (isArray(value)) return value.map((v) => walk(v, onDate, true));
  const obj = value as Record<string, unknown> & { toJSON?: () => unknown };
  if (typeof obj.toJSON === 'function') return walk(obj.toJSON(), onDate, inArray);
  const out: Record<string, unknown> = {};
  for (const key of keysOf(obj)) {
    const v = walk(obj[key], onDate, false);
    if (v !== undefined) out[key] = v;
  }
  return out;
};

const dateTag = (d: Date): Json => ({ $date: isNaN(d.getTime()) ? null : d.toISOString() });
const dateCopy = (d: Date): Date => new DateClass(d.getTime());

/** Replaces `{ $date }` tags by Dates, in place. */
const revive = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  if (isDateTag(value)) return new DateClass(value.$date ?? Number.NaN);
  const obj = value as Record<string, unknown>;
  for (const key of keysOf(obj)) obj[key] = revive(obj[key]);
  return obj;
};

export const toEjson = (value: unknown): string => JSON.stringify(walk(value, dateTag, false));

export const fromEjson = <T = unknown>(text: string): T => revive(JSON.parse(text)) as T;

/**
 * A deep copy normalised the way the store persists it: `undefined` fields dropped, Dates kept,
 * class instances flattened as JSON would. What a caller reads back equals what survives a restart.
 */
export const canonicalCopy = <T>(value: T): T => walk(value, dateCopy, false) as T;

/** A deep copy of plain data (objects, arrays, Dates); other values are shared. Copies stay in this realm. */
export const deepCopy = <T>(value: T): T => {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof DateClass) return new DateClass(value.getTime()) as T;
  if (isArray(value)) return value.map(deepCopy) as T;
  const out: Record<string, unknown> = {};
  for (const key of keysOf(value)) out[key] = deepCopy((value as Record<string, unknown>)[key]);
  return out as T;
};
