/**
 * Master data → RosterProblem. `rosterProblemFromData` is pure (documents in, problem out);
 * `RosterProblemSource` loads the documents of one week from the store.
 *
 * Availability: the problem has weekly windows by day of week, and a week has exactly one
 * date per day of week, so each day's windows are the person's *dated* windows — weekly
 * pattern, minus whole-day and timed absences, plus extra availability — computed here
 * with the same rules as the staff feature (see src/staff/availability.core.ts).
 */
import { addDays, isoDayOfWeek, minutesToClock } from '../common/calendar';
import { breakRulesOf } from '../staff/shift-breaks.core';
import { AVAILABILITY, SHIFT_TEMPLATES, STAFF } from '../staff/staff.model';
import type { AvailabilityDoc, ShiftTemplateDoc, StaffDoc } from '../staff/staff.model';
import type { DocumentStore } from '../store/document-store';
import { clockToMinutes, MINUTES_PER_DAY } from './calendar.util';
import { ROSTERS, type RosterDoc } from './roster-doc.model';
import type { RosterProblemInput } from './roster-problem.schema';
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
  staff: StaffDoc[];
  availability: AvailabilityDoc[];
  templates: ShiftTemplateDoc[];
  requirement: WeekRequirement;
  /** Assignments of the previous week's PUBLISHED roster (empty when none). */
  previousAssignments: RosterAssignment[];
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
export function datedSpans(pattern: AvailabilityDoc | undefined, date: string): Span[] {
  if (!pattern) return [];
  const span = (from: string, to: string): Span => ({ start: clockToMinutes(from), end: clockToMinutes(to) });
  const dated = pattern.exceptions.filter((e) => e.date === date);
  if (dated.some((e) => !e.available && (e.from === null || e.to === null))) return [];
  const dow = isoDayOfWeek(date);
  const base = pattern.weekly.filter((w) => w.dayOfWeek === dow).map((w) => span(w.from, w.to));
  const extra = dated.filter((e) => e.available && e.from && e.to).map((e) => span(e.from!, e.to!));
  const holes = dated.filter((e) => !e.available && e.from && e.to).map((e) => span(e.from!, e.to!));
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

/** Builds the (unvalidated) roster problem of one week from master-data documents. */
export function rosterProblemFromData(data: RosterSourceData): BuiltProblem {
  const notes: string[] = [];
  const { week, requirement } = data;
  const requiredSkills = new Set(requirement.requirements.map((r) => r.skill));
  const dates = Array.from({ length: 7 }, (_, i) => addDays(week, i));

  const templates = data.templates.flatMap((t) => {
    const skills = t.skills.filter((s) => requiredSkills.has(s));
    if (skills.length === 0) {
      notes.push(
        `shift template ${t.name} left out: none of its skills (${t.skills.join(', ')}) is required`,
      );
      return [];
    }
    return [
      {
        id: t._id,
        name: t.name,
        start: t.start,
        durationMinutes: t.durationMinutes,
        // Stored templates without break rules read as one break around mid-shift.
        breaks: breakRulesOf(t),
        daysOfWeek: t.daysOfWeek,
        skills,
      },
    ];
  });
  const templateIdByName = new Map(templates.map((t) => [t.name, t.id]));
  const templateIds = (names: string[]): string[] =>
    names.flatMap((n) => {
      const id = templateIdByName.get(n) ?? (templates.some((t) => t.id === n) ? n : undefined);
      return id ? [id] : [];
    });

  const patterns = new Map(data.availability.map((a) => [a.staffId, a]));
  const staff = data.staff.flatMap((s) => {
    if (s.skills.length === 0) {
      notes.push(`staff ${s.employeeNo} left out: no skills`);
      return [];
    }
    const pattern = patterns.get(s._id);
    if (!pattern) notes.push(`staff ${s.employeeNo} has no availability: not rostered`);
    const availability = dates.flatMap((date) =>
      datedSpans(pattern, date).map((span) => ({
        dayOfWeek: isoDayOfWeek(date),
        from: minutesToClock(span.start),
        to: minutesToClock(Math.min(span.end, MINUTES_PER_DAY)),
      })),
    );
    const unavailableDates = dates.filter((d) => pattern && datedSpans(pattern, d).length === 0);
    const minHoursWeek = creditAbsences(s.contract, pattern, unavailableDates);
    if (minHoursWeek < s.contract.minHoursWeek)
      notes.push(
        `staff ${s.employeeNo}: minimum hours ${s.contract.minHoursWeek} → ${minHoursWeek} for days of absence`,
      );
    const prefs = s.preferences;
    const preferences = prefs
      ? {
          desiredDays: nonEmpty(prefs.desiredDays ?? []),
          undesiredDays: nonEmpty(prefs.undesiredDays ?? []),
          desiredShifts: nonEmpty(templateIds(prefs.desiredShifts ?? [])),
          undesiredShifts: nonEmpty(templateIds(prefs.undesiredShifts ?? [])),
        }
      : undefined;
    const previousWeek = previousWeekOf(week, s._id, data.previousAssignments);
    return [
      {
        id: s._id,
        name: s.name,
        skills: s.skills,
        hourlyCost: s.hourlyCost,
        minHoursWeek,
        maxHoursWeek: s.contract.maxHoursWeek,
        maxDaysWeek: s.contract.maxDaysWeek,
        // The problem format caps the limit at 7 (a longer one cannot bind inside one week).
        ...(s.contract.maxConsecutiveDays <= 7 ? { maxConsecutiveDays: s.contract.maxConsecutiveDays } : {}),
        availability,
        ...(unavailableDates.length > 0 ? { unavailableDates } : {}),
        ...(preferences && Object.values(preferences).some((v) => v !== undefined) ? { preferences } : {}),
        ...(previousWeek ? { previousWeek } : {}),
      },
    ];
  });

  return {
    problem: {
      weekStart: week,
      intervalMinutes: requirement.intervalMinutes as 15 | 30 | 60,
      staff,
      shiftTemplates: templates,
      requirements: requirement.requirements.map((r) => ({ skill: r.skill, values: [...r.values] })),
      options: {
        timeLimitSeconds: data.options.timeLimitSeconds,
        relativeGap: data.options.relativeGap,
        ...(data.options.minRestHours !== undefined ? { minRestHours: data.options.minRestHours } : {}),
      },
    },
    notes,
  };
}

/** Loads one week's master data from the store (four reads, whatever the staff count). */
export class RosterProblemSource {
  constructor(private readonly store: DocumentStore) {}

  async load(week: string, requirement: WeekRequirement, options: RosterSolveOptions): Promise<BuiltProblem> {
    const staff = await this.store.collection<StaffDoc>(STAFF).find({ active: true }, { sort: { _id: 1 } });
    const ids = staff.map((s) => s._id);
    const availability = await this.store
      .collection<AvailabilityDoc>(AVAILABILITY)
      .find({ staffId: { $in: ids } });
    const templates = await this.store
      .collection<ShiftTemplateDoc>(SHIFT_TEMPLATES)
      .find({ active: true }, { sort: { start: 1, _id: 1 } });
    const previous = await this.store
      .collection<RosterDoc>(ROSTERS)
      .findOne({ week: addDays(week, -7), status: 'PUBLISHED' }, { projection: { assignments: 1 } });
    return rosterProblemFromData({
      week,
      staff,
      availability,
      templates,
      requirement,
      previousAssignments: previous?.assignments ?? [],
      options,
    });
  }
}

/**
 * Contracted hours are credited for whole days of absence (leave, sickness) on days the
 * person normally works: each such day lowers the weekly minimum by minHoursWeek /
 * maxDaysWeek, so a week with leave is not made infeasible by the contract minimum.
 */
function creditAbsences(
  contract: StaffDoc['contract'],
  pattern: AvailabilityDoc | undefined,
  unavailableDates: string[],
): number {
  if (!pattern || contract.minHoursWeek === 0 || contract.maxDaysWeek === 0) return contract.minHoursWeek;
  const workDays = new Set(pattern.weekly.map((w) => w.dayOfWeek));
  const absent = unavailableDates.filter((d) => workDays.has(isoDayOfWeek(d))).length;
  const perDay = contract.minHoursWeek / contract.maxDaysWeek;
  return Math.max(0, Math.round((contract.minHoursWeek - absent * perDay) * 100) / 100);
}
