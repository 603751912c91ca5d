import type { WorkloadProblem } from '../../src/staffing/workload-lp.core';

/**
 * The hand-solved workload week of tests/unit/staffing/workload-lp.test.ts: five one-hour slots,
 * Mon–Wed open, arrivals [2, 1, 0, 1, 3], `items` carried in due in the first hour. That hour
 * needs items + 2 agents, the second 1, doubled by the 0.5 shrinkage: 2 · items + 6 staff hours
 * (10 with the default 2).
 */
export const handSolvedWeek = (items = 2): WorkloadProblem => ({
  skill: 'emails',
  intervalMinutes: 60,
  shrinkage: 0.5,
  smoothness: 0.1,
  channels: [
    {
      key: 'emails',
      arrivals: [2, 1, 0, 1, 3],
      open: [true, true, true, false, false],
      ahtSeconds: 3600,
      responseHours: 1,
      maxOccupancy: 1,
      carryIn: [{ items, dueSlot: 0 }],
    },
  ],
});
