/**
 * The worker pool's warm-up entry (workers/thread-warm-up.ts): what every kept thread of the
 * API process and of `npm run worker` loads and compiles as it starts, before its first task.
 * Roster solves are not warmed here: their HiGHS runs in a thread of its own, which a solve
 * starts while it builds its model (rostering/milp/highs-thread.ts) and which then stays.
 * Only worker threads load this file (it starts the warm-up as it loads): the pool names it in
 * `worker-pool-setup.ts`, nothing imports it.
 */
import { warmForecasters } from '../forecasting/forecast-warm-up';
import { warmWorkloadSolver } from '../staffing/workload-warm-up';
import { warmThread } from '../workers/thread-warm-up';

export const warmUp = warmThread({ highs: warmWorkloadSolver, forecasting: warmForecasters });
