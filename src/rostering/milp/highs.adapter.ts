/**
 * HiGHS (WASM) adapter: hands a model (arrays, or LP text) to a HiGHS thread with a time
 * limit and gap, and maps what comes back to a `MilpSolution`. HiGHS runs in a thread of its
 * own (`highs-thread.ts`), so a solve never blocks this thread and is stopped at its
 * deadline even where HiGHS does not look at the clock. Progress (incumbent, bound, gap)
 * arrives while it runs.
 */
import type { Highs, ModelData } from 'highs';
import {
  prewarmHighsThread,
  solveInThread,
  type ThreadModel,
  type ThreadOutcome,
  type ThreadProgress,
} from './highs-thread';
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

/** Loads HiGHS in a thread now, while the caller builds the model it will solve there. */
export const prewarmHighs = (): void => prewarmHighsThread();

/** HiGHS' codes used here; `satisfies` checks them against the package's constants. */
const MODEL_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  objectiveBound: 11,
  timeLimit: 13,
  unknown: 15,
} as const satisfies Partial<Highs['constants']['modelStatus']>;
const VARIABLE_TYPE = { continuous: 0, integer: 1 } as const satisfies Partial<
  Highs['constants']['variableType']
>;

/** The model as HiGHS' arrays (CSR rows, typed arrays that move to the thread without a copy). */
export function modelData(model: MilpModel): ModelData {
  const { columns, rows } = model;
  const starts = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) starts[r + 1] = (starts[r] ?? 0) + (rows[r]?.indices.length ?? 0);
  const indices = new Int32Array(starts[rows.length] ?? 0);
  const values = new Float64Array(indices.length);
  rows.forEach((row, r) => {
    indices.set(row.indices, starts[r]);
    values.set(row.values, starts[r]);
  });
  return {
    numCols: columns.length,
    numRows: rows.length,
    colCost: Float64Array.from(columns, (c) => c.cost),
    colLower: Float64Array.from(columns, (c) => c.lower),
    colUpper: Float64Array.from(columns, (c) => c.upper),
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
    matrix: { format: 'csr', numRows: rows.length, numCols: columns.length, starts, indices, values },
    integrality: Int32Array.from(columns, (c) =>
      c.kind === 'continuous' ? VARIABLE_TYPE.continuous : VARIABLE_TYPE.integer,
    ),
  };
}

/** Solves a MilpModel handed to HiGHS as arrays; column values come back in model order. */
export async function solveMilp(model: MilpModel, options: MilpSolveOptions): Promise<MilpSolution> {
  const t0 = performance.now(); // the time limit counts from here: arrays are built on it
  const startObjective = options.start ? modelObjective(model, options.start) : null;
  const solution = await solveIn(modelData(model), options, startObjective, false, t0);
  solution.columnNames = model.columns.map((c) => c.name);
  if (solution.values && solution.values.length !== model.columns.length)
    return failed(
      `HiGHS returned ${solution.values.length} of ${model.columns.length} columns`,
      solution.seconds,
    );
  return solution;
}

/** Solves an LP-format model; column names come back as HiGHS read them. */
export function solveLpText(lp: string, options: MilpSolveOptions): Promise<MilpSolution> {
  return solveIn({ format: 'lp', data: lp }, options, null, true, performance.now());
}

async function solveIn(
  model: ThreadModel,
  options: MilpSolveOptions,
  startObjective: number | null,
  named: boolean,
  t0: number,
): Promise<MilpSolution> {
  const seconds = (): number => (performance.now() - t0) / 1000;
  const report = options.onProgress;
  // The start is accepted before the search: report its objective straight away.
  if (startObjective !== null)
    report?.({ objective: startObjective, bound: null, gap: null, elapsedSeconds: seconds() });
  const outcome = await solveInThread(
    {
      model,
      start: options.start?.slice(),
      deadline: performance.timeOrigin + t0 + options.timeLimitSeconds * 1000,
      relativeGap: options.relativeGap,
      named,
    },
    report
      ? (data: ThreadProgress) =>
          report({
            objective: finite(data.mip_primal_bound),
            bound: finite(data.mip_dual_bound),
            gap: finite(data.mip_gap),
            elapsedSeconds: seconds(),
          })
      : undefined,
  );
  return fromOutcome(outcome, seconds());
}

function fromOutcome(outcome: ThreadOutcome, seconds: number): MilpSolution {
  if (outcome.kind === 'error') return failed(outcome.message, seconds);
  if (outcome.kind === 'stopped') {
    const best = outcome.incumbent;
    return {
      status: best ? 'FEASIBLE' : 'NO_SOLUTION',
      solverStatus: STATUS_NAMES[MODEL_STATUS.timeLimit] ?? 'Time limit reached',
      objective: best?.objective ?? null,
      bound: null,
      gap: null,
      seconds,
      values: best?.values ?? null,
      columnNames: [],
      message: 'HiGHS was stopped at its deadline',
    };
  }
  const { result } = outcome;
  const status = statusOf(result.code, result.hasSolution);
  return {
    status,
    solverStatus: STATUS_NAMES[result.code] ?? `Status ${result.code}`,
    objective: result.objective,
    bound: status === 'INFEASIBLE' ? null : result.bound,
    gap: result.gap,
    seconds,
    values: result.values,
    columnNames: result.names ?? [],
    message: null,
  };
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

function statusOf(code: number, hasSolution: boolean): MilpStatus {
  if (code === MODEL_STATUS.optimal) return 'OPTIMAL';
  if (code === MODEL_STATUS.infeasible || code === MODEL_STATUS.unboundedOrInfeasible) return 'INFEASIBLE';
  if (code >= MODEL_STATUS.objectiveBound && code !== MODEL_STATUS.unknown)
    return hasSolution ? 'FEASIBLE' : 'NO_SOLUTION';
  return hasSolution ? 'FEASIBLE' : 'ERROR';
}
