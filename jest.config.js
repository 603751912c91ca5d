/**
 * Three tiers, one Jest project each (README "Tests"):
 * - unit: pure functions and single classes; no server, no HTTP, no build (`npm run test:unit`);
 * - integration: services and the GraphQL API in-process (executeOperation), no listener;
 * - e2e: HTTP, WebSockets, server processes, Redis and BullMQ, and the security suites.
 * Integration and e2e share one seeded demo snapshot, built once per run (tests/setup).
 * @type {import('jest').Config}
 */
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@bsull)/)'],
  setupFiles: ['reflect-metadata'],
  testMatch: ['**/*.test.ts'],
};
const snapshot = {
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
};

module.exports = {
  testTimeout: 30000,
  // Jest's default on a 2-core machine is one worker (every suite in band). Unit and
  // integration suites run two at a time; the e2e tier runs with one worker (package.json):
  // its latency, heap and time-limit checks must not share the CPU with another suite
  // (`npm test` runs the e2e suites without such checks with the others: scripts/test-tiers.js)
  maxWorkers: 2,
  // suites share a worker process: recycle it when a suite leaves it large, so one suite's
  // garbage is not the next one's heap (the security tests measure the process heap)
  workerIdleMemoryLimit: '512MB',
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/tests/unit'] },
    { ...shared, ...snapshot, displayName: 'integration', roots: ['<rootDir>/tests/integration'] },
    {
      ...shared,
      ...snapshot,
      displayName: 'e2e',
      roots: ['<rootDir>/tests/e2e', '<rootDir>/tests/security'],
    },
  ],
};
