import { createEventBus } from '../../../src/events/pubsub';
import { createLogger } from '../../../src/logger';
import { createServices, ensureIndexes, type Services } from '../../../src/server/services';
import type { DocumentStore } from '../../../src/store/document-store';
import { EmbeddedStore } from '../../../src/store/embedded-store';
import { testConfig } from '../../helpers/test-config';

/** Real services over an in-memory embedded store (or the store given); nothing mocked. */
export async function servicesFor(
  store?: DocumentStore,
  env: Record<string, string> = {},
): Promise<Services> {
  const s = store ?? (await EmbeddedStore.open());
  await ensureIndexes(s);
  const config = testConfig(env);
  return createServices({ config, logger: createLogger(config), store: s, events: createEventBus() });
}

export async function closeServices(services: Services): Promise<void> {
  await services.workers.close();
  await services.store.close();
}

/** Every document of the given collections, sorted by _id, as plain JSON. */
export async function dump(store: DocumentStore, names: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of names)
    out[name] = JSON.parse(JSON.stringify(await store.collection(name).find({}, { sort: { _id: 1 } })));
  return out;
}
