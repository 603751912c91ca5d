import type { MetricSources } from '../../src/server/metrics';

/** Metric sources with nothing to report (empty queues, no models, no KPIs), but `over`. */
export const quietSources = (over: Partial<MetricSources> = {}): MetricSources => ({
  depth: async () => ({}),
  backtestMase: async () => [],
  schedulingKpis: async () => ({
    successRate: null,
    workloadBalance: null,
    interventionRate: null,
    fallbackRate: null,
  }),
  ...over,
});
