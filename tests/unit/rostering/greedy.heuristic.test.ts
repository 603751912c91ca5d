import { generateRosterInstance } from '../../../bench/roster-instances';
import { replanPerson } from '../../../src/rostering/heuristics/greedy-improve';
import { GreedyState } from '../../../src/rostering/heuristics/greedy-state';
import { greedyRoster } from '../../../src/rostering/heuristics/greedy';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { shiftsToAssignments } from '../../../src/rostering/milp/roster-solution';
import { enumerateCandidates } from '../../../src/rostering/milp/shift-candidates';
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

describe('greedy repair of contract minimums', () => {
  const shortAndLong = problem({
    staff: [person('a', 10, { minHoursWeek: 16, maxDaysWeek: 2 })],
    shiftTemplates: [
      { id: 'early', start: '06:00', durationMinutes: 480, daysOfWeek: [1, 2, 3], skills: ['calls'] },
      { id: 'short', start: '08:00', durationMinutes: 240, daysOfWeek: [1, 2, 3], skills: ['calls'] },
    ],
    requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 12, n: 1 }]) }],
  });

  it('re-plans a week stuck below its minimum (two short shifts, days used up) into one that meets it', () => {
    const p = parseRosterProblem(shortAndLong);
    const candidates = enumerateCandidates(p);
    const state = new GreedyState(p, candidates);
    const short = (day: number) =>
      candidates.findIndex(
        (c) => c.shift.day === day && p.shiftTemplates[c.shift.templateIndex].id === 'short',
      );
    state.add(short(0));
    state.add(short(1));
    expect(state.paidHours(0)).toBe(8);
    expect(state.canAdd(candidates.findIndex((c) => c.shift.day === 2))).toBe(false);
    expect(replanPerson(state, 0, 0)).toBe(true);
    expect(state.paidHours(0)).toBe(16);
  });

  it('meets every minimum on generated weeks, and reports who cannot be helped', () => {
    for (const seed of [21, 22, 23]) {
      const p = parseRosterProblem(generateRosterInstance({ staff: 40, seed, load: 0.6 }));
      const candidates = enumerateCandidates(p);
      const g = greedyRoster(p, candidates);
      expect(g.issues).toEqual([]);
      expect(checkRoster(p, shiftsToAssignments(p, { candidates }, g.shifts)).violations).toEqual([]);
    }
    const stuck = parseRosterProblem(
      problem({
        staff: [
          person('a', 10, {
            minHoursWeek: 16,
            maxConsecutiveDays: 1,
            availability: [1, 2].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
          }),
        ],
      }),
    );
    const g = greedyRoster(stuck, enumerateCandidates(stuck));
    expect(g.issues.map((i) => i.staffId)).toEqual(['a']);
    expect(g.issues[0]).toMatchObject({ code: 'MIN_HOURS_UNREACHABLE', minHoursWeek: 16, reachableHours: 8 });
    expect(g.issues[0].reason).toMatch(/^a: the greedy roster reaches 8 h of the minimum 16 h this week/);
  });
});
