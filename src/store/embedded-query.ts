import { Query } from 'mingo';
import { badInput } from '../errors';
import { getPath, isPlainObject } from './doc-path';
import type { Filter, Projection, Sort } from './document-store';

/**
 * Query evaluation for the embedded store. mingo gives full MongoDB semantics; on top of it a
 * compiled fast path handles the common filters (equality, `$in`, ranges on scalar fields), which
 * is several times faster than mingo's generic path on 50k documents. Where the fast path cannot
 * decide (an array or sub-document on the path), it defers to mingo for that document.
 */

// Globals read once: inside Jest's vm context every global lookup is an interceptor call.
const DateClass = Date;
const { isArray } = Array;
const { isNaN } = Number;

type Scalar = string | number | boolean | Date;
type Verdict = boolean | undefined;
type FieldTest = (value: Scalar) => boolean;
export type Predicate = (doc: Record<string, unknown>) => boolean;

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && !isNaN(v)) ||
  (v instanceof DateClass && !isNaN(v.getTime()));

/** Same BSON type bracket as `b` (MongoDB compares ranges only within a type). */
const sameType = (a: Scalar, b: Scalar): boolean =>
  b instanceof DateClass ? a instanceof DateClass : typeof a === typeof b && !(a instanceof DateClass);

const num = (v: Scalar): number | string | boolean => (v instanceof DateClass ? v.getTime() : v);

const RANGE_OPS: Record<string, (a: number | string | boolean, b: number | string | boolean) => boolean> = {
  $eq: (a, b) => a === b,
  $gt: (a, b) => a > b,
  $gte: (a, b) => a >= b,
  $lt: (a, b) => a < b,
  $lte: (a, b) => a <= b,
};

const compileCondition = (cond: unknown): FieldTest | null => {
  if (isScalar(cond)) return (v) => sameType(v, cond) && num(v) === num(cond);
  if (!isPlainObject(cond)) return null;
  const tests: FieldTest[] = [];
  for (const [op, operand] of Object.entries(cond)) {
    if (op === '$in' && isArray(operand) && operand.every(isScalar)) {
      const plain = new Set(operand.filter((o) => !(o instanceof DateClass)));
      const times = new Set(operand.flatMap((o) => (o instanceof DateClass ? [o.getTime()] : [])));
      tests.push((v) => (v instanceof DateClass ? times.has(v.getTime()) : plain.has(v)));
    } else if (RANGE_OPS[op] && isScalar(operand)) {
      const cmp = RANGE_OPS[op];
      const b = num(operand);
      tests.push((v) => sameType(v, operand) && cmp(num(v), b));
    } else return null;
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0];
  return (v) => {
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
};

/** Compiles a conjunction of field conditions, or returns null when the filter needs mingo. */
const compileFast = (filter: Filter): ((doc: Record<string, unknown>) => Verdict) | null => {
  const fields: Array<[string[], FieldTest]> = [];
  for (const [path, cond] of Object.entries(filter)) {
    if (path.startsWith('$')) return null;
    const test = compileCondition(cond);
    if (!test) return null;
    fields.push([path.split('.'), test]);
  }
  return (doc) => {
    for (const [path, test] of fields) {
      const v = getPath(doc, path);
      if (v === undefined || v === null) return false;
      if (!isScalar(v)) return undefined;
      if (!test(v)) return false;
    }
    return true;
  };
};

const mingoQuery = (filter: Filter): Query => {
  try {
    return new Query(filter, {});
  } catch (e) {
    throw badInput(`Invalid filter: ${(e as Error).message}`);
  }
};

/**
 * A filter's test. A filter the fast path compiles is valid, so its mingo query (15-20 µs
 * to build) is built only when a document needs it; any other is built, and checked, at once.
 */
export const compileFilter = (filter: Filter = {}): Predicate => {
  if (Object.keys(filter).length === 0) return () => true;
  const fast = compileFast(filter);
  if (!fast) {
    const query = mingoQuery(filter);
    return (doc) => query.test(doc);
  }
  let query: Query | undefined;
  return (doc) => fast(doc) ?? (query ??= mingoQuery(filter)).test(doc);
};

/** MongoDB sort order: null/missing < numbers < strings < objects < arrays < booleans < dates. */
const RANK = { null: 1, number: 2, string: 3, object: 4, array: 5, boolean: 8, date: 9 } as const;
const rankOf = (v: unknown): number => {
  if (v === undefined || v === null) return RANK.null;
  if (v instanceof DateClass) return RANK.date;
  if (isArray(v)) return RANK.array;
  if (typeof v === 'number') return RANK.number;
  if (typeof v === 'string') return RANK.string;
  if (typeof v === 'boolean') return RANK.boolean;
  return RANK.object;
};

export const compareValues = (a: unknown, b: unknown): number => {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  if (ra === RANK.null) return 0;
  if (a instanceof DateClass && b instanceof DateClass) return a.getTime() - b.getTime();
  if (ra === RANK.number || ra === RANK.string || ra === RANK.boolean) {
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  if (isArray(a) && isArray(b)) return compareSequences(a, b, compareValues);
  const ea = Object.entries(a as object);
  const eb = Object.entries(b as object);
  return compareSequences(ea, eb, ([ka, va], [kb, vb]) =>
    ka < kb ? -1 : ka > kb ? 1 : compareValues(va, vb),
  );
};

/** Element by element, then the shorter first (how MongoDB orders arrays and sub-documents). */
const compareSequences = <E>(a: E[], b: E[], cmp: (x: E, y: E) => number): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
};

/** A sort key: arrays sort by their smallest element ascending, their largest descending. */
const sortKey = (doc: object, path: string, dir: 1 | -1): unknown => {
  const v = getPath(doc, path);
  if (!isArray(v) || v.length === 0) return v;
  return v.reduce((best: unknown, x: unknown) => (compareValues(x, best) * dir < 0 ? x : best));
};

export const sortDocs = <D extends object>(docs: D[], sort: Sort | undefined): D[] => {
  const spec = Object.entries(sort ?? {});
  if (spec.length === 0) return docs;
  const keyed = docs.map((doc) => ({ doc, keys: spec.map(([path, dir]) => sortKey(doc, path, dir)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < spec.length; i++) {
      const c = compareValues(x.keys[i], y.keys[i]);
      if (c !== 0) return c * spec[i][1];
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
};

export const projectDocs = <D extends object>(docs: D[], projection: Projection | undefined): object[] => {
  if (!projection || Object.keys(projection).length === 0) return docs;
  try {
    return new Query({}, {}).find<object>(docs, projection).all();
  } catch (e) {
    throw badInput(`Invalid projection: ${(e as Error).message}`);
  }
};
