import { inCanary } from '../../../src/ranking/ranking-canary.core';
import { planMode, rankingFlags, type RankingFlags } from '../../../src/ranking/ranking-flags.core';
import { testConfig } from '../../helpers/test-config';

const on: RankingFlags = {
  mlEnabled: true,
  rankingEnabled: true,
  confidenceThreshold: 0.6,
  shadowMode: false,
  canaryPercent: 100,
};

describe('plan mode from the flags', () => {
  it('ranking off when either switch is off', () => {
    expect(planMode({ ...on, mlEnabled: false }, '2025-03-03')).toEqual({
      mode: 'RULES',
      reason: 'learned ranking is switched off',
    });
    expect(planMode({ ...on, rankingEnabled: false }, '2025-03-03').mode).toBe('RULES');
  });

  it('shadow mode wins over the canary', () => {
    expect(planMode({ ...on, shadowMode: true, canaryPercent: 0 }, '2025-03-03')).toEqual({ mode: 'SHADOW' });
  });

  it('outside shadow mode, the canary share of weeks uses the model', () => {
    expect(planMode(on, '2025-03-03')).toEqual({ mode: 'MODEL' });
    expect(planMode({ ...on, canaryPercent: 0 }, '2025-03-03')).toEqual({
      mode: 'RULES',
      reason: 'week outside the canary',
    });
    const week = '2025-03-10';
    expect(planMode({ ...on, canaryPercent: 30 }, week).mode).toBe(inCanary(week, 30) ? 'MODEL' : 'RULES');
  });

  it('reads the five ML variables from the configuration, off by default', () => {
    expect(rankingFlags(testConfig())).toEqual({
      mlEnabled: false,
      rankingEnabled: false,
      confidenceThreshold: 0.6,
      shadowMode: false,
      canaryPercent: 0,
    });
    expect(
      rankingFlags(
        testConfig({
          ML_ENABLED: 'true',
          ML_RANKING_ENABLED: '1',
          ML_CONFIDENCE_THRESHOLD: '0.8',
          ML_SHADOW_MODE: 'yes',
          ML_CANARY_PERCENT: '25',
        }),
      ),
    ).toEqual({
      mlEnabled: true,
      rankingEnabled: true,
      confidenceThreshold: 0.8,
      shadowMode: true,
      canaryPercent: 25,
    });
    expect(() => testConfig({ ML_CONFIDENCE_THRESHOLD: '0.3' })).toThrow('ML_CONFIDENCE_THRESHOLD');
    expect(() => testConfig({ ML_CANARY_PERCENT: '101' })).toThrow('ML_CANARY_PERCENT');
    // buckets are whole percents: 12.5 selected the weeks of 13 buckets, 13 % of them
    expect(() => testConfig({ ML_CANARY_PERCENT: '12.5' })).toThrow('ML_CANARY_PERCENT');
  });
});
