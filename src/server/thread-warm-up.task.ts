/**
 * The worker pool's warm-up entry (workers/thread-warm-up.ts): what every kept thread of the
 * API process and of `npm run worker` loads and compiles as it starts, before its first task:
 * HiGHS for the workload LP, the forecasting WASM, and a roster solve, which also starts the
 * thread's own HiGHS thread (rostering/milp/highs-thread.ts), kept for its roster solves.
 * Only worker threads load this file (it starts the warm-up as it loads): the pool names it in
 * `worker-pool-setup.ts`, nothing imports it.
 */
import { warmForecasters } from '../forecasting/forecast-warm-up';
import { warmRosterSolver } from '../rostering/roster-warm-up';
import { warmWorkloadSolver } from '../staffing/workload-warm-up';
import { warmThread } from '../workers/thread-warm-up';

export const warmUp = warmThread({
  highs: warmWorkloadSolver,
  forecasting: warmForecasters,
  roster: () => warmRosterSolver(),
});
