import type { EChartsCoreOption } from 'echarts/core';
import type { KpiData } from './ranking.queries';

const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
const hours = (v: number | null | undefined) => (v == null ? null : Math.round(v * 100) / 100);

const shown = (unit: string) => (v: unknown) => (v == null ? '–' : `${String(v)} ${unit}`);

/** The chart's two value axes: rates in per cent on the left, hours on the right. */
export const KPI_AXES = { rates: '%', hours: 'hours' } as const;

/**
 * The weekly KPIs with their targets as dashed lines in the KPI's colour, a gap where a week has
 * no figure: the rates (success, intervention, fallback) in per cent on the left axis, workload
 * balance in hours on its own right axis (a standard deviation of hours is no rate). The fallback
 * rate has no target.
 */
export function kpiWeeksOption(weeks: KpiData['weeks'], targets: KpiData['targets']): EChartsCoreOption {
  const rate = { yAxisIndex: 0, tooltip: { valueFormatter: shown('%') } };
  const hour = { yAxisIndex: 1, tooltip: { valueFormatter: shown('h') } };
  const series = [
    { name: 'Scheduler success', color: '#16a34a', values: weeks.map((w) => pct(w.successRate)), ...rate },
    {
      name: 'User intervention',
      color: '#b45309',
      values: weeks.map((w) => pct(w.interventionRate)),
      ...rate,
    },
    { name: 'Fallback to rules', color: '#1d4ed8', values: weeks.map((w) => pct(w.fallbackRate)), ...rate },
    {
      name: 'Workload balance (h)',
      color: '#7c3aed',
      values: weeks.map((w) => hours(w.workloadBalance)),
      ...hour,
    },
  ];
  const targetLines = [
    { name: 'Success target', color: '#16a34a', value: pct(targets.successRate.target), ...rate },
    { name: 'Intervention target', color: '#b45309', value: pct(targets.interventionRate.target), ...rate },
    { name: 'Workload target (h)', color: '#7c3aed', value: hours(targets.workloadBalance.target), ...hour },
  ];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 56, top: 64, bottom: 30 },
    xAxis: { type: 'category', data: weeks.map((w) => w.week) },
    yAxis: [
      { type: 'value', min: 0, name: KPI_AXES.rates, position: 'left' },
      // its own scale: no grid lines, which would not meet the left axis' ticks
      { type: 'value', min: 0, name: KPI_AXES.hours, position: 'right', splitLine: { show: false } },
    ],
    series: [
      ...series.map((s) => ({
        name: s.name,
        type: 'line',
        yAxisIndex: s.yAxisIndex,
        tooltip: s.tooltip,
        connectNulls: false,
        data: s.values,
        lineStyle: { color: s.color },
        itemStyle: { color: s.color },
      })),
      ...targetLines.map((t) => ({
        name: t.name,
        type: 'line',
        yAxisIndex: t.yAxisIndex,
        tooltip: t.tooltip,
        data: weeks.map(() => t.value),
        symbol: 'none',
        lineStyle: { color: t.color, type: 'dashed', width: 1.5 },
        itemStyle: { color: t.color },
      })),
    ],
  };
}
