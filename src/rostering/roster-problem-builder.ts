/**
 * Master data → RosterProblem, pure: documents in, problem out (roster-problem-source.ts
 * loads the documents of one week through the staff and roster services).
 *
 * Availability: the problem has weekly windows by day of week, and a week has exactly one
 * date per day of week, so each day's windows are the person's *dated* windows — weekly
 * pattern, minus whole-day and timed absences, plus extra availability — computed here
 * with the same rules as the staff feature (see src/staff/availability.core.ts).
 */
import { addDays, isoDayOfWeek, minutesToClock } from '../common/calendar';
import { breakRulesOf } from '../staff/shift-breaks.core';
import type { Availability, ShiftTemplate, StaffMember } from '../staff/staff.types';
import { clockToMinutes, MINUTES_PER_DAY, problemClock } from './calendar-util';
import { availableSpans, isAvailable } from './milp/shift-candidates';
import type { RosterProblemInput } from './roster-problem-schema';
import type { RosterAssignment } from './roster.types';

export interface WeekRequirement {
  intervalMinutes: number;
  requirements: { skill: string; values: number[] }[];
}

export interface RosterSolveOptions {
  timeLimitSeconds: number;
  relativeGap: number;
  minRestHours?: number;
}

export interface RosterSourceData {
  /** Monday, YYYY-MM-DD. */
  week: string;
  /** The site's IANA zone: shifts last their real duration across a clock change (week-clock.ts). */
  timeZone?: string;
  staff: StaffMember[];
  availability: Availability[];
  templates: ShiftTemplate[];
  requirement: WeekRequirement;
  /** Assignments of the previous week's PUBLISHED roster (empty when none). */
  previousAssignments: RosterAssignment[];
  /** Dates of the week the site is closed (CLOSED holidays): nobody works, as on leave. */
  closedDates?: string[];
  options: RosterSolveOptions;
}

export interface BuiltProblem {
  problem: RosterProblemInput;
  /** What was left out and why (shown on the job). */
  notes: string[];
}

interface Span {
  start: number;
  end: number;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function subtractSpans(spans: Span[], holes: Span[]): Span[] {
  let out = spans;
  for (const h of holes) {
    out = out.flatMap((s) => {
      if (h.end <= s.start || h.start >= s.end) return [s];
      const parts: Span[] = [];
      if (h.start > s.start) parts.push({ start: s.start, end: h.start });
      if (h.end < s.end) parts.push({ start: h.end, end: s.end });
      return parts;
    });
  }
  return out;
}

/** Minutes-of-day spans a person can work on `date` (null pattern: never available). */
export function datedSpans(pattern: Availability | undefined, date: string): Span[] {
  if (!pattern) return [];
  const span = (from: string, to: string): Span => ({ start: clockToMinutes(from), end: clockToMinutes(to) });
  const dated = pattern.exceptions.filter((e) => e.date === date);
  if (dated.some((e) => !e.available && (e.from === null || e.to === null))) return [];
  const dow = isoDayOfWeek(date);
  const base = pattern.weekly.filter((w) => w.dayOfWeek === dow).map((w) => span(w.from, w.to));
  const extra = dated.flatMap((e) => (e.available && e.from && e.to ? [span(e.from, e.to)] : []));
  const holes = dated.flatMap((e) => (!e.available && e.from && e.to ? [span(e.from, e.to)] : []));
  return subtractSpans(mergeSpans([...base, ...extra]), holes).filter(
    (s) => s.end > s.start && s.start < MINUTES_PER_DAY,
  );
}

/** Last shift end and the run of consecutive worked days up to the Sunday before `week`. */
export function previousWeekOf(
  week: string,
  staffId: string,
  previous: RosterAssignment[],
): { lastShiftEnd?: string; consecutiveDaysWorked?: number } | undefined {
  const own = previous.filter((a) => a.staffId === staffId);
  if (own.length === 0) return undefined;
  const lastShiftEnd = own.map((a) => a.end).sort()[own.length - 1];
  const worked = new Set(own.map((a) => a.date));
  let run = 0;
  while (run < 7 && worked.has(addDays(week, -1 - run))) run++;
  return { lastShiftEnd, consecutiveDaysWorked: run };
}

const nonEmpty = <T>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined);

type ProblemTemplate = RosterProblemInput['shiftTemplates'][number];
type ProblemStaff = RosterProblemInput['staff'][number];

/** One shift of the week: its day (0 = Monday), real start and end minutes from weekStart, skills. */
interface ShiftSpan {
  day: number;
  start: number;
  end: number;
  skills: string[];
}

