import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the dashboard, driving Debian's Chromium (`apt-get install -y chromium`);
 * no browser is ever downloaded. The global setup starts the built server (`dist/`) on a
 * random loopback port with a temporary DATA_DIR seeded with the demo site.
 */
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'dist/playwright',
  globalSetup: './tests/browser/global-setup.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
