/**
 * `Collection.group`: the argument checks both stores make, the fold over documents in memory
 * (the embedded store), and the order of the groups both return.
 */
import { badInput } from '../errors';
import type { Accumulator, Group } from './document-store';
import { getPath } from './doc-path';
import { deepCopy } from './ejson';
import { compareValues } from './embedded-query';

// Globals read once: inside Jest's vm context every global lookup is an interceptor call.
const DateClass = Date;
const { stringify } = JSON;

const OUTPUT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

type Kind = '$sum' | '$min' | '$max';

/** The accumulator's kind and its field (null: `$sum` of 1, a count). */
function partsOf(name: string, a: Accumulator): [Kind, string | null] {
  const entries = Object.entries(a);
  const [kind, operand] = entries[0] ?? [];
  if (entries.length !== 1 || (kind !== '$sum' && kind !== '$min' && kind !== '$max'))
    throw badInput(`group: accumulator "${name}" must be one of { $sum }, { $min }, { $max }`);
  if (kind === '$sum' && operand === 1) return [kind, null];
  if (typeof operand !== 'string' || !FIELD_PATH.test(operand))
    throw badInput(`group: accumulator "${name}" needs a field path, got ${JSON.stringify(operand)}`);
  return [kind, operand];
}

/**
 * Checks the `by` paths and the accumulators (plain output names, plain dotted field paths):
 * returns each accumulator's output name, kind and field.
 */
export function checkGroup(
  by: readonly string[],
  accumulators: Readonly<Record<string, Accumulator>>,
): [string, Kind, string | null][] {
  for (const path of by)
    if (typeof path !== 'string' || !FIELD_PATH.test(path))
      throw badInput(`group: by needs field paths, got ${JSON.stringify(path)}`);
  return Object.entries(accumulators).map(([name, a]) => {
    if (!OUTPUT_NAME.test(name)) throw badInput(`group: output name "${name}" must be a plain name`);
    return [name, ...partsOf(name, a)];
  });
}

/** Groups in key order (MongoDB's order of values, field by field). */
export const sortGroups = <K extends string>(groups: Group<K>[]): Group<K>[] =>
  groups.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = compareValues(a.key[i], b.key[i]);
      if (c !== 0) return c;
    }
    return 0;
  });

/** A text per distinct key, telling types apart (1 and "1", null and "null"). */
const valueText = (v: unknown): string => {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v}${v}`;
  if (v === null) return 'null';
  if (v instanceof DateClass) return `d${v.getTime()}`;
  return `j${stringify(v)}`;
};
const keyText = (key: unknown[]): string =>
  key.length === 1 ? valueText(key[0]) : key.map(valueText).join('\u0000');

/** Folds documents (read in place, none copied) into their groups; returns copies of the values. */
export function groupDocs<K extends string>(
  docs: Iterable<object>,
  by: readonly string[],
  accumulators: Readonly<Record<K, Accumulator>>,
): Group<K>[] {
  const parts = checkGroup(by, accumulators).map(
    ([name, kind, field]) => [name, kind, field === null ? null : field.split('.')] as const,
  );
  const paths = by.map((path) => path.split('.'));
  const groups = new Map<string, { key: unknown[]; values: Record<string, unknown> }>();
  for (const doc of docs) {
    const key = paths.map((path) => getPath(doc, path) ?? null);
    const text = keyText(key);
    let group = groups.get(text);
    if (!group) {
      const values = Object.fromEntries(parts.map(([name, kind]) => [name, kind === '$sum' ? 0 : null]));
      group = { key, values };
      groups.set(text, group);
    }
    for (const [name, kind, field] of parts) {
      if (field === null) {
        group.values[name] = (group.values[name] as number) + 1;
        continue;
      }
      const v = getPath(doc, field);
      if (kind === '$sum') {
        if (typeof v === 'number') group.values[name] = (group.values[name] as number) + v;
      } else if (v !== undefined && v !== null) {
        const held = group.values[name];
        const better = kind === '$min' ? compareValues(v, held) < 0 : compareValues(v, held) > 0;
        if (held === null || better) group.values[name] = v;
      }
    }
  }
  return sortGroups(
    [...groups.values()].map((g) => ({
      key: deepCopy(g.key),
      values: deepCopy(g.values) as Record<K, unknown>,
    })),
  );
}
