#!/usr/bin/env node
/**
 * The Jest part of `npm test`: the unit and integration tiers (two workers), then the e2e tier
 * (one worker, see README "Tests"), as two Jest runs that share one seeded demo snapshot.
 * Each Jest run's global setup would otherwise seed and train the demo site again; here the
 * first run builds it into a directory this script owns (SHIFTCAST_TEST_SNAPSHOT), the second
 * finds it there, and the script removes it at the end. Stops at the first failing run.
 *
 *   node scripts/test-tiers.js [jest args for both runs]
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const JEST = require.resolve('jest/bin/jest');
const RUNS = [
  ['--selectProjects', 'unit', 'integration'],
  ['--selectProjects', 'e2e', '--maxWorkers=1'],
];

/** Runs one Jest process; a signal sent to this script is passed on to it. */
function jest(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [JEST, ...args], { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-test-snapshot-'));
  const env = { ...process.env, SHIFTCAST_TEST_SNAPSHOT: snapshot };
  try {
    for (const args of RUNS) {
      const status = await jest([...args, ...process.argv.slice(2)], env);
      if (status !== 0) return status;
    }
    return 0;
  } finally {
    fs.rmSync(snapshot, { recursive: true, force: true });
  }
}

main().then((status) => process.exit(status));
