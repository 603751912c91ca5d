/**
 * One process's services on a fresh in-memory embedded store (indexes made), for integration
 * tests that drive services directly rather than GraphQL (`in-process-app.ts` does that).
 * Close with `services.workers.close()`.
 */
import { createEventBus } from '../../src/events/pubsub';
import { createLogger } from '../../src/logger';
import { createServices, ensureIndexes, type Services } from '../../src/server/services';
import { EmbeddedStore } from '../../src/store/embedded-store';
import { testConfig } from './test-config';

export async function inMemoryServices(
  env: Record<string, string> = {},
): Promise<{ services: Services; store: EmbeddedStore }> {
  const config = testConfig(env);
  const store = await EmbeddedStore.open();
  await ensureIndexes(store);
  return {
    services: createServices({ config, logger: createLogger(config), store, events: createEventBus() }),
    store,
  };
}
