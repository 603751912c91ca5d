/**
 * Audit (2026-12-04) of the dashboard's HTTP routes on the built server. Defended already: the
 * static files under /assets refuse `..` however it is written (`../`, `%2e%2e/`, `..%2f`,
 * `..%5c`), a NUL byte and bad percent-encoding; dotfiles and unknown paths answer 404 JSON;
 * the SPA fallback serves index.html only for the dashboard's own pages (`/ranking/x` is 404).
 * The answers were unclear: a climbing path got 403 with `BAD_REQUEST` "Bad request", a NUL or
 * bad encoding 400 "Bad request", naming neither the problem nor the path; and a path over
 * 16 KiB, or a request the HTTP parser refused, got Node's own answer with no body at all.
 *
 * Now the first answer 403 `FORBIDDEN` and 400 `BAD_REQUEST` naming the method, the path
 * (clipped) and what is wrong with it, and the parser's refusals carry the same JSON body
 * (`src/server/client-errors.ts`): 431 `REQUEST_HEADER_FIELDS_TOO_LARGE`, 408
 * `REQUEST_TIMEOUT`, 400 `BAD_REQUEST` naming the parser's error.
 */
import { rawExchange } from './hostile';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** A raw GET of `path` (sent as is, never normalised), with the status line and body returned. */
async function get(url: string, path: string): Promise<{ status: number; body: unknown }> {
  const text = await rawExchange(url, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1]);
  const raw = text.slice(text.indexOf('\r\n\r\n') + 4);
  return { status, body: raw ? (JSON.parse(raw) as unknown) : null };
}

const error = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

describe('audit: refused paths answer JSON naming what is wrong', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
  ])('refuses %s as climbing out of its folder', async (path) => {
    expect(await get(t.app.url, path)).toEqual({
      status: 403,
      body: error(`GET ${path}: a path may not climb out of its folder with ".."`, 'FORBIDDEN'),
    });
  });

  it.each(['/assets/a%00b', '/assets/%ff', '/assets/%'])('refuses %s as undecodable', async (path) => {
    expect(await get(t.app.url, path)).toEqual({
      status: 400,
      body: error(`GET ${path}: the path is not valid percent-encoding or holds a NUL byte`, 'BAD_REQUEST'),
    });
  });

  it('answers a 20,000-character path, and a request the parser refuses, with a JSON body', async () => {
    expect(await get(t.app.url, '/assets/' + 'a'.repeat(20_000))).toEqual({
      status: 431,
      body: error(
        'The request line and headers exceed 16 KiB (a path that long is refused before any route)',
        'REQUEST_HEADER_FIELDS_TOO_LARGE',
      ),
    });
    const text = await rawExchange(t.app.url, 'GARBAGE\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual(
      error('Malformed HTTP request (HPE_INVALID_METHOD)', 'BAD_REQUEST'),
    );
    // the server still serves
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
  });

  it('keeps 404 for what no route serves, and the SPA fallback to the dashboard pages', async () => {
    expect(await get(t.app.url, '/ranking/x')).toEqual({
      status: 404,
      body: error('Nothing at GET /ranking/x', 'NOT_FOUND'),
    });
    expect((await get(t.app.url, '/assets/.env')).status).toBe(404);
  });
});
