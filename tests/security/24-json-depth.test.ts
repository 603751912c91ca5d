/**
 * JSON nested without bound. A 2.4 MB body of 1.2 million nested arrays, and a 600 KB
 * `extensions` of 100,000 nested objects, went to the body thread, parsed there, and
 * overflowed the stack when the value was copied back to the event loop: 500 and an
 * error log entry per request (the built server, 2026-12-02). A request's JSON now nests at
 * most MAX_JSON_DEPTH (64) levels, checked before it is parsed, on every path.
 */
import { gzipSync } from 'node:zlib';
import { MAX_JSON_DEPTH } from '../../src/server/json-depth';
import { INLINE_MAX_BYTES } from '../../src/server/json-body';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { openSocket } from '../helpers/ws-client';

const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const objects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** A request whose variables hold `value`, `value` being nested `depth` levels below the body. */
const withVariables = (value: string): Buffer =>
  Buffer.from(`{"query":"{ __typename }","variables":{"x":${value}}}`);
const TOO_DEEP = {
  errors: [
    {
      message: `The request body holds JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      extensions: { code: 'BAD_REQUEST' },
    },
  ],
};

describe('security #24: JSON nests at most 64 levels', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = async (body: Buffer, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('takes variables nested to the limit, a string full of brackets included', async () => {
    // the body, variables and x are three levels; x holds the remaining 61
    expect(await post(withVariables(arrays(MAX_JSON_DEPTH - 2)))).toMatchObject({ status: 200 });
    const brackets = Buffer.from(
      JSON.stringify({ query: '{ __typename }', variables: { s: '['.repeat(4000) } }),
    );
    expect(await post(brackets)).toMatchObject({ status: 200 });
  });

  it('refuses one level more with 400, on the inline path', async () => {
    const body = withVariables(arrays(MAX_JSON_DEPTH - 1));
    expect(body.length).toBeLessThan(INLINE_MAX_BYTES);
    expect(await post(body)).toEqual({ status: 400, body: TOO_DEEP });
  });

  it('refuses a million levels with 400, not 500, in the body thread, plain or gzipped', async () => {
    const deep = withVariables(arrays(1_200_000));
    expect(deep.length).toBeGreaterThan(INLINE_MAX_BYTES);
    expect(await post(deep)).toEqual({ status: 400, body: TOO_DEEP });
    expect(await post(gzipSync(deep), { 'content-encoding': 'gzip' })).toEqual({
      status: 400,
      body: TOO_DEEP,
    });
    const extensions = Buffer.from(`{"query":"{ __typename }","extensions":${objects(100_000)}}`);
    expect(await post(extensions)).toEqual({ status: 400, body: TOO_DEEP });
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
  });

  it('closes a WebSocket whose message nests deeper with 4400', async () => {
    const { ws, closed } = await openSocket(t.app.url);
    ws.send(`{"type":"connection_init","payload":${arrays(100_000)}}`);
    expect(await closed).toEqual([
      4400,
      `Invalid message received: JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    ]);
  });
});
