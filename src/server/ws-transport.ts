/**
 * graphql-ws's protocol server on a `ws` server: our own glue in place of graphql-ws's
 * `useServer`, so that what a client does wrong is not logged as our fault.
 *
 * `useServer` logs every socket error through `console.error` with a stack, as "Internal
 * error". Most socket errors are the client's: a message over `maxPayload`, invalid
 * UTF-8, a bad frame. ws has already closed such a socket with the right code (1009,
 * 1007, 1002) when it reports them, so here they are an info line with ws's error code,
 * and anyone can send them without writing to the error log. Errors of ours (a message
 * handler that throws, a failing server) are logged as errors and close with 4500,
 * never with the error's text. A message whose JSON nests deeper than MAX_JSON_DEPTH, holds
 * an object wider than MAX_JSON_OBJECT_KEYS or more than MAX_JSON_VALUES values is closed
 * with 4400 before graphql-ws parses it.
 */
import type http from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import { JSON_SHAPE_REFUSALS, jsonShapeProblem } from './json-depth';

/** What graphql-ws's context carries of the connection, as `useServer` gives it. */
export interface ConnectionExtra {
  readonly socket: WebSocket;
  readonly request: http.IncomingMessage;
}

/** Interval between pings; a socket that has not answered by the next one is dropped. */
export const KEEP_ALIVE_MS = 12_000;

const INTERNAL = 'Internal server error';

/** ws's own errors for a peer that broke the protocol carry a `WS_ERR_` code. */
const clientFault = (err: Error): string | undefined => {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('WS_ERR_') ? code : undefined;
};

/** A message as UTF-8 text; ws gives Buffers unless told another binaryType. */
const text = (data: RawData): string =>
  (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString();

/** Pings the socket every `intervalMs`; terminates it when a ping goes unanswered. */
function keepAlive(socket: WebSocket, intervalMs: number): () => void {
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) return socket.terminate();
    answered = false;
    socket.ping();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function onSocketError(socket: WebSocket, logger: Logger): void {
  socket.once('error', (err) => {
    const code = clientFault(err);
    if (code)
      return logger.info({ code, reason: err.message }, 'websocket closed: the client broke the protocol');
    logger.error({ err }, 'websocket socket error');
    socket.close(CloseCode.InternalServerError, INTERNAL);
  });
}

/**
 * Serves the graphql-transport-ws protocol on every socket `wss` accepts. Returns a
 * dispose that closes the sockets with 1001 and the server.
 */
export function serveGraphqlWs<P extends Record<string, unknown>, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, ConnectionExtra & Partial<E>>,
  wss: WebSocketServer,
  logger: Logger,
  keepAliveMs = KEEP_ALIVE_MS,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  wss.on('error', (err) => {
    logger.error({ err }, 'websocket server error');
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, INTERNAL);
  });
  wss.on('connection', (socket, request) => {
    onSocketError(socket, logger);
    const stopPings = keepAlive(socket, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (err) => (err ? reject(err) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            const message = text(data);
            // graphql-ws would parse it whole, and graphql walk what it holds
            const problem = jsonShapeProblem(message);
            if (problem) {
              const refused = `Invalid message received: ${JSON_SHAPE_REFUSALS[problem].message}`;
              return socket.close(CloseCode.BadRequest, refused);
            }
            handle(message).catch((err: unknown) => {
              logger.error({ err }, 'websocket message handling failed');
              socket.close(CloseCode.InternalServerError, INTERNAL);
            });
          }),
      },
      { socket, request } as ConnectionExtra & Partial<E>,
    );
    socket.once('close', (code, reason) => {
      stopPings();
      closed(code, String(reason)).catch((err: unknown) => logger.error({ err }, 'websocket cleanup failed'));
    });
  });
  return { dispose: () => disposeServer(wss) };
}

async function disposeServer(wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.close(1001, 'Going away');
  wss.removeAllListeners();
  await new Promise<void>((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
}
