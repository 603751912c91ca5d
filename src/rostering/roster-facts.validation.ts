/**
 * Verification-side facts derived from the problem and the assignments alone, written
 * independently of the model builder: the checker and the KPIs use these, never the MILP.
 */
import { addDays, isoDayOfWeek } from '../common/calendar';
import { clockToMinutes, intervalsPerWeek, MINUTES_PER_DAY, weekMinuteReader } from './calendar-util';
import { breakRulesOf, unpaidBreakMinutes } from '../staff/shift-breaks.core';
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
  /** `localIsoToMinute` of the problem's week (date offsets remembered). */
  minuteOf: (iso: string) => number;
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
      paidHours: new Map(
        problem.shiftTemplates.map((t) => [
          t,
          (t.durationMinutes - unpaidBreakMinutes(breakRulesOf(t))) / 60,
        ]),
      ),
      minuteOf: weekMinuteReader(problem.weekStart),
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

export function workedShift(problem: RosterProblem, a: RosterAssignment): WorkedShift {
  const l = indexOf(problem);
  const staff = l.staff.get(a.staffId);
  const template = l.templates.get(a.shiftTemplateId);
  return {
    assignment: a,
    staff,
    template,
    day: l.minuteOf(a.date) / MINUTES_PER_DAY,
    start: l.minuteOf(a.start),
    end: l.minuteOf(a.end),
    paidHours: template ? (l.paidHours.get(template) ?? 0) : 0,
    weekend: weekdayOf(l, a.date) >= 6,
    breaks: (a.breaks ?? []).map((b) => ({
      start: l.minuteOf(b.start),
      end: l.minuteOf(b.end),
      paid: b.paid,
    })),
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

/** Agents on break per skill and interval (fractional where a break covers part of one). */
export function breaksBySkill(problem: RosterProblem, shifts: WorkedShift[]): Map<string, number[]> {
  return perSkillIntervals(problem, shifts, (row, s, size) => {
    for (const b of s.breaks)
      addSpan(row, size, b.start, b.end, (from, to) => Math.min(b.end, to) - Math.max(b.start, from));
  });
}

/** Agents present per skill and interval (fractional where a shift covers part of one). */
export function coverageBySkill(problem: RosterProblem, shifts: WorkedShift[]): Map<string, number[]> {
  return perSkillIntervals(problem, shifts, (row, s, size) =>
    addSpan(row, size, s.start, s.end, (from, to) => minutesWorked(s, from, to)),
  );
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
  let t = start;
  while (t < end) {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const date = dateOf(problem, l, day);
    if (blocked.includes(date)) return false;
    const dow = weekdayOf(l, date);
    const clock = t - day * MINUTES_PER_DAY;
    const window = staff.availability.find(
      (w) => w.dayOfWeek === dow && clockToMinutes(w.from) <= clock && clock < clockToMinutes(w.to),
    );
    if (!window) return false;
    t = day * MINUTES_PER_DAY + clockToMinutes(window.to);
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
