/**
 * The JSON thread behind `/graphql`'s large bodies (`src/server/json-body.ts`), on a bare
 * Express app: it parses what arrives in pieces; a client that goes away mid-body leaves
 * nothing behind in the thread; a body that would take the bytes held past the budget is
 * refused with 503, and one too slow to arrive with 408.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from '../../../src/logger';
import { jsonBodyErrors } from '../../../src/server/body-errors';
import { INLINE_MAX_BYTES, jsonBody } from '../../../src/server/json-body';
import { JsonThread } from '../../../src/server/json-thread';

const LIMIT = 5 * 1024 * 1024;
const MiB = 1024 * 1024;

describe('JSON thread', () => {
  const thread = new JsonThread();
  const slowThread = new JsonThread();
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    const echo = (req: express.Request, res: express.Response) =>
      void res.json({ keys: Object.keys(req.body as object) });
    app.post('/echo', jsonBody(LIMIT, { thread, maxHeldBytes: MiB }), echo);
    app.post('/slow', jsonBody(LIMIT, { thread: slowThread, deadlineMs: 300 }), echo);
    app.use(jsonBodyErrors(createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' })));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends the head of a chunked JSON POST and the first bytes of its body; collects the answer. */
  const partialPost = (path: string, first: string): Promise<{ socket: net.Socket; answer: () => string }> =>
    new Promise((resolve) => {
      let answer = '';
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
            `${first.length.toString(16)}\r\n${first}\r\n`,
        );
        resolve({ socket, answer: () => answer });
      });
      socket.on('data', (d: Buffer) => (answer += d.toString()));
    });

  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  const post = (bytes: number) =>
    fetch(`http://127.0.0.1:${port}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ big: 'z'.repeat(bytes) }),
    });

  it('parses a body sent in pieces in the thread', async () => {
    expect(await (await post(INLINE_MAX_BYTES)).json()).toEqual({ keys: ['big'] });
    expect([thread.holding, thread.heldBytes]).toEqual([0, 0]);
  });

  it('forgets a body whose client goes away before its end', async () => {
    const { socket } = await partialPost('/echo', `{"query": "${'y'.repeat(100_000)}`);
    await until(() => thread.holding === 1);
    expect(thread.heldBytes).toBeGreaterThan(100_000);
    socket.destroy();
    await until(() => thread.holding === 0);
    expect([thread.holding, thread.heldBytes]).toEqual([0, 0]);
  });

  it('refuses with 503 a body that would take the bytes held past the budget, and takes it after', async () => {
    const { socket } = await partialPost('/echo', `{"a": "${'w'.repeat(0.9 * MiB)}`);
    await until(() => thread.heldBytes > 0.9 * MiB);
    const busy = await post(INLINE_MAX_BYTES);
    expect([busy.status, busy.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await busy.json()).toEqual({
      errors: [
        {
          message: 'The server holds 1 MiB of large request bodies already: retry in a few seconds',
          extensions: { code: 'UNAVAILABLE' },
        },
      ],
    });
    socket.destroy();
    await until(() => thread.holding === 0);
    expect(await (await post(INLINE_MAX_BYTES)).json()).toEqual({ keys: ['big'] });
  });

  it('refuses with 408 a large body that does not arrive in time, and lets it go', async () => {
    const { socket, answer } = await partialPost('/slow', '{"a": "');
    await until(() => answer().length > 0);
    expect(answer()).toMatch(/^HTTP\/1\.1 408/);
    expect(answer()).toContain(
      '{"errors":[{"message":"The request body did not arrive within 0.3 s","extensions":{"code":"REQUEST_TIMEOUT"}}]}',
    );
    expect(slowThread.holding).toBe(0);
    socket.destroy();
  });
});
