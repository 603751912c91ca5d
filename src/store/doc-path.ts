/** Field-path helpers shared by the embedded store's query, index and update code. */

// Globals read once: inside Jest's vm context every global lookup is an interceptor call.
const DateClass = Date;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is PlainObject =>
  v !== null && typeof v === 'object' && !isArray(v) && !(v instanceof DateClass) && !(v instanceof RegExp);

/**
 * The value at a dotted path, without traversing arrays (numeric segments index into arrays).
 * Returns `undefined` when any segment is missing.
 */
export const getPath = (doc: unknown, path: string | string[]): unknown => {
  let cur: unknown = doc;
  for (const seg of typeof path === 'string' ? path.split('.') : path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as PlainObject)[seg];
  }
  return cur;
};

/** Every value reached by a dotted path, traversing arrays like MongoDB does; arrays at the end are flattened. */
export const collectPath = (doc: unknown, path: string): unknown[] => {
  const out: unknown[] = [];
  const walk = (cur: unknown, segs: string[]): void => {
    if (segs.length === 0) {
      if (isArray(cur)) out.push(...cur);
      else if (cur !== undefined) out.push(cur);
      return;
    }
    if (isArray(cur)) {
      const [seg] = segs;
      if (/^\d+$/.test(seg)) walk(cur[Number(seg)], segs.slice(1));
      else for (const item of cur) walk(item, segs);
      return;
    }
    if (isPlainObject(cur)) walk(cur[segs[0]], segs.slice(1));
  };
  walk(doc, path.split('.'));
  return out;
};

/** Sets a dotted path, creating intermediate objects. */
export const setPath = (doc: PlainObject, path: string, value: unknown): void => {
  const segs = path.split('.');
  let cur = doc;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (!isPlainObject(next)) cur[seg] = {};
    cur = cur[seg] as PlainObject;
  }
  cur[segs[segs.length - 1]] = value;
};
