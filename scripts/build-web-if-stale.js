#!/usr/bin/env node
/**
 * `npm run build:web`, unless dist/web was built from exactly the present inputs: every file
 * under web/ (sources, HTML, Vite config, generated GraphQL documents), package-lock.json
 * (the dependencies Vite bundles) and Node's version. A build records the SHA-256 of those
 * inputs in dist/web/.inputs; `npm run test:web` skips the 7 s Vite build when it matches.
 * Any change, or no record (a fresh checkout, a build by `npm run build:web`), builds.
 *
 *   node scripts/build-web-if-stale.js
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const RECORD = path.join(ROOT, 'dist', 'web', '.inputs');

/** Every file under `dir`, sorted, as paths relative to the repository. */
const filesUnder = (dir) =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();

function inputsHash() {
  const hash = crypto.createHash('sha256').update(process.version);
  for (const file of [...filesUnder('web'), 'package-lock.json'])
    hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(ROOT, file)));
  return hash.digest('hex');
}

const before = inputsHash();
const recorded = fs.existsSync(RECORD) ? fs.readFileSync(RECORD, 'utf8').trim() : null;
if (recorded === before && fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
  console.log('dist/web is current (same web/ and package-lock.json as its build): Vite build skipped');
  process.exit(0);
}
fs.rmSync(RECORD, { force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// a file changed during the build: leave no record, so the next run builds again
if (inputsHash() === before) fs.writeFileSync(RECORD, `${before}\n`);
