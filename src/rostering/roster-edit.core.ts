/**
 * Manual roster edits as a pure function: ADD, MOVE, REMOVE and SWAP applied to a list of
 * assignments. The result is not checked here; the service re-checks it with the checker.
 */
import { badInput } from '../errors';
import { at } from '../common/indexed';
import { daysBetween, isIsoDate } from '../common/calendar';
import type { RosterProblem } from './roster-problem-schema';
import type { RosterAssignment } from './roster.types';
import { candidateAssignment, weekShifts } from './milp/shift-candidates';

export type AssignmentAction = 'ADD' | 'MOVE' | 'REMOVE' | 'SWAP';

/**
 * One manual change: add a shift, move one (to another person, day, template or skill),
 * remove one, or swap the shifts of two people on one date.
 */
export interface AssignmentChange {
  action: AssignmentAction;
  /** Whose shift (ADD: who gets it). */
  staffId: string;
  /** Day of the shift (ADD: the new day), YYYY-MM-DD. */
  date: string;
  /** ADD: required. */
  shiftTemplateId?: string | null;
  /** ADD: defaults to the first skill of the template the person has. */
  skill?: string | null;
  /** MOVE: to another person. SWAP: required, the other person of the exchange. */
  toStaffId?: string | null;
  toDate?: string | null;
  toShiftTemplateId?: string | null;
  toSkill?: string | null;
}

function locate(assignments: RosterAssignment[], staffId: string, date: string): number {
  const i = assignments.findIndex((a) => a.staffId === staffId && a.date === date);
  if (i < 0)
    throw badInput(`No assignment of ${staffId} on ${date}`, [
      { field: 'staffId', message: 'no assignment that day' },
    ]);
  return i;
}

/** The assignment a template gives on a date (times from the template). */
function makeAssignment(
  problem: RosterProblem,
  staffId: string,
  date: string,
  templateId: string,
  skill: string | null | undefined,
): RosterAssignment {
  const template = problem.shiftTemplates.find((t) => t.id === templateId);
  if (!template)
    throw badInput(`Unknown shift template ${templateId} for this roster`, [
      { field: 'shiftTemplateId', message: 'unknown shift template' },
    ]);
  const staff = problem.staff.find((s) => s.id === staffId);
  if (!staff)
    throw badInput(`Staff ${staffId} is not part of this roster's problem`, [
      { field: 'staffId', message: 'unknown staff' },
    ]);
  const day = isIsoDate(date) ? daysBetween(problem.weekStart, date) : NaN;
  const shift = weekShifts(problem).find(
    (s) => at(problem.shiftTemplates, s.templateIndex).id === templateId && s.day === day,
  );
  if (!shift)
    throw badInput(`Shift template ${template.name ?? templateId} does not run on ${date} of this week`, [
      { field: 'date', message: 'template does not run that day' },
    ]);
  const chosen = skill ?? template.skills.find((k) => staff.skills.includes(k)) ?? template.skills[0];
  if (chosen === undefined)
    throw badInput(`Shift template ${template.name ?? templateId} has no skills`, [
      { field: 'shiftTemplateId', message: 'template has no skills' },
    ]);
  return candidateAssignment(problem, { staffIndex: problem.staff.indexOf(staff), shift, skill: chosen });
}

export function applyChange(
  problem: RosterProblem,
  current: RosterAssignment[],
  change: AssignmentChange,
): RosterAssignment[] {
  const out = [...current];
  if (change.action === 'ADD') {
    if (!change.shiftTemplateId)
      throw badInput('shiftTemplateId is required to add a shift', [
        { field: 'shiftTemplateId', message: 'required for ADD' },
      ]);
    out.push(makeAssignment(problem, change.staffId, change.date, change.shiftTemplateId, change.skill));
    return out;
  }
  const i = locate(out, change.staffId, change.date);
  const old = at(out, i);
  out.splice(i, 1);
  if (change.action === 'REMOVE') return out;
  if (change.action === 'SWAP') return swap(problem, out, old, change.toStaffId);
  const moved = makeAssignment(
    problem,
    change.toStaffId ?? old.staffId,
    change.toDate ?? old.date,
    change.toShiftTemplateId ?? old.shiftTemplateId,
    change.toSkill ?? (change.toShiftTemplateId ? null : old.skill),
  );
  out.push(moved);
  return out;
}

/** The skill `a` served, kept when `staffId` has it too; otherwise the template default. */
function skillFor(problem: RosterProblem, staffId: string, a: RosterAssignment): string | null {
  const staff = problem.staff.find((s) => s.id === staffId);
  return staff?.skills.includes(a.skill) ? a.skill : null;
}

/**
 * SWAP: `old` (already taken out of `rest`) goes to `toStaffId`; the other person's shift
 * that day, when there is one, goes the other way. Each side gets the template's own times
 * and breaks, as a fresh assignment.
 */
function swap(
  problem: RosterProblem,
  rest: RosterAssignment[],
  old: RosterAssignment,
  toStaffId: string | null | undefined,
): RosterAssignment[] {
  if (!toStaffId)
    throw badInput('toStaffId is required to swap shifts', [
      { field: 'toStaffId', message: 'required for SWAP' },
    ]);
  if (toStaffId === old.staffId)
    throw badInput('A swap needs two different people', [
      { field: 'toStaffId', message: 'same person as staffId' },
    ]);
  const j = rest.findIndex((a) => a.staffId === toStaffId && a.date === old.date);
  const [other] = j >= 0 ? rest.splice(j, 1) : [];
  rest.push(
    makeAssignment(problem, toStaffId, old.date, old.shiftTemplateId, skillFor(problem, toStaffId, old)),
  );
  if (other)
    rest.push(
      makeAssignment(
        problem,
        old.staffId,
        other.date,
        other.shiftTemplateId,
        skillFor(problem, old.staffId, other),
      ),
    );
  return rest;
}
