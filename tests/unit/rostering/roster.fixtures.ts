/** Small hand-made roster problems for the rostering tests (60-minute intervals). */
import { solveLpText } from '../../../src/rostering/milp/highs.adapter';
import { writeLp } from '../../../src/rostering/milp/lp-writer';
import { checkRoster } from '../../../src/rostering/roster.validation';
import { buildRosterModel, type BuildOptions } from '../../../src/rostering/milp/roster-model';
import { parseRosterProblem } from '../../../src/rostering/roster-problem.validation';
import type { RosterProblem, RosterProblemInput } from '../../../src/rostering/roster-problem-schema';
import type { RosterAssignment } from '../../../src/rostering/roster.types';
import { shiftsToAssignments, solutionShifts } from '../../../src/rostering/milp/roster-solution';

export const WEEK = '2025-03-03';
type StaffInput = RosterProblemInput['staff'][number];

/** A person available every day 00:00–24:00 with generous limits. */
export function person(id: string, hourlyCost: number, extra: Partial<StaffInput> = {}): StaffInput {
  return {
    id,
    skills: ['calls'],
    hourlyCost,
    minHoursWeek: 0,
    maxHoursWeek: 60,
    maxDaysWeek: 7,
    availability: [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
    ...extra,
  };
}

/** Hourly requirement values: `n` agents on day `day` (0 = Monday) from `from` to `to` hours. */
export function demand(blocks: { day: number; from: number; to: number; n: number }[]): number[] {
  const values = new Array<number>(7 * 24).fill(0);
  for (const b of blocks) for (let h = b.from; h < b.to; h++) values[b.day * 24 + h] = b.n;
  return values;
}

/** Defaults: one skill `calls`, templates early 06–14, day 08–16, late 14–22 every day, no soft penalties. */
export function problem(overrides: Partial<RosterProblemInput> = {}): RosterProblemInput {
  const every = [1, 2, 3, 4, 5, 6, 7];
  return {
    weekStart: WEEK,
    intervalMinutes: 60,
    staff: [person('a', 10)],
    shiftTemplates: [
      {
        id: 'early',
        start: '06:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: every,
        skills: ['calls'],
      },
      {
        id: 'day',
        start: '08:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: every,
        skills: ['calls'],
      },
      {
        id: 'late',
        start: '14:00',
        durationMinutes: 480,
        breakMinutes: 0,
        daysOfWeek: every,
        skills: ['calls'],
      },
    ],
    requirements: [{ skill: 'calls', values: demand([]) }],
    options: {
      timeLimitSeconds: 10,
      relativeGap: 0,
      penalties: { contractDeviation: 0, weekendFairness: 0, preference: 0 },
    },
    ...overrides,
  };
}

export interface ModelRun {
  problem: RosterProblem;
  assignments: RosterAssignment[];
  objective: number | null;
  violations: ReturnType<typeof checkRoster>['violations'];
  warnings: ReturnType<typeof checkRoster>['warnings'];
}

/** Builds (optionally without some families), solves with HiGHS and checks the roster. */
export async function solveModel(input: RosterProblemInput, options: BuildOptions = {}): Promise<ModelRun> {
  const p = parseRosterProblem(input);
  const model = buildRosterModel(p, options);
  const solution = await solveLpText(writeLp(model.milp), { timeLimitSeconds: 10, relativeGap: 0 });
  if (solution.status !== 'OPTIMAL') throw new Error(`expected OPTIMAL, got ${solution.status}`);
  const assignments = shiftsToAssignments(
    p,
    model,
    solutionShifts(model, (col) => solution.values![col]),
  );
  return { problem: p, assignments, objective: solution.objective, ...checkRoster(p, assignments) };
}

export const rules = (run: ModelRun): string[] => [...new Set(run.violations.map((v) => v.rule))].sort();
export const who = (run: ModelRun): string[] =>
  run.assignments.map((a) => `${a.staffId}@${a.date}:${a.shiftTemplateId}`).sort();
