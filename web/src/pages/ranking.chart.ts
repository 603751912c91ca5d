import type { EChartsCoreOption } from 'echarts/core';
import type { KpiData } from './ranking.queries';

/** The weekly rates (success, intervention, fallback) as percentages; a gap where a week has none. */
export function kpiRatesOption(weeks: KpiData['weeks']): EChartsCoreOption {
  const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
  const series = [
    { name: 'Scheduler success', color: '#16a34a', values: weeks.map((w) => pct(w.successRate)) },
    { name: 'User intervention', color: '#b45309', values: weeks.map((w) => pct(w.interventionRate)) },
    { name: 'Fallback to rules', color: '#1d4ed8', values: weeks.map((w) => pct(w.fallbackRate)) },
  ];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '–' : `${String(v)} %`) },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: weeks.map((w) => w.week) },
    yAxis: { type: 'value', min: 0, name: '%' },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      connectNulls: false,
      data: s.values,
      lineStyle: { color: s.color },
      itemStyle: { color: s.color },
    })),
  };
}
