/**
 * Verification-side facts derived from the problem and the assignments alone, written
 * independently of the model builder: the checker and the KPIs use these, never the MILP.
 */
import { daysBetween, isoDayOfWeek } from '../common/calendar';
import { clockToMinutes, intervalsPerWeek, localIsoToMinute, MINUTES_PER_DAY } from './calendar-util';
import { breakRulesOf, unpaidBreakMinutes } from '../staff/shift-breaks.core';
import { at } from '../common/indexed';
import type { RosterProblem, ShiftTemplate, Staff } from './roster-problem-schema';
import type { RosterAssignment } from './roster.types';
import { sum } from '../common/sum';

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

const lookups = new WeakMap<
  RosterProblem,
  { staff: Map<string, Staff>; templates: Map<string, ShiftTemplate> }
>();

/** Staff and templates of a problem by id (built once per problem object). */
function lookup(problem: RosterProblem): {
  staff: Map<string, Staff>;
  templates: Map<string, ShiftTemplate>;
} {
  let l = lookups.get(problem);
  if (!l) {
    l = {
      staff: new Map([...problem.staff].reverse().map((s) => [s.id, s])),
      templates: new Map([...problem.shiftTemplates].reverse().map((t) => [t.id, t])),
    };
    lookups.set(problem, l);
  }
  return l;
}

export function workedShift(problem: RosterProblem, a: RosterAssignment): WorkedShift {
  const staff = lookup(problem).staff.get(a.staffId);
  const template = lookup(problem).templates.get(a.shiftTemplateId);
  const paid = template ? (template.durationMinutes - unpaidBreakMinutes(breakRulesOf(template))) / 60 : 0;
  return {
    assignment: a,
    staff,
    template,
    day: daysBetween(problem.weekStart, a.date),
    start: localIsoToMinute(problem.weekStart, a.start),
    end: localIsoToMinute(problem.weekStart, a.end),
    paidHours: paid,
    weekend: isoDayOfWeek(a.date) >= 6,
    breaks: (a.breaks ?? []).map((b) => ({
      start: localIsoToMinute(problem.weekStart, b.start),
      end: localIsoToMinute(problem.weekStart, b.end),
      paid: b.paid,
    })),
  };
}

/** Minutes actually worked inside [from, to): on shift and not on one of its breaks. */
export function minutesWorked(shift: WorkedShift, from: number, to: number): number {
  const overlap = (a: number, b: number): number => Math.max(0, Math.min(b, to) - Math.max(a, from));
  if (!shift.template) return 0;
  const onBreak = sum(shift.breaks, (b) =>
    overlap(Math.max(b.start, shift.start), Math.min(b.end, shift.end)),
  );
  return overlap(shift.start, shift.end) - onBreak;
}

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
  const blocked = new Set(staff.unavailableDates ?? []);
  let t = start;
  while (t < end) {
    const day = Math.floor(t / MINUTES_PER_DAY);
    const date = new Date(Date.parse(`${problem.weekStart}T00:00:00Z`) + day * 86_400_000)
      .toISOString()
      .slice(0, 10);
    if (blocked.has(date)) return false;
    const dow = isoDayOfWeek(date);
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
