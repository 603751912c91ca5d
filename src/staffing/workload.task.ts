/**
 * Worker-thread entry (piscina) for the workload LP: HiGHS blocks the thread it runs on,
 * so the server solves workload plans here, never on the event loop.
 * `pool.run(problem, { name: 'solveWorkloadPlan' })`.
 */
import { solveWorkload } from './workload-lp.adapter';
import type { WorkloadPlan, WorkloadProblem } from './workload-lp.core';

export const WORKLOAD_TASK = 'staffing/workload.task';

export function solveWorkloadPlan(problem: WorkloadProblem): Promise<WorkloadPlan> {
  return solveWorkload(problem);
}
