/**
 * Every npm script has a row in the README's Scripts table (as `npm run name`, `npm name`, or
 * `name` beside another script of the row), so a user finds each command where the README
 * promises them. Thirteen were missing, among them `bench:forecast` and `test:mongo`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

const scripts = Object.keys(
  (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts,
);

/** The first column of the table under the README's `## Scripts`, one cell a row. */
function commandCells(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Scripts\n');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the README Scripts table', () => {
  const cells = commandCells();

  it.each(scripts)('lists `%s`', (name) => {
    const named = new RegExp('`(?:[A-Z_]+=\\S+ )?(?:npm (?:run )?)?' + escape(name) + '(?=[` ])');
    expect(cells.filter((cell) => named.test(cell))).not.toEqual([]);
  });

  it('names no script package.json lacks', () => {
    const listed = cells.flatMap((cell) => [...cell.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]));
    expect(listed.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});
