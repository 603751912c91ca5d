import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, Router } from 'express';
import { REPO_ROOT } from '../paths';

/** Where `npm run build:web` writes the dashboard and the API explorer. */
export const WEB_DIR = path.join(REPO_ROOT, 'dist', 'web');

/** Client-side pages of the dashboard: each answers with index.html. */
export const APP_PAGES = [
  '/',
  '/forecast',
  '/staffing',
  '/roster',
  '/ranking',
  '/my',
  '/admin/users',
  '/admin/audit',
];

export interface WebRoutesOptions {
  /** Serve GraphiQL at /graphiql (outside production, or with GRAPHQL_INTROSPECTION=true). */
  graphiql: boolean;
  dir?: string;
}

/**
 * The dashboard at `/` (hashed assets under `/assets`, cached for a year; pages never
 * cached) and GraphiQL at `/graphiql`, bundled and served locally: nothing comes from a
 * CDN. A browser opening `/graphql` is sent to GraphiQL when it is on.
 */
export function webRoutes({ graphiql, dir = WEB_DIR }: WebRoutesOptions): Router {
  const router = Router();
  const page = (file: string) => (_req: Request, res: Response) => {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built: run `npm run build:web` (or `npm start`, which builds it).');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(full);
  };

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  router.get(APP_PAGES, page('index.html'));
  if (graphiql) {
    router.get('/graphiql', page('graphiql.html'));
    router.get('/graphql', (req, res, next) => {
      const browser = req.accepts(['application/json', 'text/html']) === 'text/html';
      if (browser && req.query.query === undefined) res.redirect(302, '/graphiql');
      else next();
    });
  }
  return router;
}
