import { solveWorkload } from '../../../src/staffing/workload-lp.adapter';
import type { WorkloadPlan, WorkloadProblem } from '../../../src/staffing/workload-lp.core';
import { type DeferredInput, WorkloadPlanner } from '../../../src/staffing/workload-plan.service';
import { EmbeddedStore } from '../../../src/store/embedded-store';

/** Five one-hour slots, Mon–Wed open (as workload-lp.test.ts's hand-solved week). */
const input = (arrivals: number[]): DeferredInput => ({
  skill: 'emails',
  channel: {
    key: 'emails',
    kind: 'DEFERRED',
    intervalMinutes: 60,
    ahtSeconds: 3600,
    serviceLevel: { target: 0.8, answerSeconds: 20 },
    maxOccupancy: 1,
    shrinkage: 0.5,
    responseHours: 1,
    open: [true, true, true, false, false],
  },
  volumes: arrivals,
  previous: null,
  previousOpen: [true, true, true, false, false],
});

async function counted(fail = 0) {
  const problems: WorkloadProblem[] = [];
  let failures = fail;
  const solve = (p: WorkloadProblem): Promise<WorkloadPlan> => {
    problems.push(p);
    return failures-- > 0 ? Promise.reject(new Error('solver down')) : solveWorkload(p);
  };
  return { problems, planner: new WorkloadPlanner(await EmbeddedStore.open(), solve) };
}

describe('WorkloadPlanner solves an equal problem once', () => {
  it('answers an equal problem from the plan solved before, each caller with its own copy', async () => {
    const { problems, planner } = await counted();
    const first = await planner.plan('2026-11-23', 'MEAN', [input([2, 1, 0, 1, 3])]);
    const again = await planner.plan('2026-11-23', 'MEAN', [input([2, 1, 0, 1, 3])]);
    expect(problems).toHaveLength(1);
    expect(again).toEqual(first);
    again[0].scheduledAgents[0] = -1;
    expect(first[0].scheduledAgents[0]).not.toBe(-1);
    // another problem is solved
    const other = await planner.plan('2026-11-23', 'MEAN', [input([4, 1, 0, 1, 3])]);
    expect(problems).toHaveLength(2);
    expect(other[0].staffHours).toBeGreaterThan(first[0].staffHours);
  });

  it('does not keep a failed solve', async () => {
    const { problems, planner } = await counted(1);
    await expect(planner.plan('2026-11-23', 'MEAN', [input([2, 1, 0, 1, 3])])).rejects.toThrow('solver down');
    await expect(planner.plan('2026-11-23', 'MEAN', [input([2, 1, 0, 1, 3])])).resolves.toHaveLength(1);
    expect(problems).toHaveLength(2);
  });
});

describe('WorkloadPlanner solves the skills of a week side by side', () => {
  /** The solver, counting the problems in flight at once. */
  const tracked = () => {
    const seen = { inFlight: 0, most: 0 };
    const solve = async (p: WorkloadProblem): Promise<WorkloadPlan> => {
      seen.most = Math.max(seen.most, ++seen.inFlight);
      try {
        return await solveWorkload(p);
      } finally {
        seen.inFlight -= 1;
      }
    };
    return { seen, solve };
  };
  const skills = ['tickets', 'emails', 'letters'].map((skill, i) => ({
    ...input([2 + i, 1, 0, 1, 3]),
    skill,
    channel: { ...input([]).channel, key: skill },
  }));

  it('solves up to `lanes` skills at once and answers in skill order, as one lane does', async () => {
    const one = tracked();
    const two = tracked();
    const alone = await new WorkloadPlanner(await EmbeddedStore.open(), one.solve).plan(
      '2026-11-23',
      'MEAN',
      skills,
    );
    const paired = await new WorkloadPlanner(await EmbeddedStore.open(), two.solve, 2).plan(
      '2026-11-23',
      'MEAN',
      skills,
    );
    expect(one.seen.most).toBe(1);
    expect(two.seen.most).toBe(2);
    expect(paired.map((w) => w.skill)).toEqual(['emails', 'letters', 'tickets']);
    expect(paired).toEqual(alone);
  });
});
