/**
 * One function per constraint family. Each adds its rows (and any auxiliary columns and
 * objective terms) to the builder and touches nothing else, so a family can be switched
 * off in tests to show that it binds.
 */
import { at } from '../../common/indexed';
import { DAYS_PER_WEEK, previousEndToReal } from '../calendar-util';
import type { RosterProblem } from '../roster-problem-schema';
import type { Candidate } from './shift-candidates';
import { sumTerms, type BuildContext } from './build-context';
import { sum } from '../../common/sum';
import { groupBy } from '../../common/group-by';

export type { BuildContext } from './build-context';

function staffDayColumns(ctx: BuildContext, staffIndex: number): number[][] {
  const days: number[][] = Array.from({ length: DAYS_PER_WEEK }, () => []);
  for (const ci of at(ctx.byStaff, staffIndex))
    at(days, at(ctx.candidates, ci).shift.day).push(at(ctx.xCol, ci));
  return days;
}

/** At most one shift per person and start day. */
export function addOneShiftPerDayRows(ctx: BuildContext): void {
  ctx.byStaff.forEach((_, s) => {
    staffDayColumns(ctx, s).forEach((cols, d) => {
      if (cols.length > 1) ctx.b.addRow(`one_${s}_${d}`, sumTerms(cols), -Infinity, 1);
    });
  });
}

/**
 * Minimum rest between shifts: for each shift A of a person and each later day, A plus every
 * shift of that day starting less than `minRestHours` after A ends is at most 1. Shifts
 * starting too soon after `previousWeek.lastShiftEnd` are fixed to 0.
 */
export function addRestRows(ctx: BuildContext): void {
  const { problem, b, candidates } = ctx;
  const rest = problem.options.minRestHours * 60;
  problem.staff.forEach((staff, s) => {
    const own = at(ctx.byStaff, s);
    const lastEnd = staff.previousWeek?.lastShiftEnd;
    if (lastEnd !== undefined) {
      const earliest = previousEndToReal(problem, lastEnd) + rest;
      const blocked = own
        .filter((ci) => at(candidates, ci).shift.start < earliest)
        .map((ci) => at(ctx.xCol, ci));
      if (blocked.length > 0) b.addRow(`prev_${s}`, sumTerms(blocked), -Infinity, 0);
    }
    const byShift = groupBy(own, (ci) => {
      const { day, templateIndex } = at(candidates, ci).shift;
      return `${day}_${templateIndex}`;
    });
    for (const [key, group] of byShift) {
      const a = at(candidates, at(group, 0)).shift;
      for (let d = a.day + 1; d < DAYS_PER_WEEK; d++) {
        const conflicts = own.filter((ci) => {
          const bShift = at(candidates, ci).shift;
          return bShift.day === d && bShift.start < a.end + rest;
        });
        if (conflicts.length === 0) continue;
        const cols = [...group, ...conflicts].map((ci) => at(ctx.xCol, ci));
        b.addRow(`rest_${s}_${key}_${d}`, sumTerms(cols), -Infinity, 1);
      }
    }
  });
}

/**
 * Paid hours per week (duration − break) within [minHoursWeek, maxHoursWeek]. With
 * `soft`, a shortfall column priced at `penalties.minHoursShortfall` relaxes the minimum
 * (used only to diagnose infeasibility).
 */
export function addContractHoursRows(ctx: BuildContext, minHours: 'hard' | 'soft' = 'hard'): void {
  const { problem, b, candidates } = ctx;
  problem.staff.forEach((staff, s) => {
    const terms = at(ctx.byStaff, s).map((ci): [number, number] => [
      at(ctx.xCol, ci),
      at(candidates, ci).shift.paidHours,
    ]);
    const most = sum(terms, ([, h]) => h);
    if (most > staff.maxHoursWeek) b.addRow(`hmax_${s}`, terms, -Infinity, staff.maxHoursWeek);
    if (staff.minHoursWeek <= 0) return;
    if (minHours === 'soft') {
      const short = b.addColumn(`short_${s}`, 'continuous', problem.options.penalties.minHoursShortfall);
      b.addRow(`hmin_${s}`, [...terms, [short, 1]], staff.minHoursWeek, Infinity);
    } else {
      b.addRow(`hmin_${s}`, terms, staff.minHoursWeek, Infinity);
    }
  });
}

