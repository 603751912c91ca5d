/**
 * One address may send at most HTTP_RATE_PER_CLIENT requests a second after a burst of
 * HTTP_BURST_PER_CLIENT, over HTTP and WebSocket alike (`src/server/rate-limit.ts`). Without
 * it, one address sending `{ __typename }` on 64 keep-alive sockets got 2,400 answers a
 * second and another client's queries took 13 times as long (67 ms against 5 ms, the built
 * server, 2026-12-02). A refusal is 429 RATE_LIMITED with Retry-After, answered after a
 * second so that retrying at once gains nothing.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../helpers/test-app';
import { openSocket } from '../helpers/ws-client';
import { OTHER_ADDRESS } from './hostile';

interface Answer {
  status: number;
  retryAfter?: string;
  code?: string;
  message?: string;
  ms: number;
}

/**
 * POSTs `{ __typename }` (or GETs `path`) from `from`, with an X-Forwarded-For when given,
 * and `padding` characters of an unused variable.
 */
function ask(
  url: string,
  { from = '127.0.0.1', xff = '', path = '/graphql', padding = 0 } = {},
): Promise<Answer> {
  const t0 = performance.now();
  const body = JSON.stringify({
    query: '{ __typename }',
    variables: padding ? { pad: 'x'.repeat(padding) } : {},
  });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${path}`,
      {
        method: path === '/graphql' ? 'POST' : 'GET',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          const error = (JSON.parse(text) as { errors?: { message: string; extensions: { code: string } }[] })
            .errors?.[0];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            code: error?.extensions.code,
            message: error?.message,
            ms: performance.now() - t0,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(path === '/graphql' ? body : undefined);
  });
}

const askMany = (url: string, n: number, options: Parameters<typeof ask>[1]) =>
  Promise.all(Array.from({ length: n }, () => ask(url, options)));

describe('security #25: the request rate per client address', () => {
  describe('at 5 a second after a burst of 10', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { HTTP_RATE_PER_CLIENT: '5', HTTP_BURST_PER_CLIENT: '10' } });
    });
    afterAll(() => t.close());

    it('answers the burst, then 429 RATE_LIMITED with Retry-After after a second', async () => {
      const burst = await askMany(t.app.url, 10, { from: OTHER_ADDRESS });
      expect(burst.map((a) => a.status)).toEqual(Array(10).fill(200));
      const refused = await ask(t.app.url, { from: OTHER_ADDRESS });
      expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: '1' });
      expect(refused.message).toBe(
        'Too many requests from this address: at most 5 a second (10 at once); retry in 1 s',
      );
      expect(refused.ms).toBeGreaterThanOrEqual(950);
      // another address is not slowed, and the health checks stay open to this one
      expect(await ask(t.app.url)).toMatchObject({ status: 200 });
      expect(await ask(t.app.url, { from: OTHER_ADDRESS, path: '/healthz' })).toMatchObject({ status: 200 });
      // refilled at 5 a second: after the refusal's second, tokens are back
      expect(await ask(t.app.url, { from: OTHER_ADDRESS })).toMatchObject({ status: 200 });
    });

    it('counts a token more per 64 KiB of body', async () => {
      const xff = '198.51.100.20';
      // 200 KiB of body: four tokens, so two fit in the burst of ten and the third does not
      const big = { xff, padding: 200 * 1024 };
      expect((await ask(t.app.url, big)).status).not.toBe(429);
      expect((await ask(t.app.url, big)).status).not.toBe(429);
      const refused = await ask(t.app.url, big);
      expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(refused.message).toMatch(/\(this request counts 4: one more per 64 KiB of body\)$/);
      // two tokens are left for small requests
      expect(await ask(t.app.url, { xff })).toMatchObject({ status: 200 });
    });

    it('keys clients behind a trusted proxy by X-Forwarded-For', async () => {
      const first = await askMany(t.app.url, 11, { xff: '198.51.100.1' });
      expect(first.filter((a) => a.status === 429)).toHaveLength(1);
      expect(await ask(t.app.url, { xff: '198.51.100.2' })).toMatchObject({ status: 200 });
    });

    it('keys an IPv6 client by its /64: another host of the network shares the bucket', async () => {
      await askMany(t.app.url, 10, { xff: '2001:db8:1:2::1' });
      expect(await ask(t.app.url, { xff: '2001:db8:1:2::99' })).toMatchObject({ status: 429 });
      expect(await ask(t.app.url, { xff: '2001:db8:1:3::1' })).toMatchObject({ status: 200 });
    });

    it('counts WebSocket connection_init: over the rate the socket closes with 4429', async () => {
      const headers = { 'x-forwarded-for': '198.51.100.7' };
      await askMany(t.app.url, 10, { xff: '198.51.100.7' });
      const { ws, closed } = await openSocket(t.app.url, headers);
      ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      const [code, reason] = await closed;
      expect(code).toBe(4429);
      expect(reason).toMatch(/^Too many requests from this address: at most 5 a second/);
    });

    it('counts WebSocket subscribe: over the rate the operation fails with RATE_LIMITED', async () => {
      const token = await t.login('partner', DEMO_PASSWORD);
      const headers = { 'x-forwarded-for': '198.51.100.8' };
      const { ws } = await openSocket(t.app.url, headers);
      const messages: { type: string; id?: string; payload?: unknown }[] = [];
      ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as never));
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      await until(() => messages.some((m) => m.type === 'connection_ack'));
      for (let i = 0; i < 12; i++)
        ws.send(JSON.stringify({ id: `q${i}`, type: 'subscribe', payload: { query: '{ __typename }' } }));
      await until(() => messages.filter((m) => m.type === 'complete' || m.type === 'error').length >= 12);
      const errors = messages.filter((m) => m.type === 'error');
      // connection_init took one token: nine queries run, three are refused
      expect(messages.filter((m) => m.type === 'next')).toHaveLength(9);
      expect(errors).toHaveLength(3);
      expect(errors[0]?.payload).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
      ]);
      ws.close();
    });
  });

  it('keeps a flood of cheap queries from one address from slowing another (defaults)', async () => {
    const t = await startTestApp();
    try {
      const flooding = flood(t.app.url, 3);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const mine: Answer[] = [];
      for (let i = 0; i < 20; i++) {
        mine.push(await ask(t.app.url));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const codes = await flooding;
      const median = mine.map((a) => a.ms).sort((a, b) => a - b)[10] ?? Infinity;
      void process.stdout.write(
        `25-request-rate: flood ${JSON.stringify(codes)}, mine p50 ${median.toFixed(1)} ms\n`,
      );
      expect(mine.every((a) => a.status === 200)).toBe(true);
      // 200 at once and 50 a second for 3 s; without the limit 1,385 answers here
      expect(codes['200']).toBeLessThanOrEqual(200 + 50 * 4);
      // each of the 64 sockets waits a second per refusal
      expect(codes['429']).toBeLessThanOrEqual(64 * 4);
    } finally {
      await t.close();
    }
  });
});

async function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `{ __typename }` from OTHER_ADDRESS on 64 keep-alive sockets, each sent again when answered. */
const FLOOD = `
const http = require('node:http');
const [url, seconds, from] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, localAddress: from });
const codes = {};
const end = Date.now() + Number(seconds) * 1000;
const body = JSON.stringify({ query: '{ __typename }' });
const once = () => new Promise((resolve) => {
  const req = http.request(url + '/graphql', { method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    res.resume();
    res.on('end', () => { codes[res.statusCode] = (codes[res.statusCode] ?? 0) + 1; resolve(); });
  });
  req.on('error', () => { codes.SOCKET = (codes.SOCKET ?? 0) + 1; resolve(); });
  req.end(body);
});
Promise.all(Array.from({ length: 64 }, async () => {
  while (Date.now() < end) await once();
})).then(() => process.stdout.write(JSON.stringify(codes)));
`;

function flood(url: string, seconds: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', FLOOD, url, String(seconds), OTHER_ADDRESS], (err, stdout) =>
      err ? reject(err) : resolve(JSON.parse(stdout) as Record<string, number>),
    ),
  );
}
