/**
 * Bodies the JSON parser cannot read answered `{ message: "Bad request" }` whatever the
 * cause: a charset other than UTF-8 (415), a Content-Encoding the server does not inflate
 * (415) and a compressed body that does not inflate (400) all looked the same, so a
 * client could not tell what to change. Each now names the problem and its header.
 */
import { gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('body errors say what was wrong', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = async (body: string | Buffer, headers: Record<string, string>) => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    return {
      status: res.status,
      ...((await res.json()) as { errors: { message: string; extensions: { code: string } }[] }),
    };
  };
  const QUERY = JSON.stringify({ query: '{ __typename }' });

  it('names an unsupported charset', async () => {
    const res = await post(QUERY, { 'content-type': 'application/json; charset=latin1' });
    expect(res).toEqual({
      status: 415,
      errors: [
        {
          message: 'Unsupported charset "latin1" in Content-Type: send the JSON body as UTF-8',
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
        },
      ],
    });
  });

  it('names an unsupported Content-Encoding', async () => {
    const res = await post(QUERY, { 'content-encoding': 'x-compress-9' });
    expect(res).toEqual({
      status: 415,
      errors: [
        {
          message: 'Unsupported Content-Encoding "x-compress-9": send gzip, deflate, br or identity',
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
        },
      ],
    });
  });

  it('says a compressed body did not inflate, and still reads a good one', async () => {
    const res = await post(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message: 'The request body does not decompress as its Content-Encoding "gzip" says',
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    const ok = await post(gzipSync(QUERY), { 'content-encoding': 'gzip' });
    expect(ok).toEqual({ status: 200, data: { __typename: 'Query' } });
  });
});
