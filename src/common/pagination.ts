import { badInput } from '../errors';
import type { BaseDoc, Collection, Filter } from '../store/document-store';

/** One page of a keyset-paginated list. */
export interface Page<T> {
  nodes: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface PageOrder {
  /** Field to order by; `_id` breaks ties so the order is total and cursors are stable. */
  field: string;
  direction: 1 | -1;
}

export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;

type CursorValue = string | number | boolean | null | { $date: string };

const encodeValue = (v: unknown): CursorValue =>
  v instanceof Date ? { $date: v.toISOString() } : (v as CursorValue);
const decodeValue = (v: CursorValue): unknown =>
  v !== null && typeof v === 'object' && '$date' in v ? new Date(v.$date) : v;

/**
 * Longest `after` a list takes: a cursor is base64url of [sort value, id], the sort value a
 * date or a stored text of at most a few hundred bytes (names are 100 characters).
 */
export const MAX_CURSOR_LENGTH = 1024;

export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([encodeValue(value), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: unknown; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      CursorValue,
      string,
    ];
    if (typeof id !== 'string') throw new Error('bad id');
    return { value: decodeValue(value), id };
  } catch {
    throw badInput('after is not a cursor returned by this list', [
      { field: 'after', message: 'invalid cursor' },
    ]);
  }
}

const readPath = (doc: object, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o === null || o === undefined ? o : (o as Record<string, unknown>)[k]), doc);

/** The page size asked for: `first`, by default 50; BAD_USER_INPUT outside [0, MAX_PAGE_SIZE]. */
function pageSizeOf(request: PageRequest): number {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw badInput(`first must be an integer in [0, ${MAX_PAGE_SIZE}], got ${first}`, [
      { field: 'first', message: `must be in [0, ${MAX_PAGE_SIZE}]` },
    ]);
  return first;
}

/**
 * Keyset pagination of a list in memory, ordered by a unique text key: the items after the
 * cursor's key, `first` of them. Its cursors have the form of `paginate`'s.
 */
export function paginateList<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: PageRequest,
): Page<T> {
  const first = pageSizeOf(request);
  const after = request.after ? decodeCursor(request.after).id : null;
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const rest = after === null ? sorted : sorted.filter((item) => keyOf(item) > after);
  const nodes = rest.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount: items.length,
    endCursor: last === undefined ? null : encodeCursor(keyOf(last), keyOf(last)),
    hasNextPage: rest.length > first,
  };
}

/**
 * Keyset pagination: counts the whole filter, then reads `first + 1` documents after the
 * cursor in (field, _id) order. Inserts between pages neither repeat nor skip rows.
 */
export async function paginate<T extends BaseDoc>(
  collection: Collection<T>,
  filter: Filter,
  order: PageOrder,
  request: PageRequest,
): Promise<Page<T>> {
  const first = pageSizeOf(request);
  const cmp = order.direction === 1 ? '$gt' : '$lt';
  let pageFilter = filter;
  if (request.after) {
    const { value, id } = decodeCursor(request.after);
    const afterCursor =
      order.field === '_id'
        ? { _id: { [cmp]: id } }
        : { $or: [{ [order.field]: { [cmp]: value } }, { [order.field]: value, _id: { [cmp]: id } }] };
    pageFilter = Object.keys(filter).length === 0 ? afterCursor : { $and: [filter, afterCursor] };
  }
  const sort =
    order.field === '_id'
      ? { _id: order.direction }
      : { [order.field]: order.direction, _id: order.direction };
  const [totalCount, docs] = await Promise.all([
    collection.count(filter),
    collection.find(pageFilter, { sort, limit: first + 1 }),
  ]);
  const nodes = docs.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    endCursor: last ? encodeCursor(readPath(last, order.field), last._id) : null,
    hasNextPage: docs.length > first,
  };
}
