import type { EChartsCoreOption } from 'echarts/core';
import type { KpiData } from './ranking.queries';

const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);

/**
 * The weekly rates (success, intervention, fallback) as percentages, a gap where a week has none,
 * and the success and intervention targets as dashed lines in their rate's colour (the fallback
 * rate has no target; workload balance is in hours, not on this axis).
 */
export function kpiRatesOption(weeks: KpiData['weeks'], targets: KpiData['targets']): EChartsCoreOption {
  const series = [
    { name: 'Scheduler success', color: '#16a34a', values: weeks.map((w) => pct(w.successRate)) },
    { name: 'User intervention', color: '#b45309', values: weeks.map((w) => pct(w.interventionRate)) },
    { name: 'Fallback to rules', color: '#1d4ed8', values: weeks.map((w) => pct(w.fallbackRate)) },
  ];
  const targetLines = [
    { name: 'Success target', color: '#16a34a', value: pct(targets.successRate.target) },
    { name: 'Intervention target', color: '#b45309', value: pct(targets.interventionRate.target) },
  ];
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '–' : `${String(v)} %`) },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: weeks.map((w) => w.week) },
    yAxis: { type: 'value', min: 0, name: '%' },
    series: [
      ...series.map((s) => ({
        name: s.name,
        type: 'line',
        connectNulls: false,
        data: s.values,
        lineStyle: { color: s.color },
        itemStyle: { color: s.color },
      })),
      ...targetLines.map((t) => ({
        name: t.name,
        type: 'line',
        data: weeks.map(() => t.value),
        symbol: 'none',
        lineStyle: { color: t.color, type: 'dashed', width: 1.5 },
        itemStyle: { color: t.color },
      })),
    ],
  };
}
