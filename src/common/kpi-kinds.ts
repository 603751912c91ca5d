/**
 * The scheduling KPIs that have a baseline and a target: which way each improves, its unit and
 * the prefix of its two settings (`<setting>_BASELINE`, `<setting>_TARGET`). One table for the
 * configuration, which refuses a target no better than its baseline, and the ranking feature,
 * which judges figures against the target (kpi-targets.core.ts).
 */
export type KpiDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
/** SHARE: a rate in [0, 1], as the KPIs are served; HOURS: hours. */
export type KpiUnit = 'SHARE' | 'HOURS';
/** The KPIs with a target, as named in `SchedulingKpis`. */
export type TargetedKpi = 'successRate' | 'workloadBalance' | 'interventionRate';

export interface KpiKind {
  /** Prefix of the KPI's settings. */
  setting: string;
  /** How a person names it. */
  label: string;
  direction: KpiDirection;
  unit: KpiUnit;
}

export const TARGETED_KPIS = {
  successRate: {
    setting: 'KPI_SUCCESS_RATE',
    label: 'success rate',
    direction: 'HIGHER_IS_BETTER',
    unit: 'SHARE',
  },
  workloadBalance: {
    setting: 'KPI_WORKLOAD_BALANCE',
    label: 'workload balance',
    direction: 'LOWER_IS_BETTER',
    unit: 'HOURS',
  },
  interventionRate: {
    setting: 'KPI_INTERVENTION_RATE',
    label: 'intervention rate',
    direction: 'LOWER_IS_BETTER',
    unit: 'SHARE',
  },
} as const satisfies Record<TargetedKpi, KpiKind>;

/** Whether `target` is better than `baseline` in `direction`; equal is not. */
export const improvesOn = (direction: KpiDirection, target: number, baseline: number): boolean =>
  direction === 'HIGHER_IS_BETTER' ? target > baseline : target < baseline;
