import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { clip } from '../common/bounded';
import type { Logger } from '../logger';
import { JSON_SHAPE_REFUSALS } from './json-depth';

const MiB = 1024 * 1024;

/** The GraphQL-shaped JSON error body the edge answers with outside GraphQL execution. */
const body = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** Header values quoted back in a message are cut to this many characters. */
const QUOTED_MAX = 64;

/**
 * What the body parser (body-parser, raw-body, zlib) attaches to the errors it raises, and
 * `json-body.ts` to its own, which take the same shape.
 */
export interface BodyError {
  type?: string;
  status?: number;
  statusCode?: number;
  /** A charset the parser does not decode. */
  charset?: string;
  /** A Content-Encoding the parser does not inflate. */
  encoding?: string;
  /** zlib's code (`Z_DATA_ERROR`, `Z_BUF_ERROR`…) when a compressed body does not inflate. */
  code?: string;
  /** Of a `bodies.busy` refusal: the bytes of large bodies the server holds at most. */
  maxHeldBytes?: number;
  /** Of a `request.timeout` refusal: how long a large body may take to arrive. */
  deadlineMs?: number;
}

/**
 * Express error handler for what happens before GraphQL runs: malformed JSON, or JSON
 * nested deeper than MAX_JSON_DEPTH, with an object of more than MAX_JSON_OBJECT_KEYS keys
 * or more than MAX_JSON_VALUES values, answers 400, a body over the limit 413, a charset or
 * Content-Encoding the parser cannot read 415, a compressed body that does not inflate 400,
 * too many large bodies at once 503 with Retry-After, a large body too slow to arrive 408,
 * other client errors their 4xx, anything else 500, always as JSON naming the problem
 * (never Express's HTML page, never a stack trace).
 */
export function jsonBodyErrors(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as BodyError;
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === 'entity.parse.failed')
      return void res.status(400).json(body('Malformed JSON in the request body', 'BAD_REQUEST'));
    const shape = Object.values(JSON_SHAPE_REFUSALS).find((r) => r.type === e.type);
    if (shape)
      return void res.status(400).json(body(`The request body holds ${shape.message}`, 'BAD_REQUEST'));
    if (e.type === 'entity.too.large')
      return void res.status(413).json(body('Request body too large', 'PAYLOAD_TOO_LARGE'));
    if (e.type === 'charset.unsupported') {
      const charset = clip(String(e.charset ?? '').toLowerCase(), QUOTED_MAX);
      const message = `Unsupported charset "${charset}" in Content-Type: send the JSON body as UTF-8`;
      return void res.status(415).json(body(message, 'UNSUPPORTED_MEDIA_TYPE'));
    }
    if (e.type === 'encoding.unsupported') {
      const encoding = clip(String(e.encoding ?? ''), QUOTED_MAX);
      const message = `Unsupported Content-Encoding "${encoding}": send gzip, deflate, br or identity`;
      return void res.status(415).json(body(message, 'UNSUPPORTED_MEDIA_TYPE'));
    }
    if (e.type === 'bodies.busy') {
      const held = Math.round((e.maxHeldBytes ?? 0) / MiB);
      const message = `The server holds ${held} MiB of large request bodies already: retry in a few seconds`;
      return void res.status(503).set('Retry-After', '5').json(body(message, 'UNAVAILABLE'));
    }
    if (e.type === 'request.timeout') {
      const message = `The request body did not arrive within ${(e.deadlineMs ?? 0) / 1000} s`;
      return void res.status(408).json(body(message, 'REQUEST_TIMEOUT'));
    }
    if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
      const encoding = clip(String(req.headers['content-encoding'] ?? ''), QUOTED_MAX);
      const message = `The request body does not decompress as its Content-Encoding "${encoding}" says`;
      return void res.status(400).json(body(message, 'BAD_REQUEST'));
    }
    if (status === 404) return void res.status(404).json(notFoundBody(req.method, req.path));
    if (pathRefused(status, e, req, res)) return;
    if (status >= 400 && status < 500)
      return void res.status(status).json(body('Bad request', 'BAD_REQUEST'));
    logger.error({ err }, 'request failed before GraphQL');
    res.status(500).json(body('Internal server error', 'INTERNAL_SERVER_ERROR'));
  };
}

/**
 * The static files' refusals, named: a path climbing out of its folder (403), one that does not
 * decode or holds a NUL (400, raised without a body parser's `type`). True when answered.
 */
function pathRefused(status: number, e: BodyError, req: Request, res: Response): boolean {
  const at = where(req.method, req.path);
  if (status === 403)
    res.status(403).json(body(`${at}: a path may not climb out of its folder with ".."`, 'FORBIDDEN'));
  else if (status === 400 && e.type === undefined)
    res
      .status(400)
      .json(body(`${at}: the path is not valid percent-encoding or holds a NUL byte`, 'BAD_REQUEST'));
  else return false;
  return true;
}

const where = (method: string, path: string): string => `${clip(method, 16)} ${clip(path, QUOTED_MAX)}`;

const notFoundBody = (method: string, path: string) => body(`Nothing at ${where(method, path)}`, 'NOT_FOUND');

/** The last handler: a path no route serves answers 404 as JSON, like every other refusal. */
export function jsonNotFound(): RequestHandler {
  return (req, res) => void res.status(404).json(notFoundBody(req.method, req.path));
}
