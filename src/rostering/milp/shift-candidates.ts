/**
 * Which (staff, day, template, skill) combinations can ever be 1, and the geometry of each
 * shift: absolute start/end in minutes from weekStart, covered intervals, and the possible
 * starts of each break.
 *
 * Breaks: each break rule of the template may start on any interval-grid minute inside its
 * window (its earliest start alone when no grid minute falls inside); the optimiser picks
 * one start per person and break. `coverage` is the shift's gross coverage; the person
 * does not cover the minutes of a break, so coverage net of breaks subtracts
 * `breakCoverage` of the chosen starts. Coverage of an interval is the fraction of it
 * worked (0…1), so shifts that do not align with intervals are still counted exactly.
 *
 * Minutes here are REAL minutes from weekStart (calendar-util.ts, week-clock.ts): a shift
 * starts at its template's local time and lasts `durationMinutes`, so across a clock change
 * its local end moves by the change, its paid hours do not, and it covers no slot of a
 * skipped hour and both passes of a repeated one.
 *
 * Shifts that cross midnight (or the end of the week) need availability on the next day:
 * availability windows are laid out over 8 days (Sunday night runs into next Monday, whose
 * weekly windows apply) and adjacent windows merge, so Mon 22:00–24:00 + Tue 00:00–06:00
 * admits a 22:00–06:00 shift. Unavailable dates remove their whole day.
 */
import { addDays, isoDayOfWeek } from '../../common/calendar';
import {
  clockToMinutes,
  DAYS_PER_WEEK,
  MINUTES_PER_DAY,
  problemClock,
  realToLocalIso,
} from '../calendar-util';
import type { WeekClock } from '../week-clock';
import { at } from '../../common/indexed';
import { breakRulesOf, unpaidBreakMinutes } from '../../staff/shift-breaks.core';
import type { RosterProblem, ShiftTemplate, Staff } from '../roster-problem-schema';
import type { RosterAssignment } from '../roster.types';

export interface IntervalShare {
  interval: number;
  fraction: number;
}

/** One break of a shift instance: its rule and the absolute minutes it may start at. */
export interface ShiftBreak {
  durationMinutes: number;
  paid: boolean;
  /** Candidate starts (minutes from weekStart), ascending, at least one. */
  starts: number[];
}

export interface ShiftInstance {
  /** Day index 0…6 of the start (0 = weekStart, a Monday). */
  day: number;
  templateIndex: number;
  start: number;
  end: number;
  breaks: ShiftBreak[];
  paidHours: number;
  /** Covered intervals inside the week and the fraction of each spent on shift (breaks not subtracted). */
  coverage: IntervalShare[];
  /** Coverage net of breaks placed at their middle start: what the greedy heuristic plans with. */
  nominalCoverage: IntervalShare[];
  weekend: boolean;
}

export interface Candidate {
  staffIndex: number;
  shift: ShiftInstance;
  skill: string;
}

type Span = [number, number];

/** Availability of one person as merged absolute spans over 8 days. */
export function availableSpans(
  problem: Pick<RosterProblem, 'weekStart' | 'timeZone'>,
  staff: Pick<Staff, 'availability' | 'unavailableDates'>,
): Span[] {
  const blocked = new Set(staff.unavailableDates ?? []);
  const clock = problemClock(problem);
  const spans: Span[] = [];
  for (let day = 0; day <= DAYS_PER_WEEK; day++) {
    if (blocked.has(addDays(problem.weekStart, day))) continue;
    const dow = (day % 7) + 1;
    for (const w of staff.availability) {
      if (w.dayOfWeek !== dow) continue;
      spans.push([
        clock.toReal(day * MINUTES_PER_DAY + clockToMinutes(w.from)),
        clock.toReal(day * MINUTES_PER_DAY + clockToMinutes(w.to)),
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

/** Share of each wall-clock interval of the week that real [start, end) works (week-clock.ts). */
export const spanCoverage = (clock: WeekClock, start: number, end: number, size: number): IntervalShare[] =>
  clock.shares(start, end, size);

/** Grid starts of a break window [from, to] (absolute minutes); `from` alone when none is on the grid. */
export function breakStarts(from: number, to: number, size: number): number[] {
  const starts: number[] = [];
  for (let t = Math.ceil(from / size) * size; t <= to; t += size) starts.push(t);
  return starts.length > 0 ? starts : [from];
}

/** Gross coverage minus the breaks starting at `starts` (one per break, in order). */
export function netCoverage(
  clock: WeekClock,
  shift: ShiftInstance,
  starts: readonly number[],
  size: number,
): IntervalShare[] {
  const net = new Map(shift.coverage.map((c) => [c.interval, c.fraction]));
  shift.breaks.forEach((b, j) => {
    const start = at(starts, j);
    for (const c of spanCoverage(clock, start, start + b.durationMinutes, size))
      net.set(c.interval, (net.get(c.interval) ?? 0) - c.fraction);
  });
  return [...net]
    .filter(([, f]) => f > 1e-9)
    .map(([interval, fraction]) => ({ interval, fraction }))
    .sort((a, b) => a.interval - b.interval);
}

/** The middle grid start of each break. */
export const middleStarts = (shift: ShiftInstance): number[] =>
  shift.breaks.map((b) => at(b.starts, Math.floor((b.starts.length - 1) / 2)));

export function shiftInstance(
  problem: RosterProblem,
  template: ShiftTemplate,
  templateIndex: number,
  day: number,
): ShiftInstance {
  const clock = problemClock(problem);
  const start = clock.toReal(day * MINUTES_PER_DAY + clockToMinutes(template.start));
  const end = start + template.durationMinutes;
  const size = problem.intervalMinutes;
  const rules = breakRulesOf(template);
  const dow = (day % 7) + 1;
  const shift: ShiftInstance = {
    day,
    templateIndex,
    start,
    end,
    breaks: rules.map((r) => ({
      durationMinutes: r.durationMinutes,
      paid: r.paid,
      starts: breakStarts(start + r.earliestStartMinutes, start + r.latestStartMinutes, size),
    })),
    paidHours: (template.durationMinutes - unpaidBreakMinutes(rules)) / 60,
    coverage: spanCoverage(clock, start, end, size),
    nominalCoverage: [],
    weekend: dow >= 6,
  };
  shift.nominalCoverage = netCoverage(clock, shift, middleStarts(shift), size);
  return shift;
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
      for (const skill of at(problem.shiftTemplates, shift.templateIndex).skills) {
        if (skills.has(skill)) out.push({ staffIndex, shift, skill });
      }
    }
  });
  return out;
}

/** The published form of a chosen candidate with its break starts (one per break, in order). */
export function candidateAssignment(
  problem: RosterProblem,
  c: Candidate,
  starts: readonly number[] = middleStarts(c.shift),
): RosterAssignment {
  const clock = problemClock(problem);
  const iso = (minute: number): string => realToLocalIso(problem.weekStart, clock, minute);
  return {
    staffId: at(problem.staff, c.staffIndex).id,
    date: addDays(problem.weekStart, c.shift.day),
    shiftTemplateId: at(problem.shiftTemplates, c.shift.templateIndex).id,
    start: iso(c.shift.start),
    end: iso(c.shift.end),
    skill: c.skill,
    breaks: c.shift.breaks.map((b, j) => {
      const start = at(starts, j);
      return { start: iso(start), end: iso(start + b.durationMinutes), paid: b.paid };
    }),
  };
}
