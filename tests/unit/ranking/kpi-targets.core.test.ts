import { judgeKpis, kpiTargets, meetsTarget, type KpiTargets } from '../../../src/ranking/kpi-targets.core';
import type { SchedulingKpis } from '../../../src/ranking/scheduling-kpis.core';
import { testConfig } from '../../helpers/test-config';

const targets: KpiTargets = {
  successRate: { baseline: 0.85, target: 0.9, direction: 'HIGHER_IS_BETTER', unit: 'SHARE' },
  workloadBalance: { baseline: 2.5, target: 2, direction: 'LOWER_IS_BETTER', unit: 'HOURS' },
  interventionRate: { baseline: 0.3, target: 0.21, direction: 'LOWER_IS_BETTER', unit: 'SHARE' },
};

describe('KPI targets', () => {
  it("defaults to issue 17's baselines and targets, each with its direction and unit", () => {
    expect(kpiTargets(testConfig())).toEqual(targets);
  });

  it('reads the six KPI_* variables', () => {
    const t = kpiTargets(
      testConfig({
        KPI_SUCCESS_RATE_BASELINE: '0.5',
        KPI_SUCCESS_RATE_TARGET: '0.75',
        KPI_WORKLOAD_BALANCE_BASELINE: '4',
        KPI_WORKLOAD_BALANCE_TARGET: '3.5',
        KPI_INTERVENTION_RATE_BASELINE: '0.12',
        KPI_INTERVENTION_RATE_TARGET: '0.08',
      }),
    );
    expect(t).toEqual({
      successRate: { ...targets.successRate, baseline: 0.5, target: 0.75 },
      workloadBalance: { ...targets.workloadBalance, baseline: 4, target: 3.5 },
      interventionRate: { ...targets.interventionRate, baseline: 0.12, target: 0.08 },
    });
  });

  it('a higher-is-better figure meets its target at or above it', () => {
    expect(meetsTarget(0.95, targets.successRate)).toBe(true);
    expect(meetsTarget(0.9, targets.successRate)).toBe(true);
    expect(meetsTarget(0.8999, targets.successRate)).toBe(false);
    // 0.85 is the baseline: reaching it is not meeting the target
    expect(meetsTarget(0.85, targets.successRate)).toBe(false);
  });

  it('a lower-is-better figure meets its target at or below it', () => {
    expect(meetsTarget(1.8, targets.workloadBalance)).toBe(true);
    expect(meetsTarget(2, targets.workloadBalance)).toBe(true);
    expect(meetsTarget(2.01, targets.workloadBalance)).toBe(false);
    expect(meetsTarget(0, targets.interventionRate)).toBe(true);
  });

  it('float noise at the target counts as the target', () => {
    // 0.07 × 3 sums to 0.21000000000000002 in floating point
    expect(0.07 + 0.07 + 0.07).not.toBe(0.21);
    expect(meetsTarget(0.07 + 0.07 + 0.07, targets.interventionRate)).toBe(true);
    expect(meetsTarget(0.2101, targets.interventionRate)).toBe(false);
  });

  it('no figure, no verdict', () => {
    expect(meetsTarget(null, targets.successRate)).toBeNull();
    expect(meetsTarget(Number.NaN, targets.workloadBalance)).toBeNull();
  });

  it('judges the overall figures and each week’s workload and intervention, never a week’s success', () => {
    const kpis: SchedulingKpis = {
      weeks: [
        {
          week: '2026-11-02',
          successRate: 1,
          workloadBalance: 1.9,
          interventionRate: 0.25,
          fallbackRate: null,
          mlVsRules: null,
        },
        {
          week: '2026-11-09',
          successRate: 0,
          workloadBalance: null,
          interventionRate: 0.1,
          fallbackRate: 0.2,
          mlVsRules: null,
        },
      ],
      overall: { successRate: 0.5, workloadBalance: 1.9, interventionRate: 0.175, fallbackRate: 0.2 },
    };
    const judged = judgeKpis(kpis, targets);
    expect(judged.targets).toBe(targets);
    expect(judged.overall).toEqual({
      ...kpis.overall,
      targetMet: { successRate: false, workloadBalance: true, interventionRate: true },
    });
    expect(judged.weeks).toEqual([
      { ...kpis.weeks[0], targetMet: { workloadBalance: true, interventionRate: false } },
      { ...kpis.weeks[1], targetMet: { workloadBalance: null, interventionRate: true } },
    ]);
  });
});
