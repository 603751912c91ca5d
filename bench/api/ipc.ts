/** Figures a benchmark child process reports to its parent. */
export interface ProcessStats {
  rssMb: number;
  heapUsedMb: number;
  /** Active libuv handles (sockets, timers, servers) and requests. */
  handles: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Figures after a full collection when the process runs with `--expose-gc`, so garbage does not read as growth. */
export function processStats(): ProcessStats {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const active = process as unknown as { _getActiveHandles(): unknown[]; _getActiveRequests(): unknown[] };
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    handles: active._getActiveHandles().length + active._getActiveRequests().length,
  };
}
