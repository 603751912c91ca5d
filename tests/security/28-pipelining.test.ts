/**
 * HTTP/1.1 pipelining: Node parses every request a client sends ahead and holds each until
 * the answers before it are out. 4 sockets of 20,000 pipelined `{ __typename }` took the
 * built server to 717 MB and another client's /healthz to 1.9 s (2026-12-02): past the
 * burst, the rate limit's refusals each wait a second, and Node parsed on. Now a socket may
 * have at most MAX_PIPELINED requests waiting (`src/server/pipelining.ts`); the next cuts
 * it off.
 */
import net from 'node:net';
import { MAX_PIPELINED } from '../../src/server/pipelining';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { OTHER_ADDRESS } from './hostile';

const BODY = JSON.stringify({ query: '{ __typename }' });
const REQUEST = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`;

/** Sends `n` requests at once on one socket; resolves the number of answers and whether the server closed it. */
function pipeline(
  t: TestApp,
  n: number,
  { end = false } = {},
): Promise<{ answers: number; closedByServer: boolean }> {
  const socket = net.connect({
    port: Number(new URL(t.app.url).port),
    host: '127.0.0.1',
    localAddress: OTHER_ADDRESS,
  });
  let text = '';
  return new Promise((resolve) => {
    const answers = () => text.split('HTTP/1.1 ').length - 1;
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (!end && answers() === n) {
        socket.destroy();
        resolve({ answers: n, closedByServer: false });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ answers: answers(), closedByServer: true }));
    socket.write(REQUEST.repeat(n));
  });
}

describe('security #28: requests pipelined on one socket are bounded', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the defaults: past the burst, the rate's refusals wait a second each, and Node parses on
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const cut = async (): Promise<number> =>
    (await t.services.metrics.connectionsRefused.get()).values.find((v) => v.labels.reason === 'pipelined')
      ?.value ?? 0;

  it(`answers ${MAX_PIPELINED} pipelined requests, in order`, async () => {
    expect(await pipeline(t, MAX_PIPELINED)).toEqual({ answers: MAX_PIPELINED, closedByServer: false });
    expect(await cut()).toBe(0);
  });

  it('cuts off a socket that sends 5,000 at once, and another client is answered meanwhile', async () => {
    const flood = pipeline(t, 5000, { end: true });
    const health = await fetch(`${t.app.url}/healthz`);
    expect(health.status).toBe(200);
    const { answers, closedByServer } = await flood;
    expect(closedByServer).toBe(true);
    expect(answers).toBeLessThan(500);
    expect(await cut()).toBe(1);
  });
});
