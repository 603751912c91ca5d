/**
 * HTTP/1.1 pipelining: Node parses every request a client sends ahead and holds each until
 * the answers before it are out. 4 sockets of 20,000 pipelined `{ __typename }` took the
 * built server to 717 MB and another client's /healthz to 1.9 s (2026-12-02): past the
 * burst, the rate limit's refusals each wait a second, and Node parsed on. Now a socket may
 * have at most MAX_PIPELINED requests waiting (`src/server/pipelining.ts`); the next cuts
 * it off.
 */
import { MAX_PIPELINED } from '../../src/server/pipelining';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { OTHER_ADDRESS, rawExchange } from './hostile';

const BODY = JSON.stringify({ query: '{ __typename }' });
const REQUEST = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`;

/** Sends `n` requests at once on one socket, the last asking to close; resolves the answers received. */
async function pipeline(t: TestApp, n: number): Promise<number> {
  const last = REQUEST.replace('Host: x\r\n', 'Host: x\r\nConnection: close\r\n');
  const text = await rawExchange(t.app.url, REQUEST.repeat(n - 1) + last, OTHER_ADDRESS);
  return text.split('HTTP/1.1 ').length - 1;
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
    expect(await pipeline(t, MAX_PIPELINED)).toBe(MAX_PIPELINED);
    expect(await cut()).toBe(0);
  });

  it('cuts off a socket that sends 5,000 at once, and another client is answered meanwhile', async () => {
    const flood = pipeline(t, 5000);
    const health = await fetch(`${t.app.url}/healthz`);
    expect(health.status).toBe(200);
    // closed by the server long before the 5,000th answer
    expect(await flood).toBeLessThan(500);
    expect(await cut()).toBe(1);
  });
});
