/**
 * The embedded store's own `$set`/`$unset`/`$inc` against mingo's: on 8,000 seeded documents and
 * updates (nested objects, arrays, scalars and nulls on the paths, numeric and overlapping
 * paths, equal and unequal values, dates) the fast path either declines, leaving the document
 * untouched, or gives mingo's document and mingo's "changed", as a new document that shares
 * what it did not touch.
 */
import { update as mingoUpdate } from 'mingo';
import { mulberry32 } from '../../../src/common/random';
import type { PlainObject } from '../../../src/store/doc-path';
import { deepCopy } from '../../../src/store/ejson';
import { editedCopy, plainEdits } from '../../../src/store/plain-update';

// structuredClone would make Dates of another realm under Jest's vm context
const clone = <T>(v: T): T => deepCopy(v);

function generator(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const scalar = (): unknown =>
    pick([1, 2, 'x', 'y', true, null, new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 2))]);
  const value = (depth: number): unknown => {
    const r = rnd();
    if (depth > 2 || r < 0.5) return scalar();
    if (r < 0.75) return { a: value(depth + 1), b: value(depth + 1) };
    return [value(depth + 1), value(depth + 1)];
  };
  const doc = (): PlainObject => {
    const d: PlainObject = { _id: 'd' };
    for (const k of ['a', 'b', 'c']) if (rnd() < 0.7) d[k] = value(0);
    return d;
  };
  const path = (): string =>
    Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(['a', 'b', 'c', 'a', 'b', 'c', '0'])).join(
      '.',
    );
  const update = (): PlainObject => {
    const out: PlainObject = {};
    const operand = { $set: () => value(1), $unset: () => '', $inc: () => pick([0, 1, -2.5]) };
    for (const op of ['$set', '$unset', '$inc'] as const) {
      if (rnd() < 0.5) continue;
      const fields: PlainObject = {};
      for (let i = 0; i < 1 + Math.floor(rnd() * 3); i++) fields[path()] = operand[op]();
      out[op] = fields;
    }
    return Object.keys(out).length > 0 ? out : { $set: { [path()]: value(1) } };
  };
  return { doc, update };
}

/** mingo's outcome: the new document and whether it changed, or the error it raised. */
function byMingo(doc: PlainObject, update: PlainObject): { doc: PlainObject; changed: boolean } | 'error' {
  const copy = clone(doc);
  try {
    return { changed: mingoUpdate(copy, update, [], {}, { cloneMode: 'deep' }).length > 0, doc: copy };
  } catch {
    return 'error';
  }
}

describe('plain $set/$unset/$inc, held to mingo', () => {
  it('gives mingo’s document and change flag wherever it does not decline, and never changes its input', () => {
    const { doc, update } = generator(20261202);
    let decided = 0;
    for (let i = 0; i < 8000; i++) {
      const d = doc();
      const u = update();
      const edits = plainEdits(u);
      const before = clone(d);
      const mine = edits && editedCopy(d, edits);
      expect(d).toEqual(before);
      if (mine === null) continue;
      decided += 1;
      const theirs = byMingo(d, u);
      expect({ u, before: d, changed: mine !== false, doc: mine || d }).toEqual({
        u,
        before: d,
        ...(theirs === 'error' ? { error: true } : theirs),
      });
      expect(Object.keys(mine || d)).toEqual(theirs === 'error' ? [] : Object.keys(theirs.doc));
    }
    expect(decided).toBeGreaterThan(1000);
  });

  it('shares the sub-documents it does not touch and copies the ones it does', () => {
    const d = { a: { b: { c: 1 }, keep: { k: [1] } }, other: { o: 1 }, list: [1, 2] };
    const copy = editedCopy(d, plainEdits({ $set: { 'a.b.c': 2 }, $inc: { 'a.n': 1 } }) ?? []);
    expect(copy).toEqual({ a: { b: { c: 2 }, keep: { k: [1] }, n: 1 }, other: { o: 1 }, list: [1, 2] });
    if (!copy) throw new Error('expected a copy');
    const a = copy.a as PlainObject;
    expect([copy === d, a === d.a, a.b === d.a.b]).toEqual([false, false, false]);
    expect([a.keep === d.a.keep, copy.other === d.other, copy.list === d.list]).toEqual([true, true, true]);
    expect(d.a.b.c).toBe(1);
  });

  it('declines other operators, numeric, empty and `$` segments, and overlapping paths', () => {
    for (const u of [
      { $push: { a: 1 } },
      { $inc: { a: '1' } },
      { $set: { 'a.0': 1 } },
      { $set: { 'a..b': 1 } },
      { $set: { 'a.$': 1 } },
      { $set: { a: 1, 'a.b': 2 } },
      { $set: { a: 1 }, $unset: { a: '' } },
      { $set: {} },
    ])
      expect(plainEdits(u)).toBeNull();
    const edits = plainEdits({ $set: { 'a.b': 1 } });
    expect(edits).not.toBeNull();
    for (const d of [{ a: [1] }, { a: 5 }, { a: null }]) expect(editedCopy(d, edits ?? [])).toBeNull();
    const inc = plainEdits({ $inc: { n: 1 } }) ?? [];
    for (const d of [{ n: '1' }, { n: null }, { n: [1] }]) expect(editedCopy(d, inc)).toBeNull();
  });

  it('copies what it sets, so one update applied to many documents shares nothing', () => {
    const value = { deep: { list: [1, 2] } };
    const edits = plainEdits({ $set: { 'x.y': value } }) ?? [];
    const [d1, d2] = [editedCopy({}, edits), editedCopy({}, edits)];
    (d1 as { x: { y: { deep: { list: number[] } } } }).x.y.deep.list.push(3);
    expect(d2).toEqual({ x: { y: { deep: { list: [1, 2] } } } });
    expect(value.deep.list).toEqual([1, 2]);
  });
});
