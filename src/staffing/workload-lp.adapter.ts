/**
 * Solves a deferred-workload model (workload-lp.core.ts) with HiGHS. The model is small
 * (a few hundred columns per skill and week): it is solved on the calling thread. The WASM
 * model is always disposed.
 *
 * Integer agents: the MIP within MIP_GAP of the fewest agent hours, or its best plan after
 * MIP_MAX_NODES branch-and-bound nodes. The search is ended by that node count, not by the
 * clock, so the same problem always gets the same plan however busy the machine is: the
 * per-channel views, the skill requirement and the stored plan that feeds the next week's
 * carry-in are solved separately and must agree. (Demo skills solve at the root node, in
 * under a second once HiGHS is loaded; a 5-second clock limit used to cut the first solve of
 * a process short and return a different plan from the next.) The time limit is only a
 * safety net; should HiGHS find no integer plan within it, the LP relaxation rounded UP in
 * every interval is used: more capacity in every interval than a plan that meets every
 * deadline, so it meets them too.
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
/** The deterministic end of a search (see above). */
const MIP_MAX_NODES = 2000;
/** Safety net only: a solve that reaches it may differ from run to run. */
export const WORKLOAD_TIME_LIMIT_SECONDS = 60;
/** The relaxation is a plain LP: it gets its own, generous limit. */
const RELAXATION_SECONDS = 60;

async function solveColumns(lp: string, timeLimitSeconds: number): Promise<Map<string, number> | null> {
  const h = await highs();
  const model = h.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({
      output_flag: false,
      time_limit: timeLimitSeconds,
      mip_rel_gap: MIP_GAP,
      mip_max_nodes: MIP_MAX_NODES,
    });
    model.run();
    if (model.info.get('primal_solution_status') !== 2) return null;
    const values = model.getSolution().colValue;
    const columns = new Map<string, number>();
    const count = model.getDimensions().numCols;
    for (let i = 0; i < count; i++) columns.set(model.getColName(i), values[i]);
    return columns;
  } finally {
    model.dispose();
  }
}

/** Workload plan of one skill (see above); FAILED_PRECONDITION when HiGHS finds none. */
export async function solveWorkload(
  problem: WorkloadProblem,
  timeLimitSeconds = WORKLOAD_TIME_LIMIT_SECONDS,
): Promise<WorkloadPlan> {
  const integer = problem.integer !== false;
  const exact = await solveColumns(buildWorkloadModel(problem).lp, timeLimitSeconds);
  if (exact) return readWorkloadSolution(problem, exact);
  const relaxed = integer
    ? await solveColumns(buildWorkloadModel({ ...problem, integer: false }).lp, RELAXATION_SECONDS)
    : null;
  if (!relaxed)
    throw new AppError('FAILED_PRECONDITION', `HiGHS found no workload plan for skill ${problem.skill}`);
  for (const [name, v] of relaxed) if (/^n\d+$/.test(name)) relaxed.set(name, Math.ceil(v - 1e-9));
  return readWorkloadSolution(problem, relaxed);
}
