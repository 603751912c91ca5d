/**
 * JSON with Dates: a `Date` is written as `{ "$date": "<ISO-8601>" }` (or `{ "$date": null }` when
 * invalid) and revived on parse. Used for the embedded store's journal, snapshot and key encoding.
 */

const isDateTag = (v: unknown): v is { $date: string | null } => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$date';
};

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
  return value;
}

const reviver = (_key: string, value: unknown): unknown =>
  isDateTag(value) ? new Date(value.$date ?? Number.NaN) : value;

export const toEjson = (value: unknown): string => JSON.stringify(value, replacer);

export const fromEjson = <T = unknown>(text: string): T => JSON.parse(text, reviver) as T;

/**
 * A deep copy normalised the way the store persists it: `undefined` fields dropped, Dates kept,
 * class instances flattened to plain objects. What a caller reads back equals what survives a restart.
 */
export const canonicalCopy = <T>(value: T): T => fromEjson<T>(toEjson(value));

/** A deep copy of plain data (objects, arrays, Dates); other values are shared. Copies stay in this realm. */
export const deepCopy = <T>(value: T): T => {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = deepCopy(v);
  return out as T;
};
