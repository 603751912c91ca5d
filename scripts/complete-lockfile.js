#!/usr/bin/env node
/**
 * Adds lock entries for platform-specific optional packages the registry mirror does not
 * serve (e.g. macOS / Windows builds of @swc/core). npm 11 leaves them out of the lock
 * when it cannot fetch them, then `npm ci` refuses the lock as "out of sync". The added
 * entries carry `optional`, `os`, `cpu` (and `libc`), so npm skips them on every other
 * platform exactly as it would with a lock made against the full registry.
 *
 * Run after `npm install` changes package-lock.json:  node scripts/complete-lockfile.js
 */
const fs = require('node:fs');
const path = require('node:path');

const LOCK = path.join(__dirname, '..', 'package-lock.json');
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'arm'];

/** os / cpu / libc from a platform package name such as `core-linux-arm-gnueabihf`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const tail = parts.slice(parts.indexOf(cpu) + 1).join('-');
  const libc = os === 'linux' ? (tail.includes('musl') ? 'musl' : tail.includes('gnu') ? 'glibc' : null) : null;
  return { os, cpu, libc };
}

const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const depKey = `node_modules/${dep}`;
    if (lock.packages[depKey] || !/^\d+\.\d+\.\d+$/.test(version)) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[depKey] = {
      version,
      cpu: [platform.cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
