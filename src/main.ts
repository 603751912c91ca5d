import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createEventBus } from './events/pubsub';
import { createLogger } from './logger';
import { startApp } from './server/app';
import { createServices, ensureIndexes } from './server/services';
import { seedOnStart } from './seed/seed-on-start';
import { openStore } from './store/open-store';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config);
  const store = await openStore({
    mongodbUri: config.MONGODB_URI,
    mongodbDb: config.MONGODB_DB,
    dataDir: config.dataDir,
  });
  logger.info(
    { store: store.kind, dataDir: store.kind === 'embedded' ? config.dataDir : undefined },
    'store open',
  );
  await ensureIndexes(store);
  const services = createServices({ config, logger, store, events: createEventBus() });
  await seedOnStart(services);
  const app = await startApp(services, config.PORT, config.HOST);
  logger.info({ url: `${app.url}/graphql` }, 'Shiftcast is listening');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
