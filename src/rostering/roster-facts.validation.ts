/**
 * Verification-side facts derived from the problem and the assignments alone, written
 * independently of the model builder: the checker and the KPIs use these, never the MILP.
 *
 * Shift, break and rest minutes are REAL minutes from weekStart (week-clock.ts): the
 * assignments' local times are read through the problem's clock, so a shift across a clock
 * change is as long as it really is and covers the slots it really works.
 */
import { addDays, daysBetween, isoDayOfWeek } from '../common/calendar';
import {
  clockToMinutes,
  intervalsPerWeek,
  MINUTES_PER_DAY,
  problemClock,
  weekMinuteReader,
} from './calendar-util';
import type { WeekClock } from './week-clock';
import { breakRulesOf, templatePaidHours } from '../staff/shift-breaks.core';
import { at } from '../common/indexed';
import type { RosterProblem, ShiftTemplate, Staff } from './roster-problem-schema';
import type { RosterAssignment } from './roster.types';

export interface WorkedShift {
  assignment: RosterAssignment;
  staff: Staff | undefined;
  template: ShiftTemplate | undefined;
  /** Day index of the start date relative to weekStart. */
  day: number;
  start: number;
  end: number;
  paidHours: number;
  weekend: boolean;
  /** The assignment's breaks in minutes from weekStart. */
  breaks: { start: number; end: number; paid: boolean }[];
}

/** What the facts of a problem's shifts look up again and again, built once per problem object. */
interface ProblemIndex {
  staff: Map<string, Staff>;
  templates: Map<string, ShiftTemplate>;
  /** Paid hours of a shift of each template. */
  paidHours: Map<ShiftTemplate, number>;
  /** `localIsoToMinute` of the problem's week (date offsets remembered): a WALL minute. */
  minuteOf: (iso: string) => number;
  clock: WeekClock;
  /** ISO day of week of each date met so far. */
  weekdays: Map<string, number>;
  /** Calendar date of each day offset met so far. */
  dates: Map<number, string>;
}

const indexes = new WeakMap<RosterProblem, ProblemIndex>();

function indexOf(problem: RosterProblem): ProblemIndex {
  let l = indexes.get(problem);
  if (!l) {
    l = {
      staff: new Map([...problem.staff].reverse().map((s) => [s.id, s])),
      templates: new Map([...problem.shiftTemplates].reverse().map((t) => [t.id, t])),
      paidHours: new Map(problem.shiftTemplates.map((t) => [t, templatePaidHours(t)])),
      minuteOf: weekMinuteReader(problem.weekStart),
      clock: problemClock(problem),
      weekdays: new Map(),
      dates: new Map(),
    };
    indexes.set(problem, l);
  }
  return l;
}

/** `isoDayOfWeek`, remembered per date of the problem. */
export const weekdayIn = (problem: RosterProblem, date: string): number => weekdayOf(indexOf(problem), date);

function weekdayOf(l: ProblemIndex, date: string): number {
  let dow = l.weekdays.get(date);
  if (dow === undefined) {
    dow = isoDayOfWeek(date);
    l.weekdays.set(date, dow);
  }
  return dow;
}

/** The calendar date `day` days after the problem's weekStart, remembered per offset. */
function dateOf(problem: RosterProblem, l: ProblemIndex, day: number): string {
  let date = l.dates.get(day);
  if (date === undefined) {
    date = addDays(problem.weekStart, day);
    l.dates.set(day, date);
  }
  return date;
}

/**
 * Real minute of a local time. A time of a repeated hour has two passes: the one inside
 * [from, to] when only one is, else the one nearest `near` (a shift's end is next to its
 * start + duration); a skipped time reads as the instant the clocks jump.
 */
function realOf(l: ProblemIndex, iso: string, near?: number, from = -Infinity, to = Infinity): number {
  const wall = l.minuteOf(iso);
  if (!l.clock.changes) return wall;
  const passes = l.clock.passes(wall);
  if (passes.length === 0) return l.clock.toReal(wall);
  const inside = passes.filter((p) => from <= p && p <= to);
  if (inside.length === 1) return at(inside, 0);
  if (near === undefined) return at(passes, 0);
  return passes.reduce((best, p) => (Math.abs(p - near) < Math.abs(best - near) ? p : best));
}

export function workedShift(problem: RosterProblem, a: RosterAssignment): WorkedShift {
  const l = indexOf(problem);
  const staff = l.staff.get(a.staffId);
  const template = l.templates.get(a.shiftTemplateId);
  const start = realOf(l, a.start);
  const end = realOf(l, a.end, template ? start + template.durationMinutes : undefined, start);
  const rules = template ? breakRulesOf(template) : [];
  return {
    assignment: a,
    staff,
    template,
    day: daysBetween(problem.weekStart, a.date),
    start,
    end,
    paidHours: template ? (l.paidHours.get(template) ?? 0) : 0,
    weekend: weekdayOf(l, a.date) >= 6,
    breaks: (a.breaks ?? []).map((b, j) => {
      const rule = rules[j];
      const bStart = rule
        ? realOf(
            l,
            b.start,
            start + rule.earliestStartMinutes,
            start + rule.earliestStartMinutes,
            start + rule.latestStartMinutes,
          )
        : realOf(l, b.start, undefined, start, end);
      return {
        start: bStart,
        end: realOf(l, b.end, bStart + (rule?.durationMinutes ?? 0), bStart),
        paid: b.paid,
      };
    }),
  };
}

/** The worked facts of every assignment, in order (share them between checks, KPIs and coverage). */
export const workedShifts = (
  problem: RosterProblem,
  assignments: readonly RosterAssignment[],
): WorkedShift[] => assignments.map((a) => workedShift(problem, a));

