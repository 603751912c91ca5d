import { kpiTargets } from '../../src/ranking/kpi-targets.core';
import { loadConfig } from '../../src/config';
import type { MetricSources } from '../../src/server/metrics';

/** Metric sources with nothing to report (empty queues, no models, no KPIs; default targets), but `over`. */
export const quietSources = (over: Partial<MetricSources> = {}): MetricSources => ({
  depth: async () => ({}),
  backtestMase: async () => [],
  schedulingKpis: async () => ({
    successRate: null,
    workloadBalance: null,
    interventionRate: null,
    fallbackRate: null,
  }),
  kpiTargets: kpiTargets(loadConfig({})),
  ...over,
});
