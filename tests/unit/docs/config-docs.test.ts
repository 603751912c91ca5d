/**
 * The configuration a user reads is the configuration the server reads: every variable of
 * `src/config.ts` has a row in the README's configuration table and a line in `.env.example`,
 * and neither names a variable the server ignores. (Five ML_* rows once sat outside the table,
 * and `.env.example` lacked fifteen variables.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES } from '../../../src/config';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** Variables named in the first column of the table under the README's `## Configuration`. */
function readmeTableVariables(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Configuration\n');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
}

/** Variables `.env.example` shows, commented out (`# NAME=value`). */
function envExampleVariables(): string[] {
  return [...read('.env.example').matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

describe('configuration documentation', () => {
  it('the README table lists exactly the variables the server reads', () => {
    expect(sorted(readmeTableVariables())).toEqual(sorted(CONFIG_VARIABLES));
  });

  it('.env.example shows exactly the variables the server reads, each once', () => {
    const shown = envExampleVariables();
    expect(sorted(shown)).toEqual(sorted(CONFIG_VARIABLES));
    expect(shown.length).toBe(new Set(shown).size);
  });
});
