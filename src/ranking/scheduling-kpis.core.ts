/**
 * Scheduling KPIs per week and overall. Pure.
 * - success rate: generated (non-shadow) rosters that met coverage ≥ 97 % as their job
 *   generated them, before any manual edit, published or not (a repair's draft: as the repair
 *   produced it). Edits (moves, swaps) are what the intervention rate measures; they neither
 *   make nor break a success. A roster stored before its coverage as generated was kept
 *   counts on its coverage when it has no manual edits; an edited one is left out of the rate
 *   (neither success nor failure: its coverage as generated is unknown);
 * - workload balance: std dev over staff of |paid hours − target| on the published roster;
 * - intervention rate: share of published assignments added by hand (labels);
 * - fallback rate: share of candidates on the rules (rosters with ranking info);
 * - ML against rules: coverage, cost and differing assignments where a SHADOW roster exists.
 */
import { mean } from '../common/mean';
import { sum } from '../common/sum';

export const SUCCESS_COVERAGE = 97;
/** The window of the KPIs served at /metrics: this week and the 7 before it. */
export const RECENT_KPI_WEEKS = 8;

export interface KpiRoster {
  status: 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED';
  path: 'RULES' | 'MODEL' | 'SHADOW';
  /** Coverage now (after any manual edit); null when nothing is required. */
  coveragePercent: number | null;
  /**
   * Coverage as the job generated the roster; null when nothing was required; absent on a
   * roster stored before it was kept (and not recovered).
   */
  generatedCoveragePercent?: number | null;
  labourCost: number;
  manualEdits: number;
  fallbackRate: number | null;
  /** |paid hours − target| per person. */
  deviations: number[];
  /**
   * `staffId|date|template|skill` of each assignment; read only for the two rosters
   * `mlVsRulesPair` picks (the others may leave it empty).
   */
  assignmentKeys: string[];
}

export interface KpiWeekInput {
  week: string;
  rosters: KpiRoster[];
  interventionRate: number | null;
}

export interface MlVsRules {
  rulesCoveragePercent: number | null;
  modelCoveragePercent: number | null;
  rulesLabourCost: number;
  modelLabourCost: number;
  differingAssignments: number;
}

export interface WeekKpis {
  week: string;
  successRate: number | null;
  workloadBalance: number | null;
  interventionRate: number | null;
  fallbackRate: number | null;
  mlVsRules: MlVsRules | null;
}

export type OverallKpis = Omit<WeekKpis, 'week' | 'mlVsRules'>;

export interface SchedulingKpis {
  weeks: WeekKpis[];
  overall: OverallKpis;
}

export function stdDev(values: number[]): number | null {
  if (values.length === 0) return null;
  const m = sum(values) / values.length;
  return Math.sqrt(sum(values, (v) => (v - m) ** 2) / values.length);
}

/** A roster's coverage as generated; undefined when unknown (stored before it was kept, edited since). */
function generatedCoverage(r: KpiRoster): number | null | undefined {
  if (r.generatedCoveragePercent !== undefined) return r.generatedCoveragePercent;
  return r.manualEdits === 0 ? r.coveragePercent : undefined;
}

type PairRoster = Pick<KpiRoster, 'path' | 'status'>;

/**
 * The rosters of a week that ML against rules compares, as indices into `rosters`: its SHADOW
 * roster and the rules roster (the published one, else the last RULES one); null without both.
 */
export function mlVsRulesPair(rosters: readonly PairRoster[]): { rules: number; shadow: number } | null {
  const shadow = rosters.findIndex((r) => r.path === 'SHADOW');
  if (shadow < 0) return null;
  const generated = rosters.flatMap((r, i) => (r.path === 'SHADOW' ? [] : [i]));
  const published = generated.find((i) => rosters[i]?.status === 'PUBLISHED');
  const rules = published ?? generated.filter((i) => rosters[i]?.path === 'RULES').at(-1);
  return rules === undefined ? null : { rules, shadow };
}

function weekKpis(w: KpiWeekInput): WeekKpis & { successes: number; jobs: number } {
  const generated = w.rosters.filter((r) => r.path !== 'SHADOW');
  const published = generated.find((r) => r.status === 'PUBLISHED') ?? null;
  const pair = mlVsRulesPair(w.rosters);
  const shadow = pair ? w.rosters[pair.shadow] : null;
  const rules = pair ? w.rosters[pair.rules] : null;
  const known = generated.map(generatedCoverage).filter((c) => c !== undefined);
  const successes = known.filter((c) => (c ?? 100) >= SUCCESS_COVERAGE).length;
  let mlVsRules: MlVsRules | null = null;
  if (shadow && rules) {
    const a = new Set(rules.assignmentKeys);
    const b = new Set(shadow.assignmentKeys);
    mlVsRules = {
      rulesCoveragePercent: rules.coveragePercent,
      modelCoveragePercent: shadow.coveragePercent,
      rulesLabourCost: rules.labourCost,
      modelLabourCost: shadow.labourCost,
      differingAssignments: [...a].filter((k) => !b.has(k)).length + [...b].filter((k) => !a.has(k)).length,
    };
  }
  return {
    week: w.week,
    successRate: known.length === 0 ? null : successes / known.length,
    workloadBalance: published ? stdDev(published.deviations) : null,
    interventionRate: w.interventionRate,
    fallbackRate: mean(generated.map((r) => r.fallbackRate)),
    mlVsRules,
    successes,
    jobs: known.length,
  };
}

export function schedulingKpis(weeks: KpiWeekInput[]): SchedulingKpis {
  const rows = weeks.map(weekKpis);
  const jobs = sum(rows, (r) => r.jobs);
  return {
    weeks: rows.map(({ successes: _s, jobs: _j, ...r }) => r),
    overall: {
      successRate: jobs === 0 ? null : sum(rows, (r) => r.successes) / jobs,
      workloadBalance: mean(rows.map((r) => r.workloadBalance)),
      interventionRate: mean(rows.map((r) => r.interventionRate)),
      fallbackRate: mean(rows.map((r) => r.fallbackRate)),
    },
  };
}