/** Working days per week ≤ maxDaysWeek (one shift per day makes Σx the number of days). */
export function addMaxDaysRows(ctx: BuildContext): void {
  ctx.problem.staff.forEach((staff, s) => {
    const days = staffDayColumns(ctx, s);
    if (days.filter((cols) => cols.length > 0).length <= staff.maxDaysWeek) return;
    ctx.b.addRow(`days_${s}`, sumTerms(days.flat()), -Infinity, staff.maxDaysWeek);
  });
}

/**
 * Max consecutive working days C: every window of C + 1 consecutive days holds at most C
 * working days. Windows reaching back into the previous week count its last
 * `previousWeek.consecutiveDaysWorked` days as worked.
 */
export function addConsecutiveDaysRows(ctx: BuildContext): void {
  ctx.problem.staff.forEach((staff, s) => {
    const c = staff.maxConsecutiveDays;
    if (c === undefined) return;
    const prior = staff.previousWeek?.consecutiveDaysWorked ?? 0;
    const days = staffDayColumns(ctx, s);
    for (let a = -c; a + c < DAYS_PER_WEEK; a++) {
      const rhs = c - Math.min(Math.max(-a, 0), prior);
      const cols: number[] = [];
      let workableDays = 0;
      for (let d = Math.max(a, 0); d <= a + c; d++) {
        const day = at(days, d);
        cols.push(...day);
        if (day.length > 0) workableDays++;
      }
      if (workableDays <= rhs) continue;
      ctx.b.addRow(`consec_${s}_${a < 0 ? `m${-a}` : a}`, sumTerms(cols), -Infinity, rhs);
    }
  });
}

/** Soft: |paid hours − target| priced at `penalties.contractDeviation` per hour (target defaults to max). */
export function addContractDeviationTerms(ctx: BuildContext): void {
  const { problem, b, candidates } = ctx;
  const price = problem.options.penalties.contractDeviation;
  if (price <= 0) return;
  problem.staff.forEach((staff, s) => {
    const target = staff.targetHoursWeek ?? staff.maxHoursWeek;
    const plus = b.addColumn(`devp_${s}`, 'continuous', price);
    const minus = b.addColumn(`devm_${s}`, 'continuous', price);
    const terms = at(ctx.byStaff, s).map((ci): [number, number] => [
      at(ctx.xCol, ci),
      at(candidates, ci).shift.paidHours,
    ]);
    b.addRow(`dev_${s}`, [...terms, [plus, -1], [minus, 1]], target, target);
  });
}

/** Soft: weekend shifts spread evenly — the largest weekend-shift count of anyone is priced. */
export function addWeekendFairnessTerms(ctx: BuildContext): void {
  const { problem, b, candidates } = ctx;
  const price = problem.options.penalties.weekendFairness;
  if (price <= 0) return;
  let most = -1;
  problem.staff.forEach((_, s) => {
    const cols = at(ctx.byStaff, s)
      .filter((ci) => at(candidates, ci).shift.weekend)
      .map((ci) => at(ctx.xCol, ci));
    if (cols.length === 0) return;
    if (most < 0) most = b.addColumn('wkmax', 'continuous', price);
    b.addRow(`wknd_${s}`, [...sumTerms(cols), [most, -1]], -Infinity, 0);
  });
}

/** Number of preference misses of one candidate shift (0…2: day and template). */
export function preferenceMisses(problem: RosterProblem, c: Candidate): number {
  const prefs = at(problem.staff, c.staffIndex).preferences;
  if (!prefs) return 0;
  const dow = (c.shift.day % 7) + 1;
  const templateId = at(problem.shiftTemplates, c.shift.templateIndex).id;
  const dayMiss =
    (prefs.desiredDays && !prefs.desiredDays.includes(dow)) || prefs.undesiredDays?.includes(dow);
  const shiftMiss =
    (prefs.desiredShifts && !prefs.desiredShifts.includes(templateId)) ||
    prefs.undesiredShifts?.includes(templateId);
  return (dayMiss ? 1 : 0) + (shiftMiss ? 1 : 0);
}

/** Soft: each shift on an undesired (or, when desired ones are listed, a not desired) day or template. */
export function addPreferenceTerms(ctx: BuildContext): void {
  const price = ctx.problem.options.penalties.preference;
  ctx.candidates.forEach((c, i) => {
    const misses = preferenceMisses(ctx.problem, c);
    if (misses > 0) ctx.b.addCost(at(ctx.xCol, i), price * misses);
  });
}
