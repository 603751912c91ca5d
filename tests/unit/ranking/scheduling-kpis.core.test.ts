import { type KpiRoster, schedulingKpis, stdDev } from '../../../src/ranking/scheduling-kpis.core';

const roster = (extra: Partial<KpiRoster>): KpiRoster => ({
  status: 'DRAFT',
  path: 'RULES',
  coveragePercent: 100,
  labourCost: 1000,
  manualEdits: 0,
  fallbackRate: null,
  deviations: [],
  assignmentKeys: [],
  ...extra,
});

describe('scheduling KPIs', () => {
  it('population std dev of 2, 4, 4, 4, 5, 5, 7, 9 is 2 (the textbook example)', () => {
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(stdDev([])).toBeNull();
  });

  it('success rate, workload balance, intervention and fallback rates, and ML against rules per week and overall', () => {
    const kpis = schedulingKpis([
      {
        week: '2025-03-03',
        interventionRate: 0.2,
        rosters: [
          roster({ status: 'SUPERSEDED', coveragePercent: 95 }),
          roster({
            status: 'PUBLISHED',
            manualEdits: 2,
            deviations: [2, 4, 4, 4, 5, 5, 7, 9],
            fallbackRate: 1,
            assignmentKeys: ['a', 'b'],
          }),
          roster({
            path: 'SHADOW',
            coveragePercent: 99,
            labourCost: 990,
            fallbackRate: 0.1,
            assignmentKeys: ['a', 'c'],
          }),
        ],
      },
      {
        week: '2025-03-10',
        interventionRate: 0,
        rosters: [roster({ status: 'PUBLISHED', fallbackRate: 0.5 })],
      },
    ]);
    expect(kpis.weeks[0]).toEqual({
      week: '2025-03-03',
      successRate: 0,
      workloadBalance: 2,
      interventionRate: 0.2,
      fallbackRate: 1,
      mlVsRules: {
        rulesCoveragePercent: 100,
        modelCoveragePercent: 99,
        rulesLabourCost: 1000,
        modelLabourCost: 990,
        differingAssignments: 2,
      },
    });
    expect(kpis.weeks[1]).toMatchObject({ successRate: 1, workloadBalance: null, mlVsRules: null });
    expect(kpis.overall).toEqual({
      successRate: 1 / 3,
      workloadBalance: 2,
      interventionRate: 0.1,
      fallbackRate: 0.75,
    });
  });

  it('a draft edited by hand is no success, published or not (coverage is then the edited one)', () => {
    const kpis = schedulingKpis([
      {
        week: '2025-03-03',
        interventionRate: null,
        rosters: [
          roster({ status: 'DRAFT', coveragePercent: 99, manualEdits: 2 }),
          roster({ status: 'DRAFT', coveragePercent: 99 }),
          roster({ status: 'DRAFT', coveragePercent: 96 }),
        ],
      },
    ]);
    expect(kpis.weeks[0].successRate).toBe(1 / 3);
    expect(kpis.overall.successRate).toBe(1 / 3);
  });
});
