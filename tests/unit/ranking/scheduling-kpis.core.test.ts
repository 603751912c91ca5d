import {
  type KpiRoster,
  schedulingKpis,
  stdDev,
  SUCCESS_COVERAGE,
} from '../../../src/ranking/scheduling-kpis.core';

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
          roster({ status: 'SUPERSEDED', coveragePercent: 95, generatedCoveragePercent: 95 }),
          roster({
            status: 'PUBLISHED',
            manualEdits: 2,
            generatedCoveragePercent: 98,
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
      successRate: 0.5,
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
      successRate: 2 / 3,
      workloadBalance: 2,
      interventionRate: 0.1,
      fallbackRate: 0.75,
    });
  });

  it('an edited roster counts on its coverage as generated, whatever the edits did to it', () => {
    const kpis = schedulingKpis([
      {
        week: '2025-03-03',
        interventionRate: 0.3,
        rosters: [
          // met coverage as generated; a manager's moves then left it under 97 %: a success
          roster({ status: 'PUBLISHED', coveragePercent: 90, generatedCoveragePercent: 98, manualEdits: 3 }),
          // missed coverage as generated; a manager's edits then filled it: a failure
          roster({ status: 'SUPERSEDED', coveragePercent: 99, generatedCoveragePercent: 96, manualEdits: 2 }),
          // nothing required: a success
          roster({ coveragePercent: null, generatedCoveragePercent: null, manualEdits: 1 }),
          // exactly the threshold: a success; a shadow roster is no job of its own
          roster({ generatedCoveragePercent: SUCCESS_COVERAGE }),
          roster({ path: 'SHADOW', coveragePercent: 50, generatedCoveragePercent: 50 }),
        ],
      },
    ]);
    expect(kpis.weeks[0].successRate).toBe(3 / 4);
    expect(kpis.overall.successRate).toBe(3 / 4);
  });

  it('rosters stored before the coverage as generated: unedited ones count on their coverage, edited ones are left out', () => {
    const kpis = schedulingKpis([
      {
        week: '2025-03-03',
        interventionRate: null,
        rosters: [
          roster({ status: 'DRAFT', coveragePercent: 99 }),
          roster({ status: 'DRAFT', coveragePercent: 96 }),
          roster({ status: 'PUBLISHED', coveragePercent: 99, manualEdits: 4 }),
          roster({ status: 'SUPERSEDED', coveragePercent: 80, manualEdits: 1 }),
        ],
      },
      {
        week: '2025-03-10',
        interventionRate: null,
        rosters: [roster({ status: 'PUBLISHED', manualEdits: 2 })],
      },
    ]);
    expect(kpis.weeks[0].successRate).toBe(1 / 2);
    // only edited rosters of unknown coverage as generated: no rate, not 0
    expect(kpis.weeks[1].successRate).toBeNull();
    expect(kpis.overall.successRate).toBe(1 / 2);
  });
});
