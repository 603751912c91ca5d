/**
 * The soft issues a roster keeps. The checker reports one UNDER_COVER warning per run of short
 * intervals of each skill and one PREFERENCE warning per missed preference of each shift: up to
 * 64 skills × 336 runs plus several a shift, tens of thousands on a large week. Stored whole,
 * they grew the roster document and every read of `warnings` without a bound the query cost
 * could weigh (it weighed 20). A roster keeps the first MAX_ROSTER_WARNINGS, in the checker's
 * order (under-cover by skill and time, then preferences by shift), and the count of them all.
 * Pure.
 */
import type { Warning } from './roster.types';

/** Most warnings a roster stores and an edit returns. */
export const MAX_ROSTER_WARNINGS = 500;

export interface ListedWarnings {
  /** The first MAX_ROSTER_WARNINGS. */
  warnings: Warning[];
  /** Every warning the checker found. */
  warningCount: number;
}

export function listedWarnings(all: readonly Warning[]): ListedWarnings {
  return { warnings: all.slice(0, MAX_ROSTER_WARNINGS), warningCount: all.length };
}

/** A roster's count of warnings; rosters stored before the cap kept them all. */
export const warningCountOf = (roster: { warnings: readonly Warning[]; warningCount?: number }): number =>
  roster.warningCount ?? roster.warnings.length;