/** Minutes actually worked inside [from, to): on shift and not on one of its breaks. */
export function minutesWorked(shift: WorkedShift, from: number, to: number): number {
  if (!shift.template) return 0;
  // a plain loop (coverage calls this per shift and interval): the same sum, in the same order
  let onBreak = 0;
  for (const b of shift.breaks)
    onBreak += overlapOf(Math.max(b.start, shift.start), Math.min(b.end, shift.end), from, to);
  return overlapOf(shift.start, shift.end, from, to) - onBreak;
}

/** Minutes [a, b) and [from, to) share. */
const overlapOf = (a: number, b: number, from: number, to: number): number =>
  Math.max(0, Math.min(b, to) - Math.max(a, from));

/**
 * Adds to `row` (one value per interval of `size` minutes) the share of each interval that
 * [start, end) touches: `minutes(from, to)` of the interval [from, to), over its length.
 */
function addSpan(
  row: number[],
  size: number,
  start: number,
  end: number,
  minutes: (from: number, to: number) => number,
): void {
  for (let i = Math.max(0, Math.floor(start / size)); i < row.length && i * size < end; i++) {
    row[i] = at(row, i) + minutes(i * size, (i + 1) * size) / size;
  }
}

/** One row of zeros per required skill; `add` puts each shift of that skill into its row. */
function perSkillIntervals(
  problem: RosterProblem,
  shifts: WorkedShift[],
  add: (row: number[], shift: WorkedShift, size: number) => void,
): Map<string, number[]> {
  const size = problem.intervalMinutes;
  const n = intervalsPerWeek(size);
  const out = new Map<string, number[]>();
  for (const r of problem.requirements) out.set(r.skill, new Array<number>(n).fill(0));
  for (const s of shifts) {
    const row = out.get(s.assignment.skill);
    if (row) add(row, s, size);
  }
  return out;
}

/** Adds `sign` × the share of each wall slot that real [start, end) works (a week with a clock change). */
function addReal(
  row: number[],
  clock: WeekClock,
  size: number,
  start: number,
  end: number,
  sign: number,
): void {
  for (const { interval, fraction } of clock.shares(start, end, size))
    row[interval] = at(row, interval) + sign * fraction;
}

/** Agents on break per skill and interval (fractional where a break covers part of one). */
export function breaksBySkill(problem: RosterProblem, shifts: WorkedShift[]): Map<string, number[]> {
  const clock = problemClock(problem);
  return perSkillIntervals(problem, shifts, (row, s, size) => {
    for (const b of s.breaks) {
      if (clock.changes) addReal(row, clock, size, b.start, b.end, 1);
      else addSpan(row, size, b.start, b.end, (from, to) => Math.min(b.end, to) - Math.max(b.start, from));
    }
  });
}

/**
 * Agents present per skill and interval (fractional where a shift covers part of one). Across
 * a clock change a slot's share is of its real length: none in a skipped hour, both passes
 * of a repeated one.
 */
export function coverageBySkill(problem: RosterProblem, shifts: WorkedShift[]): Map<string, number[]> {
  const clock = problemClock(problem);
  return perSkillIntervals(problem, shifts, (row, s, size) => {
    if (!clock.changes) {
      addSpan(row, size, s.start, s.end, (from, to) => minutesWorked(s, from, to));
      return;
    }
    if (!s.template) return;
    addReal(row, clock, size, s.start, s.end, 1);
    for (const b of s.breaks)
      addReal(row, clock, size, Math.max(b.start, s.start), Math.min(b.end, s.end), -1);
  });
}

/** Whether a person's weekly pattern (minus unavailable dates) covers [start, end) without a gap. */
export function coversAvailability(
  problem: RosterProblem,
  staff: Staff,
  start: number,
  end: number,
): boolean {
  const blocked = staff.unavailableDates ?? [];
  const l = indexOf(problem);
  // walks real time window by window; windows are wall-clock, read through the week clock
  let t = start;
  while (t < end) {
    const wall = l.clock.toWall(t);
    const day = Math.floor(wall / MINUTES_PER_DAY);
    const date = dateOf(problem, l, day);
    if (blocked.includes(date)) return false;
    const dow = weekdayOf(l, date);
    const minute = wall - day * MINUTES_PER_DAY;
    const window = staff.availability.find(
      (w) => w.dayOfWeek === dow && clockToMinutes(w.from) <= minute && minute < clockToMinutes(w.to),
    );
    if (!window) return false;
    const windowEnd = day * MINUTES_PER_DAY + clockToMinutes(window.to);
    // the window's end after t (a repeated hour shows its end twice)
    const next = l.clock.passes(windowEnd).find((p) => p > t) ?? l.clock.toReal(windowEnd);
    if (next <= t) return false;
    t = next;
  }
  return true;
}

export const preferenceMissReasons = (staff: Staff, shift: WorkedShift): string[] => {
  const p = staff.preferences;
  if (!p) return [];
  const dow = isoDayOfWeek(shift.assignment.date);
  const id = shift.assignment.shiftTemplateId;
  const reasons: string[] = [];
  if (p.undesiredDays?.includes(dow)) reasons.push(`undesired day ${dow}`);
  else if (p.desiredDays && !p.desiredDays.includes(dow)) reasons.push(`day ${dow} not desired`);
  if (p.undesiredShifts?.includes(id)) reasons.push(`undesired shift ${id}`);
  else if (p.desiredShifts && !p.desiredShifts.includes(id)) reasons.push(`shift ${id} not desired`);
  return reasons;
};
