/**
 * Independent roster checker: re-derives every rule from the problem and the assignments
 * (no code shared with the model builder). Hard rules → violations; coverage shortfalls
 * and preference misses → warnings.
 */
import {
  clockToMinutes,
  minuteLabel,
  MINUTES_PER_DAY,
  previousEndToReal,
  problemClock,
} from './calendar-util';
import {
  coverageBySkill,
  coversAvailability,
  preferenceMissReasons,
  weekdayIn,
  workedShifts,
  type WorkedShift,
} from './roster-facts.validation';
import { breakRulesOf } from '../staff/shift-breaks.core';
import { at } from '../common/indexed';
import type { RosterProblem, ShiftTemplate, Staff } from './roster-problem-schema';
import type { WeekClock } from './week-clock';
import type { RosterAssignment, Violation, Warning } from './roster.types';
import { sum } from '../common/sum';
import { groupBy } from '../common/group-by';

export interface CheckReport {
  violations: Violation[];
  warnings: Warning[];
}

const EPS = 1e-6;

function checkShift(problem: RosterProblem, s: WorkedShift, out: Violation[]): void {
  const a = s.assignment;
  const v = (rule: Violation['rule'], message: string): void =>
    void out.push({
      rule,
      staffId: a.staffId,
      message: `${a.staffId} ${a.date} ${a.shiftTemplateId}: ${message}`,
    });
  if (!s.staff || !s.template) return v('UNKNOWN_REFERENCE', 'unknown staff or shift template');
  if (s.day < 0 || s.day > 6) return v('TEMPLATE_DAY', `date outside the week of ${problem.weekStart}`);
  if (!s.template.daysOfWeek.includes(weekdayIn(problem, a.date)))
    v('TEMPLATE_DAY', 'template does not run that day');
  // real minutes: the template's local start, then durationMinutes of real time
  const expectedStart = problemClock(problem).toReal(
    s.day * MINUTES_PER_DAY + clockToMinutes(s.template.start),
  );
  if (s.start !== expectedStart || s.end !== expectedStart + s.template.durationMinutes) {
    v('TEMPLATE_TIME', `times ${a.start}–${a.end} do not match the template`);
  }
  if (!s.template.skills.includes(a.skill)) v('SKILL', `template does not use skill ${a.skill}`);
  if (!s.staff.skills.includes(a.skill)) v('SKILL', `person lacks skill ${a.skill}`);
  if (!coversAvailability(problem, s.staff, s.start, s.end))
    v('AVAILABILITY', 'not available for the whole shift');
  checkBreaks(s, s.template, problemClock(problem), (message) => v('BREAK', message));
}

/**
 * Every break of the template is placed once, in order: the right duration and pay, its
 * start inside the rule's window (relative to the shift start), and no overlap. Times are
 * labelled as the local clock of the week shows them (`weekClock`: real minutes are an hour off
 * the wall clock after a clock change).
 */
export function checkBreaks(
  s: WorkedShift,
  template: ShiftTemplate,
  weekClock: WeekClock,
  fail: (message: string) => void,
): void {
  const rules = breakRulesOf(template);
  if (s.breaks.length !== rules.length) {
    fail(`${s.breaks.length} breaks placed, the template has ${rules.length}`);
    return;
  }
  const clock = (real: number): string => minuteLabel(weekClock.toWall(real));
  rules.forEach((rule, j) => {
    const b = at(s.breaks, j);
    const from = s.start + rule.earliestStartMinutes;
    const to = s.start + rule.latestStartMinutes;
    if (b.start < from - EPS || b.start > to + EPS)
      fail(`break ${j + 1} starts ${clock(b.start)}, outside its window ${clock(from)}–${clock(to)}`);
    if (Math.abs(b.end - b.start - rule.durationMinutes) > EPS)
      fail(`break ${j + 1} lasts ${b.end - b.start} min, the rule says ${rule.durationMinutes}`);
    if (b.paid !== rule.paid)
      fail(`break ${j + 1} is ${b.paid ? 'paid' : 'unpaid'}, the rule says otherwise`);
    const prev = s.breaks[j - 1];
    if (prev && b.start < prev.end - EPS) fail(`break ${j + 1} overlaps break ${j}`);
  });
}

