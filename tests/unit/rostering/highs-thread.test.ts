/**
 * HiGHS runs in a thread that is terminated at its deadline (plus a grace of 0.1 s), because
 * HiGHS itself does not look at the clock while it reads a model or presolves it. Reading a
 * 300-staff week's LP text (2.3 MB) alone takes longer than the grace.
 */
import { generateRosterInstance } from '../../../bench/roster-instances';
import { solveLpText } from '../../../src/rostering/milp/highs.adapter';
import { writeLp } from '../../../src/rostering/milp/lp-writer';
import { buildRosterModel } from '../../../src/rostering/milp/roster-model';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';

const SMALL = `Maximize
 obj: x + 2 y
Subject To
 c1: x + y <= 4
Bounds
 0 <= x <= 3
 0 <= y <= 3
General
 x y
End
`;

describe('HiGHS in its own thread', () => {
  const week = writeLp(
    buildRosterModel(parseRosterProblem(generateRosterInstance({ staff: 300, seed: 3 })), {}).milp,
  );

  it('solves one model after another in the same thread', async () => {
    for (let i = 0; i < 3; i++) {
      const s = await solveLpText(SMALL, { timeLimitSeconds: 5, relativeGap: 0 });
      expect([s.status, s.objective, s.columnNames]).toEqual(['OPTIMAL', 7, ['x', 'y']]);
    }
  });

  it('stops HiGHS where it is at the deadline, and the next solve gets a new thread', async () => {
    await solveLpText(SMALL, { timeLimitSeconds: 5, relativeGap: 0 }); // a loaded, idle thread
    const stopped = await solveLpText(week, { timeLimitSeconds: 0.001, relativeGap: 0 });
    expect(stopped).toMatchObject({
      status: 'NO_SOLUTION',
      solverStatus: 'Time limit reached',
      values: null,
      message: 'HiGHS was stopped at its deadline',
    });
    // terminated after the 0.1 s grace; the margin is for a busy machine
    expect(stopped.seconds).toBeLessThan(1.5);
    const after = await solveLpText(SMALL, { timeLimitSeconds: 5, relativeGap: 0 });
    expect([after.status, after.objective]).toEqual(['OPTIMAL', 7]);
  }, 30_000);
});
