/**
 * `boundUnsentOutput` on a real HTTP server and real sockets: every answer is 16 MB written
 * in one piece, more than the kernel takes for a client that does not read, so the rest stays
 * in the process until the client reads it.
 */
import http from 'node:http';
import net from 'node:net';
import { boundUnsentOutput, type UnsentLimits, type UnsentReason } from '../../../src/server/unsent-output';

const ANSWER = Buffer.alloc(16 * 1024 * 1024, 'x');
const MB = 1024 * 1024;

async function serve(
  limits: UnsentLimits,
): Promise<{ port: number; closed: UnsentReason[]; stop(): Promise<void> }> {
  const closed: UnsentReason[] = [];
  const server = http.createServer((_req, res) => res.end(ANSWER));
  boundUnsentOutput(server, limits, (reason) => closed.push(reason));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    closed,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A client that asks once and reads nothing. */
function idleClient(port: number): net.Socket {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  socket.pause();
  return socket;
}

/** A client that asks once and reads the answer, pausing `delayMs` after each chunk: resolves the bytes read. */
function reader(port: number, delayMs: number): Promise<number> {
  const socket = net.connect(port, '127.0.0.1');
  socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  let bytes = 0;
  return new Promise((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (delayMs === 0) return;
      socket.pause();
      setTimeout(() => socket.resume(), delayMs);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(bytes));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('boundUnsentOutput', () => {
  it('closes the socket of a client that reads nothing, after the send timeout', async () => {
    const s = await serve({ maxUnsentBytes: 1024 * MB, sendTimeoutMs: 1000 });
    try {
      const socket = idleClient(s.port);
      await sleep(600);
      expect(s.closed).toEqual([]);
      await sleep(1600);
      expect(s.closed).toEqual(['stalled']);
      socket.destroy();
    } finally {
      await s.stop();
    }
  });

  it('closes the largest unread holders while all output exceeds the budget, and serves a reader meanwhile', async () => {
    const s = await serve({ maxUnsentBytes: 20 * MB, sendTimeoutMs: 60_000 });
    try {
      const idle = [idleClient(s.port), idleClient(s.port), idleClient(s.port)];
      const reading = reader(s.port, 0);
      // the budget closes only output that has sat still for 3 s
      await sleep(2000);
      expect(s.closed).toEqual([]);
      await sleep(2500);
      // three answers of 16 MB, less what the kernel took: two must go to stay under 20 MB
      expect(s.closed.length).toBeGreaterThanOrEqual(2);
      expect(s.closed.every((r) => r === 'over-budget')).toBe(true);
      expect(await reading).toBeGreaterThan(ANSWER.length);
      for (const socket of idle) socket.destroy();
    } finally {
      await s.stop();
    }
  });

  it('keeps a slow reader whose answer moves, past the send timeout and over the budget', async () => {
    const s = await serve({ maxUnsentBytes: 1 * MB, sendTimeoutMs: 2000 });
    try {
      const t0 = performance.now();
      const bytes = await reader(s.port, 20);
      expect(bytes).toBeGreaterThan(ANSWER.length);
      expect(performance.now() - t0).toBeGreaterThan(1000);
      expect(s.closed).toEqual([]);
    } finally {
      await s.stop();
    }
  });
});
