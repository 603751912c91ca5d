/**
 * HiGHS (WASM) adapter: loads the module once per process / worker, reads the LP text into
 * a persistent model, solves it with a time limit and gap, and always disposes the model
 * (garbage collection does not free WASM models). Progress comes from HiGHS' MIP logging
 * callback (incumbent, bound, gap, runtime); the solve itself blocks the thread.
 */
import loadHighs, { type Highs, type ModelData, type VariableType } from 'highs';
import { modelObjective, type MilpModel } from './milp-builder';

export type MilpStatus = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'NO_SOLUTION' | 'ERROR';

export interface MilpProgress {
  objective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedSeconds: number;
}

export interface MilpSolveOptions {
  timeLimitSeconds: number;
  relativeGap: number;
  onProgress?: (progress: MilpProgress) => void;
  /** A complete column vector to start from (MIP start); its objective is reported first. */
  start?: Float64Array;
}

export interface MilpSolution {
  status: MilpStatus;
  /** HiGHS' own model status name, e.g. `Optimal`, `Time limit reached`. */
  solverStatus: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  /** Column values in the order of the LP's columns; null without a feasible solution. */
  values: Float64Array | null;
  /** Column names as HiGHS read them (same order as `values`). */
  columnNames: string[];
  message: string | null;
}

let runtime: Promise<Highs> | null = null;

/** The HiGHS runtime, loaded once per process or worker thread. */
export function getHighs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

const STATUS_NAMES: Record<number, string> = {
  0: 'Not set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted by user',
};

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The model as HiGHS' arrays (CSR rows), no LP text to write or parse. */
export function modelData(highs: Highs, model: MilpModel): ModelData {
  const kinds = highs.constants.variableType;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    indices.push(...row.indices);
    values.push(...row.values);
    starts.push(indices.length);
  }
  return {
    numCols: model.columns.length,
    numRows: model.rows.length,
    colCost: model.columns.map((c) => c.cost),
    colLower: model.columns.map((c) => c.lower),
    colUpper: model.columns.map((c) => c.upper),
    rowLower: model.rows.map((r) => r.lower),
    rowUpper: model.rows.map((r) => r.upper),
    matrix: {
      format: 'csr',
      numRows: model.rows.length,
      numCols: model.columns.length,
      starts,
      indices,
      values,
    },
    integrality: model.columns.map((c): VariableType =>
      c.kind === 'continuous' ? kinds.continuous : kinds.integer,
    ),
  };
}

/** Solves a MilpModel handed to HiGHS as arrays; column values come back in model order. */
export async function solveMilp(model: MilpModel, options: MilpSolveOptions): Promise<MilpSolution> {
  const highs = await getHighs();
  const startObjective = options.start ? modelObjective(model, options.start) : null;
  const solution = await solveWith(
    highs,
    () => highs.createModel(modelData(highs, model)),
    options,
    startObjective,
  );
  solution.columnNames = model.columns.map((c) => c.name);
  return solution;
}

export async function solveLpText(lp: string, options: MilpSolveOptions): Promise<MilpSolution> {
  const highs = await getHighs();
  return solveWith(highs, () => highs.createModel({ format: 'lp', data: lp }), options, null, true);
}

type HighsModel = ReturnType<Highs['createModel']>;

async function solveWith(
  highs: Highs,
  create: () => HighsModel,
  options: MilpSolveOptions,
  startObjective: number | null,
  named = false,
  t0 = performance.now(),
): Promise<MilpSolution> {
  const seconds = (): number => (performance.now() - t0) / 1000;
  let model: HighsModel | null = null;
  try {
    model = create();
    if (options.start) model.setSolution({ colValue: options.start });
    model.options.set({
      output_flag: false,
      time_limit: Math.max(options.timeLimitSeconds - seconds(), 0.001),
      mip_rel_gap: options.relativeGap,
    });
    // The start is accepted before the search: report its objective straight away.
    if (startObjective !== null)
      options.onProgress?.({ objective: startObjective, bound: null, gap: null, elapsedSeconds: seconds() });
    runToDeadline(highs, model, options, t0);
    return readSolution(highs, model, named, seconds());
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e), seconds());
  } finally {
    model?.dispose();
  }
}

const failed = (message: string, seconds: number): MilpSolution => ({
  status: 'ERROR',
  solverStatus: 'Error',
  objective: null,
  bound: null,
  gap: null,
  seconds,
  values: null,
  columnNames: [],
  message,
});

/**
 * Runs HiGHS with progress callbacks. HiGHS checks its own time limit between phases only;
 * on a busy machine presolve and the root LP ran seconds past it. Interrupt checkpoints
 * stop it at the wall-clock deadline.
 */
function runToDeadline(highs: Highs, model: HighsModel, options: MilpSolveOptions, t0: number): void {
  const report = options.onProgress;
  const { mipLogging, mipImprovingSolution, simplexInterrupt, ipmInterrupt, mipInterrupt } =
    highs.constants.callbackType;
  const deadline = t0 + options.timeLimitSeconds * 1000;
  const stopAtDeadline = (e: { interrupt(): void }): undefined => {
    if (performance.now() > deadline) e.interrupt();
    return undefined;
  };
  const progress = (data: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }): void =>
    report?.({
      objective: finite(data.mip_primal_bound),
      bound: finite(data.mip_dual_bound),
      gap: finite(data.mip_gap),
      elapsedSeconds: (performance.now() - t0) / 1000,
    });
  model.run({
    [simplexInterrupt]: stopAtDeadline,
    [ipmInterrupt]: stopAtDeadline,
    [mipInterrupt]: stopAtDeadline,
    ...(report
      ? {
          [mipLogging]: (e) => void progress(e.data),
          [mipImprovingSolution]: (e) => void progress(e.data),
        }
      : {}),
  });
}

function statusOf(highs: Highs, code: number, hasSolution: boolean): MilpStatus {
  const codes = highs.constants.modelStatus;
  if (code === codes.optimal) return 'OPTIMAL';
  if (code === codes.infeasible || code === codes.unboundedOrInfeasible) return 'INFEASIBLE';
  if (code >= codes.objectiveBound && code !== codes.unknown) return hasSolution ? 'FEASIBLE' : 'NO_SOLUTION';
  return hasSolution ? 'FEASIBLE' : 'ERROR';
}

function readSolution(highs: Highs, model: HighsModel, named: boolean, seconds: number): MilpSolution {
  const code = model.getModelStatus();
  const hasSolution = model.info.get('primal_solution_status') === 2;
  const status = statusOf(highs, code, hasSolution);
  const dims = model.getDimensions();
  return {
    status,
    solverStatus: STATUS_NAMES[code] ?? `Status ${code}`,
    objective: hasSolution ? finite(model.getObjectiveValue()) : null,
    bound: status === 'INFEASIBLE' ? null : finite(model.info.get('mip_dual_bound')),
    gap: hasSolution ? finite(model.info.get('mip_gap')) : null,
    seconds,
    values: hasSolution ? model.getSolution().colValue : null,
    columnNames: named ? Array.from({ length: dims.numCols }, (_, i) => model.getColName(i)) : [],
    message: null,
  };
}
