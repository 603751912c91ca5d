/** What every constraint family of the roster MILP reads and writes while the model is built. */
import type { MilpBuilder } from './milp-builder';
import type { RosterProblem } from '../roster-problem-schema';
import type { Candidate, ShiftInstance } from './shift-candidates';

/** Assignments identical for coverage: one (day, template, skill). */
export interface ShiftGroup {
  /** `day_template_skillIndex`, LP-safe. */
  key: string;
  skill: string;
  shift: ShiftInstance;
  /** Candidate indices of the group, ascending. */
  members: number[];
  /** Column of n[g] = Σ x of the members. */
  nCol: number;
}

/** y[g,j,t]: how many of group g start break j at minute t. */
export interface BreakColumn {
  group: number;
  /** Break index within the shift's breaks. */
  breakIndex: number;
  /** Absolute start minute. */
  start: number;
  col: number;
}

export interface BuildContext {
  problem: RosterProblem;
  b: MilpBuilder;
  candidates: Candidate[];
  /** Column of candidate i's binary x. */
  xCol: number[];
  /** Candidate indices per staff index. */
  byStaff: number[][];
  /** Filled by `addShiftGroups` before any family runs. */
  groups: ShiftGroup[];
  /** Filled by `addBreakRows`. */
  breakCols: BreakColumn[];
}

export const sumTerms = (cols: number[], coef = 1): [number, number][] => cols.map((c) => [c, coef]);
