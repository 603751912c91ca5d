/**
 * A worker thread's roster warm-up (workers/thread-warm-up.ts): one week shaped like the demo
 * site's solved through the task entry, so the thread has compiled the solve's JavaScript
 * (validation, candidates, greedy roster, model builder, checker) and started its own HiGHS
 * thread (milp/highs-thread.ts: kept idle, then reused) before the first `generateRoster`.
 * HiGHS runs there in an isolate of its own, whose WebAssembly compiles as its code paths run:
 * cold, the demo week's first solve in a thread took 0.9–2.1 s more CPU than the next one (same
 * model, same answer), after the pool's other warm-up steps.
 *
 * The week must look like a real one: the demo's templates, skills and rules, tight enough that
 * the greedy roster is not already optimal. The demo week's first solve against its second, in
 * CPU seconds, after the other steps and: nothing more, +0.9–2.1; 20 of the demo's people,
 * +0.9–1.3; 30, +0.4–1.3; all 150 stopped at 2 s, +0.6–0.8; this week (50 people, HiGHS down to
 * a 5 % gap; 3.0–4.1 s and 3.3–3.8 s of CPU once per thread), −0.3 to +0.4.
 */
import type { RosterProblem } from './roster-problem-schema';
import { solveRosterTask } from './solve.task';

/** A winter Monday: no daylight-saving change in the week. */
const WEEK = '2026-01-05';
const DAYS = 7;
const SLOTS_A_DAY = 96;

const weekdays = [1, 2, 3, 4, 5];
const lunchBreak = [{ durationMinutes: 30, paid: false, earliestStartMinutes: 165, latestStartMinutes: 285 }];

/** The demo site's templates: full days with a lunch break, part-time halves, Saturdays. */
const TEMPLATES: RosterProblem['shiftTemplates'] = [
  ['early', '08:00', 480, weekdays, ['calls', 'emails', 'outbound']],
  ['part-time-morning', '08:00', 240, weekdays, ['calls', 'emails']],
  ['day', '09:00', 480, weekdays, ['calls', 'emails', 'outbound']],
  ['saturday', '09:00', 480, [6], ['calls']],
  ['middle', '10:00', 480, weekdays, ['calls', 'emails', 'outbound']],
  ['saturday-midday', '11:00', 240, [6], ['calls']],
  ['late', '12:00', 480, weekdays, ['calls', 'emails']],
  ['part-time-afternoon', '16:00', 240, weekdays, ['calls', 'emails']],
].map(([name, start, durationMinutes, daysOfWeek, skills]) => ({
  id: `template-${String(name)}`,
  start: start as string,
  durationMinutes: durationMinutes as number,
  breakMinutes: 0,
  breaks: durationMinutes === 480 ? lunchBreak : [],
  daysOfWeek: daysOfWeek as number[],
  skills: skills as string[],
}));

const SKILL_MIX = [
  ['calls'],
  ['calls', 'emails'],
  ['calls'],
  ['calls', 'emails'],
  ['emails', 'outbound'],
  ['calls', 'outbound'],
  ['calls'],
  ['calls', 'emails'],
  ['team_lead', 'calls', 'emails'],
  ['emails'],
];

const window = (days: number[], from: string, to: string) =>
  days.map((dayOfWeek) => ({ dayOfWeek, from, to }));

/** Availability patterns of the demo's full-timers. */
const AVAILABILITY = [
  window(weekdays, '08:00', '18:00'),
  [...window(weekdays, '10:00', '20:00'), ...window([6], '09:00', '17:00')],
  window([...weekdays, 6], '08:00', '20:00'),
  [...window([1, 2, 3, 4], '08:00', '20:00'), ...window([6], '09:00', '17:00')],
  window(weekdays, '08:00', '20:00'),
];

const STAFF_COUNT = 50;

function person(i: number): RosterProblem['staff'][number] {
  const partTime = i % 10 === 9;
  return {
    id: `warm-up-${i}`,
    skills: SKILL_MIX[i % SKILL_MIX.length],
    hourlyCost: 16 + (i % 12) * 0.25,
    minHoursWeek: partTime ? 12 : 30,
    maxHoursWeek: partTime ? 20 : 37.5,
    maxDaysWeek: partTime ? 4 : 5,
    maxConsecutiveDays: partTime ? 4 : 5,
    availability: partTime ? window([1, 2, 3, 4], '08:00', '14:00') : AVAILABILITY[i % AVAILABILITY.length],
    unavailableDates: ['2026-01-11'],
    ...(i % 4 === 0 ? { preferences: { desiredShifts: ['template-early'] } } : {}),
  };
}

/** Agents a skill needs at `hour` (fractional) of day `day` (0 = Monday). */
type Curve = (day: number, hour: number) => number;

const bump = (hour: number, at: number): number => Math.exp(-(((hour - at) / 1.5) ** 2));
const open = (hour: number, from: number, to: number): boolean => hour >= from && hour < to;

/** Calls peak mid-morning and mid-afternoon, weekdays 08–20 and Saturdays 09–17, busiest on Monday. */
const calls: Curve = (day, hour) => {
  if (day < 5 && open(hour, 8, 20))
    return (5 + 31 * bump(hour, 10.5) + 23 * bump(hour, 15)) * (1 - 0.06 * day);
  if (day === 5 && open(hour, 9, 17)) return 5 + 11 * bump(hour, 11);
  return 0;
};
/** Emails, weekdays 08–18: Monday morning's backlog, then a steady trickle. */
const emails: Curve = (day, hour) => (day < 5 && open(hour, 8, 18) ? (day === 0 && hour < 12 ? 23 : 5) : 0);
/** Outbound, Monday to Thursday 09–17. */
const outbound: Curve = (day, hour) => (day < 4 && open(hour, 9, 17) ? 1 + (day % 2) : 0);

const values = (curve: Curve): number[] =>
  Array.from({ length: DAYS * SLOTS_A_DAY }, (_, s) =>
    Math.round(curve(Math.floor(s / SLOTS_A_DAY), (s % SLOTS_A_DAY) / 4)),
  );

/** The warm-up week: 50 people, 3 skills, the demo's templates and rules. */
export const WARM_UP_ROSTER: RosterProblem = {
  weekStart: WEEK,
  timeZone: 'Europe/London',
  intervalMinutes: 15,
  staff: Array.from({ length: STAFF_COUNT }, (_, i) => person(i)),
  shiftTemplates: TEMPLATES,
  requirements: [
    { skill: 'calls', values: values(calls) },
    { skill: 'emails', values: values(emails) },
    { skill: 'outbound', values: values(outbound) },
  ],
  options: {
    minRestHours: 11,
    // HiGHS runs its search (presolve, cuts, heuristics, branching) down to this gap
    relativeGap: 0.05,
    timeLimitSeconds: 20,
    penalties: {
      underCover: 1000,
      overCover: 1,
      contractDeviation: 2,
      weekendFairness: 20,
      preference: 5,
      minHoursShortfall: 500,
    },
  },
};

/** Solves the warm-up week once (throws when it finds no roster: the warm-up logs it). */
export async function warmRosterSolver(problem: unknown = WARM_UP_ROSTER): Promise<void> {
  const result = await solveRosterTask({ problem });
  if (result.status !== 'OPTIMAL' && result.status !== 'FEASIBLE')
    throw new Error(`roster ${result.status}: ${result.message ?? 'no roster'}`);
}
