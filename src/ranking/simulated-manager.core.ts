/**
 * A simulated site and manager for the demo history, the Done-when test and the benchmark.
 * Pure and seeded. The manager edits every optimised roster by five hidden habits (stated
 * nowhere in the data), each applied with probability `HABIT_PROBABILITY`, plus random noise:
 *
 * 1. Friday close: agent `s03` never works the late shift (L) on Fridays (moved to E).
 * 2. Leads apart: the two team leads (`s01`, `s02`) never work the same shift on the same day
 *    (`s02` is moved to another template).
 * 3. Steady starters: in their first 6 weeks, new starters keep one start time all week (every
 *    shift is moved to the template of their first shift of the week).
 * 4. Part-time Sundays: part-timers (`s04`, `s05`) do not close on Sundays (L moved to M).
 * 5. Favourites: `s06` and `s07` work the middle shift, `s08` the early one, whatever they
 *    stated (`s06` states E) — moved with probability 0.8.
 *
 * Noise: any other shift is moved to a random other template with probability `NOISE`.
 */
import { addDays } from '../common/calendar';
import { at } from '../common/indexed';
import { mulberry32 } from '../common/random';
import type { RosterProblemInput } from '../rostering/roster-problem-schema';
import type { LabelledShift } from './ranking-label.core';

export const DEMO_FIRST_WEEK = '2025-01-06';
export const TEMPLATE_IDS = ['E', 'M', 'L'] as const;
export const HABIT_PROBABILITY = 0.9;
export const NOISE = 0.02;
const FAVOURITE_PROBABILITY = 0.8;
const STEADY_WEEKS = 6;

export interface DemoStaff {
  id: string;
  teamLead: boolean;
  partTime: boolean;
  /** Week index of the first week the person is rostered. */
  hireWeek: number;
  hourlyCost: number;
  preferences?: { desiredShifts?: string[]; undesiredDays?: number[] };
}

export interface ManagerMove {
  staffId: string;
  date: string;
  fromTemplateId: string;
  toShiftTemplateId: string;
  habit: 'FRIDAY_CLOSE' | 'LEADS_APART' | 'STEADY_STARTER' | 'PART_TIME_SUNDAY' | 'FAVOURITE' | 'NOISE';
}

const person = (n: number, extra: Partial<DemoStaff> = {}): DemoStaff => ({
  id: `s${String(n).padStart(2, '0')}`,
  teamLead: false,
  partTime: false,
  hireWeek: -100,
  hourlyCost: 20,
  ...extra,
});

/** The 14 agents of the demo site (two join during the history: weeks 14 and 27). */
export function demoStaff(): DemoStaff[] {
  return [
    person(1, { teamLead: true, hourlyCost: 25 }),
    person(2, { teamLead: true, hourlyCost: 25 }),
    person(3),
    person(4, { partTime: true }),
    person(5, { partTime: true }),
    person(6, { preferences: { desiredShifts: ['E'] } }),
    person(7),
    person(8),
    person(9, { preferences: { desiredShifts: ['L'] } }),
    person(10, { preferences: { undesiredDays: [6, 7] } }),
    person(11),
    person(12),
    person(13, { hireWeek: 14 }),
    person(14, { hireWeek: 27 }),
  ];
}

export const demoWeek = (index: number): string => addDays(DEMO_FIRST_WEEK, 7 * index);

/** Agents per hour from 07:00 to 21:00 on a weekday. */
const DAY_SHAPE = [3, 3, 3, 5, 5, 5, 6, 6, 5, 5, 4, 3, 3, 3];

/** The roster problem of week `index` (hourly intervals, one skill, E/M/L eight-hour shifts). */
export function demoProblem(index: number, seed = 17): RosterProblemInput {
  const rng = mulberry32(seed * 1000 + index);
  const staff = demoStaff().filter((s) => s.hireWeek <= index);
  const values: number[] = [];
  for (let day = 0; day < 7; day++) {
    const level = (day >= 5 ? 0.6 : 1) * (0.9 + 0.2 * rng());
    for (let hour = 0; hour < 24; hour++) {
      const v = hour >= 7 && hour < 21 ? at(DAY_SHAPE, hour - 7) : 0;
      values.push(Math.round(v * level));
    }
  }
  return {
    weekStart: demoWeek(index),
    intervalMinutes: 60,
    staff: staff.map((s) => ({
      id: s.id,
      skills: s.teamLead ? ['voice', 'lead'] : ['voice'],
      hourlyCost: s.hourlyCost,
      minHoursWeek: s.partTime ? 16 : 24,
      maxHoursWeek: s.partTime ? 24 : 40,
      maxDaysWeek: s.partTime ? 3 : 5,
      availability: [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '00:00', to: '24:00' })),
      ...(s.preferences ? { preferences: s.preferences } : {}),
    })),
    shiftTemplates: TEMPLATE_IDS.map((id, i) => ({
      id,
      start: at(['07:00', '10:00', '13:00'], i),
      durationMinutes: 480,
      breakMinutes: 0,
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
      skills: ['voice'],
    })),
    requirements: [{ skill: 'voice', values }],
    options: {
      minRestHours: 10,
      timeLimitSeconds: 10,
      relativeGap: 0.001,
      penalties: { contractDeviation: 0 },
    },
  };
}

