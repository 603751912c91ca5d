/**
 * Child process of the API benchmark: the real Shiftcast server (production config,
 * default log level, embedded in-memory store) seeded with the demo site. Reports its URL,
 * a MANAGER token and, on request, its memory and open handles over IPC.
 */
import 'reflect-metadata';
import { Role } from '../../src/auth/roles';
import { loadConfig } from '../../src/config';
import { createEventBus } from '../../src/events/pubsub';
import { createLogger } from '../../src/logger';
import { seedDemo } from '../../src/seed/demo-seed';
import { startApp } from '../../src/server/app';
import { createServices, ensureIndexes } from '../../src/server/services';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { processStats } from './ipc';

const PASSWORD = 'bench-password-kQ3v9ZpL';

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-kQ3v9ZpL2mX7tR8wB4nH6yJ1cF5gD0sA',
    WORKER_THREADS: '1',
    // autocannon is one client address: the bench measures the server, not its rate limit
    HTTP_RATE_PER_CLIENT: '0',
  });
  const store = await EmbeddedStore.open();
  await ensureIndexes(store);
  const services = createServices({ config, logger: createLogger(config), store, events: createEventBus() });
  await seedDemo(services, { anchorDate: '2026-03-02', history: false });
  await services.users.create({ username: 'bench-manager', password: PASSWORD, roles: [Role.MANAGER] });
  const app = await startApp(services, 0, '127.0.0.1', { pingIntervalMs: 1000 });
  const { token } = await services.users.login('bench-manager', PASSWORD);
  process.on('message', (m) => {
    if (m === 'stats') process.send!({ stats: processStats() });
  });
  process.send!({ url: app.url, token });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
