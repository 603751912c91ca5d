/**
 * Bodies that may be large (over INLINE_MAX_BYTES, compressed, or of unknown length) are
 * read and parsed in a thread of their own (`src/server/json-body.ts`). They must be
 * answered exactly as `express.json` answered them: the same limit, inflated or not, and
 * the same refusals, and a compression bomb is stopped at the limit, not inflated whole.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { INLINE_MAX_BYTES } from '../../src/server/json-body';
import { startTestApp, type TestApp } from '../helpers/test-app';

const LIMIT = 5 * 1024 * 1024;
/**
 * A valid request padded with JSON whitespace to `bytes` (the padding never reaches GraphQL),
 * as a Buffer: outside the V8 heap, so the later suites sharing this Jest worker (03 bounds
 * its heap) do not inherit tens of megabytes of garbage strings.
 */
const padded = (bytes: number): Buffer => {
  const head = Buffer.from('{"query":"{ __typename }"');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - 1, ' '), Buffer.from('}')]);
};
const MALFORMED = {
  errors: [{ message: 'Malformed JSON in the request body', extensions: { code: 'BAD_REQUEST' } }],
};
const TOO_LARGE = {
  errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
};
const OK = { data: { __typename: 'Query' } };

/** A request body sent in chunks with no Content-Length (Transfer-Encoding: chunked). */
function chunked(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = padded(total);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(at, at + chunk)));
      at += chunk;
    },
  });
}

describe('large request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the rate per client would refuse most of these bodies before they are read (suite 25)
    t = await startTestApp({ env: { HTTP_RATE_PER_CLIENT: '0' } });
  });
  afterAll(() => t.close());

  const post = async (
    body: string | Buffer | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('reads a body past the inline size, plain, compressed or chunked', async () => {
    const big = padded(INLINE_MAX_BYTES + 1000);
    expect(await post(big)).toEqual({ status: 200, body: OK });
    expect(await post(padded(LIMIT))).toEqual({ status: 200, body: OK });
    expect(await post(gzipSync(big), { 'content-encoding': 'gzip' })).toEqual({ status: 200, body: OK });
    expect(await post(deflateSync(big), { 'content-encoding': 'deflate' })).toEqual({
      status: 200,
      body: OK,
    });
    expect(await post(brotliCompressSync(big), { 'content-encoding': 'BR' })).toEqual({
      status: 200,
      body: OK,
    });
    expect(await post(chunked(INLINE_MAX_BYTES * 2))).toEqual({ status: 200, body: OK });
    expect(await post(gzipSync(''), { 'content-encoding': 'gzip' })).toEqual({
      status: 400,
      body: { errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] },
    });
  });

  it('refuses malformed JSON and a body that is not an object or array, as express.json does', async () => {
    const filler = 'x'.repeat(INLINE_MAX_BYTES);
    expect(await post(`{"query": "${filler}`)).toEqual({ status: 400, body: MALFORMED });
    expect(await post(`"${filler}"`)).toEqual({ status: 400, body: MALFORMED });
    expect(await post(`null${' '.repeat(INLINE_MAX_BYTES)}`)).toEqual({ status: 400, body: MALFORMED });
    expect(await post(Buffer.from('{"query": "{ __typename }"'), { 'content-encoding': 'deflate' })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'The request body does not decompress as its Content-Encoding "deflate" says',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
    });
  });

  it('refuses a body past the limit: declared, chunked, or inflated from a small one', async () => {
    expect(await post(padded(LIMIT + 1))).toEqual({ status: 413, body: TOO_LARGE });
    expect(await post(chunked(LIMIT + 64 * 1024))).toEqual({ status: 413, body: TOO_LARGE });
    // 64 MB of spaces compress to about 64 KB: stopped at 5 MiB, never inflated whole
    const bomb = gzipSync(padded(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const heapBefore = process.memoryUsage().rss;
    expect(await post(bomb, { 'content-encoding': 'gzip' })).toEqual({ status: 413, body: TOO_LARGE });
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(48 * 1024 * 1024);
    expect(await post(padded(INLINE_MAX_BYTES * 2))).toEqual({ status: 200, body: OK });
  });
});
