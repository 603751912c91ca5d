import 'reflect-metadata';
import { loadExcelJS } from './common/load-exceljs';
import { loadConfigOrExit } from './config';
import { createEventBus } from './events/pubsub';
import { connectRedis } from './jobs/redis-infra';
import { isAppError } from './errors';
import { createLogger, type Logger } from './logger';
import { startApp } from './server/app';
import { createServices, ensureIndexes, type Services } from './server/services';
import { CliError, storeOpenError } from './seed/cli-runtime';
import { seedOnStart } from './seed/seed-on-start';
import { openStore } from './store/open-store';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const store = await openStore({
    mongodbUri: config.MONGODB_URI,
    mongodbDb: config.MONGODB_DB,
    dataDir: config.dataDir,
  }).catch((e: unknown) => {
    // a data directory another process holds: one line saying which, not a stack trace
    throw storeOpenError(e, config) ?? e;
  });
  logger.info(
    { store: store.kind, dataDir: store.kind === 'embedded' ? config.dataDir : undefined },
    'store open',
  );
  await ensureIndexes(store);
  // Redis is never waited for: an unreachable one is retried and /readyz says why
  const redis = config.REDIS_URL
    ? connectRedis({ ...config, REDIS_URL: config.REDIS_URL }, logger)
    : undefined;
  if (redis) logger.info({ prefix: config.REDIS_PREFIX }, 'events and jobs go through Redis');
  const services = createServices({ config, logger, store, events: createEventBus(redis?.bus), redis });
  await recoverJobs(services, logger);
  await seedOnStart(services).catch((e: unknown) => {
    // with Redis down or no worker yet, demo models are trained later (planWeek trains them)
    if (!(redis && isAppError(e) && e.code === 'UNAVAILABLE')) throw e;
    logger.warn(
      { err: e.message },
      'demo forecast models not trained at start: the job queue is unavailable',
    );
  });
  // before listening: loading exceljs (0.4-0.5 s of synchronous module code) on the first
  // XLSX export or import held the event loop for every other request
  await loadExcelJS();
  const app = await startApp(services, config.PORT, config.HOST);

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
  // only now: a supervisor that reads this line may signal at once (a test did, and on a busy
  // machine the signal arrived before the handlers above and killed the process)
  logger.info({ url: `${app.url}/graphql`, dashboard: `${app.url}/` }, 'Shiftcast is listening');
}

/**
 * Jobs left QUEUED or RUNNING by a process that is gone are settled once at start and, with
 * several processes on Redis, every 2 × PROCESS_LIVENESS_SECONDS (30 s by default) after. With
 * Redis the start sweep waits for its connections (start-up does not): before they are ready no
 * process can be told dead, and a sweep then settled nothing until the next one, 30 s later.
 * Sweeps never overlap.
 */
async function recoverJobs(services: Services, logger: Logger): Promise<void> {
  let running: Promise<void> | null = null;
  const sweep = (): Promise<void> =>
    (running ??= (async () => {
      const { stored, failed } = await services.rosterJobs.recoverInterrupted();
      if (stored > 0) logger.info({ stored }, 'roster results of ended processes stored from the job queue');
      if (failed > 0) logger.warn({ failed }, 'roster jobs of ended processes marked FAILED');
    })().finally(() => (running = null)));
  const atStart = () =>
    sweep().then(
      () => logger.info('jobs of ended processes checked at start'),
      (err: unknown) => logger.warn({ err }, 'job recovery at start failed; retried later'),
    );
  const { redis } = services;
  if (!redis) {
    await atStart();
    return;
  }
  void redis.health.whenUp().then(atStart);
  setInterval(
    () => void sweep().catch((err: unknown) => logger.warn({ err }, 'job recovery sweep failed')),
    2 * services.config.PROCESS_LIVENESS_SECONDS * 1000,
  ).unref();
}

main().catch((e: unknown) => {
  console.error(e instanceof CliError ? e.message : e);
  process.exit(e instanceof CliError ? e.exitCode : 1);
});
