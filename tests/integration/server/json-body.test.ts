/**
 * The JSON thread behind `/graphql`'s large bodies (`src/server/json-body.ts`), on a bare
 * Express app: it parses what arrives in pieces, a client that goes away mid-body leaves
 * nothing behind in the thread, and past MAX_LARGE_BODIES at once a large body is refused
 * with 503 before it is read.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from '../../../src/logger';
import { jsonBodyErrors } from '../../../src/server/body-errors';
import { INLINE_MAX_BYTES, jsonBody, MAX_LARGE_BODIES } from '../../../src/server/json-body';
import { JsonThread } from '../../../src/server/json-thread';

const LIMIT = 5 * 1024 * 1024;

describe('JSON thread', () => {
  const thread = new JsonThread();
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    app.post(
      '/echo',
      jsonBody(LIMIT, thread),
      (req, res) => void res.json({ keys: Object.keys(req.body as object) }),
    );
    app.use(jsonBodyErrors(createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' })));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Opens a raw connection and sends the head of a chunked JSON POST and `first` bytes of body. */
  const partialPost = (first: string): Promise<net.Socket> =>
    new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
            `${first.length.toString(16)}\r\n${first}\r\n`,
        );
        resolve(socket);
      });
    });

  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('parses a body sent in pieces in the thread', async () => {
    const body = JSON.stringify({ query: 'x'.repeat(INLINE_MAX_BYTES), variables: {} });
    const res = await fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(await res.json()).toEqual({ keys: ['query', 'variables'] });
    expect(thread.holding).toBe(0);
  });

  it('forgets a body whose client goes away before its end', async () => {
    const socket = await partialPost(`{"query": "${'y'.repeat(100_000)}`);
    await until(() => thread.holding === 1);
    expect(thread.holding).toBe(1);
    socket.destroy();
    await until(() => thread.holding === 0);
    expect(thread.holding).toBe(0);
  });

  it(`refuses a large body with 503 while ${MAX_LARGE_BODIES} are on their way, and takes it again after`, async () => {
    const sockets = await Promise.all(Array.from({ length: MAX_LARGE_BODIES }, () => partialPost('{"a": "')));
    await until(() => thread.holding === MAX_LARGE_BODIES);
    const post = () =>
      fetch(`http://127.0.0.1:${port}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ big: 'z'.repeat(INLINE_MAX_BYTES) }),
      });
    const busy = await post();
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await busy.json()).toEqual({
      errors: [
        {
          message: `The server is receiving ${MAX_LARGE_BODIES} large request bodies already: retry in a few seconds`,
          extensions: { code: 'UNAVAILABLE' },
        },
      ],
    });
    for (const socket of sockets) socket.destroy();
    await until(() => thread.holding === 0);
    expect(await (await post()).json()).toEqual({ keys: ['big'] });
  });
});