/** What every person's entry is built from: the week, its dates, and the week's shared lookups. */
interface StaffBuild {
  week: string;
  /** The seven dates of the week, Monday first. */
  dates: string[];
  patterns: Map<string, Availability>;
  /** Template ids of template names (or ids) a preference lists; unknown ones are dropped. */
  templateIds: (names: string[]) => string[];
  previousAssignments: RosterAssignment[];
  closed: ReadonlySet<string>;
  /** Every shift of the week, timed as the solver times them, with its template's skills. */
  shifts: ShiftSpan[];
  /** The week and zone shifts are timed in. */
  clock: { weekStart: string; timeZone?: string };
  notes: string[];
}

/** Templates serving a required skill (their skills cut to the required ones); the rest are noted. */
function problemTemplates(
  templates: ShiftTemplate[],
  requiredSkills: ReadonlySet<string>,
  notes: string[],
): ProblemTemplate[] {
  return templates.flatMap((t) => {
    const skills = t.skills.filter((s) => requiredSkills.has(s));
    if (skills.length === 0) {
      notes.push(
        `shift template ${t.name} left out: none of its skills (${t.skills.join(', ')}) is required`,
      );
      return [];
    }
    // Stored templates without break rules read as one break around mid-shift.
    const { _id: id, name, start, durationMinutes, daysOfWeek } = t;
    return [{ id, name, start, durationMinutes, breaks: breakRulesOf(t), daysOfWeek, skills }];
  });
}

/** Resolves preference entries (template names or ids) to the ids of the problem's templates. */
function templateIdResolver(templates: ProblemTemplate[]): (names: string[]) => string[] {
  const idByName = new Map(templates.map((t) => [t.name, t.id]));
  const ids = new Set(templates.map((t) => t.id));
  return (names) =>
    names.flatMap((n) => {
      const id = idByName.get(n) ?? (ids.has(n) ? n : undefined);
      return id ? [id] : [];
    });
}

/** A person's preferences with unknown templates dropped; undefined when nothing is left. */
function problemPreferences(
  prefs: StaffMember['preferences'],
  templateIds: (names: string[]) => string[],
): ProblemStaff['preferences'] {
  if (!prefs) return undefined;
  const preferences = {
    desiredDays: nonEmpty(prefs.desiredDays ?? []),
    undesiredDays: nonEmpty(prefs.undesiredDays ?? []),
    desiredShifts: nonEmpty(templateIds(prefs.desiredShifts ?? [])),
    undesiredShifts: nonEmpty(templateIds(prefs.undesiredShifts ?? [])),
  };
  return Object.values(preferences).some((v) => v !== undefined) ? preferences : undefined;
}

/**
 * The dated windows of the week as weekly windows (one date per day of week), and the days
 * off: absences and the dates the site is closed.
 */
function weekAvailability(
  pattern: Availability | undefined,
  dates: string[],
  closed: ReadonlySet<string>,
): { availability: ProblemStaff['availability']; unavailableDates: string[] } {
  const spans = (date: string): Span[] => (closed.has(date) ? [] : datedSpans(pattern, date));
  const availability = dates.flatMap((date) =>
    spans(date).map((span) => ({
      dayOfWeek: isoDayOfWeek(date),
      from: minutesToClock(span.start),
      to: minutesToClock(Math.min(span.end, MINUTES_PER_DAY)),
    })),
  );
  const unavailableDates = dates.filter((d) => pattern && spans(d).length === 0);
  return { availability, unavailableDates };
}

/** One person's problem entry, or null (noted) when they have no skill. */
function problemStaffMember(s: StaffMember, build: StaffBuild): ProblemStaff | null {
  if (s.skills.length === 0) {
    build.notes.push(`staff ${s.employeeNo} left out: no skills`);
    return null;
  }
  const pattern = build.patterns.get(s._id);
  if (!pattern) build.notes.push(`staff ${s.employeeNo} has no availability: not rostered`);
  const { availability, unavailableDates } = weekAvailability(pattern, build.dates, build.closed);
  const offDays = daysOff(s, pattern, { availability, unavailableDates }, build);
  const minHoursWeek = creditAbsences(s.contract, offDays.length);
  if (minHoursWeek < s.contract.minHoursWeek)
    build.notes.push(
      `staff ${s.employeeNo}: minimum hours ${s.contract.minHoursWeek} → ${minHoursWeek} for ` +
        `${offDays.length} day${offDays.length === 1 ? '' : 's'} of absence or closure (${offDays.join(', ')})`,
    );
  const preferences = problemPreferences(s.preferences, build.templateIds);
  const previousWeek = previousWeekOf(build.week, s._id, build.previousAssignments);
  const { maxHoursWeek, maxDaysWeek, maxConsecutiveDays } = s.contract;
  return {
    id: s._id,
    name: s.name,
    skills: s.skills,
    hourlyCost: s.hourlyCost,
    minHoursWeek,
    maxHoursWeek,
    maxDaysWeek,
    // The problem format caps the limit at 7 (a longer one cannot bind inside one week).
    ...(maxConsecutiveDays <= 7 ? { maxConsecutiveDays } : {}),
    availability,
    ...(unavailableDates.length > 0 ? { unavailableDates } : {}),
    ...(preferences ? { preferences } : {}),
    ...(previousWeek ? { previousWeek } : {}),
  };
}

