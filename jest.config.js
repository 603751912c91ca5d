/** @type {import('jest').Config} */
const swc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(jose|@bsull)/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  // suites share a worker process: recycle it when a suite leaves it large, so one suite's
  // garbage is not the next one's heap (the security tests measure the process heap)
  workerIdleMemoryLimit: '512MB',
};
