/**
 * Longest gap between 1 ms timer ticks while `work` runs, and the number of ticks.
 * `longest` is wall time; `longestCpu` is the process's CPU time (user + system, every
 * thread) spent in that gap. A loop that holds the event loop shows in both; a process the
 * operating system left waiting on a busy machine (two Jest workers, e2e servers and the
 * browser on two cores) shows only in `longest`, so bounds on slicing use `longestCpu`.
 */
export async function timerGaps(
  work: () => Promise<void>,
): Promise<{ longest: number; longestCpu: number; ticks: number }> {
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = performance.now();
  let lastCpu = cpuMs();
  let longest = 0;
  let longestCpu = 0;
  let ticks = 0;
  const gap = (): void => {
    const now = performance.now();
    const cpu = cpuMs();
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
