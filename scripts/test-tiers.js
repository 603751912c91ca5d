#!/usr/bin/env node
/**
 * The Jest part of `npm test`, as three Jest runs that share one seeded demo snapshot:
 *
 * 1. the unit and integration tiers and the e2e suites listed in E2E_SHARING (two workers);
 * 2. every other e2e suite but E2E_FRESH_PROCESS, alone: one worker, nothing else of the run
 *    beside it. Their latency, heap and time-limit assertions failed when another suite
 *    shared the CPU (README "Tests"). A suite not listed, a new one included, runs here.
 * 3. the E2E_FRESH_PROCESS suites in a Jest process of their own. One worker runs run 2's
 *    suites in band, so their garbage stays in its heap; a major GC of that heap paused the
 *    event loop 78–88 ms, inside the /healthz latency check's 100 ms.
 *
 * Each Jest run's global setup would otherwise seed and train the demo site again; here the
 * first run builds it into a directory this script owns (SHIFTCAST_TEST_SNAPSHOT), the later
 * ones find it there, and the script removes it at the end. Stops at the first failing run.
 *
 *   node scripts/test-tiers.js [jest options for every run, e.g. --json]
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * e2e suites that measure no time, latency or heap: they wait on events, output lines and
 * settled jobs with generous timeouts, so a busy CPU only makes them slower.
 */
const E2E_SHARING = [
  'tests/e2e/auth.e2e.test.ts',
  'tests/e2e/downloads.e2e.test.ts',
  'tests/e2e/forecast-live.e2e.test.ts',
  'tests/e2e/metrics-access.e2e.test.ts',
  'tests/e2e/plan-week.e2e.test.ts',
  'tests/e2e/process.e2e.test.ts',
  'tests/e2e/readme-examples.e2e.test.ts',
  'tests/e2e/redis-startup.e2e.test.ts',
  'tests/e2e/roster-conflicts.e2e.test.ts',
  'tests/e2e/roster-outcome.e2e.test.ts',
  'tests/e2e/demo-holiday-week.e2e.test.ts',
  'tests/e2e/roster.e2e.test.ts',
  'tests/e2e/server.e2e.test.ts',
  'tests/e2e/staff.e2e.test.ts',
  'tests/e2e/staffing.e2e.test.ts',
  'tests/e2e/subscriptions.e2e.test.ts',
  'tests/e2e/web-routes.e2e.test.ts',
  'tests/security/01-oversized-requests-store.test.ts',
  'tests/security/05-cost-bypass.test.ts',
  'tests/security/06-websocket-sessions.test.ts',
  'tests/security/07-lockout-race.test.ts',
  'tests/security/09-safe-defaults.test.ts',
  'tests/security/10-csv-formula-injection.test.ts',
  'tests/security/13-edge-findings.test.ts',
  'tests/security/13-lock-and-dependencies.test.ts',
  'tests/security/job-recovery.test.ts',
];
/** e2e suites that measure the event loop's latency: in a fresh process, after all others. */
const E2E_FRESH_PROCESS = ['tests/e2e/forecast-workers.e2e.test.ts'];
/** A path as a Jest path pattern (a regular expression) matching that file only. */
const only = (file) => `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

const JEST = require.resolve('jest/bin/jest');
/** Each run: its Jest options, then (after `--`, as --selectProjects takes every word) its paths. */
const RUNS = [
  {
    options: ['--selectProjects', 'unit', 'integration', 'e2e'],
    paths: ['tests/unit/', 'tests/integration/', ...E2E_SHARING.map(only)],
  },
  {
    options: [
      '--selectProjects',
      'e2e',
      '--maxWorkers=1',
      '--testPathIgnorePatterns',
      ...[...E2E_SHARING, ...E2E_FRESH_PROCESS].map(only),
    ],
    paths: [],
  },
  {
    options: ['--selectProjects', 'e2e', '--maxWorkers=1'],
    paths: E2E_FRESH_PROCESS.map(only),
  },
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
  for (const file of [...E2E_SHARING, ...E2E_FRESH_PROCESS])
    if (!fs.existsSync(path.join(__dirname, '..', file)))
      throw new Error(`test-tiers.js names a missing file: ${file}`);
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-test-snapshot-'));
  const env = { ...process.env, SHIFTCAST_TEST_SNAPSHOT: snapshot };
  try {
    for (const run of RUNS) {
      const args = [
        ...process.argv.slice(2),
        ...run.options,
        ...(run.paths.length ? ['--', ...run.paths] : []),
      ];
      const status = await jest(args, env);
      if (status !== 0) return status;
    }
    return 0;
  } finally {
    fs.rmSync(snapshot, { recursive: true, force: true });
  }
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
