/**
 * The shape a request's JSON may have, checked in one pass over its text before it is parsed.
 *
 * Depth: variables of our schema nest a few levels; anything deeper is an attack.
 * Unbounded, a 2.4 MB body of 1.2 million nested arrays parsed in the body thread and then
 * overflowed the stack when the value was copied back to the event loop (500), and walks of
 * such values elsewhere can do the same.
 *
 * Width: no input object of the schema has more than a few dozen fields and no list more
 * than GRAPHQL_MAX_LIST_LENGTH items (1,000 import rows), but the body thread parsed any
 * number, and the event loop paid for them after: an anonymous body of one object of
 * 200,000 keys in `variables` (2.3 MB) held the loop 0.5–1.0 s (copying the value back from
 * the thread, then walking it), the same keys under `extensions` 235 ms, as unknown
 * top-level keys 205 ms; V8 keeps such an object as a hash table, and every copy and walk
 * of it costs tens of times an ordinary object's. Counted before parsing, on every path.
 */
export const MAX_JSON_DEPTH = 64;
/**
 * Most keys one JSON object may hold. The widest legitimate object is the `variables` of a
 * request or one import row (StaffRowInput: 11 fields); 1,000 leaves room for any client.
 */
export const MAX_JSON_OBJECT_KEYS = 1000;
/**
 * Most values (array items and object members, nested ones included) in one JSON text. The
 * largest legitimate requests: 1,000 `importStaff` rows of about 15 values each, and a
 * roster's `requirements` at 15 minutes (672 values a skill: 100 skills are 67,200). A
 * volume CSV travels as one string. A 5 MiB body of numbers could hold 2.6 million.
 */
export const MAX_JSON_VALUES = 100_000;

export interface JsonShapeLimits {
  depth: number;
  objectKeys: number;
  values: number;
}

export const JSON_SHAPE_LIMITS: JsonShapeLimits = {
  depth: MAX_JSON_DEPTH,
  objectKeys: MAX_JSON_OBJECT_KEYS,
  values: MAX_JSON_VALUES,
};

/** Which shape limit a JSON text passes first. */
export type JsonShapeProblem = 'depth' | 'objectKeys' | 'values';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * The first shape limit the JSON `text` passes, or null: one pass over the characters,
 * skipping strings and their escapes, stopping at the first limit passed. Keys are counted
 * per object by their colons; values as the commas and containers outside strings (one
 * more than the items of an empty container, never fewer). Malformed text is left to the
 * parser.
 */
export function jsonShapeProblem(
  text: string,
  limits: JsonShapeLimits = JSON_SHAPE_LIMITS,
): JsonShapeProblem | null {
  const keys = new Int32Array(limits.depth + 2);
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === COMMA) {
      if (++values > limits.values) return 'values';
    } else if (c === COLON) {
      if (depth > 0 && ++keys[depth] > limits.objectKeys) return 'objectKeys';
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limits.depth) return 'depth';
      keys[depth] = 0;
      if (++values > limits.values) return 'values';
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (depth > 0) depth--;
    }
  }
  return null;
}

/**
 * Whether the JSON `text` nests arrays and objects deeper than `max`, read before it is
 * parsed: one pass over the characters, skipping strings and their escapes.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  return jsonShapeProblem(text, { depth: max, objectKeys: Infinity, values: Infinity }) === 'depth';
}

/** What a JSON text holds that passes `limits` (the problem `jsonShapeProblem` found). */
export function jsonShapeMessage(
  problem: JsonShapeProblem,
  limits: JsonShapeLimits = JSON_SHAPE_LIMITS,
): string {
  return {
    depth: `JSON nested deeper than ${limits.depth} levels`,
    objectKeys: `a JSON object of more than ${limits.objectKeys} keys`,
    values: `more than ${limits.values} JSON values`,
  }[problem];
}

/** The refusal's message, the same on HTTP and WebSocket. */
export const TOO_DEEP_MESSAGE = jsonShapeMessage('depth');

/** Each problem's refusal, the same on HTTP and WebSocket, and its body-parser-style error type. */
export const JSON_SHAPE_REFUSALS: Readonly<Record<JsonShapeProblem, { type: string; message: string }>> = {
  depth: { type: 'entity.too.deep', message: TOO_DEEP_MESSAGE },
  objectKeys: { type: 'entity.too.wide', message: jsonShapeMessage('objectKeys') },
  values: { type: 'entity.too.many.values', message: jsonShapeMessage('values') },
};
