/**
 * The thread that turns a large request body into JSON (see `json-body.ts`): it gathers the
 * chunks of each body as they arrive, inflates a compressed one (never past the limit),
 * decodes UTF-8 and parses. Nothing here allocates on the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { BodyRefusal, ThreadMessage, ThreadReply } from './json-body.types';
import { JSON_SHAPE_REFUSALS, jsonShapeProblem } from './json-depth';

const decoder = new TextDecoder('utf-8');
const bodies = new Map<number, Uint8Array[]>();

const refusal = (type: string, status: number, code?: string): BodyRefusal => ({ type, status, code });

/** The body's bytes once inflated, or the refusal body-parser would raise. */
function inflated(raw: Buffer, encoding: string, limit: number): Buffer | BodyRefusal {
  const options = { maxOutputLength: limit };
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(raw, options);
    if (encoding === 'deflate') return zlib.inflateSync(raw, options);
    if (encoding === 'br') return zlib.brotliDecompressSync(raw, options);
    return raw;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return refusal('entity.too.large', 413);
    const zlibCode = typeof code === 'string' && code.startsWith('Z_') ? code : 'Z_DATA_ERROR';
    return refusal('encoding.failed', 400, zlibCode);
  }
}

/**
 * The parsed body: an object or an array, as body-parser's strict mode accepts, within the
 * shape limits of `json-depth.ts` (deeper values also overflow the stack of `postMessage`;
 * wider ones cost the event loop a copy and walks it cannot slice), so nothing refused
 * reaches the event loop.
 */
function parsed(bytes: Buffer): { value: unknown } | BodyRefusal {
  if (bytes.length === 0) return { value: {} };
  const text = decoder.decode(bytes);
  const problem = jsonShapeProblem(text);
  if (problem) return refusal(JSON_SHAPE_REFUSALS[problem].type, 400);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) return { value };
  } catch {
    // answered below, as any body that is not a JSON object or array
  }
  return refusal('entity.parse.failed', 400);
}

function finish(id: number, encoding: string, limit: number): ThreadReply {
  const raw = Buffer.concat(bodies.get(id) ?? []);
  bodies.delete(id);
  const bytes = inflated(raw, encoding, limit);
  if (!Buffer.isBuffer(bytes)) return { id, refusal: bytes };
  const result = parsed(bytes);
  return 'value' in result ? { id, value: result.value } : { id, refusal: result };
}

parentPort?.on('message', (m: ThreadMessage) => {
  if (m.kind === 'chunk') {
    const parts = bodies.get(m.id);
    if (parts) parts.push(m.bytes);
    else bodies.set(m.id, [m.bytes]);
  } else if (m.kind === 'drop') {
    bodies.delete(m.id);
  } else {
    parentPort?.postMessage(finish(m.id, m.encoding, m.limit));
  }
});
