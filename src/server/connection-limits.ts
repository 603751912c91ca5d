/**
 * Bounds on connections, which no request handler sees: a client that opens sockets and
 * sends nothing, or its headers a byte at a time, holds a file descriptor each. Node's
 * defaults let one client hold them without bound: one address took the built server to
 * 16,127 descriptors of its 20,000 in 10 s, and a process with none left can neither accept
 * nor write its store (`tests/security/22-connection-bounds.test.ts`).
 *
 * - Headers must arrive within `headersTimeoutMs`, the whole request within
 *   `requestTimeoutMs`; Node checks every `CHECK_INTERVAL_MS` and answers 408.
 * - One client address holds at most `maxPerClient` sockets at once (HTTP and WebSocket);
 *   another gets 503 `UNAVAILABLE` with `Retry-After` and is closed. Behind a reverse proxy
 *   every socket comes from the proxy, so its cap is raised there (or 0, off).
 * - The server holds at most `maxConnections` sockets; Node drops the rest on accept.
 */
import type http from 'node:http';
import type net from 'node:net';
import type { Config } from '../config';
import { CappedCounts } from '../common/capped-counts';
import { clientKey } from '../common/client-address';
import type { Logger } from '../logger';

export interface ConnectionLimits {
  maxConnections: number;
  /** 0: no cap per client address. */
  maxPerClient: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const connectionLimits = (config: Config): ConnectionLimits => ({
  maxConnections: config.HTTP_MAX_CONNECTIONS,
  maxPerClient: config.HTTP_MAX_CONNECTIONS_PER_CLIENT,
  headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
  requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
});

/** How often Node looks for requests past their timeouts. */
const CHECK_INTERVAL_MS = 1000;

/** The `http.createServer` options that bound slow requests. */
export const slowRequestOptions = (limits: ConnectionLimits): http.ServerOptions => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  connectionsCheckingInterval: CHECK_INTERVAL_MS,
});

const REFUSAL_BODY = JSON.stringify({
  errors: [
    {
      message: 'Too many connections from this address: close some and retry',
      extensions: { code: 'UNAVAILABLE' },
    },
  ],
});
const REFUSAL =
  'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n' +
  `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(REFUSAL_BODY)}\r\n\r\n` +
  REFUSAL_BODY;

/** Why a socket was refused at accept (`per-client`, `total`) or cut off (`pipelined`). */
export type RefusalReason = 'per-client' | 'total' | 'pipelined';

/** How often, at most, refusals are logged: an attacker must not flood the log either. */
const LOG_EVERY_MS = 60_000;

/**
 * Tells `count` of every refusal and logs `message` as a warning at most once a minute with
 * the number refused since the last, so an operator behind a proxy learns a cap is too low.
 */
export function refusalReporter<R extends string>(
  logger: Logger,
  message: string,
  count: (reason: R) => void,
): (reason: R) => void {
  let unlogged = 0;
  let lastLog = -Infinity;
  return (reason) => {
    count(reason);
    unlogged += 1;
    const now = performance.now();
    if (now - lastLog < LOG_EVERY_MS) return;
    logger.warn({ refused: unlogged, reason }, message);
    unlogged = 0;
    lastLog = now;
  };
}

/** Answers 503 and closes; the socket never reaches the HTTP parser. */
function refuse(socket: net.Socket): void {
  socket.setTimeout(REFUSAL_GRACE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.end(REFUSAL, () => socket.destroy());
}

/** How long a refused socket may take to receive its 503. */
const REFUSAL_GRACE_MS = 1000;

/**
 * Caps the sockets `server` holds, in all and per client address. Call it on a new server,
 * before anything else listens for its connections: a socket over the cap is answered here
 * and never handed to the HTTP parser, so no request on it runs. `onRefused` hears each
 * socket refused, for metrics and a log line.
 */
export function capConnections(
  server: http.Server,
  limits: ConnectionLimits,
  onRefused: (reason: RefusalReason) => void,
): void {
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => onRefused('total'));
  if (limits.maxPerClient <= 0) return;
  const perClient = new CappedCounts<string>(limits.maxPerClient);
  // Node's HTTP server reads its sockets from a 'connection' listener of its own
  const parse = server.listeners('connection') as ((socket: net.Socket) => void)[];
  if (parse.length !== 1) throw new Error('capConnections needs a new http.Server, before others listen');
  server.removeAllListeners('connection');
  server.on('connection', (socket: net.Socket) => {
    const address = clientKey(socket.remoteAddress);
    if (!perClient.tryTake(address)) {
      refuse(socket);
      return onRefused('per-client');
    }
    socket.once('close', () => perClient.release(address));
    for (const listener of parse) listener.call(server, socket);
  });
}
