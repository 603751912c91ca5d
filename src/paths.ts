import path from 'node:path';

/**
 * The repository root, whether this file runs as TypeScript from `src/` (tests) or
 * compiled from `dist/src/` (the server, CLIs and worker threads).
 */
export const REPO_ROOT = path.resolve(
  __dirname,
  path.basename(path.resolve(__dirname, '..')) === 'dist' ? '../..' : '..',
);
