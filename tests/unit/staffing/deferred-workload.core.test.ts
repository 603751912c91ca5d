import { deferredWorkload, type DeferredWorkloadInput } from '../../../src/staffing/deferred-workload.core';

/** Seeded PRNG (mulberry32) so the random plans are reproducible. */
const prng = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Independent check: an earliest-deadline-first worker with the computed raw agents'
 * capacity (raw × interval × maxOccupancy). Work arriving in interval i joins the backlog
 * at i; after each interval nothing whose deadline has passed may remain.
 * Returns the indices of intervals where a deadline was missed.
 */
function edfMisses(input: DeferredWorkloadInput, rawAgents: number[], deadlineIndex: number[]): number[] {
  const backlog: { deadline: number; work: number }[] = [];
  const misses: number[] = [];
  input.volumes.forEach((volume, i) => {
    if (deadlineIndex[i] >= 0 && volume > 0)
      backlog.push({ deadline: deadlineIndex[i], work: volume * input.ahtSeconds });
    backlog.sort((x, y) => x.deadline - y.deadline);
    let capacity = input.open[i] ? rawAgents[i] * input.intervalMinutes * 60 * input.maxOccupancy : 0;
    while (capacity > 0 && backlog.length > 0) {
      const done = Math.min(capacity, backlog[0].work);
      backlog[0].work -= done;
      capacity -= done;
      if (backlog[0].work <= 1e-6) backlog.shift();
    }
    if (backlog.some((b) => b.deadline <= i && b.work > 1e-6)) misses.push(i);
  });
  return misses;
}

const base = { ahtSeconds: 300, intervalMinutes: 30, maxOccupancy: 0.9, shrinkage: 0 };

describe('deferredWorkload', () => {
  it('spreads each interval evenly over its response window of open intervals', () => {
    const r = deferredWorkload({
      ...base,
      volumes: [6, 0, 0, 0],
      open: [true, true, true, true],
      responseHours: 1,
    });
    expect(r.windowIntervals).toBe(2);
    expect(r.plannedWorkSeconds).toEqual([900, 900, 0, 0]);
    expect(r.deadlineIndex).toEqual([1, 2, 3, 3]);
    expect(r.requiredAgents[0]).toBeCloseTo(900 / (1800 * 0.9), 12);
    expect(r.rawAgents).toEqual([1, 1, 0, 0]);
  });

  it('holds work that arrives while closed until the next open interval, and never staffs a closed one', () => {
    const open = [false, false, true, true, false, true];
    const r = deferredWorkload({ ...base, volumes: [10, 10, 0, 0, 10, 0], open, responseHours: 1 });
    r.plannedWorkSeconds.forEach((w, i) => {
      if (!open[i]) expect(w).toBe(0);
    });
    expect(r.rawAgents.filter((_, i) => !open[i])).toEqual([0, 0, 0]);
    // the two early arrivals share the window {2, 3}; the closed interval 4 waits for 5
    expect(r.deadlineIndex).toEqual([3, 3, 3, 5, 5, 5]);
    expect(r.plannedWorkSeconds[2]).toBeCloseTo(3000, 9);
    expect(r.plannedWorkSeconds[5]).toBeCloseTo(3000, 9);
  });

  it('counts response time in open hours: a window skips the closed night', () => {
    const open = [true, false, false, true];
    const r = deferredWorkload({ ...base, volumes: [4, 0, 0, 0], open, responseHours: 1 });
    expect(r.deadlineIndex[0]).toBe(3);
    expect(r.plannedWorkSeconds).toEqual([600, 0, 0, 600]);
  });

  it('reports work that arrives after the last open interval instead of dropping it', () => {
    const r = deferredWorkload({ ...base, volumes: [1, 2, 3], open: [true, false, false], responseHours: 4 });
    expect(r.unplacedWorkSeconds).toBe(5 * 300);
    expect(r.deadlineIndex).toEqual([0, -1, -1]);
  });

  it('applies shrinkage to the raw agents', () => {
    const r = deferredWorkload({ ...base, shrinkage: 0.3, volumes: [60], open: [true], responseHours: 0.5 });
    expect(r.rawAgents).toEqual([12]); // 18,000 s / (1,800 s × 0.9) = 11.1
    expect(r.scheduledAgents).toEqual([18]); // ceil(12 / 0.7) = ceil(17.14)
  });

  it.each([
    [1, 0.5, 30],
    [2, 4, 30],
    [3, 8, 15],
    [4, 24, 60],
    [5, 72, 30],
  ])(
    'seed %d, %d h response, %d-min intervals: an EDF worker with the plan misses no deadline',
    (seed, responseHours, intervalMinutes) => {
      const random = prng(seed);
      const perDay = (24 * 60) / intervalMinutes;
      const n = perDay * 7;
      // open 08:00–18:00 on weekdays, closed at night and at weekends
      const open = Array.from({ length: n }, (_, i) => {
        const day = Math.floor(i / perDay);
        const hour = ((i % perDay) * intervalMinutes) / 60;
        return day < 5 && hour >= 8 && hour < 18;
      });
      // arrivals round the clock, heavier in the day; the final day's tail stays unplaced
      const volumes = open.map((o) => Math.floor(random() * (o ? 40 : 8)));
      const input = { ...base, intervalMinutes, responseHours, volumes, open };
      const r = deferredWorkload(input);
      expect(edfMisses(input, r.rawAgents, r.deadlineIndex)).toEqual([]);
      const planned = r.plannedWorkSeconds.reduce((s, w) => s + w, 0);
      const arrived = r.arrivingWorkSeconds.reduce((s, w) => s + w, 0);
      expect(planned + r.unplacedWorkSeconds).toBeCloseTo(arrived, 6);
      // occupancy cap honoured in every interval
      r.plannedWorkSeconds.forEach((w, i) => {
        if (r.rawAgents[i] > 0)
          expect(w / (r.rawAgents[i] * intervalMinutes * 60)).toBeLessThanOrEqual(0.9 + 1e-9);
      });
    },
  );

  it('the EDF check does catch an under-staffed plan', () => {
    const input = {
      ...base,
      volumes: [100, 100, 100, 100],
      open: [true, true, true, true],
      responseHours: 1,
    };
    const r = deferredWorkload(input);
    const short = r.rawAgents.map((a) => Math.max(0, a - 2));
    expect(edfMisses(input, short, r.deadlineIndex).length).toBeGreaterThan(0);
  });
});
