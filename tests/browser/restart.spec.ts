import fs from 'node:fs';
import { expect, openPage, signIn, test as base } from './fixtures';
import { copySeededDataDir, startServer, type WebServer } from './server';

/**
 * This file runs its own server (in a holder, replaced on restart), so it can stop and start
 * it, on a copy of the demo site the global setup seeded.
 */
const test = base.extend<object, { server: { current: WebServer } }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const holder = { current: await startServer({ dataDir: copySeededDataDir() }) };
      await use(holder);
      await holder.current.stop();
      fs.rmSync(holder.current.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.current.url),
});

test('the app survives a server restart: the WebSocket reconnects and queries work again', async ({
  page,
  server: holder,
}) => {
  await signIn(page, 'manager');
  const badge = page.getByTestId('link-state');
  await expect(badge).toHaveText('Live');

  const { port, dataDir } = holder.current;
  await holder.current.stop();
  await expect(badge).toHaveText('Reconnecting…');

  holder.current = await startServer({ port, dataDir });
  await expect(badge).toHaveText('Live', { timeout: 30_000 });
  await openPage(page, 'Staffing');
  await expect(page.getByRole('form', { name: 'Erlang calculator' })).toBeVisible();
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.getByTestId('erlang-agents')).toHaveText(/^\d+$/);
});
