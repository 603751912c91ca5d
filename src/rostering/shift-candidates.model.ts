/**
 * Which (staff, day, template, skill) combinations can ever be 1, and the geometry of each
 * shift: absolute start/end in minutes from weekStart, the unpaid break, covered intervals.
 *
 * Break rule: the unpaid break sits in the middle of the shift, starting
 * `floor((duration − break) / 2)` minutes after the start; the person does not cover the
 * minutes of the break. Coverage of an interval is the fraction of it worked (0…1), so
 * shifts that do not align with intervals are still counted exactly.
 *
 * Shifts that cross midnight (or the end of the week) need availability on the next day:
 * availability windows are laid out over 8 days (Sunday night runs into next Monday, whose
 * weekly windows apply) and adjacent windows merge, so Mon 22:00–24:00 + Tue 00:00–06:00
 * admits a 22:00–06:00 shift. Unavailable dates remove their whole day.
 */
import {
  addDays,
  clockToMinutes,
  DAYS_PER_WEEK,
  isoDayOfWeek,
  intervalsPerWeek,
  MINUTES_PER_DAY,
  minuteToLocalIso,
} from './calendar.util';
import type { RosterProblem, ShiftTemplate, Staff } from './roster-problem.schema';
import type { RosterAssignment } from './roster.types';

export interface ShiftInstance {
  /** Day index 0…6 of the start (0 = weekStart, a Monday). */
  day: number;
  templateIndex: number;
  start: number;
  end: number;
  breakStart: number;
  breakEnd: number;
  paidHours: number;
  /** Covered intervals inside the week and the fraction of each that is worked. */
  coverage: { interval: number; fraction: number }[];
  weekend: boolean;
}

export interface Candidate {
  staffIndex: number;
  shift: ShiftInstance;
  skill: string;
}

type Span = [number, number];

/** Availability of one person as merged absolute spans over 8 days. */
export function availableSpans(problem: RosterProblem, staff: Staff): Span[] {
  const blocked = new Set(staff.unavailableDates ?? []);
  const spans: Span[] = [];
  for (let day = 0; day <= DAYS_PER_WEEK; day++) {
    if (blocked.has(addDays(problem.weekStart, day))) continue;
    const dow = (day % 7) + 1;
    for (const w of staff.availability) {
      if (w.dayOfWeek !== dow) continue;
      spans.push([
        day * MINUTES_PER_DAY + clockToMinutes(w.from),
        day * MINUTES_PER_DAY + clockToMinutes(w.to),
      ]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

export const isAvailable = (spans: Span[], start: number, end: number): boolean =>
  spans.some(([a, b]) => a <= start && end <= b);

export function shiftInstance(
  problem: RosterProblem,
  template: ShiftTemplate,
  templateIndex: number,
  day: number,
): ShiftInstance {
  const start = day * MINUTES_PER_DAY + clockToMinutes(template.start);
  const end = start + template.durationMinutes;
  const breakStart = start + Math.floor((template.durationMinutes - template.breakMinutes) / 2);
  const breakEnd = breakStart + template.breakMinutes;
  const size = problem.intervalMinutes;
  const last = intervalsPerWeek(size);
  const coverage: ShiftInstance['coverage'] = [];
  for (let i = Math.floor(start / size); i * size < end && i < last; i++) {
    const a = i * size;
    const b = a + size;
    const worked =
      Math.max(0, Math.min(b, end) - Math.max(a, start)) -
      Math.max(0, Math.min(b, breakEnd) - Math.max(a, breakStart));
    if (worked > 0) coverage.push({ interval: i, fraction: worked / size });
  }
  const dow = (day % 7) + 1;
  return {
    day,
    templateIndex,
    start,
    end,
    breakStart,
    breakEnd,
    paidHours: (template.durationMinutes - template.breakMinutes) / 60,
    coverage,
    weekend: dow >= 6,
  };
}

/** Every shift instance of the week: templates × the days they run. */
export function weekShifts(problem: RosterProblem): ShiftInstance[] {
  const out: ShiftInstance[] = [];
  for (let day = 0; day < DAYS_PER_WEEK; day++) {
    const dow = isoDayOfWeek(addDays(problem.weekStart, day));
    problem.shiftTemplates.forEach((t, ti) => {
      if (t.daysOfWeek.includes(dow)) out.push(shiftInstance(problem, t, ti, day));
    });
  }
  return out;
}

/** Candidates where the variable can be 1: available for the whole shift, skilled, template runs that day. */
export function enumerateCandidates(problem: RosterProblem, shifts = weekShifts(problem)): Candidate[] {
  const out: Candidate[] = [];
  problem.staff.forEach((staff, staffIndex) => {
    const spans = availableSpans(problem, staff);
    const skills = new Set(staff.skills);
    for (const shift of shifts) {
      if (!isAvailable(spans, shift.start, shift.end)) continue;
      for (const skill of problem.shiftTemplates[shift.templateIndex].skills) {
        if (skills.has(skill)) out.push({ staffIndex, shift, skill });
      }
    }
  });
  return out;
}

/** The published form of a chosen candidate. */
export function candidateAssignment(problem: RosterProblem, c: Candidate): RosterAssignment {
  return {
    staffId: problem.staff[c.staffIndex].id,
    date: addDays(problem.weekStart, c.shift.day),
    shiftTemplateId: problem.shiftTemplates[c.shift.templateIndex].id,
    start: minuteToLocalIso(problem.weekStart, c.shift.start),
    end: minuteToLocalIso(problem.weekStart, c.shift.end),
    skill: c.skill,
  };
}
