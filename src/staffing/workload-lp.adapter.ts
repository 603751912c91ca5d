/**
 * Solves a deferred-workload model (workload-lp.core.ts) with HiGHS. The model is small
 * (a few hundred columns per skill and week): it is solved on the calling thread in
 * milliseconds. The WASM model is always disposed.
 */
import loadHighs, { type Highs } from 'highs';
import { AppError } from '../errors';
import {
  buildWorkloadModel,
  readWorkloadSolution,
  type WorkloadPlan,
  type WorkloadProblem,
} from './workload-lp.core';

let runtime: Promise<Highs> | null = null;
const highs = (): Promise<Highs> => (runtime ??= loadHighs());

/** Relative MIP gap: within 0.5 % of the fewest agent hours is good enough and fast. */
const MIP_GAP = 0.005;

/**
 * Workload plan of one skill: optimal within MIP_GAP, or the best plan found in the time
 * limit (every plan HiGHS returns meets every deadline: they are constraints);
 * FAILED_PRECONDITION when there is none.
 */
export async function solveWorkload(problem: WorkloadProblem, timeLimitSeconds = 5): Promise<WorkloadPlan> {
  const { lp } = buildWorkloadModel(problem);
  const h = await highs();
  const model = h.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: MIP_GAP });
    model.run();
    const status = model.getModelStatus();
    if (model.info.get('primal_solution_status') !== 2)
      throw new AppError(
        'FAILED_PRECONDITION',
        `the workload plan of skill ${problem.skill} has no optimal solution (HiGHS status ${status})`,
      );
    const values = model.getSolution().colValue;
    const columns = new Map<string, number>();
    const count = model.getDimensions().numCols;
    for (let i = 0; i < count; i++) columns.set(model.getColName(i), values[i]!);
    return readWorkloadSolution(problem, columns);
  } finally {
    model.dispose();
  }
}
