/** Longest gap between 1 ms timer ticks while `work` runs, and the number of ticks. */
export async function timerGaps(work: () => Promise<void>): Promise<{ longest: number; ticks: number }> {
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks += 1;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return { longest: Math.max(longest, performance.now() - last), ticks };
}
