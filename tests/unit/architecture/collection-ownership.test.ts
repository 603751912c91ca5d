/**
 * Each collection has one owning feature (DESIGN.md "Layout"): only files of the feature that
 * declares a collection's name constant open it with `store.collection(...)`; other features
 * read it through the owner's service methods. A literal collection name is refused too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '../../../src');

/** `src/<feature>/…` → feature; `src/x.ts` → `(root)`. */
const featureOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : '(root)');

/** Calls such as `store.collection<Doc>(NAME)`: the argument, an identifier or a string literal. */
const COLLECTION_CALL = /\.collection\b[^(;]*\(\s*([A-Za-z_]\w*|'[^']*'|"[^"]*")/g;
const NAME_CONSTANT = /export const ([A-Z][A-Z0-9_]*) = '([A-Za-z][\w-]*)';/g;

/**
 * Every `.collection(...)` call made outside the feature that owns the collection, as
 * `file: NAME (owner)`. `files` maps paths relative to src/ to their text; src/store/ (the
 * store itself) is not checked.
 */
export function ownershipViolations(files: ReadonlyMap<string, string>): string[] {
  const owners = new Map<string, string>();
  for (const [file, text] of files)
    for (const [, name] of text.matchAll(NAME_CONSTANT)) owners.set(name!, featureOf(file));
  const violations: string[] = [];
  for (const [file, text] of files) {
    if (file.startsWith('store/')) continue;
    for (const [, arg] of text.matchAll(COLLECTION_CALL)) {
      if (/^['"]/.test(arg!)) violations.push(`${file}: ${arg} (a literal: use the owner's constant)`);
      else if (owners.get(arg!) !== featureOf(file))
        violations.push(`${file}: ${arg} (owned by ${owners.get(arg!) ?? 'no feature'})`);
    }
  }
  return violations.sort();
}

function sourceFiles(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of sourceFiles(full, base)) out.set(k, v);
    else if (entry.name.endsWith('.ts'))
      out.set(path.relative(base, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

describe('collection ownership', () => {
  it('names every read of another feature’s collection, and every literal name', () => {
    const files = new Map([
      ['channels/channel.doc.ts', "export const CHANNELS = 'channels';"],
      ['channels/channel.service.ts', 'this.channels = store.collection<ChannelDoc>(CHANNELS);'],
      [
        'staffing/staffing.service.ts',
        'const c = this.store\n  .collection<ChannelDoc>(CHANNELS)\n  .find({});',
      ],
      ['rostering/plan.ts', "await store.collection<{ _id: string }>('models').findOne({});"],
      ['store/embedded-store.ts', 'return this.collection(name);'],
    ]);
    expect(ownershipViolations(files)).toEqual([
      "rostering/plan.ts: 'models' (a literal: use the owner's constant)",
      'staffing/staffing.service.ts: CHANNELS (owned by channels)',
    ]);
  });

  it('holds in src/: every collection is opened by its own feature only', () => {
    const files = sourceFiles(SRC);
    expect(files.size).toBeGreaterThan(100);
    expect(ownershipViolations(files)).toEqual([]);
  });
});
