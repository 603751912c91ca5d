/**
 * KPIs and the objective value of a roster, computed from the problem and the assignments
 * only. `rosterObjective` prices a roster exactly like the MILP objective, so a heuristic
 * roster and a solver roster compare on the same scale.
 */
import { intervalsPerWeek } from './calendar-util';
import {
  coverageBySkill,
  preferenceMissReasons,
  workedShift,
  workedShifts,
  type WorkedShift,
} from './roster-facts.validation';
import type { RosterProblem } from './roster-problem-schema';
import type { RosterAssignment, RosterKpis, SkillKpi, StaffHoursKpi } from './roster.types';
import { sum } from '../common/sum';
import { groupBy } from '../common/group-by';

const round = (v: number, digits = 4): number => Number(v.toFixed(digits));

/** Agents per interval on a required skill (every requirement has its row; zeros otherwise). */
const skillCoverage = (problem: RosterProblem, coverage: Map<string, number[]>, skill: string): number[] =>
  coverage.get(skill) ?? new Array<number>(intervalsPerWeek(problem.intervalMinutes)).fill(0);

function skillKpis(problem: RosterProblem, shifts: WorkedShift[]): SkillKpi[] {
  const coverage = coverageBySkill(problem, shifts);
  const hours = problem.intervalMinutes / 60;
  return problem.requirements.map((r) => {
    const got = skillCoverage(problem, coverage, r.skill);
    let required = 0;
    let met = 0;
    let under = 0;
    let over = 0;
    r.values.forEach((need, i) => {
      required += need;
      met += Math.min(need, got[i]);
      under += Math.max(0, need - got[i]);
      over += Math.max(0, got[i] - need);
    });
    return {
      skill: r.skill,
      requiredHours: round(required * hours),
      coveragePercent: required > 0 ? round((100 * met) / required, 2) : null,
      underStaffedHours: round(under * hours),
      overStaffedHours: round(over * hours),
    };
  });
}

function staffKpis(problem: RosterProblem, shifts: WorkedShift[]): StaffHoursKpi[] {
  const byStaff = groupBy(shifts, (w) => w.assignment.staffId);
  return problem.staff.map((s) => {
    const own = byStaff.get(s.id) ?? [];
    const paid = sum(own, (w) => w.paidHours);
    const target = s.targetHoursWeek ?? s.maxHoursWeek;
    return {
      staffId: s.id,
      paidHours: round(paid),
      minHoursWeek: s.minHoursWeek,
      maxHoursWeek: s.maxHoursWeek,
      targetHoursWeek: target,
      deviation: round(paid - target),
      shifts: own.length,
      weekendShifts: own.filter((w) => w.weekend).length,
    };
  });
}

type PricedShift = Pick<WorkedShift, 'staff' | 'paidHours'>;

/** Hourly cost × paid hours of one shift, unrounded. */
const shiftCost = (w: PricedShift): number => (w.staff?.hourlyCost ?? 0) * w.paidHours;

/** Σ of the shifts' unrounded costs: the MILP's price of the shifts (rosterObjective). */
const labourCost = (shifts: WorkedShift[]): number => sum(shifts, shiftCost);

/**
 * What one shift costs in whole cents (hourly cost × paid hours, half a cent up). Every
 * published labour cost is a sum of these: the roster's KPI, the outcome's per day and per
 * week, so the days of an export add up to its week to the cent. Until 2026-12-04 each day
 * and the week were rounded apart: the demo's week 2026-11-23 showed days summing to
 * 64,917.90 beside a week of 64,917.88. `toPrecision(12)` drops binary noise first
 * (18.37 × 7.5 is 137.77499… in floating point, 137.78 on a payslip).
 */
export const shiftCostCents = (w: PricedShift): number =>
  Math.round(Number((shiftCost(w) * 100).toPrecision(12)));

/** Σ of the shifts' costs in cents, as money (two decimals). */
const labourCostOf = (shifts: readonly PricedShift[]): number => sum(shifts, shiftCostCents) / 100;

export function rosterKpis(
  problem: RosterProblem,
  assignments: RosterAssignment[],
  shifts: WorkedShift[] = workedShifts(problem, assignments),
): RosterKpis {
  const staff = staffKpis(problem, shifts);
  const deviations = staff.map((s) => s.deviation);
  const mean = sum(deviations) / Math.max(deviations.length, 1);
  const variance = sum(deviations, (d) => (d - mean) ** 2) / Math.max(deviations.length, 1);
  const weekend = staff.map((s) => s.weekendShifts);
  // per shift of someone with preferences: whether it meets them all
  const checks = shifts.flatMap((w) =>
    w.staff?.preferences ? [preferenceMissReasons(w.staff, w).length === 0] : [],
  );
  const met = checks.filter(Boolean).length;
  return {
    skills: skillKpis(problem, shifts),
    labourCost: labourCostOf(shifts),
    staff,
    fairness: {
      hoursDeviationStdDev: staff.length > 0 ? round(Math.sqrt(variance)) : null,
      weekendShiftsMin: staff.length > 0 ? Math.min(...weekend) : null,
      weekendShiftsMax: staff.length > 0 ? Math.max(...weekend) : null,
      weekendShiftsSpread: staff.length > 0 ? Math.max(...weekend) - Math.min(...weekend) : null,
    },
    preferencesMetPercent: checks.length > 0 ? round((100 * met) / checks.length, 2) : null,
    solver: { status: null, seconds: null, gap: null, heuristic: false },
  };
}

/**
 * A roster's overall coverage: the per-skill coverage weighted by required hours (null when
 * nothing is required). The scheduling KPIs read it of a roster's KPIs now and as generated.
 */
export function rosterCoveragePercent(
  skills: Pick<SkillKpi, 'requiredHours' | 'coveragePercent'>[],
): number | null {
  const required = sum(skills, (s) => s.requiredHours);
  if (required === 0) return null;
  return sum(skills, (s) => s.requiredHours * (s.coveragePercent ?? 100)) / required;
}

/**
 * The MILP objective re-computed from assignments: labour cost + under/over-cover +
 * contract deviation + weekend maximum + preference misses (same prices as the model).
 */
export function rosterObjective(problem: RosterProblem, assignments: RosterAssignment[]): number {
  const p = problem.options.penalties;
  const shifts = assignments.map((a) => workedShift(problem, a));
  const hours = problem.intervalMinutes / 60;
  const coverage = coverageBySkill(problem, shifts);
  let cover = 0;
  for (const r of problem.requirements) {
    const got = skillCoverage(problem, coverage, r.skill);
    r.values.forEach((need, i) => {
      cover += hours * (p.underCover * Math.max(0, need - got[i]) + p.overCover * Math.max(0, got[i] - need));
    });
  }
  const staff = staffKpis(problem, shifts);
  const deviation = p.contractDeviation * sum(staff, (s) => Math.abs(s.paidHours - s.targetHoursWeek));
  const weekend = p.weekendFairness * Math.max(0, ...staff.map((s) => s.weekendShifts));
  const misses = sum(shifts, (w) => (w.staff ? preferenceMissReasons(w.staff, w).length : 0));
  return labourCost(shifts) + cover + deviation + weekend + p.preference * misses;
}
