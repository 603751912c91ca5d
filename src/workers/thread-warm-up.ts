/**
 * Warming a worker thread before its first task. A thread compiles what it runs on first use:
 * HiGHS' WebAssembly, the forecasting WASM modules, the JavaScript of the task entries. Paid by
 * the first request a thread serves, that took a `staffingPlan` from 1.1 s to 2.7–2.9 s.
 *
 * A warm-up entry (e.g. `server/thread-warm-up.task.ts`) exports `warmUp = warmThread(steps)`
 * (named `WARM_UP_EXPORT`).
 * The pool names it as its default entry, so piscina loads it as each thread starts and awaits
 * the export before the thread takes a task: the steps run once per thread, a task that arrives
 * meanwhile waits for them (and then runs warm). The thread then posts a `WarmUpReport` to the
 * pool, which logs it. A step that fails is reported, never thrown: a failed export would stop
 * the thread, and piscina would start (and lose) another one for ever.
 */
import { isMainThread, parentPort, threadId } from 'node:worker_threads';

/** The export of a warm-up entry that piscina awaits as each thread starts. */
export const WARM_UP_EXPORT = 'warmUp';

export interface WarmUpStep {
  name: string;
  ms: number;
  /** Why the step failed; the thread serves tasks all the same (cold where the step failed). */
  error?: string;
}

/** What a thread posts to its pool once its warm-up has run. */
export interface WarmUpReport {
  type: 'warm-up';
  threadId: number;
  steps: WarmUpStep[];
}

export const isWarmUpReport = (m: unknown): m is WarmUpReport =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'warm-up';

async function timed(name: string, step: () => unknown): Promise<WarmUpStep> {
  const started = performance.now();
  try {
    await step();
    return { name, ms: Math.round(performance.now() - started) };
  } catch (e) {
    return { name, ms: Math.round(performance.now() - started), error: String((e as Error)?.message ?? e) };
  }
}

/**
 * Runs `steps` one after the other in this thread, posts the report to the pool and resolves
 * to a task that returns it (the entry's export must be a function); never rejects. On the
 * main thread (an entry imported by mistake) it runs nothing: the steps would block it.
 */
export async function warmThread(steps: Record<string, () => unknown>): Promise<() => WarmUpReport> {
  const done: WarmUpStep[] = [];
  if (!isMainThread) for (const [name, step] of Object.entries(steps)) done.push(await timed(name, step));
  const report: WarmUpReport = { type: 'warm-up', threadId, steps: done };
  parentPort?.postMessage(report);
  return () => report;
}
