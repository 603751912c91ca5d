/**
 * HiGHS in a thread of its own, with a deadline enforced from outside.
 *
 * HiGHS checks its time limit only between rounds of presolve, and its interrupt callbacks
 * do not fire there: on a busy machine a 1,500-staff week spent 3.8 s in presolve with a
 * 2.6 s limit, and returned up to 4 s late. A thread can be stopped wherever it is. The
 * thread posts every improving incumbent as it is found; when it is still running at the
 * deadline plus a grace, it is terminated and the solve ends with the last incumbent.
 *
 * Threads are kept (idle, `unref`ed) and reused, so HiGHS loads once per thread; a
 * terminated thread is replaced on the next solve. One solve runs per thread at a time.
 * Only this file touches threads; the code run in them is the plain JavaScript below, which
 * loads the `highs` package itself (it runs the same under Jest and from `dist/`).
 */
import { Worker } from 'node:worker_threads';
import type { ModelData } from 'highs';

/** What the thread is asked to solve: HiGHS arrays or LP text. */
export type ThreadModel = ModelData | { format: 'lp'; data: string };

export interface ThreadRequest {
  model: ThreadModel;
  start?: Float64Array;
  /** Epoch milliseconds (performance.timeOrigin + now) at which HiGHS must stop. */
  deadline: number;
  relativeGap: number;
  /** Send back the column names (LP text input names its own columns). */
  named: boolean;
}

/** A snapshot of MIP progress from HiGHS' callbacks. */
export interface ThreadProgress {
  mip_primal_bound?: number;
  mip_dual_bound?: number;
  mip_gap?: number;
}

/** What HiGHS left when it returned. */
export interface ThreadResult {
  code: number;
  hasSolution: boolean;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  values: Float64Array | null;
  names: string[] | null;
}

export type ThreadOutcome =
  | { kind: 'done'; result: ThreadResult }
  | { kind: 'error'; message: string }
  /** Terminated at the deadline; the last incumbent HiGHS posted, if any. */
  | { kind: 'stopped'; incumbent: { objective: number; values: Float64Array } | null };

type ThreadMessage =
  | { type: 'progress'; data: ThreadProgress }
  | { type: 'incumbent'; data: ThreadProgress; values: Float64Array }
  | { type: 'done'; result: ThreadResult }
  | { type: 'error'; message: string };

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = require(workerData.highs)();
const now = () => performance.timeOrigin + performance.now();
const finite = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const metrics = (d) => ({ mip_primal_bound: d.mip_primal_bound, mip_dual_bound: d.mip_dual_bound, mip_gap: d.mip_gap });
function solve(highs, req) {
  const model = highs.createModel(req.model);
  try {
    if (req.start) model.setSolution({ colValue: req.start });
    model.options.set({
      output_flag: false,
      time_limit: Math.max((req.deadline - now()) / 1000, 0.001),
      mip_rel_gap: req.relativeGap,
    });
    const stop = (e) => { if (now() > req.deadline) e.interrupt(); };
    const cb = highs.constants.callbackType;
    model.run({
      [cb.simplexInterrupt]: stop,
      [cb.ipmInterrupt]: stop,
      [cb.mipInterrupt]: stop,
      [cb.mipLogging]: (e) => parentPort.postMessage({ type: 'progress', data: metrics(e.data) }),
      [cb.mipImprovingSolution]: (e) => parentPort.postMessage({ type: 'incumbent', data: metrics(e.data), values: e.data.mip_solution }),
    });
    const hasSolution = model.info.get('primal_solution_status') === 2;
    const numCols = model.getDimensions().numCols;
    return {
      code: model.getModelStatus(),
      hasSolution,
      objective: hasSolution ? finite(model.getObjectiveValue()) : null,
      bound: finite(model.info.get('mip_dual_bound')),
      gap: hasSolution ? finite(model.info.get('mip_gap')) : null,
      values: hasSolution ? model.getSolution().colValue : null,
      names: req.named ? Array.from({ length: numCols }, (_, i) => model.getColName(i)) : null,
    };
  } finally {
    model.dispose();
  }
}
parentPort.on('message', async (req) => {
  try {
    const result = solve(await ready, req);
    parentPort.postMessage({ type: 'done', result }, result.values ? [result.values.buffer] : []);
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String((e && e.message) || e) });
  }
});
`;

/** How long past its deadline a thread may run before it is terminated. */
const graceMs = (limitMs: number): number => Math.max(100, 0.02 * limitMs);

const epochNow = (): number => performance.timeOrigin + performance.now();

const idle: Worker[] = [];

/** An idle thread that is still alive (a thread that has exited has threadId −1), or a new one. */
function takeThread(): Worker {
  let thread = idle.pop();
  while (thread && thread.threadId < 0) thread = idle.pop();
  thread ??= new Worker(THREAD_SOURCE, { eval: true, workerData: { highs: require.resolve('highs') } });
  thread.unref();
  return thread;
}

/** Idle HiGHS threads that are still alive: the ones the next solves of this thread reuse. */
export const idleHighsThreads = (): number => idle.filter((t) => t.threadId >= 0).length;

/** Starts a thread loading HiGHS now, so a solve soon after does not wait for it. */
export function prewarmHighsThread(): void {
  if (idle.length === 0) idle.push(takeThread());
}

function transferList(request: ThreadRequest): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (v: unknown): void => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
  };
  add(request.start);
  if (!('format' in request.model)) {
    const m = request.model;
    for (const v of [m.colCost, m.colLower, m.colUpper, m.rowLower, m.rowUpper, m.integrality]) add(v);
    if (m.matrix) for (const v of [m.matrix.starts, m.matrix.indices, m.matrix.values]) add(v);
  }
  return [...buffers];
}

/**
 * Solves `request` in a HiGHS thread. `onProgress` hears every progress snapshot and
 * incumbent. The typed arrays of the request are transferred (unusable here afterwards).
 */
export function solveInThread(
  request: ThreadRequest,
  onProgress?: (data: ThreadProgress) => void,
): Promise<ThreadOutcome> {
  const thread = takeThread();
  thread.ref();
  let incumbent: { objective: number; values: Float64Array } | null = null;
  return new Promise<ThreadOutcome>((resolve) => {
    const onMessage = (m: ThreadMessage): void => {
      if (m.type === 'done') return finish({ kind: 'done', result: m.result }, true);
      if (m.type === 'error') return finish({ kind: 'error', message: m.message }, true);
      if (m.type === 'incumbent' && typeof m.data.mip_primal_bound === 'number')
        incumbent = { objective: m.data.mip_primal_bound, values: m.values };
      onProgress?.(m.data);
    };
    const onError = (e: Error): void => finish({ kind: 'error', message: e.message }, false);
    const onExit = (code: number): void =>
      finish({ kind: 'error', message: `the HiGHS thread exited (${code})` }, false);
    // Only our own listeners go: the worker's internal ones keep its port delivering.
    const finish = (outcome: ThreadOutcome, keep: boolean): void => {
      clearTimeout(timer);
      thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      thread.unref();
      if (keep) idle.push(thread);
      else void thread.terminate();
      resolve(outcome);
    };
    const limitMs = request.deadline - epochNow();
    const timer = setTimeout(() => finish({ kind: 'stopped', incumbent }, false), limitMs + graceMs(limitMs));
    thread.on('message', onMessage).on('error', onError).on('exit', onExit);
    thread.postMessage(request, transferList(request));
  });
}
