/**
 * Bounded copies of untrusted values, for anything that stores or prints what a caller sent
 * (audit entries, error messages): strings are clipped, arrays and objects cut, depth capped and
 * the whole copy kept under a total budget, so no input can grow a log line or a document.
 */

/** `text` itself when short enough, else its first `max` characters and how many were cut. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}…[+${text.length - max} chars]`;

export interface Bounds {
  /** Characters kept of each string. */
  maxString: number;
  /** Items kept of each array and keys of each object. */
  maxItems: number;
  /** Nesting levels kept; deeper values become "[…]". */
  maxDepth: number;
  /** Approximate JSON characters of the whole copy; values past it become "[…]". */
  maxTotal: number;
  /** Keys whose values are replaced by "[redacted]". */
  redact?: RegExp;
}

const CUT = '[…]';

/** A plain-data copy of `value` within `bounds` (Dates kept, other objects walked by own keys). */
export function boundedCopy(value: unknown, bounds: Bounds): unknown {
  let budget = bounds.maxTotal;
  const walk = (v: unknown, depth: number): unknown => {
    if (budget <= 0) return CUT;
    if (typeof v === 'string') {
      const s = clip(v, Math.min(bounds.maxString, Math.max(budget, 0)));
      budget -= s.length + 2;
      return s;
    }
    if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) {
      budget -= 8;
      return typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol' ? String(v) : v;
    }
    if (depth >= bounds.maxDepth) {
      budget -= CUT.length;
      return CUT;
    }
    budget -= 2;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (const item of v.slice(0, bounds.maxItems)) {
        if (budget <= 0) break;
        out.push(walk(item, depth + 1));
      }
      if (v.length > out.length) out.push(`…[+${v.length - out.length} items]`);
      return out;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    for (const key of keys.slice(0, bounds.maxItems)) {
      if (budget <= 0) break;
      const k = clip(key, bounds.maxString);
      budget -= k.length + 3;
      out[k] = bounds.redact?.test(key) ? '[redacted]' : walk((v as Record<string, unknown>)[key], depth + 1);
    }
    if (keys.length > bounds.maxItems || budget <= 0) out['…'] = `${keys.length} keys in all`;
    return out;
  };
  return walk(value, 0);
}
