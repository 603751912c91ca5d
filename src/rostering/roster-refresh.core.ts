/**
 * A stored roster problem brought up to date: the given people's entries are rebuilt from
 * current master data with the same rules as a new roster (rosterProblemFromData: dated
 * windows, leave, the site's closed days, absence credit), inactive people are dropped,
 * and everything else — the templates, the requirement, the options, each person's previous
 * week — stays as stored. Pure: documents in, problem out.
 */
import type { Availability, StaffMember } from '../staff/staff.types';
import { rosterProblemFromData } from './roster-problem-builder';
import type { RosterProblem } from './roster-problem-schema';
import { parseRosterProblem } from './roster-problem.validation';

/** `ids`: the people to refresh; one of them without an active `staff` document is dropped. */
export function refreshProblem(
  stored: RosterProblem,
  refresh: readonly string[],
  staff: StaffMember[],
  availability: Availability[],
  closedDates: string[] = [],
): RosterProblem {
  const ids = new Set(refresh);
  const built = rosterProblemFromData({
    week: stored.weekStart,
    ...(stored.timeZone ? { timeZone: stored.timeZone } : {}),
    staff: staff.filter((s) => s.active && ids.has(s._id)),
    availability: availability.filter((a) => ids.has(a.staffId)),
    templates: stored.shiftTemplates.map((t) => ({
      _id: t.id,
      name: t.name ?? t.id,
      start: t.start,
      durationMinutes: t.durationMinutes,
      breakMinutes: t.breakMinutes,
      daysOfWeek: t.daysOfWeek,
      skills: t.skills,
      active: true,
    })),
    requirement: { intervalMinutes: stored.intervalMinutes, requirements: stored.requirements },
    previousAssignments: [],
    closedDates,
    options: { timeLimitSeconds: stored.options.timeLimitSeconds, relativeGap: stored.options.relativeGap },
  });
  const previous = new Map(stored.staff.map((s) => [s.id, s.previousWeek]));
  const fresh = new Map(
    built.problem.staff.map((s) => {
      const pw = previous.get(s.id);
      return [s.id, pw ? { ...s, previousWeek: pw } : s];
    }),
  );
  // same order as stored; refreshed people replace their entry, inactive ones disappear
  const staffEntries = stored.staff.flatMap((s) => {
    if (!ids.has(s.id)) return [s];
    const refreshed = fresh.get(s.id);
    return refreshed ? [refreshed] : [];
  });
  return parseRosterProblem({ ...stored, staff: staffEntries });
}
