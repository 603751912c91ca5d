/**
 * The worker pool of a process (the API's, or `npm run worker`'s): with WORKER_KEEP_WARM (the
 * default) its threads start with it, each runs `thread-warm-up.task.ts` as it starts, and none
 * exits idle, so no manager's request compiles HiGHS, the forecasting WASM or the roster
 * solve's HiGHS thread: not the first after a start, nor the first after a pause. Neither listening nor readiness waits for the
 * warm-up; a task that arrives meanwhile waits for its thread's warm-up, then runs warm.
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import { taskFile, WorkerPool, workerPoolOptions } from '../workers/worker-pool';

/** The warm-up entry: only worker threads load it (see the file). */
const WARM_UP_TASK = 'server/thread-warm-up.task';

export function createWorkerPool(
  config: Parameters<typeof workerPoolOptions>[0] & Pick<Config, 'WORKER_KEEP_WARM'>,
  logger: Logger,
): WorkerPool {
  const warm = config.WORKER_KEEP_WARM ? { file: taskFile(WARM_UP_TASK), logger } : undefined;
  return new WorkerPool({ ...workerPoolOptions(config), warm });
}
