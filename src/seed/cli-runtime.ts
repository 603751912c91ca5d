import { parseArgs, type ParseArgsConfig } from 'node:util';
import { clip } from '../common/bounded';
import { type Config, ConfigError, loadConfig } from '../config';
import { createEventBus } from '../events/pubsub';
import { isAppError } from '../errors';
import { createLogger } from '../logger';
import { createServices, ensureIndexes, type Services } from '../server/services';
import type { DocumentStore } from '../store/document-store';
import { openStore } from '../store/open-store';

/** Characters of a flag value shown in an error. */
const FLAG_ECHO_CHARS = 40;

/** A flag value as an error message shows it: clipped, whatever was typed. */
export const shownFlag = (value: string | undefined): string => clip(value ?? '', FLAG_ECHO_CHARS);

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * The command's flags (strict: an unknown flag or a missing value is a BAD_INPUT CliError that
 * names it, followed by `usage`), or null after printing `usage` for `--help` / `-h`.
 */
export function parseFlags<O extends FlagOptions>(
  options: O,
  usage: string,
): ReturnType<typeof parseArgs<{ options: O & { help: { type: 'boolean'; short: 'h' } } }>>['values'] | null {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as O & {
    help: { type: 'boolean'; short: 'h' };
  };
  let values;
  try {
    ({ values } = parseArgs({ options: all }));
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${usage}`, EXIT.BAD_INPUT);
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    return null;
  }
  return values;
}

/** Exit codes shared by the seed and import commands. */
export const EXIT = { OK: 0, FAILED: 1, BAD_INPUT: 2 } as const;

/** Thrown for a problem the user must fix before the command can run; printed without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.FAILED,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Explains why the store could not be opened (above all: a server holds the embedded data directory). */
export function storeOpenError(e: unknown, config: Config): CliError | null {
  if (isAppError(e) && e.code === 'FAILED_PRECONDITION' && /in use by process/.test(e.message)) {
    const pid = /process (\d+)/.exec(e.message)?.[1] ?? '?';
    return new CliError(
      `Cannot open the embedded store in ${config.dataDir}: it is locked by process ${pid}, ` +
        'most likely a running Shiftcast server (npm start). Stop the server first, or set ' +
        'DATA_DIR to another directory (or MONGODB_URI to use MongoDB, which allows both at once).',
    );
  }
  return null;
}

/**
 * Loads the config, opens the configured store (MongoDB or embedded), builds the services,
 * runs `fn`, and always closes the store and worker pool afterwards.
 */
export async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, 78);
    throw e;
  }
  let store: DocumentStore;
  try {
    store = await openStore({
      mongodbUri: config.MONGODB_URI,
      mongodbDb: config.MONGODB_DB,
      dataDir: config.dataDir,
    });
  } catch (e) {
    throw storeOpenError(e, config) ?? e;
  }
  // a command runs its tasks and ends: its threads start on demand, none is warmed for later
  const services = createServices({
    config: { ...config, WORKER_KEEP_WARM: false },
    logger: createLogger(config),
    store,
    events: createEventBus(),
  });
  try {
    await ensureIndexes(store);
    return await fn(services);
  } finally {
    await services.workers.close().catch(() => undefined);
    await store.close();
  }
}

/** Runs a command's main and exits with its code; CliErrors print their message only. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof CliError) {
        console.error(e.message);
        process.exit(e.exitCode);
      }
      console.error(e);
      process.exit(EXIT.FAILED);
    },
  );
}