const dayIndex = (weekStart: string, date: string): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`)) / 86_400_000);

/** The manager's edits to a roster of week `index` (seeded per week and `seed`). */
export function managerEdits(index: number, roster: LabelledShift[], seed = 17): ManagerMove[] {
  const rng = mulberry32(seed * 7919 + index * 31 + 1);
  const staff = new Map(demoStaff().map((s) => [s.id, s]));
  const week = demoWeek(index);
  const current = new Map(roster.map((a) => [`${a.staffId}|${a.date}`, a.shiftTemplateId]));
  const moves: ManagerMove[] = [];
  const move = (staffId: string, date: string, to: string, habit: ManagerMove['habit'], p: number): void => {
    const from = current.get(`${staffId}|${date}`);
    if (from === undefined || from === to || rng() >= p) return;
    current.set(`${staffId}|${date}`, to);
    moves.push({ staffId, date, fromTemplateId: from, toShiftTemplateId: to, habit });
  };
  const sorted = [...roster].sort(
    (a, b) => a.date.localeCompare(b.date) || a.staffId.localeCompare(b.staffId),
  );
  for (const a of sorted) {
    const s = staff.get(a.staffId);
    const day = dayIndex(week, a.date);
    if (!s) continue;
    if (s.id === 's03' && day === 4 && current.get(`${a.staffId}|${a.date}`) === 'L')
      move(s.id, a.date, 'E', 'FRIDAY_CLOSE', HABIT_PROBABILITY);
    if (s.partTime && day === 6 && current.get(`${a.staffId}|${a.date}`) === 'L')
      move(s.id, a.date, 'M', 'PART_TIME_SUNDAY', HABIT_PROBABILITY);
    const favourite = s.id === 's06' || s.id === 's07' ? 'M' : s.id === 's08' ? 'E' : null;
    if (favourite) move(s.id, a.date, favourite, 'FAVOURITE', FAVOURITE_PROBABILITY);
  }
  for (const s of staff.values()) {
    if (index - s.hireWeek < 0 || index - s.hireWeek >= STEADY_WEEKS) continue;
    const [head, ...rest] = sorted.filter((a) => a.staffId === s.id);
    const first = head && current.get(`${s.id}|${head.date}`);
    if (first === undefined) continue;
    for (const a of rest) move(s.id, a.date, first, 'STEADY_STARTER', HABIT_PROBABILITY);
  }
  for (let day = 0; day < 7; day++) {
    const date = addDays(week, day);
    const a = current.get(`s01|${date}`);
    const b = current.get(`s02|${date}`);
    if (a !== undefined && a === b)
      move('s02', date, a === 'E' ? 'M' : 'E', 'LEADS_APART', HABIT_PROBABILITY);
  }
  const touched = new Set(moves.map((m) => `${m.staffId}|${m.date}`));
  for (const a of sorted) {
    if (touched.has(`${a.staffId}|${a.date}`) || rng() >= NOISE) continue;
    const others = TEMPLATE_IDS.filter((t) => t !== a.shiftTemplateId);
    move(a.staffId, a.date, at(others, Math.floor(rng() * others.length)), 'NOISE', 1);
  }
  return moves;
}

/** The roster after the manager's moves (same person and day, another template). */
export function applyMoves(roster: LabelledShift[], moves: ManagerMove[]): LabelledShift[] {
  const to = new Map<string, string>();
  for (const m of moves) to.set(`${m.staffId}|${m.date}`, m.toShiftTemplateId);
  return roster.map((a) => ({
    ...a,
    shiftTemplateId: to.get(`${a.staffId}|${a.date}`) ?? a.shiftTemplateId,
  }));
}