function checkPerson(problem: RosterProblem, staff: Staff, shifts: WorkedShift[], out: Violation[]): void {
  const v = (rule: Violation['rule'], message: string): void =>
    void out.push({ rule, staffId: staff.id, message: `${staff.id}: ${message}` });
  const sorted = [...shifts].sort((x, y) => x.start - y.start);
  const days = new Set<number>();
  sorted.forEach((s) => {
    if (days.has(s.day)) v('ONE_SHIFT_PER_DAY', `two shifts on ${s.assignment.date}`);
    days.add(s.day);
  });
  const rest = problem.options.minRestHours * 60;
  const lastEnd = staff.previousWeek?.lastShiftEnd;
  let previousEnd = lastEnd === undefined ? null : previousEndToReal(problem, lastEnd);
  for (const s of sorted) {
    if (previousEnd !== null && s.start - previousEnd < rest - EPS) {
      v('REST', `only ${((s.start - previousEnd) / 60).toFixed(2)} h rest before ${s.assignment.start}`);
    }
    previousEnd = previousEnd === null ? s.end : Math.max(previousEnd, s.end);
  }
  const hours = sum(shifts, (s) => s.paidHours);
  if (hours > staff.maxHoursWeek + EPS)
    v('MAX_HOURS', `${hours} h exceeds maxHoursWeek ${staff.maxHoursWeek}`);
  if (hours < staff.minHoursWeek - EPS) v('MIN_HOURS', `${hours} h below minHoursWeek ${staff.minHoursWeek}`);
  if (days.size > staff.maxDaysWeek)
    v('MAX_DAYS', `${days.size} days exceeds maxDaysWeek ${staff.maxDaysWeek}`);
  const limit = staff.maxConsecutiveDays;
  if (limit !== undefined) {
    let run = staff.previousWeek?.consecutiveDaysWorked ?? 0;
    for (let d = 0; d < 7; d++) {
      run = days.has(d) ? run + 1 : 0;
      if (run > limit) {
        v('MAX_CONSECUTIVE_DAYS', `${run} consecutive days up to day ${d + 1} exceeds ${limit}`);
        break;
      }
    }
  }
}

function coverageWarnings(problem: RosterProblem, shifts: WorkedShift[]): Warning[] {
  const warnings: Warning[] = [];
  const coverage = coverageBySkill(problem, shifts);
  const size = problem.intervalMinutes;
  for (const r of problem.requirements) {
    const got = coverage.get(r.skill) ?? [];
    // Short by: what is required minus what is present (nothing present where coverage has no value).
    const short = (k: number): number => at(r.values, k) - (got[k] ?? 0);
    let i = 0;
    while (i < r.values.length) {
      if (short(i) <= EPS) {
        i++;
        continue;
      }
      let j = i;
      let worst = 0;
      while (j < r.values.length && short(j) > EPS) worst = Math.max(worst, short(j++));
      warnings.push({
        kind: 'UNDER_COVER',
        message: `${r.skill} ${minuteLabel(i * size)}–${minuteLabel(j * size)}: short by up to ${+worst.toFixed(2)}`,
      });
      i = j;
    }
  }
  return warnings;
}

export function checkRoster(
  problem: RosterProblem,
  assignments: RosterAssignment[],
  shifts: WorkedShift[] = workedShifts(problem, assignments),
): CheckReport {
  const violations: Violation[] = [];
  shifts.forEach((s) => checkShift(problem, s, violations));
  const byStaff = groupBy(shifts, (s) => s.assignment.staffId);
  for (const staff of problem.staff) checkPerson(problem, staff, byStaff.get(staff.id) ?? [], violations);
  const warnings = coverageWarnings(problem, shifts);
  for (const s of shifts) {
    if (!s.staff) continue;
    for (const reason of preferenceMissReasons(s.staff, s)) {
      warnings.push({ kind: 'PREFERENCE', message: `${s.staff.id} ${s.assignment.date}: ${reason}` });
    }
  }
  return { violations, warnings };
}
