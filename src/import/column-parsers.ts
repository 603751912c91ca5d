/**
 * Cell parsers for imports: each turns the trimmed text of one cell into a typed value or a
 * message. Empty cells are an error ("is required") unless the parser is wrapped in `optional`.
 */
import { echoCell } from './import-limits';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };
export type ColumnParser<T> = (raw: string) => ParseResult<T>;

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = <T>(message: string): ParseResult<T> => ({ ok: false, message });
const REQUIRED = 'is required';

export const text =
  (opts: { maxLength?: number; pattern?: RegExp; patternHint?: string } = {}): ColumnParser<string> =>
  (raw) => {
    if (raw === '') return fail(REQUIRED);
    if (opts.maxLength !== undefined && raw.length > opts.maxLength) {
      return fail(`must be at most ${opts.maxLength} characters, got ${raw.length}`);
    }
    if (opts.pattern && !opts.pattern.test(raw)) {
      return fail(`must match ${opts.patternHint ?? String(opts.pattern)}, got ${echoCell(raw)}`);
    }
    return ok(raw);
  };

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const inRange = (n: number, min?: number, max?: number): string | undefined => {
  if (min !== undefined && n < min) return `must be ≥ ${min}, got ${n}`;
  if (max !== undefined && n > max) return `must be ≤ ${max}, got ${n}`;
  return undefined;
};

export const number =
  (opts: { min?: number; max?: number } = {}): ColumnParser<number> =>
  (raw) => {
    if (raw === '') return fail(REQUIRED);
    if (!NUMBER_RE.test(raw)) return fail(`must be a number, got ${echoCell(raw)}`);
    const n = Number(raw);
    if (!Number.isFinite(n)) return fail(`must be a finite number, got ${echoCell(raw)}`);
    const range = inRange(n, opts.min, opts.max);
    return range ? fail(range) : ok(n);
  };

export const integer =
  (opts: { min?: number; max?: number } = {}): ColumnParser<number> =>
  (raw) => {
    const r = number(opts)(raw);
    if (r.ok && !Number.isInteger(r.value)) return fail(`must be a whole number, got ${echoCell(raw)}`);
    return r;
  };

/** Calendar date `YYYY-MM-DD` (checked: no 2026-02-30). */
export const date = (): ColumnParser<string> => (raw) => {
  if (raw === '') return fail(REQUIRED);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return fail(`must be a date YYYY-MM-DD, got ${echoCell(raw)}`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
    return fail(`is not a real date: ${echoCell(raw)}`);
  return ok(raw);
};

/** Time of day `HH:MM` (00:00–23:59; `24:00` too when `allowEndOfDay`). Returned as written. */
export const time =
  (opts: { allowEndOfDay?: boolean } = {}): ColumnParser<string> =>
  (raw) => {
    if (raw === '') return fail(REQUIRED);
    const m = /^(\d{2}):(\d{2})$/.exec(raw);
    const h = m ? +m[1] : NaN;
    const min = m ? +m[2] : NaN;
    const valid = (h < 24 && min < 60) || (opts.allowEndOfDay === true && h === 24 && min === 0);
    return m && valid ? ok(raw) : fail(`must be a time HH:MM, got ${echoCell(raw)}`);
  };

/** One of `values`, matched case-insensitively; returns the canonical spelling. */
export const oneOf =
  <const V extends string>(values: readonly V[]): ColumnParser<V> =>
  (raw) => {
    if (raw === '') return fail(REQUIRED);
    const found = values.find((v) => v.toLowerCase() === raw.toLowerCase());
    return found === undefined
      ? fail(`must be one of ${values.join(', ')}, got ${echoCell(raw)}`)
      : ok(found);
  };

const TRUE = ['true', 'yes', 'y', '1'];
const FALSE = ['false', 'no', 'n', '0'];

export const boolean = (): ColumnParser<boolean> => (raw) => {
  if (raw === '') return fail(REQUIRED);
  const v = raw.toLowerCase();
  if (TRUE.includes(v)) return ok(true);
  if (FALSE.includes(v)) return ok(false);
  return fail(`must be true or false, got ${echoCell(raw)}`);
};

/** Items separated by `;` or `|` (commas would clash with CSV); empty items are dropped. */
export const list =
  <T>(item: ColumnParser<T>, opts: { minItems?: number } = {}): ColumnParser<T[]> =>
  (raw) => {
    const parts = raw
      .split(/[;|]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.length < (opts.minItems ?? 0)) return fail(`needs at least ${opts.minItems} item(s)`);
    const out: T[] = [];
    for (const p of parts) {
      const r = item(p);
      if (!r.ok) return fail(`item ${echoCell(p)} ${r.message}`);
      out.push(r.value);
    }
    return ok(out);
  };

/** Empty cell → `fallback` (or undefined); anything else goes through `parser`. */
export function optional<T>(parser: ColumnParser<T>): ColumnParser<T | undefined>;
export function optional<T>(parser: ColumnParser<T>, fallback: T): ColumnParser<T>;
export function optional<T>(parser: ColumnParser<T>, fallback?: T): ColumnParser<T | undefined> {
  return (raw) => (raw === '' ? ok(fallback) : parser(raw));
}

/** Anything with zod's `safeParse` (zod 3/4 schemas). Receives the raw cell text. */
export interface ZodLike<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export const fromZod =
  <T>(schema: ZodLike<T>): ColumnParser<T> =>
  (raw) => {
    const r = schema.safeParse(raw);
    return r.success ? ok(r.data) : fail(r.error.issues.map((i) => i.message).join('; '));
  };
