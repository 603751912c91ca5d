/**
 * A large generated roster: `staff` people, always available, five 8.5-hour shifts each with
 * their break placed, on three templates and three skills. Valid by construction (the checker
 * finds no violation), so it can be stored like a solver result. Pure: no store, no server.
 */
import { parseRosterProblem } from '../../src/rostering/roster-problem.validation';
import type { RosterProblem, RosterProblemInput } from '../../src/rostering/roster-problem-schema';
import type { RosterAssignment, RosterResult } from '../../src/rostering/roster.types';
import { candidateAssignment, weekShifts } from '../../src/rostering/milp/shift-candidates';

const SKILL_SETS = [['calls'], ['calls'], ['calls'], ['emails', 'calls'], ['outbound', 'calls']];
const TEMPLATES = [
  { id: 'early', start: '07:00' },
  { id: 'day', start: '09:00' },
  { id: 'late', start: '12:00' },
];

/** Scheduled agents wanted per skill: a day-time hump, a share of the staff at its peak. */
function requirement(share: number, staff: number, size: number): number[] {
  return Array.from({ length: (7 * 1440) / size }, (_, i) => {
    const minute = (i * size) % 1440;
    const open = minute >= 7 * 60 && minute < 20 * 60;
    const hump = Math.sin((Math.PI * (minute - 7 * 60)) / (13 * 60));
    return open ? Math.round(share * staff * 0.6 * hump * 10) / 10 : 0;
  });
}

/** `staff` people, always available, 40 hours on five days of 8.5-hour shifts with a break. */
export function largeProblem(staff: number, week: string): RosterProblem {
  const input: RosterProblemInput = {
    weekStart: week,
    intervalMinutes: 15,
    staff: Array.from({ length: staff }, (_, i) => ({
      id: `big-${String(i).padStart(4, '0')}`,
      name: `Person ${i}`,
      skills: SKILL_SETS[i % SKILL_SETS.length],
      hourlyCost: 18 + (i % 7),
      minHoursWeek: 0,
      maxHoursWeek: 40,
      maxDaysWeek: 5,
      availability: [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
      ...(i % 4 === 0 ? { preferences: { undesiredDays: [7], desiredShifts: ['early'] } } : {}),
    })),
    shiftTemplates: TEMPLATES.map((t) => ({
      ...t,
      durationMinutes: 510,
      breakMinutes: 30,
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      skills: ['calls', 'emails', 'outbound'],
    })),
    requirements: [
      { skill: 'calls', values: requirement(0.6, staff, 15) },
      { skill: 'emails', values: requirement(0.15, staff, 15) },
      { skill: 'outbound', values: requirement(0.15, staff, 15) },
    ],
  };
  return parseRosterProblem(input);
}

/** Five shifts a person (a rotating pair of days off), one template all week, their first skill. */
export function largeRoster(problem: RosterProblem): RosterResult {
  const shifts = weekShifts(problem);
  const assignments: RosterAssignment[] = [];
  problem.staff.forEach((s, staffIndex) => {
    for (let day = 0; day < 7; day++) {
      if ((day + staffIndex) % 7 >= 5) continue;
      const shift = shifts.find((x) => x.day === day && x.templateIndex === staffIndex % TEMPLATES.length);
      if (shift) assignments.push(candidateAssignment(problem, { staffIndex, shift, skill: s.skills[0] }));
    }
  });
  return storableResult(assignments);
}

/** A stored greedy result of these assignments, with nothing else filled in. */
export function storableResult(assignments: RosterAssignment[]): RosterResult {
  return {
    status: 'FEASIBLE',
    solverStatus: null,
    objective: null,
    bound: null,
    gap: null,
    seconds: 0,
    assignments,
    heuristic: true,
    source: 'GREEDY',
    greedyObjective: null,
    milpObjective: null,
    timing: { timeLimitSeconds: 1, phases: [], solverLimitSeconds: null },
    diagnosis: null,
    violations: [],
    warnings: [],
    kpis: null,
    model: null,
    message: null,
  };
}
