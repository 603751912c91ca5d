/**
 * Baselines and targets of the scheduling KPIs, and whether a figure meets its target. Pure.
 * The figures are the site's, from the configuration (`KPI_*_BASELINE` / `KPI_*_TARGET`; the
 * defaults are issue 17's: success 85 % → 90 %, workload balance 2.5 → 2.0 h, intervention
 * 30 % → 21 %). Which way is better, and in what unit a KPI is, is fixed in common/kpi-kinds.ts.
 * The fallback rate has no target: it says how much the ranker was used, not how well a week
 * was planned.
 */
import { TARGETED_KPIS, type KpiDirection, type KpiUnit, type TargetedKpi } from '../common/kpi-kinds';
import type { OverallKpis, SchedulingKpis, WeekKpis } from './scheduling-kpis.core';

export type { KpiDirection, KpiUnit, TargetedKpi };

export interface KpiTarget {
  /** Where the site started: the figure before the learned ranking. */
  baseline: number;
  /** The figure to reach; `met` compares with it (see `meetsTarget`). */
  target: number;
  direction: KpiDirection;
  unit: KpiUnit;
}

export type KpiTargets = Record<TargetedKpi, KpiTarget>;

const kindOf = (kpi: TargetedKpi): Pick<KpiTarget, 'direction' | 'unit'> => ({
  direction: TARGETED_KPIS[kpi].direction,
  unit: TARGETED_KPIS[kpi].unit,
});

/**
 * The targets from the parsed configuration (bounds, and each target better than its baseline,
 * are checked there).
 */
export const kpiTargets = (config: {
  KPI_SUCCESS_RATE_BASELINE: number;
  KPI_SUCCESS_RATE_TARGET: number;
  KPI_WORKLOAD_BALANCE_BASELINE: number;
  KPI_WORKLOAD_BALANCE_TARGET: number;
  KPI_INTERVENTION_RATE_BASELINE: number;
  KPI_INTERVENTION_RATE_TARGET: number;
}): KpiTargets => ({
  successRate: {
    baseline: config.KPI_SUCCESS_RATE_BASELINE,
    target: config.KPI_SUCCESS_RATE_TARGET,
    ...kindOf('successRate'),
  },
  workloadBalance: {
    baseline: config.KPI_WORKLOAD_BALANCE_BASELINE,
    target: config.KPI_WORKLOAD_BALANCE_TARGET,
    ...kindOf('workloadBalance'),
  },
  interventionRate: {
    baseline: config.KPI_INTERVENTION_RATE_BASELINE,
    target: config.KPI_INTERVENTION_RATE_TARGET,
    ...kindOf('interventionRate'),
  },
});

/** Float noise tolerated at the target: a rate of 21 % summed as 0.21000000000000002 meets 0.21. */
const TOLERANCE = 1e-9;

/** Whether `value` reaches `target` in its direction (the target itself counts as met); null without a value. */
export function meetsTarget(
  value: number | null,
  t: Pick<KpiTarget, 'target' | 'direction'>,
): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  return t.direction === 'HIGHER_IS_BETTER' ? value >= t.target - TOLERANCE : value <= t.target + TOLERANCE;
}

/**
 * Per week only workload balance and intervention rate are judged: each is a figure of the week
 * itself (its published roster, its assignments). A week's success rate counts the week's few
 * jobs (usually one), so it reads 0 % or 100 %: its target is for a range of weeks.
 */
export type WeekTargetsMet = Record<'workloadBalance' | 'interventionRate', boolean | null>;
export type OverallTargetsMet = Record<TargetedKpi, boolean | null>;

export interface JudgedWeekKpis extends WeekKpis {
  targetMet: WeekTargetsMet;
}
export interface JudgedOverallKpis extends OverallKpis {
  targetMet: OverallTargetsMet;
}
export interface JudgedSchedulingKpis {
  targets: KpiTargets;
  weeks: JudgedWeekKpis[];
  overall: JudgedOverallKpis;
}

/** The KPIs with each judged figure's verdict against `targets` (null where the figure is). */
export function judgeKpis(kpis: SchedulingKpis, targets: KpiTargets): JudgedSchedulingKpis {
  const week = (w: WeekKpis): WeekTargetsMet => ({
    workloadBalance: meetsTarget(w.workloadBalance, targets.workloadBalance),
    interventionRate: meetsTarget(w.interventionRate, targets.interventionRate),
  });
  return {
    targets,
    weeks: kpis.weeks.map((w) => ({ ...w, targetMet: week(w) })),
    overall: {
      ...kpis.overall,
      targetMet: {
        successRate: meetsTarget(kpis.overall.successRate, targets.successRate),
        workloadBalance: meetsTarget(kpis.overall.workloadBalance, targets.workloadBalance),
        interventionRate: meetsTarget(kpis.overall.interventionRate, targets.interventionRate),
      },
    },
  };
}
