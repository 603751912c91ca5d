/**
 * Our graphql-ws glue (`src/server/ws-transport.ts`) on a bare ws server: a client's
 * protocol fault is an info line, never `console.error`; a failure of ours closes with
 * graphql-ws's 4500 without its text; a socket that stops answering pings is dropped.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { createLogger } from '../../../src/logger';
import { serveGraphqlWs } from '../../../src/server/ws-transport';
import { openSocket } from '../../helpers/ws-client';

const schema = buildSchema('type Query { hello: String }');
const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });

/** A ws server on loopback with our glue; `onConnect` is the protocol server's hook. */
async function serve(onConnect: () => boolean, keepAliveMs?: number) {
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 });
  const served = serveGraphqlWs({ schema, onConnect }, wss, logger, keepAliveMs);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    port,
    close: async () => {
      await served.dispose();
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

describe('graphql-ws transport', () => {
  afterEach(() => jest.restoreAllMocks());

  it('closes an oversized message with 1009 and logs it as the client’s fault, not as an error', async () => {
    const consoleError = jest.spyOn(console, 'error');
    const info = jest.spyOn(logger, 'info');
    const error = jest.spyOn(logger, 'error');
    const server = await serve(() => true);
    try {
      const { ws, closed } = await openSocket(`http://127.0.0.1:${server.port}`);
      ws.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(2048) } }));
      expect((await closed)[0]).toBe(1009);
      expect(info).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }),
        expect.stringMatching(/client/),
      );
      expect(error).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });

  it('serves the protocol: connection_init is acknowledged', async () => {
    const server = await serve(() => true);
    try {
      const { ws } = await openSocket(`http://127.0.0.1:${server.port}`);
      const ack = new Promise<string>((resolve) =>
        ws.once('message', (data: Buffer) => resolve(data.toString())),
      );
      ws.send(JSON.stringify({ type: 'connection_init' }));
      expect(JSON.parse(await ack)).toEqual({ type: 'connection_ack' });
      ws.close();
    } finally {
      await server.close();
    }
  });

  it('closes with 4500 and no detail when a hook of ours throws, and logs the error', async () => {
    const error = jest.spyOn(logger, 'error');
    const server = await serve(() => {
      throw new Error('secret detail');
    });
    try {
      const { ws, closed } = await openSocket(`http://127.0.0.1:${server.port}`);
      ws.send(JSON.stringify({ type: 'connection_init' }));
      expect(await closed).toEqual([CloseCode.InternalServerError, 'Internal server error']);
      expect(error).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ message: 'secret detail' }) }),
        expect.any(String),
      );
    } finally {
      await server.close();
    }
  });

  it('drops a socket that does not answer pings, and keeps one that does', async () => {
    const server = await serve(() => true, 50);
    try {
      const live = await openSocket(`http://127.0.0.1:${server.port}`);
      const mute = net.connect(server.port, '127.0.0.1');
      const muteClosed = new Promise((resolve) => mute.on('close', resolve));
      mute.on('data', () => undefined); // reads the 101 and the pings, never answers
      mute.write(
        'GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
          'Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
      );
      await muteClosed;
      expect(live.ws.readyState).toBe(WebSocket.OPEN);
      live.ws.close();
    } finally {
      await server.close();
    }
  });
});