/** The week's shifts as the solver times them (real minutes from weekStart), with their skills. */
function weekShiftSpans(
  week: string,
  timeZone: string | undefined,
  templates: ProblemTemplate[],
): ShiftSpan[] {
  const clock = problemClock({ weekStart: week, timeZone });
  return Array.from({ length: 7 }, (_, day) => day).flatMap((day) => {
    const dow = isoDayOfWeek(addDays(week, day));
    return templates
      .filter((t) => t.daysOfWeek.includes(dow))
      .map((t) => {
        const start = clock.toReal(day * MINUTES_PER_DAY + clockToMinutes(t.start));
        return { day, start, end: start + t.durationMinutes, skills: t.skills };
      });
  });
}

function staffBuild(data: RosterSourceData, templates: ProblemTemplate[], notes: string[]): StaffBuild {
  const { week, timeZone } = data;
  return {
    week,
    shifts: weekShiftSpans(week, timeZone, templates),
    clock: { weekStart: week, ...(timeZone ? { timeZone } : {}) },
    dates: Array.from({ length: 7 }, (_, i) => addDays(week, i)),
    patterns: new Map(data.availability.map((a) => [a.staffId, a])),
    templateIds: templateIdResolver(templates),
    previousAssignments: data.previousAssignments,
    closed: new Set(data.closedDates),
    notes,
  };
}

/** Builds the (unvalidated) roster problem of one week from master-data documents. */
export function rosterProblemFromData(data: RosterSourceData): BuiltProblem {
  const notes: string[] = [];
  const { week, requirement, options } = data;
  const templates = problemTemplates(
    data.templates,
    new Set(requirement.requirements.map((r) => r.skill)),
    notes,
  );
  const build = staffBuild(data, templates, notes);
  if (build.closed.size > 0)
    notes.push(`site closed on ${[...build.closed].sort().join(', ')}: nobody is rostered on those days`);
  const staff = data.staff.flatMap((s) => problemStaffMember(s, build) ?? []);
  return {
    problem: {
      weekStart: week,
      ...(data.timeZone ? { timeZone: data.timeZone } : {}),
      intervalMinutes: requirement.intervalMinutes as 15 | 30 | 60,
      staff,
      shiftTemplates: templates,
      requirements: requirement.requirements.map((r) => ({ skill: r.skill, values: [...r.values] })),
      options: {
        timeLimitSeconds: options.timeLimitSeconds,
        relativeGap: options.relativeGap,
        ...(options.minRestHours !== undefined ? { minRestHours: options.minRestHours } : {}),
      },
    },
    notes,
  };
}

/**
 * The person's usual working days of the week (days of their weekly pattern) on which they
 * cannot work: a whole day of absence (leave, sickness) or closure, or a partial absence
 * (an appointment) that leaves none of their shifts that the weekly pattern alone would
 * admit. A day whose pattern admits no shift of theirs anyway is lost to the pattern, not
 * to the absence, unless the absence takes the whole day.
 */
function daysOff(
  s: StaffMember,
  pattern: Availability | undefined,
  dated: Pick<ProblemStaff, 'availability' | 'unavailableDates'>,
  build: StaffBuild,
): string[] {
  if (!pattern) return [];
  const skills = new Set(s.skills);
  const own = build.shifts.filter((x) => x.skills.some((k) => skills.has(k)));
  const usual = availableSpans(build.clock, { availability: pattern.weekly });
  const now = availableSpans(build.clock, dated);
  const workable = (spans: [number, number][], day: number): boolean =>
    own.some((x) => x.day === day && isAvailable(spans, x.start, x.end));
  const workDays = new Set(pattern.weekly.map((w) => w.dayOfWeek));
  const whole = new Set(dated.unavailableDates);
  return build.dates.filter(
    (date, day) =>
      workDays.has(isoDayOfWeek(date)) && (whole.has(date) || (workable(usual, day) && !workable(now, day))),
  );
}

/**
 * Contracted hours are credited for the usual working days a person cannot work (daysOff):
 * each lowers the weekly minimum by minHoursWeek / maxDaysWeek, so a week with leave is not
 * made infeasible by the contract minimum, and a bank holiday is not made up on the other
 * days. Rounded down to the hundredth: never more than the pro-rata rule asks.
 */
function creditAbsences(contract: StaffMember['contract'], days: number): number {
  const { minHoursWeek, maxDaysWeek } = contract;
  if (days === 0 || minHoursWeek === 0 || maxDaysWeek === 0) return minHoursWeek;
  const credited = minHoursWeek - (days * minHoursWeek) / maxDaysWeek;
  return Math.max(0, Math.floor(credited * 100 + 1e-6) / 100);
}
