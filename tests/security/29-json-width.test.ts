/**
 * JSON wide rather than deep. An anonymous body of one object of 200,000 keys in
 * `variables` (2.3 MB, no token) held the built server's event loop 0.5–1.0 s per request:
 * parsed in the body thread, then copied back to the loop and walked there (the value caps,
 * Apollo); 12 s of them from one address took another client's /healthz p90 to 851 ms, and
 * the rate limit never fired (2026-12-03 audit). The same keys under `extensions` cost
 * 235 ms, as unknown top-level keys 205 ms. Now an object holds at most
 * MAX_JSON_OBJECT_KEYS keys and a body MAX_JSON_VALUES values, counted before parsing on
 * every path, so nothing refused reaches the event loop.
 */
import { gzipSync } from 'node:zlib';
import { INLINE_MAX_BYTES } from '../../src/server/json-body';
import { MAX_JSON_OBJECT_KEYS, MAX_JSON_VALUES } from '../../src/server/json-depth';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { timerGaps } from '../helpers/timer-gaps';
import { openSocket } from '../helpers/ws-client';

/** One object of `n` keys, as JSON text. */
const wide = (n: number): string => `{${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`;
const refusal = (message: string) => ({
  errors: [{ message: `The request body holds ${message}`, extensions: { code: 'BAD_REQUEST' } }],
});
const TOO_WIDE = refusal(`a JSON object of more than ${MAX_JSON_OBJECT_KEYS} keys`);
const TOO_MANY = refusal(`more than ${MAX_JSON_VALUES} JSON values`);

describe('security #29: JSON objects hold at most 1,000 keys, a body 100,000 values', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = async (body: Buffer | string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('refuses 200,000 keys in variables before they reach the event loop (the attack)', async () => {
    const body = Buffer.from(`{"query":"{ __typename }","variables":{"a":${wide(200_000)}}}`);
    expect(body.length).toBeGreaterThan(2_000_000);
    await post(body); // the body thread starts, and the code is warm
    let answer: Awaited<ReturnType<typeof post>> | undefined;
    const gaps = await timerGaps(async () => {
      for (let i = 0; i < 3; i++) answer = await post(body);
    });
    // before: 0.5–1.0 s of the loop's own CPU per request; receiving 2.3 MB costs a few ms
    expect(gaps.longestCpu).toBeLessThan(100);
    expect(answer).toEqual({ status: 400, body: TOO_WIDE });
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
  });

  it('refuses wide extensions and top-level keys, inline, gzipped and on WebSocket', async () => {
    const extensions = `{"query":"{ __typename }","extensions":${wide(200_000)}}`;
    expect(await post(extensions)).toEqual({ status: 400, body: TOO_WIDE });
    const topLevel = `${wide(200_000).slice(0, -1)},"query":"{ __typename }"}`;
    expect(await post(gzipSync(topLevel), { 'content-encoding': 'gzip' })).toEqual({
      status: 400,
      body: TOO_WIDE,
    });
    const inline = `{"query":"{ __typename }","variables":{"a":${wide(MAX_JSON_OBJECT_KEYS + 1)}}}`;
    expect(inline.length).toBeLessThan(INLINE_MAX_BYTES);
    expect(await post(inline)).toEqual({ status: 400, body: TOO_WIDE });
    const { ws, closed } = await openSocket(t.app.url);
    ws.send(`{"type":"connection_init","payload":${wide(MAX_JSON_OBJECT_KEYS + 1)}}`);
    expect(await closed).toEqual([
      4400,
      `Invalid message received: a JSON object of more than ${MAX_JSON_OBJECT_KEYS} keys`,
    ]);
  });

  it('refuses more values than any request needs, in arrays as in objects', async () => {
    const items = `{"query":"{ __typename }","variables":{"a":[${'1,'.repeat(400_000)}1]}}`;
    expect(await post(items)).toEqual({ status: 400, body: TOO_MANY });
    const rows = Array.from({ length: 20_000 }, (_, i) => `{"a":${i},"b":1,"c":2,"d":3,"e":4,"f":5}`);
    expect(await post(`{"query":"{ __typename }","variables":{"r":[${rows.join(',')}]}}`)).toEqual({
      status: 400,
      body: TOO_MANY,
    });
  });

  it('takes the widest object allowed', async () => {
    const body = `{"query":"{ __typename }","variables":{"a":${wide(MAX_JSON_OBJECT_KEYS)}}}`;
    expect(await post(body)).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
