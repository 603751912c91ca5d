/**
 * Builds the weekly roster MILP from a validated problem. Pure: no solver, no I/O.
 *
 * Variables: binary x[s,d,t,k] for every candidate (see shift-candidates.ts), the
 * group totals n[g] and integer break starts y[g,j,t] (roster-coverage.ts), plus the
 * auxiliary columns of the families in roster-constraints.ts. Objective: labour
 * cost (hourlyCost × paid hours) on x + the penalties each family adds.
 */
import { MilpBuilder, type MilpModel } from './milp-builder';
import type { BreakColumn, ShiftGroup } from './build-context';
import { addBreakRows, addCoverageRows, addShiftGroups } from './roster-coverage';
import {
  addConsecutiveDaysRows,
  addContractDeviationTerms,
  addContractHoursRows,
  addMaxDaysRows,
  addOneShiftPerDayRows,
  addPreferenceTerms,
  addRestRows,
  addWeekendFairnessTerms,
  type BuildContext,
} from './roster-constraints';
import type { RosterProblem } from '../roster-problem-schema';
import type { RosterResult } from '../roster.types';
import { addFixedAssignmentRows, type FixedAssignments } from './roster-repair';
import { addCandidateRewardTerms, type CandidateRewards } from './roster-rewards';
import { enumerateCandidates, type Candidate } from './shift-candidates';

export const CONSTRAINT_FAMILIES = [
  'breaks',
  'coverage',
  'oneShiftPerDay',
  'rest',
  'contractHours',
  'maxDays',
  'consecutiveDays',
  'contractDeviation',
  'weekendFairness',
  'preferences',
] as const;
export type ConstraintFamily = (typeof CONSTRAINT_FAMILIES)[number];

export interface BuildOptions {
  /** Families to leave out (tests use this to show each family binds). */
  disable?: readonly ConstraintFamily[];
  /** `soft` prices minimum-hours shortfall instead of enforcing it (infeasibility diagnosis). */
  minHours?: 'hard' | 'soft';
  /** Repair: keep the published assignments outside the free region (roster-repair.ts). */
  fixed?: FixedAssignments;
  /** Learned soft rewards per candidate (roster-rewards.ts). */
  rewards?: CandidateRewards;
}

export interface RosterModel {
  milp: MilpModel;
  candidates: Candidate[];
  /** Column of candidate i's x. */
  xCol: number[];
  /** Candidates grouped by (day, template, skill), with the column of each group's total. */
  groups: ShiftGroup[];
  /** The integer break-start columns y[g,j,t]. */
  breakCols: BreakColumn[];
  binaries: number;
  /** Break-start count columns y[g,j,t]. */
  breakColumns: number;
}

/** The model's size as results report it. */
export const modelSize = (model: RosterModel): NonNullable<RosterResult['model']> => ({
  variables: model.milp.columns.length,
  binaries: model.binaries,
  breakColumns: model.breakColumns,
  rows: model.milp.rows.length,
});

export function buildRosterModel(
  problem: RosterProblem,
  options: BuildOptions = {},
  candidates: Candidate[] = enumerateCandidates(problem),
): RosterModel {
  const off = new Set(options.disable ?? []);
  const b = new MilpBuilder();
  const byStaff: number[][] = problem.staff.map(() => []);
  const xCol = candidates.map((c, i) => {
    byStaff[c.staffIndex].push(i);
    const t = c.shift.templateIndex;
    const k = problem.shiftTemplates[t].skills.indexOf(c.skill);
    const cost = problem.staff[c.staffIndex].hourlyCost * c.shift.paidHours;
    return b.addColumn(`x_${c.staffIndex}_${c.shift.day}_${t}_${k}`, 'binary', cost);
  });
  const ctx: BuildContext = { problem, b, candidates, xCol, byStaff, groups: [], breakCols: [] };
  addShiftGroups(ctx);
  const families: Record<ConstraintFamily, () => void> = {
    breaks: () => addBreakRows(ctx),
    coverage: () => addCoverageRows(ctx),
    oneShiftPerDay: () => addOneShiftPerDayRows(ctx),
    rest: () => addRestRows(ctx),
    contractHours: () => addContractHoursRows(ctx, options.minHours ?? 'hard'),
    maxDays: () => addMaxDaysRows(ctx),
    consecutiveDays: () => addConsecutiveDaysRows(ctx),
    contractDeviation: () => addContractDeviationTerms(ctx),
    weekendFairness: () => addWeekendFairnessTerms(ctx),
    preferences: () => addPreferenceTerms(ctx),
  };
  for (const family of CONSTRAINT_FAMILIES) if (!off.has(family)) families[family]();
  if (options.fixed) addFixedAssignmentRows(ctx, options.fixed);
  if (options.rewards) addCandidateRewardTerms(ctx, options.rewards);
  return {
    milp: b.build(),
    candidates,
    xCol,
    groups: ctx.groups,
    breakCols: ctx.breakCols,
    binaries: candidates.length,
    breakColumns: ctx.breakCols.length,
  };
}
