/**
 * The JSON thread behind `/graphql`'s large bodies (`src/server/json-body.ts`), on a bare
 * Express app: it parses what arrives in pieces, and a client that goes away mid-body
 * leaves nothing behind in the thread.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { INLINE_MAX_BYTES, jsonBody } from '../../../src/server/json-body';
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
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

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
});
