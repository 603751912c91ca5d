/** Plain, JSON-safe result types of the rostering core (no -1 sentinels: null when absent). */
import type { AssignedShift } from '../common/assigned-shift';

export type RosterStatus = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'ERROR';

/** One placed break of an assignment (ISO local datetimes like the shift). */
export interface RosterBreak {
  start: string;
  end: string;
  paid: boolean;
}

export interface RosterAssignment extends AssignedShift {
  /**
   * Breaks in template order, each inside its window. Rosters stored before break rules
   * have none; their templates' breaks are then reported missing by the checker.
   */
  breaks: RosterBreak[];
}

export type ViolationRule =
  | 'UNKNOWN_REFERENCE'
  | 'TEMPLATE_DAY'
  | 'TEMPLATE_TIME'
  | 'SKILL'
  | 'AVAILABILITY'
  | 'ONE_SHIFT_PER_DAY'
  | 'REST'
  | 'MAX_HOURS'
  | 'MIN_HOURS'
  | 'MAX_DAYS'
  | 'MAX_CONSECUTIVE_DAYS'
  | 'BREAK';

export interface Violation {
  rule: ViolationRule;
  staffId: string | null;
  message: string;
}

export interface Warning {
  kind: 'UNDER_COVER' | 'PREFERENCE';
  message: string;
}

/** A run of intervals of one skill whose requirement exceeds what all eligible staff can give. */
export interface UncoverableRange {
  skill: string;
  start: string;
  end: string;
  required: number;
  /** Most agents that could ever be present in the worst interval of the range. */
  maxPossible: number;
  reason: string;
}

/**
 * Why a person's contract minimum cannot be met this week:
 * - MIN_HOURS_ABOVE_SHIFTS: the minimum exceeds the hours of the shifts they can work at
 *   all (their best maxDaysWeek days, capped at maxHoursWeek), found before solving;
 * - MIN_HOURS_UNREACHABLE: the shifts exist, but no week of them meets the minimum together
 *   with rest, day and hour limits (found by a solve with the minimum relaxed, or by the
 *   greedy roster when no time was left).
 */
export type StaffIssueCode = 'MIN_HOURS_ABOVE_SHIFTS' | 'MIN_HOURS_UNREACHABLE';

export interface StaffIssue {
  staffId: string;
  reason: string;
  /** Absent on diagnoses stored before 2026-12-04. */
  code?: StaffIssueCode;
  /** The week's minimum (the contract's, less credited days off). */
  minHoursWeek?: number;
  /** The most hours found possible: the shifts' upper bound, or the best week found. */
  reachableHours?: number;
}

export interface RosterDiagnosis {
  uncoverable: UncoverableRange[];
  staff: StaffIssue[];
  messages: string[];
}

export interface SkillKpi {
  skill: string;
  requiredHours: number;
  coveragePercent: number | null;
  underStaffedHours: number;
  overStaffedHours: number;
}

export interface StaffHoursKpi {
  staffId: string;
  paidHours: number;
  minHoursWeek: number;
  maxHoursWeek: number;
  targetHoursWeek: number;
  deviation: number;
  shifts: number;
  weekendShifts: number;
}

export interface RosterKpis {
  skills: SkillKpi[];
  labourCost: number;
  staff: StaffHoursKpi[];
  fairness: FairnessKpis;
  preferencesMetPercent: number | null;
  solver: SolverKpis;
}

export interface FairnessKpis {
  hoursDeviationStdDev: number | null;
  weekendShiftsMin: number | null;
  weekendShiftsMax: number | null;
  weekendShiftsSpread: number | null;
}

export interface SolverKpis {
  status: RosterStatus | null;
  seconds: number | null;
  gap: number | null;
  heuristic: boolean;
}

export type RosterPhase = 'validate' | 'heuristic' | 'build' | 'solve' | 'check' | 'done';

/** Which roster was returned: the greedy one or HiGHS' (whichever has the lower objective). */
export type RosterSource = 'GREEDY' | 'MILP';

/** Wall-clock seconds spent per phase of one solve, against its time limit. */
export interface RosterTiming {
  timeLimitSeconds: number;
  phases: { phase: RosterPhase; seconds: number }[];
  /** The time limit handed to HiGHS (null when HiGHS did not run). */
  solverLimitSeconds: number | null;
}

export interface RosterProgress {
  phase: RosterPhase;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedSeconds: number;
}

export interface RosterResult {
  status: RosterStatus;
  /** HiGHS' status text (e.g. `Optimal`, `Time limit reached`), null when HiGHS did not run. */
  solverStatus: string | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  assignments: RosterAssignment[];
  /** True when the greedy roster was returned (source GREEDY). */
  heuristic: boolean;
  /** Null only when no roster came back (INFEASIBLE, ERROR). */
  source: RosterSource | null;
  /** Objective of the greedy roster, always computed (null when none was built). */
  greedyObjective: number | null;
  /** Objective of HiGHS' best roster (null when HiGHS found none or did not run). */
  milpObjective: number | null;
  timing: RosterTiming;
  diagnosis: RosterDiagnosis | null;
  violations: Violation[];
  warnings: Warning[];
  kpis: RosterKpis | null;
  model: { variables: number; binaries: number; breakColumns: number; rows: number } | null;
  message: string | null;
}
