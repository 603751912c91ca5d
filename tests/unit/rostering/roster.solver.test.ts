import { generateRosterInstance } from '../../../bench/roster-instances';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { rosterObjective } from '../../../src/rostering/roster-kpi';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import { solveRoster } from '../../../src/rostering/roster-solver';
import type { RosterProgress } from '../../../src/rostering/roster.types';
import { demand, person, problem } from './roster.fixtures';

const monday = (from: string, to: string) => [{ dayOfWeek: 1, from, to }];

describe('solveRoster', () => {
  it('finds the hand-checked cheapest cover: a late (40) + b early (48) = 88', async () => {
    const p = problem({
      staff: [
        person('a', 10, { availability: monday('08:00', '16:00') }),
        person('b', 12, { availability: monday('08:00', '12:00') }),
        person('c', 20, { availability: monday('08:00', '16:00') }),
      ],
      shiftTemplates: [
        {
          id: 'am',
          start: '08:00',
          durationMinutes: 240,
          breakMinutes: 0,
          daysOfWeek: [1],
          skills: ['calls'],
        },
        {
          id: 'pm',
          start: '12:00',
          durationMinutes: 240,
          breakMinutes: 0,
          daysOfWeek: [1],
          skills: ['calls'],
        },
      ],
      requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
    });
    const progress: RosterProgress[] = [];
    const r = await solveRoster(p, { onProgress: (e) => progress.push(e) });
    expect(r.status).toBe('OPTIMAL');
    expect(r.heuristic).toBe(false);
    expect(r.objective).toBeCloseTo(88, 6);
    expect(r.bound).toBeCloseTo(88, 6);
    expect(r.gap).toBe(0);
    expect(r.assignments).toEqual([
      {
        staffId: 'a',
        date: '2025-03-03',
        shiftTemplateId: 'pm',
        start: '2025-03-03T12:00:00',
        end: '2025-03-03T16:00:00',
        skill: 'calls',
        breaks: [],
      },
      {
        staffId: 'b',
        date: '2025-03-03',
        shiftTemplateId: 'am',
        start: '2025-03-03T08:00:00',
        end: '2025-03-03T12:00:00',
        skill: 'calls',
        breaks: [],
      },
    ]);
    expect(r.violations).toEqual([]);
    expect(r.kpis!.labourCost).toBe(88);
    expect(r.kpis!.skills[0].coveragePercent).toBe(100);
    expect(progress.map((e) => e.phase)).toEqual(
      expect.arrayContaining(['validate', 'build', 'solve', 'done']),
    );
  });

  it('prices a roster the same way as the MILP objective (all penalties on)', async () => {
    const input = problem({
      staff: [
        person('a', 10, { preferences: { undesiredDays: [6] }, maxHoursWeek: 24 }),
        person('b', 11, { targetHoursWeek: 16, skills: ['calls', 'chat'] }),
        person('c', 14, { skills: ['chat'] }),
      ],
      shiftTemplates: [
        {
          id: 'brk',
          start: '08:00',
          durationMinutes: 510,
          breakMinutes: 30,
          daysOfWeek: [1, 6, 7],
          skills: ['calls', 'chat'],
        },
        {
          id: 'short',
          start: '12:00',
          durationMinutes: 240,
          breakMinutes: 0,
          daysOfWeek: [1, 6, 7],
          skills: ['calls'],
        },
      ],
      requirements: [
        { skill: 'calls', values: demand([0, 5, 6].map((day) => ({ day, from: 8, to: 17, n: 1 }))) },
        { skill: 'chat', values: demand([{ day: 0, from: 9, to: 12, n: 1 }]) },
      ],
      options: { timeLimitSeconds: 10, relativeGap: 0 },
    });
    const r = await solveRoster(input);
    expect(r.status).toBe('OPTIMAL');
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(rosterObjective(parseRosterProblem(input), r.assignments)).toBeCloseTo(r.objective!, 4);
  });

  it('reports INFEASIBLE with the person whose minimum hours exceed their available shifts', async () => {
    const p = problem({
      staff: [person('s12', 10, { minHoursWeek: 30, availability: monday('00:00', '24:00') })],
    });
    const r = await solveRoster(p);
    expect(r.status).toBe('INFEASIBLE');
    expect(r.assignments).toEqual([]);
    expect(r.diagnosis!.staff).toEqual([
      {
        staffId: 's12',
        code: 'MIN_HOURS_ABOVE_SHIFTS',
        minHoursWeek: 30,
        reachableHours: 8,
        reason:
          's12: minimum 30 h this week exceeds the 8 h they can work (shifts fit Mon 8 h; at most 7 days, 60 h)',
      },
    ]);
  });

  it('diagnoses infeasibility the solver proves (minimum hours vs consecutive days)', async () => {
    const p = problem({
      staff: [
        person('a', 10, {
          minHoursWeek: 16,
          maxConsecutiveDays: 1,
          availability: [1, 2].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
        }),
      ],
    });
    const r = await solveRoster(p);
    expect(r.status).toBe('INFEASIBLE');
    expect(r.solverStatus).toBe('Infeasible');
    expect(r.diagnosis!.staff.map((s) => s.staffId)).toEqual(['a']);
    expect(r.diagnosis!.staff[0]).toMatchObject({
      code: 'MIN_HOURS_UNREACHABLE',
      minHoursWeek: 16,
      reachableHours: 8,
    });
    expect(r.diagnosis!.staff[0].reason).toContain('best found 8 h');
  });

  it('lists requirement nobody can cover, with the reason', async () => {
    const values = demand([{ day: 1, from: 6, to: 7, n: 2 }]);
    const p = problem({
      staff: [person('a', 10)],
      shiftTemplates: [
        {
          id: 'e',
          start: '06:00',
          durationMinutes: 480,
          breakMinutes: 0,
          daysOfWeek: [1, 2, 3],
          skills: ['calls', 'emails'],
        },
      ],
      requirements: [
        { skill: 'calls', values: demand([{ day: 0, from: 6, to: 8, n: 3 }]) },
        { skill: 'emails', values },
      ],
    });
    const r = await solveRoster(p);
    expect(r.status).toBe('OPTIMAL');
    expect(r.diagnosis!.uncoverable).toEqual([
      {
        skill: 'calls',
        start: '2025-03-03T06:00:00',
        end: '2025-03-03T08:00:00',
        required: 3,
        maxPossible: 1,
        reason: 'at most 1 agents with skill calls can be present on Mon 06:00–Mon 08:00 (required 3)',
      },
      {
        skill: 'emails',
        start: '2025-03-04T06:00:00',
        end: '2025-03-04T07:00:00',
        required: 2,
        maxPossible: 0,
        reason: 'nobody has skill emails on Tue 06:00–Tue 07:00 (required 2)',
      },
    ]);
    expect(r.warnings.some((w) => w.kind === 'UNDER_COVER' && w.message.startsWith('emails Tue 06:00'))).toBe(
      true,
    );
  });

  it('returns a checked roster when the time limit is tiny (0.01 s, 40 staff, 15-minute intervals)', async () => {
    const input = generateRosterInstance({ staff: 40, seed: 11 });
    const r = await solveRoster(input, { timeLimitSeconds: 0.01 });
    expect(['FEASIBLE', 'OPTIMAL']).toContain(r.status);
    expect(r.violations).toEqual([]);
    expect(r.assignments.length).toBeGreaterThan(0);
    expect(checkRoster(parseRosterProblem(input), r.assignments).violations).toEqual([]);
    if (r.heuristic) {
      expect(r.bound).toBeNull();
      expect(r.objective).toBeCloseTo(rosterObjective(parseRosterProblem(input), r.assignments), 6);
    }
  });

  it('heuristicOnly gives a FEASIBLE roster marked heuristic with no bound', async () => {
    const r = await solveRoster(generateRosterInstance({ staff: 20, seed: 5 }), { heuristicOnly: true });
    expect(r.status).toBe('FEASIBLE');
    expect(r.heuristic).toBe(true);
    expect(r.bound).toBeNull();
    expect(r.gap).toBeNull();
    expect(r.violations).toEqual([]);
  });

  it('rejects an invalid problem with BAD_USER_INPUT', async () => {
    await expect(solveRoster({ weekStart: 'x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
