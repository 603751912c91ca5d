/**
 * Connections no request handler sees: a client that opens sockets and sends nothing, or
 * its headers a byte at a time. Node's defaults let one address hold sockets until the
 * process has no file descriptor left, and then it accepts nothing, `/healthz` included;
 * headers could take 60 s and a request 300 s. Now (`src/server/connection-limits.ts`) one
 * address holds at most HTTP_MAX_CONNECTIONS_PER_CLIENT sockets and is answered 503 beyond
 * that, the server at most HTTP_MAX_CONNECTIONS, and slow headers get 408.
 */
import net from 'node:net';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { openSocket } from '../helpers/ws-client';
import { loginRequest, OTHER_ADDRESS, rawExchange } from './hostile';

const portOf = (t: TestApp): number => Number(new URL(t.app.url).port);

/** A socket that connects and sends nothing; `closed` resolves when the server drops it. */
async function idleSocket(port: number): Promise<{ socket: net.Socket; closed: Promise<void> }> {
  const socket = net.connect({ port, host: '127.0.0.1' });
  socket.on('error', () => undefined);
  socket.resume(); // reads a refusal to its end, so that 'close' comes
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, closed };
}

const GET_HEALTH = 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n';

async function refusedCount(t: TestApp, reason: string): Promise<number> {
  const metric = await t.services.metrics.connectionsRefused.get();
  return metric.values.find((v) => v.labels.reason === reason)?.value ?? 0;
}

describe('security #22: connections are bounded per client and in all', () => {
  describe('per client address', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { HTTP_MAX_CONNECTIONS_PER_CLIENT: '20' } });
    });
    afterAll(() => t.close());

    it('answers 503 UNAVAILABLE past the cap, runs nothing sent on such a socket, and serves other addresses', async () => {
      const held = await Promise.all(Array.from({ length: 20 }, () => idleSocket(portOf(t))));
      let requests = 0;
      const count = (): void => void (requests += 1);
      t.app.httpServer.on('request', count);
      try {
        const refused = await rawExchange(t.app.url, GET_HEALTH);
        expect(refused).toMatch(/^HTTP\/1\.1 503 /);
        expect(refused).toMatch(/Retry-After: 5/);
        expect(refused).toMatch(/"code":"UNAVAILABLE"/);
        expect(refused.match(/HTTP\/1\.1 /g)).toHaveLength(1);
        // six wrong passwords on refused sockets would lock the account if they ran
        for (let i = 0; i < 6; i++)
          expect(await rawExchange(t.app.url, loginRequest('manager', 'wrong-password'))).toMatch(/ 503 /);
        expect(requests).toBe(0); // the HTTP parser never saw a refused socket
        expect(await rawExchange(t.app.url, GET_HEALTH, OTHER_ADDRESS)).toMatch(/^HTTP\/1\.1 200 /);
        expect(requests).toBe(1);
        expect(await refusedCount(t, 'per-client')).toBe(7);
      } finally {
        t.app.httpServer.off('request', count);
        held.forEach(({ socket }) => socket.destroy());
      }
      await Promise.all(held.map(({ closed }) => closed));
      await expect(t.login('manager')).resolves.toEqual(expect.any(String));
    });

    it('counts WebSocket connections too', async () => {
      const opened = await Promise.allSettled(Array.from({ length: 21 }, () => openSocket(t.app.url)));
      const sockets = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ws] : []));
      try {
        expect(sockets.length).toBeLessThanOrEqual(20);
        expect(opened.find((r) => r.status === 'rejected')).toMatchObject({
          reason: expect.objectContaining({ message: expect.stringMatching(/503/) }),
        });
        expect(await rawExchange(t.app.url, GET_HEALTH)).toMatch(/^HTTP\/1\.1 503 /);
      } finally {
        sockets.forEach((ws) => ws.terminate());
      }
    });

    it('holds 20 of 500 idle sockets from one address; another still gets /healthz', async () => {
      const flood = await Promise.all(Array.from({ length: 500 }, () => idleSocket(portOf(t))));
      let refused = 0;
      await new Promise<void>((resolve) =>
        flood.forEach(({ closed }) => void closed.then(() => (refused += 1) === 480 && resolve())),
      );
      try {
        const open = await new Promise<number>((resolve, reject) =>
          t.app.httpServer.getConnections((err, n) => (err ? reject(err) : resolve(n))),
        );
        expect(open).toBeLessThanOrEqual(20);
        expect(await rawExchange(t.app.url, GET_HEALTH, OTHER_ADDRESS)).toMatch(/^HTTP\/1\.1 200 /);
      } finally {
        flood.forEach(({ socket }) => socket.destroy());
      }
    });
  });

  describe('in all', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { HTTP_MAX_CONNECTIONS: '30', HTTP_MAX_CONNECTIONS_PER_CLIENT: '0' } });
    });
    afterAll(() => t.close());

    it('drops sockets past HTTP_MAX_CONNECTIONS at accept, and serves again once they close', async () => {
      const held = await Promise.all(Array.from({ length: 30 }, () => idleSocket(portOf(t))));
      try {
        expect(await rawExchange(t.app.url, GET_HEALTH)).toBe('');
        expect(await refusedCount(t, 'total')).toBe(1);
      } finally {
        held.forEach(({ socket }) => socket.destroy());
      }
      await Promise.all(held.map(({ closed }) => closed));
      expect(await rawExchange(t.app.url, GET_HEALTH)).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  describe('slow requests', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        env: { HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_REQUEST_TIMEOUT_SECONDS: '2' },
      });
    });
    afterAll(() => t.close());

    it('answers 408 to headers sent a line at a time past the headers timeout', async () => {
      const socket = net.connect({ port: portOf(t), host: '127.0.0.1' });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('error', () => undefined);
      socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
      const drip = setInterval(() => socket.write('X-Slow: a\r\n'), 200);
      const t0 = performance.now();
      await new Promise((resolve) => socket.on('close', resolve));
      clearInterval(drip);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(performance.now() - t0).toBeLessThan(5000); // 1 s, checked every second
    });

    it('keeps a WebSocket open past the request timeout', async () => {
      const { ws } = await openSocket(t.app.url);
      const token = await t.login('partner');
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
    });
  });
});
