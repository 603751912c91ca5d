import { loadConfig, type Config } from '../../src/config';

/** The demo accounts' password in every test (in-process apps, server processes, the snapshot). */
export const DEMO_PASSWORD = 'test-demo-password-42';

/**
 * Builds a config for tests: quiet logs, demo accounts with a known password, worker threads
 * started on demand (a warmed pool costs each test's services a second of CPU at start).
 */
export const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_PASSWORD: DEMO_PASSWORD,
    WORKER_THREADS: '1',
    WORKER_KEEP_WARM: 'false',
    ...env,
  });
