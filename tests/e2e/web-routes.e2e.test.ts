import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { APP_PAGES, webRoutes } from '../../src/server/web.routes';

/** A built web app stand-in: the two HTML entries and one hashed asset. */
function builtDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-webdir-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<title>dashboard</title>');
  fs.writeFileSync(path.join(dir, 'graphiql.html'), '<title>graphiql</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  return dir;
}

async function serve(router: express.Router): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(router);
  app.use('/graphql', (_req, res) => void res.json({ api: true }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webRoutes', () => {
  const dir = builtDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('with GraphiQL on (development, or GRAPHQL_INTROSPECTION=true)', () => {
    let s: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      s = await serve(webRoutes({ graphiql: true, dir }));
    });
    afterAll(() => s.close());

    it('answers every dashboard page with index.html, never cached', async () => {
      for (const page of APP_PAGES) {
        const res = await fetch(`${s.url}${page}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toBe('<title>dashboard</title>');
      }
    });

    it('serves hashed assets for a year and 404s unknown ones', async () => {
      const res = await fetch(`${s.url}/assets/main-abc123.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await fetch(`${s.url}/assets/missing.js`)).status).toBe(404);
    });

    it('serves GraphiQL at /graphiql and sends a browser opening /graphql there', async () => {
      expect(await (await fetch(`${s.url}/graphiql`)).text()).toBe('<title>graphiql</title>');
      const browser = await fetch(`${s.url}/graphql`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      expect(browser.status).toBe(302);
      expect(browser.headers.get('location')).toBe('/graphiql');
    });

    it('leaves API requests to /graphql alone', async () => {
      const api = await fetch(`${s.url}/graphql`, { headers: { accept: 'application/json' } });
      expect(await api.json()).toEqual({ api: true });
      const get = await fetch(`${s.url}/graphql?query=%7B__typename%7D`, {
        headers: { accept: 'text/html' },
      });
      expect(await get.json()).toEqual({ api: true });
    });

    it('does not answer paths outside the dashboard', async () => {
      expect((await fetch(`${s.url}/index.html`)).status).toBe(404);
      expect((await fetch(`${s.url}/nope`)).status).toBe(404);
    });
  });

  it('serves no GraphiQL when it is off (production without GRAPHQL_INTROSPECTION)', async () => {
    const s = await serve(webRoutes({ graphiql: false, dir }));
    try {
      expect((await fetch(`${s.url}/graphiql`)).status).toBe(404);
      const browser = await fetch(`${s.url}/graphql`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      expect(await browser.json()).toEqual({ api: true });
      expect((await fetch(`${s.url}/`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('explains how to build the app when it is not built', async () => {
    const s = await serve(webRoutes({ graphiql: true, dir: path.join(dir, 'not-built') }));
    try {
      const res = await fetch(`${s.url}/roster`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build:web/);
    } finally {
      await s.close();
    }
  });
});
