/**
 * A worker thread's staffing warm-up (workers/thread-warm-up.ts): a workload week solved
 * through the task entry, so the thread has loaded HiGHS and compiled the parts of it that a
 * `staffingPlan` runs before the first one does. Each thread's first plan took 2.7–2.9 s
 * against 1.1 s warm.
 *
 * The week must look like a real one. Measured on the demo site's two skills (one solve each,
 * in a fresh process): cold, 2.1 s and 2.0–2.2 s, then 0.34 s and 1.0 s; after a five-slot
 * problem, still 2.0 s and 1.8 s; after one channel's week, 0.6 s and 1.9 s; after this one
 * (three pooled channels, next-day deadlines and a carry-in; 1.6–2.8 s once per thread),
 * 0.38–0.45 s and 1.0–1.1 s. HiGHS compiles and optimises its WebAssembly as code paths run.
 */
import type { WorkloadChannel, WorkloadProblem } from './workload-lp.core';
import { solveWorkloadPlan } from './workload.task';

const SLOTS = 7 * 24;
/** Hourly slots, open 09:00–17:00 on weekdays. */
const OPEN = Array.from({ length: SLOTS }, (_, t) => t < 5 * 24 && t % 24 >= 9 && t % 24 < 17);

const channel = (key: string, step: number, items: number, ahtSeconds: number): WorkloadChannel => ({
  key,
  arrivals: OPEN.map((open, t) => (open ? items * (1 + ((t * step) % 5) / 5) : 0)),
  open: OPEN,
  ahtSeconds,
  responseHours: 24,
  maxOccupancy: 0.9,
  carryIn: [
    { items, dueSlot: 9 },
    { items, dueSlot: 33 },
  ],
});

const WARM_UP_PROBLEM: WorkloadProblem = {
  skill: 'warm-up',
  intervalMinutes: 60,
  shrinkage: 0.3,
  channels: [channel('a', 1, 2, 600), channel('b', 2, 4, 420), channel('c', 3, 6, 420)],
};

export async function warmWorkloadSolver(): Promise<void> {
  await solveWorkloadPlan(WARM_UP_PROBLEM);
}
