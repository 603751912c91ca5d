/** Plain, JSON-safe result types of the rostering core (no -1 sentinels: null when absent). */

export type RosterStatus = 'OPTIMAL' | 'FEASIBLE' | 'INFEASIBLE' | 'ERROR';

export interface RosterAssignment {
  staffId: string;
  /** Start date of the shift, YYYY-MM-DD. */
  date: string;
  shiftTemplateId: string;
  /** ISO local datetimes, `YYYY-MM-DDTHH:MM:00`. */
  start: string;
  end: string;
  skill: string;
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
  | 'MAX_CONSECUTIVE_DAYS';

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

export interface StaffIssue {
  staffId: string;
  reason: string;
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
  fairness: {
    hoursDeviationStdDev: number | null;
    weekendShiftsMin: number | null;
    weekendShiftsMax: number | null;
    weekendShiftsSpread: number | null;
  };
  preferencesMetPercent: number | null;
  solver: { status: RosterStatus | null; seconds: number | null; gap: number | null; heuristic: boolean };
}

export interface RosterProgress {
  phase: 'validate' | 'build' | 'solve' | 'heuristic' | 'check' | 'done';
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
  heuristic: boolean;
  diagnosis: RosterDiagnosis | null;
  violations: Violation[];
  warnings: Warning[];
  kpis: RosterKpis | null;
  model: { variables: number; binaries: number; rows: number } | null;
  message: string | null;
}
