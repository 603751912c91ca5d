import { generateRosterInstance } from '../../../bench/roster-instances';
import { greedyRoster } from '../../../src/rostering/greedy.heuristic';
import { checkRoster } from '../../../src/rostering/roster.checker';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { shiftsToAssignments } from '../../../src/rostering/roster-solution.model';
import { enumerateCandidates } from '../../../src/rostering/shift-candidates.model';
import { demand, person, problem } from './roster.fixtures';

describe('greedyRoster', () => {
  it('builds a rule-respecting roster on a generated 30-staff week', () => {
    const p = parseRosterProblem(generateRosterInstance({ staff: 30, seed: 9 }));
    const candidates = enumerateCandidates(p);
    const roster = shiftsToAssignments(p, { candidates }, greedyRoster(p, candidates).shifts);
    expect(roster.length).toBeGreaterThan(50);
    expect(checkRoster(p, roster).violations).toEqual([]);
  });

  it('respects rest, previous-week rest and reaches minimum hours', () => {
    const p = parseRosterProblem(
      problem({
        staff: [
          person('a', 10, { minHoursWeek: 16, previousWeek: { lastShiftEnd: '2025-03-02T23:00' } }),
          person('b', 30),
        ],
        requirements: [
          {
            skill: 'calls',
            values: demand([
              { day: 0, from: 6, to: 22, n: 1 },
              { day: 1, from: 6, to: 14, n: 1 },
            ]),
          },
        ],
      }),
    );
    const candidates = enumerateCandidates(p);
    const roster = shiftsToAssignments(p, { candidates }, greedyRoster(p, candidates).shifts);
    expect(checkRoster(p, roster).violations).toEqual([]);
    expect(roster.filter((a) => a.staffId === 'a').length).toBeGreaterThanOrEqual(2);
  });
});
