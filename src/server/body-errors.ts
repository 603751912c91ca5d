import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';

/** The GraphQL-shaped JSON error body the edge answers with outside GraphQL execution. */
const body = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * Express error handler for what happens before GraphQL runs: malformed JSON answers
 * 400, a body over the limit 413, other client errors their 4xx, anything else 500,
 * always as JSON (never Express's HTML page, never a stack trace).
 */
export function jsonBodyErrors(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number; statusCode?: number };
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === 'entity.parse.failed')
      return void res.status(400).json(body('Malformed JSON in the request body', 'BAD_REQUEST'));
    if (e.type === 'entity.too.large')
      return void res.status(413).json(body('Request body too large', 'PAYLOAD_TOO_LARGE'));
    if (status >= 400 && status < 500)
      return void res.status(status).json(body('Bad request', 'BAD_REQUEST'));
    logger.error({ err }, 'request failed before GraphQL');
    res.status(500).json(body('Internal server error', 'INTERNAL_SERVER_ERROR'));
  };
}
