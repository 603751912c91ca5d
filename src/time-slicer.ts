/**
 * Resolves after pending I/O and timers have run: a break between two costly steps. It waits
 * for two check phases: called from an I/O callback, one `setImmediate` fires in the same
 * loop iteration, before any timer or I/O poll, and the two steps ran back to back.
 */
export const nextTurn = (): Promise<void> =>
  new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Cooperative time slicing for long loops on the server's thread: the loop asks
 * `if (slicer.due) await slicer.pause()` once per item, and the event loop (health checks,
 * other requests, timers) runs between slices of about `budgetMs`. A 100,000-row volume
 * import held the event loop for half a second in one piece before it was sliced.
 */
export class TimeSlicer {
  private since = performance.now();

  constructor(private readonly budgetMs = 10) {}

  /** True once the current slice has run for its budget. */
  get due(): boolean {
    return performance.now() - this.since >= this.budgetMs;
  }

  /** Lets pending I/O and timers run, then starts a new slice. */
  async pause(): Promise<void> {
    await nextTurn();
    this.since = performance.now();
  }
}
