/**
 * Which published assignments current staff data breaks. The independent checker is the
 * judge: each assignment alone against the person's refreshed entry gives the shift rules
 * (availability, skill); all of the person's assignments together give the week rules
 * (hours, days, rest), reported on the person's last shift of the week. A person missing
 * from the refreshed problem is no longer active. Pure.
 */
import type { RosterProblem } from './roster-problem-schema';
import { checkRoster } from './roster.validation';
import type { RosterAssignment, ViolationRule } from './roster.types';

export type ConflictRule = ViolationRule | 'STAFF_INACTIVE';

export interface FoundConflict {
  assignment: RosterAssignment;
  rule: ConflictRule;
  reason: string;
}

const SHIFT_RULES: ReadonlySet<ViolationRule> = new Set([
  'AVAILABILITY',
  'SKILL',
  'TEMPLATE_DAY',
  'TEMPLATE_TIME',
  'UNKNOWN_REFERENCE',
]);

/** Rules whose fix may move shifts on any day of the person's week. */
export const WEEK_RULES: ReadonlySet<ConflictRule> = new Set([
  'MAX_HOURS',
  'MIN_HOURS',
  'MAX_DAYS',
  'MAX_CONSECUTIVE_DAYS',
  'REST',
  'ONE_SHIFT_PER_DAY',
]);

/**
 * Conflicts of `staffIds`' assignments under `current` (the refreshed problem).
 * `note(staffId, date)` may add context to an availability conflict (e.g. "sickness").
 */
export function findConflicts(
  current: RosterProblem,
  assignments: RosterAssignment[],
  staffIds: readonly string[],
  note: (staffId: string, date: string) => string | null = () => null,
): FoundConflict[] {
  const out: FoundConflict[] = [];
  for (const staffId of new Set(staffIds)) {
    const own = assignments
      .filter((a) => a.staffId === staffId)
      .sort((x, y) => x.start.localeCompare(y.start));
    const last = own.at(-1);
    if (last === undefined) continue;
    const entry = current.staff.find((s) => s.id === staffId);
    if (!entry) {
      for (const a of own)
        out.push({ assignment: a, rule: 'STAFF_INACTIVE', reason: `${staffId} is no longer active` });
      continue;
    }
    const alone: RosterProblem = { ...current, staff: [entry], requirements: [] };
    for (const a of own) {
      const broken = checkRoster(alone, [a]).violations.filter((v) => SHIFT_RULES.has(v.rule));
      const [first] = broken;
      if (first === undefined) continue;
      const extra = first.rule === 'AVAILABILITY' ? note(staffId, a.date) : null;
      out.push({
        assignment: a,
        rule: first.rule,
        reason: [...broken.map((v) => v.message), ...(extra ? [extra] : [])].join('; '),
      });
    }
    const week = checkRoster(alone, own).violations.filter((v) => WEEK_RULES.has(v.rule));
    for (const v of week) out.push({ assignment: last, rule: v.rule, reason: v.message });
  }
  return out;
}
