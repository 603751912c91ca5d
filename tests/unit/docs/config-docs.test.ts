/**
 * The configuration a user reads is the configuration the server reads: every variable of
 * `src/config.ts` has a row in the README's configuration table and a line in `.env.example`,
 * and neither names a variable the server ignores. (Five ML_* rows once sat outside the table,
 * and `.env.example` lacked fifteen variables.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../../../src/config';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

interface Row {
  /** The variables of the row (`A` / `B` rows name several). */
  names: string[];
  /** The Default cell. */
  defaults: string;
  /** The Meaning cell. */
  meaning: string;
}

/** The rows of the table under the README's `## Configuration`. */
function readmeTableRows(): Row[] {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Configuration\n');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [, names = '', defaults = '', ...meaning] = line.split(/(?<!\\)\|/);
      return {
        names: [...names.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]),
        defaults: defaults.trim(),
        meaning: meaning.join('|').trim(),
      };
    });
}

/** Variables named in the first column of the table. */
const readmeTableVariables = (): string[] => readmeTableRows().flatMap((r) => r.names);

const number = (text: string): number => Number(text.replace(/,/g, ''));

/**
 * Bounds the Meaning cells state, as `(least–most` or `; least–most` followed by `)`, `,`, `;`
 * or `:` for a one-variable row, and `(a–b / c–d)` for a row of several.
 */
function statedBounds(): { name: string; least: number; most: number }[] {
  const range = '(\\d+(?:\\.\\d+)?)–(\\d[\\d,]*(?:\\.\\d+)?)';
  return readmeTableRows().flatMap(({ names, meaning }) => {
    if (names.length === 1) {
      const m = new RegExp(`(?:\\(|; )${range}(?=[,;):])`).exec(meaning);
      return m ? [{ name: names[0], least: number(m[1]), most: number(m[2]) }] : [];
    }
    const list = /\((\d[\d.,]*–\d[\d.,]*(?: \/ \d[\d.,]*–\d[\d.,]*)+)\)/.exec(meaning);
    const ranges = list?.[1].split(' / ') ?? [];
    if (ranges.length !== names.length) return [];
    return ranges.map((r, i) => {
      const [least, most] = r.split('–');
      return { name: names[i], least: number(least), most: number(most) };
    });
  });
}

/** Other variables a value at a bound needs to be valid (the headers' time within the request's). */
const PARTNERS: Record<string, Record<string, string>> = {
  HTTP_HEADERS_TIMEOUT_SECONDS: { HTTP_REQUEST_TIMEOUT_SECONDS: '3600' },
  HTTP_REQUEST_TIMEOUT_SECONDS: { HTTP_HEADERS_TIMEOUT_SECONDS: '1' },
};

const accepts = (name: string, value: number): boolean => {
  try {
    loadConfig({ NODE_ENV: 'test', ...PARTNERS[name], [name]: String(value) });
    return true;
  } catch {
    return false;
  }
};

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

  it('each default the table shows in backticks is the one the server takes', () => {
    const config = loadConfig({}) as unknown as Record<string, unknown>;
    const shown = readmeTableRows().flatMap(({ names, defaults }) => {
      const values = defaults.split(' / ');
      return values.length === names.length && values.every((v) => /^`[^`]*`$/.test(v))
        ? names.map((name, i) => ({ name, shown: values[i].slice(1, -1), actual: String(config[name]) }))
        : [];
    });
    expect(shown.length).toBeGreaterThan(40);
    expect(shown.filter((d) => d.shown !== d.actual)).toEqual([]);
  });

  it('each bound the table states is the one the server enforces', () => {
    const bounds = statedBounds();
    expect(bounds.length).toBeGreaterThan(25);
    const wrong = bounds.filter(
      ({ name, least, most }) =>
        !accepts(name, least) || !accepts(name, most) || accepts(name, least - 1) || accepts(name, most + 1),
    );
    expect(wrong).toEqual([]);
  });
});
