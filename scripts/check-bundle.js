#!/usr/bin/env node
/**
 * Fails the web build when the dashboard's first load is too big: the gzipped size of
 * web/index.html's entry chunk plus every chunk and stylesheet it imports statically
 * (what the browser fetches before the first paint) must stay within MAX_KB, and the
 * charts (ECharts) must be in a chunk loaded on demand. Reads Vite's manifest.
 *
 *   node scripts/check-bundle.js [dist/web]
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const MAX_KB = 350;
const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'web'));
const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8'));

const files = new Set();
const walk = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) walk(dep);
};
walk('index.html');

const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
const sizes = [...files].map((f) => ({ file: f, gzip: gz(f) }));
const total = sizes.reduce((s, x) => s + x.gzip, 0);
const chartsInMain = [...files].some((f) => /echarts/i.test(f));
const chartChunk = Object.values(manifest).find((c) => /echarts\.lib/.test(c.src ?? ''));

for (const s of sizes) console.log(`  ${s.file.padEnd(44)} ${(s.gzip / 1024).toFixed(1).padStart(7)} kB gzip`);
console.log(`main bundle (first load): ${(total / 1024).toFixed(1)} kB gzip (limit ${MAX_KB} kB)`);
if (chartChunk) console.log(`charts chunk (on demand): ${chartChunk.file} ${(gz(chartChunk.file) / 1024).toFixed(1)} kB gzip`);

const problems = [];
if (total > MAX_KB * 1024) problems.push(`main bundle is ${(total / 1024).toFixed(1)} kB gzip, over ${MAX_KB} kB`);
if (!chartChunk || !chartChunk.isDynamicEntry) problems.push('ECharts is not in a chunk of its own loaded on demand');
if (chartsInMain) problems.push('ECharts is part of the first load');
if (problems.length) {
  console.error(`check-bundle: ${problems.join('; ')}`);
  process.exit(1);
}
