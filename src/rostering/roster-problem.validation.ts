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
import {
  requirementSchema,
  ROSTER_PROBLEM_LIMITS,
  rosterProblemSchema,
  shiftTemplateSchema,
  staffSchema,
  type RosterProblem,
} from './roster-problem-schema';
import type { TimeSlicer } from '../time-slicer';
import type { z } from 'zod';

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

const schemaIssue =
  (prefix: readonly PropertyKey[]) =>
  (issue: z.core.$ZodIssue): ErrorLocation => {
    const field = formatPath([...prefix, ...issue.path]);
    return { field, message: `${field || '(root)'}: ${issue.message}` };
  };

/** Throws BAD_USER_INPUT when there are issues; returns the problem otherwise. */
function checked(problem: RosterProblem | null, schemaIssues: ErrorLocation[]): RosterProblem {
  const [firstSchemaIssue] = schemaIssues;
  if (firstSchemaIssue || !problem)
    throw badInput(`Invalid roster problem: ${at(schemaIssues, 0).message}`, schemaIssues);
  const issues = crossReferenceIssues(problem);
  const [firstIssue] = issues;
  if (firstIssue) throw badInput(`Invalid roster problem: ${firstIssue.message}`, issues);
  return problem;
}

/** Validates `input` and returns the problem with defaults filled in; throws BAD_USER_INPUT. */
export function parseRosterProblem(input: unknown): RosterProblem {
  const parsed = rosterProblemSchema.safeParse(input);
  return parsed.success ? checked(parsed.data, []) : checked(null, parsed.error.issues.map(schemaIssue([])));
}

const LISTS = ['staff', 'shiftTemplates', 'requirements'] as const;
type ListKey = (typeof LISTS)[number];
const ELEMENTS = { staff: staffSchema, shiftTemplates: shiftTemplateSchema, requirements: requirementSchema };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `parseRosterProblem` for the server's thread: the same answer (problem or issues, in the same
 * order), but each person, template and requirement is parsed on its own with a pause whenever
 * `slicer` is due. A 1,000-person week took 70-150 ms in one piece, 64 quarter-hour requirements
 * about 90 ms.
 */
export async function parseRosterProblemSliced(input: unknown, slicer: TimeSlicer): Promise<RosterProblem> {
  // a list over its maximum is refused by the whole schema at once, before its items
  const sliceable = (key: ListKey): boolean =>
    isRecord(input) && Array.isArray(input[key]) && input[key].length <= ROSTER_PROBLEM_LIMITS[key];
  if (!isRecord(input) || !LISTS.every(sliceable)) return parseRosterProblem(input);
  const shell = rosterProblemSchema.safeParse({ ...input, staff: [], shiftTemplates: [], requirements: [] });
  const shellIssues = shell.success ? [] : shell.error.issues.map(schemaIssue([]));
  // the whole schema reports in its key order: weekStart, intervalMinutes, the lists, options
  const issues = shellIssues.filter((i) => !i.field?.startsWith('options'));
  const lists: Record<ListKey, unknown[]> = { staff: [], shiftTemplates: [], requirements: [] };
  for (const key of LISTS) {
    for (const [i, item] of (input[key] as unknown[]).entries()) {
      if (slicer.due) await slicer.pause();
      const parsed = ELEMENTS[key].safeParse(item);
      if (parsed.success) lists[key].push(parsed.data);
      else issues.push(...parsed.error.issues.map(schemaIssue([key, i])));
    }
  }
  issues.push(...shellIssues.filter((i) => i.field?.startsWith('options')));
  if (slicer.due) await slicer.pause();
  return checked(shell.success ? ({ ...shell.data, ...lists } as RosterProblem) : null, issues);
}
