/**
 * Parses an untrusted roster problem: schema first (zod), then the cross-references zod
 * cannot see. Every failure names its field, e.g. `staff[3].availability[1].from`.
 */
import { isoDayOfWeek } from '../common/calendar';
import { at } from '../common/indexed';
import { badInput, type ErrorLocation } from '../errors';
import { clockToMinutes, intervalsPerWeek } from './calendar-util';
import { isTimeZone } from '../common/time-zone';
import { breakRuleIssues } from '../staff/shift-breaks.core';
import { rosterProblemSchema, type RosterProblem } from './roster-problem-schema';

/** `['staff', 3, 'from']` → `staff[3].from`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc === '' ? String(key) : `${acc}.${String(key)}`;
  }, '');

type Add = (field: string, message: string) => void;

function requirementIssues(p: RosterProblem, add: Add): Set<string> {
  const skills = new Set<string>();
  const expected = intervalsPerWeek(p.intervalMinutes);
  p.requirements.forEach((r, i) => {
    if (skills.has(r.skill)) add(`requirements[${i}].skill`, `duplicate skill ${r.skill}`);
    skills.add(r.skill);
    if (r.values.length !== expected) {
      add(
        `requirements[${i}].values`,
        `expected ${expected} values (7 days of ${p.intervalMinutes}-minute intervals), got ${r.values.length}`,
      );
    }
  });
  return skills;
}

function templateIssues(
  p: RosterProblem,
  requirementSkills: Set<string>,
  issues: ErrorLocation[],
  add: Add,
): Set<string> {
  const ids = new Set<string>();
  p.shiftTemplates.forEach((t, i) => {
    if (ids.has(t.id)) add(`shiftTemplates[${i}].id`, `duplicate id ${t.id}`);
    ids.add(t.id);
    if (t.breakMinutes >= t.durationMinutes) {
      add(`shiftTemplates[${i}].breakMinutes`, `must be below durationMinutes ${t.durationMinutes}`);
    }
    if (t.breaks && t.breaks.length > 0 && t.breakMinutes > 0) {
      add(`shiftTemplates[${i}].breakMinutes`, 'give either breakMinutes or breaks, not both');
    }
    for (const issue of breakRuleIssues(t.durationMinutes, t.breaks ?? [])) {
      issues.push({
        field: `shiftTemplates[${i}].${issue.field}`,
        message: `shiftTemplates[${i}].${issue.message}`,
      });
    }
    t.skills.forEach((s, j) => {
      if (!requirementSkills.has(s))
        add(`shiftTemplates[${i}].skills[${j}]`, `unknown skill ${s} (no requirement)`);
    });
  });
  return ids;
}

function staffIssues(p: RosterProblem, templateIds: Set<string>, add: Add): void {
  const staffIds = new Set<string>();
  p.staff.forEach((s, i) => {
    if (staffIds.has(s.id)) add(`staff[${i}].id`, `duplicate id ${s.id}`);
    staffIds.add(s.id);
    if (s.minHoursWeek > s.maxHoursWeek) {
      add(`staff[${i}].minHoursWeek`, `${s.minHoursWeek} exceeds maxHoursWeek ${s.maxHoursWeek}`);
    }
    s.availability.forEach((w, j) => {
      if (clockToMinutes(w.from) >= clockToMinutes(w.to)) {
        add(`staff[${i}].availability[${j}].from`, `must be before to (${w.from} ≥ ${w.to})`);
      }
    });
    for (const key of ['desiredShifts', 'undesiredShifts'] as const) {
      s.preferences?.[key]?.forEach((id, j) => {
        if (!templateIds.has(id)) add(`staff[${i}].preferences.${key}[${j}]`, `unknown shift template ${id}`);
      });
    }
  });
}

function crossReferenceIssues(p: RosterProblem): ErrorLocation[] {
  const issues: ErrorLocation[] = [];
  const add: Add = (field, message) => void issues.push({ field, message: `${field}: ${message}` });
  if (isoDayOfWeek(p.weekStart) !== 1) add('weekStart', `must be a Monday, got ${p.weekStart}`);
  if (p.timeZone !== undefined && !isTimeZone(p.timeZone))
    add('timeZone', `must be an IANA zone name, got "${p.timeZone}"`);
  const requirementSkills = requirementIssues(p, add);
  const templateIds = templateIssues(p, requirementSkills, issues, add);
  staffIssues(p, templateIds, add);
  return issues;
}

/** Validates `input` and returns the problem with defaults filled in; throws BAD_USER_INPUT. */
export function parseRosterProblem(input: unknown): RosterProblem {
  const parsed = rosterProblemSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => {
      const field = formatPath(issue.path);
      return { field, message: `${field || '(root)'}: ${issue.message}` };
    });
    throw badInput(`Invalid roster problem: ${at(details, 0).message}`, details);
  }
  const issues = crossReferenceIssues(parsed.data);
  const [firstIssue] = issues;
  if (firstIssue) throw badInput(`Invalid roster problem: ${firstIssue.message}`, issues);
  return parsed.data;
}
