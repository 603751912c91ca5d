/**
 * A roster's shifts as the API hands them out: all of them, narrowed to a person or a day, or a
 * page of people with each one's week. A roster holds at most one shift per person and day
 * (a hard rule) for at most `MAX_ROSTER_STAFF` people, the most a roster problem may list:
 * 70,000 shifts, which no single answer should carry. The query cost weighs each form by
 * what it can hold (see server/query-cost.ts).
 */
import { type Page, type PageRequest, paginateList } from '../common/pagination';
import { ROSTER_PROBLEM_LIMITS } from './roster-problem-schema';
import type { RosterAssignment } from './roster.types';

/** People a stored roster may employ: a roster problem lists at most this many. */
export const MAX_ROSTER_STAFF = ROSTER_PROBLEM_LIMITS.staff;
/** Shifts a person may hold in a roster's week: one a day. */
export const MAX_SHIFTS_PER_PERSON = 7;

export interface AssignmentFilter {
  staffId?: string | null;
  date?: string | null;
}

/** One person's shifts of a roster's week, in day order. */
export interface StaffWeek {
  staffId: string;
  assignments: RosterAssignment[];
}

const given = (v: string | null | undefined): v is string => v !== undefined && v !== null;

/** The roster's shifts (stored in start order), of one person and / or one day when asked. */
export function assignmentsOf(
  roster: { assignments: readonly RosterAssignment[] },
  { staffId, date }: AssignmentFilter,
): RosterAssignment[] {
  return roster.assignments.filter(
    (a) => (!given(staffId) || a.staffId === staffId) && (!given(date) || a.date === date),
  );
}

/** The roster's people, each with their week, a page at a time in staff id order. */
export function staffWeeksOf(
  roster: { assignments: readonly RosterAssignment[] },
  page: PageRequest,
): Page<StaffWeek> {
  const weeks = new Map<string, RosterAssignment[]>();
  for (const a of roster.assignments) {
    const week = weeks.get(a.staffId);
    if (week) week.push(a);
    else weeks.set(a.staffId, [a]);
  }
  const people = [...weeks].map(([staffId, assignments]) => ({ staffId, assignments }));
  return paginateList(people, (w) => w.staffId, page);
}
