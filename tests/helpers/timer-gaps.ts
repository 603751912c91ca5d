import { threadCpuMs } from './thread-cpu';

/**
 * Longest gap between 1 ms timer ticks while `work` runs, and the number of ticks.
 * `longest` is wall time; `longestCpu` is the CPU time the event loop's own thread spent in
 * that gap (`threadCpuMs`). A loop that holds the event loop shows in both; a process the
 * operating system left waiting on a busy machine (two Jest workers, e2e servers and the
 * browser on two cores) shows only in `longest`, and the process's other threads (V8's
 * garbage collector and compiler beside the loop) show in neither, so bounds on slicing use
 * `longestCpu`. It counted the whole process's CPU time until 2026-12-03, when a clean-clone
 * CI run measured 293 ms in one gap of the volume validator's test, whose gaps take 20-70 ms
 * of the loop's own thread here (41-93 ms of the process's).
 */
export async function timerGaps(
  work: () => Promise<void>,
): Promise<{ longest: number; longestCpu: number; ticks: number }> {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let longest = 0;
  let longestCpu = 0;
  let ticks = 0;
  const gap = (): void => {
    const now = performance.now();
    const cpu = threadCpuMs();
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  };
  const tick = setInterval(() => {
    gap();
    ticks += 1;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  gap();
  return { longest, longestCpu, ticks };
}
