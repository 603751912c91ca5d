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

/** Optimal workload plan of one skill; FAILED_PRECONDITION when HiGHS finds no optimum. */
export async function solveWorkload(problem: WorkloadProblem, timeLimitSeconds = 20): Promise<WorkloadPlan> {
  const { lp } = buildWorkloadModel(problem);
  const h = await highs();
  const model = h.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 1e-6 });
    model.run();
    const status = model.getModelStatus();
    if (status !== h.constants.modelStatus.optimal)
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
