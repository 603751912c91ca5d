/**
 * `npm run worker`: a stateless compute process for the BullMQ job queue (REDIS_URL must be
 * set). It opens no store: each job's payload carries the series or roster problem, the task
 * runs in this process's worker threads (WORKER_THREADS at once per kind) and the result
 * returns through BullMQ to the API process that persists it. Scale by running more of them.
 */
import 'reflect-metadata';
import { clip } from '../common/bounded';
import { EX_CONFIG, loadConfigOrExit } from '../config';
import { JobConsumer, SHUTDOWN_GRACE_MS } from '../jobs/bullmq-consumer';
import { RedisHealth } from '../jobs/redis-connection';
import { createLogger } from '../logger';
import { createWorkerPool } from '../server/worker-pool-setup';

const USAGE =
  'usage: npm run worker   (no flags: the environment configures it; REDIS_URL is required, ' +
  'see README "Running several processes")';

/** The worker takes no arguments; `--help` prints its usage, anything else exits 2 naming it. */
function exitOnArguments(argv: string[]): void {
  if (argv.length === 0) return;
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  console.error(`unexpected argument "${clip(argv[0], 40)}"\n${USAGE}`);
  process.exit(2);
}

function main(): void {
  exitOnArguments(process.argv.slice(2));
  const config = loadConfigOrExit();
  if (!config.REDIS_URL) {
    console.error('REDIS_URL: required by the worker (it takes its jobs from Redis)');
    process.exit(EX_CONFIG);
  }
  const logger = createLogger(config);
  const pool = createWorkerPool(config, logger);
  const health = new RedisHealth(logger);
  const consumer = new JobConsumer({
    url: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_THREADS,
    lockSeconds: config.JOB_LOCK_SECONDS,
    pool,
    health,
    logger,
  });
  const shutdown = (signal: string) => {
    logger.info(
      { signal, graceSeconds: SHUTDOWN_GRACE_MS / 1000 },
      'worker shutting down: running jobs may finish, then go back to the queue',
    );
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    consumer
      .close()
      .then(() => pool.close())
      .then(() => health.closeAll())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          logger.error({ err: e }, 'worker shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  // after the handlers: a supervisor reading this line may signal at once
  logger.info({ pid: process.pid, threads: config.WORKER_THREADS }, 'worker waiting for jobs');
}

main();
