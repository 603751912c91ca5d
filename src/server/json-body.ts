/**
 * JSON request bodies, the large ones read and parsed off the event loop.
 *
 * `/graphql` accepts bodies up to 5 MiB (a 4 MiB volume CSV travels as one string). On this
 * kind of machine every fresh multi-megabyte buffer costs about 20 ms of page faults, so
 * gathering, decoding and parsing a 4.8 MB body with `express.json` held the event loop for
 * 34–47 ms, and every request behind it waited as long. A body that may be large (longer
 * than INLINE_MAX_BYTES, compressed, or of unknown length) is instead posted chunk by chunk,
 * as it arrives, to a thread that gathers, inflates and parses it; the parsed value comes
 * back as one structured clone (17–30 ms for that body, most of it the faults of its
 * 4.8 MB string, which the loop must hold). Its limits and refusals are body-parser's: 413 past
 * the limit (inflated or not), 415 for an unknown Content-Encoding, 400 for malformed JSON
 * or a body that does not inflate. Small bodies, and bodies in a charset other than UTF-8,
 * are parsed here by `express.json` as before.
 */
import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type RequestHandler } from 'express';
import type { BodyError } from './body-errors';
import type { BodyRefusal } from './json-body.types';
import { JSON_SHAPE_REFUSALS, jsonShapeProblem } from './json-depth';
import { JsonThread } from './json-thread';

/** Bodies up to this many bytes are parsed in place (a 1,000-row import is about 300 KB, 5 ms). */
export const INLINE_MAX_BYTES = 256 * 1024;
/**
 * Large bodies at the limit the thread may hold at once (received, or waiting to be parsed),
 * as bytes: 16 × 5 MiB on /graphql. A body that would pass it is refused with 503, so
 * concurrent uploads cannot add up to gigabytes; slow clients hold only what they have sent,
 * so they cannot block it cheaply.
 */
export const MAX_HELD_BODIES = 16;
/** A large body must arrive within this long (5 MiB at 90 KB/s), or it is refused with 408. */
export const BODY_DEADLINE_MS = 60_000;

export interface JsonBodyOptions {
  thread?: JsonThread;
  /** Bytes of large bodies held at once; MAX_HELD_BODIES × `limit` unless given. */
  maxHeldBytes?: number;
  deadlineMs?: number;
}

const ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** An error shaped as body-parser's, so `jsonBodyErrors` answers it the same way. */
const bodyError = (message: string, fields: BodyRefusal & BodyError): Error =>
  Object.assign(new Error(message), fields);

/** Whether the body may be large: compressed, of unknown length or longer than inline. */
function mayBeLarge(req: IncomingMessage): boolean {
  const charset = CHARSET.exec(String(req.headers['content-type'] ?? ''))?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return false;
  const length = Number(req.headers['content-length'] ?? NaN);
  return contentEncoding(req) !== 'identity' || !(length <= INLINE_MAX_BYTES);
}

const contentEncoding = (req: IncomingMessage): string =>
  String(req.headers['content-encoding'] ?? 'identity').toLowerCase();

/** `express.json({ limit })`, with bodies that may be large read and parsed in a thread. */
export function jsonBody(
  limit: number,
  {
    thread = new JsonThread(),
    maxHeldBytes = MAX_HELD_BODIES * limit,
    deadlineMs = BODY_DEADLINE_MS,
  }: JsonBodyOptions = {},
): RequestHandler {
  const inline = express.json({ limit, verify: refuseMisshapenJson });
  return (req, res, next) => {
    // no body, or not JSON: express.json sets req.body as Apollo expects, reading nothing
    if (!mayBeLarge(req) || !req.is('application/json')) return inline(req, res, next);
    const encoding = contentEncoding(req);
    if (!ENCODINGS.has(encoding))
      return next(
        bodyError('Unsupported Content-Encoding', { type: 'encoding.unsupported', status: 415, encoding }),
      );
    if (Number(req.headers['content-length']) > limit) return next(tooLarge());
    if (thread.heldBytes >= maxHeldBytes) return next(busy(maxHeldBytes));
    streamToThread(req, res, thread, { encoding, limit, maxHeldBytes, deadlineMs }, next);
  };
}

/**
 * express.json's `verify`: refuses a body too deep, with too wide an object or too many
 * values (`json-depth.ts`) before it is parsed.
 */
function refuseMisshapenJson(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string): void {
  const text = buf.toString(Buffer.isEncoding(encoding) ? encoding : 'utf8');
  const problem = jsonShapeProblem(text);
  if (problem) {
    const { type, message } = JSON_SHAPE_REFUSALS[problem];
    throw bodyError(message, { type, status: 400 });
  }
}

const tooLarge = (): Error => bodyError('Request body too large', { type: 'entity.too.large', status: 413 });
const busy = (maxHeldBytes: number): Error =>
  bodyError('Too many large bodies at once', { type: 'bodies.busy', status: 503, maxHeldBytes });

/** Posts the body's chunks to the thread as they arrive; `next` gets the parsed body or the refusal. */
function streamToThread(
  req: express.Request,
  res: express.Response,
  thread: JsonThread,
  options: { encoding: string; limit: number; maxHeldBytes: number; deadlineMs: number },
  next: NextFunction,
): void {
  const { encoding, limit, maxHeldBytes, deadlineMs } = options;
  const body = thread.open();
  let received = 0;
  const late = bodyError('Request body too slow', { type: 'request.timeout', status: 408, deadlineMs });
  const deadline = setTimeout(() => stop(late), deadlineMs);
  const detach = (): void => {
    clearTimeout(deadline);
    req.off('data', onData).off('end', onEnd).off('close', onAborted).off('error', stop);
  };
  const stop = (error: Error): void => {
    detach();
    req.unpipe();
    req.pause();
    // the rest of the body is never read: the connection cannot carry another request
    if (!res.headersSent) res.setHeader('Connection', 'close');
    body.drop();
    next(error);
  };
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (received > limit) return stop(tooLarge());
    if (thread.heldBytes + chunk.length > maxHeldBytes) return stop(busy(maxHeldBytes));
    body.push(chunk);
  };
  // closed before its end: the client went away, and the thread must not keep the chunks
  const onAborted = (): void => stop(bodyError('Request aborted', { type: 'request.aborted', status: 400 }));
  const onEnd = (): void => {
    detach();
    body.end(encoding, limit).then((value) => {
      req.body = value;
      next();
    }, next);
  };
  req.on('data', onData).on('end', onEnd).on('close', onAborted).on('error', stop);
}
