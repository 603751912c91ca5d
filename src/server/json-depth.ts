/**
 * How deep a request's JSON may nest arrays and objects. Variables of our schema nest a
 * few levels; anything deeper is an attack. Unbounded, a 2.4 MB body of 1.2 million nested
 * arrays parsed in the body thread and then overflowed the stack when the value was
 * copied back to the event loop (500), and walks of such values elsewhere can do the same.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether the JSON `text` nests arrays and objects deeper than `max`, read before it is
 * parsed: one pass over the characters, skipping strings and their escapes.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  return false;
}

/** The refusal's message, the same on HTTP and WebSocket. */
export const TOO_DEEP_MESSAGE = `JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
