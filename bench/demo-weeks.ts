/**
 * The demo seed's weeks as roster problems, built from the seed's own data (generators and
 * JSON) through the same pure builder the server uses: no store, no forecast. The
 * requirement is empty (coverage is soft; contract minimums are what can make a week
 * infeasible), so a week that builds and solves here can be planned from any forecast.
 */
import holidayFile from '../seeds/holidays.json';
import templateFile from '../seeds/shift-templates.json';
import { generateStaff } from '../seeds/staff.generator';
import { addDays } from '../src/common/calendar';
import { rosterProblemFromData, type BuiltProblem } from '../src/rostering/roster-problem-builder';
import { enumerateCandidates } from '../src/rostering/milp/shift-candidates';
import { staffHourIssues } from '../src/rostering/roster-diagnosis';
import { parseRosterProblem } from '../src/rostering/roster-problem.validation';
import type { StaffIssue } from '../src/rostering/roster.types';
import type { Availability, ShiftTemplate, StaffMember } from '../src/staff/staff.types';

/** Weeks the seed places leave in, from its anchor Monday (seeds/staff.generator.ts). */
export const DEMO_LEAVE_WEEKS = 8;

const at = new Date('2026-01-01T00:00:00Z');
const staffId = (employeeNo: string): string => `staff-${employeeNo.replace(/^E/, '')}`;

const TEMPLATES = templateFile.map((t): ShiftTemplate => ({
  ...t,
  _id: `template-${t.name.replace(/\s+/g, '-')}`,
  active: true,
}));

/** The demo site's master data as the seed writes it for `anchor`. */
export function demoSite(anchor: string): { staff: StaffMember[]; availability: Availability[] } {
  const site = generateStaff({ anchorDate: anchor });
  const staff = site.staff.map((s): StaffMember => ({
    ...s,
    _id: staffId(s.employeeNo),
    active: true,
    createdAt: at,
    updatedAt: at,
  }));
  const availability = site.availability.map((a): Availability => ({
    _id: staffId(a.employeeNo),
    staffId: staffId(a.employeeNo),
    weekly: a.weekly,
    exceptions: a.exceptions,
    updatedAt: at,
    updatedBy: null,
  }));
  return { staff, availability };
}

/** The roster problem of `week` for a demo site (demoSite), the seed's holidays closed. */
export function demoWeekProblem(site: ReturnType<typeof demoSite>, week: string): BuiltProblem {
  const { staff, availability } = site;
  const end = addDays(week, 6);
  return rosterProblemFromData({
    week,
    timeZone: 'Europe/London',
    staff,
    availability,
    templates: TEMPLATES,
    requirement: {
      intervalMinutes: 60,
      requirements: ['calls', 'emails', 'outbound'].map((skill) => ({
        skill,
        values: new Array<number>(7 * 24).fill(0),
      })),
    },
    previousAssignments: [],
    closedDates: holidayFile.dates.map((h) => h.date).filter((d) => d >= week && d <= end),
    options: { timeLimitSeconds: 30, relativeGap: 0.01 },
  });
}

/** The problems of the weeks the seed anchored at `anchor` places leave in. */
export function demoSeedWeeks(anchor: string): { week: string; built: BuiltProblem }[] {
  const site = demoSite(anchor);
  return Array.from({ length: DEMO_LEAVE_WEEKS }, (_, w) => addDays(anchor, 7 * w)).map((week) => ({
    week,
    built: demoWeekProblem(site, week),
  }));
}

/** Who cannot meet their week's minimum on the shifts they can work at all (before solving). */
export function demoWeekIssues(built: BuiltProblem): StaffIssue[] {
  const problem = parseRosterProblem(built.problem);
  return staffHourIssues(problem, enumerateCandidates(problem));
}
