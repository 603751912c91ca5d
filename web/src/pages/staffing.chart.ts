import type { EChartsCoreOption } from 'echarts/core';
import { DAY_NAMES } from '../ui';

function timesOfDay(intervalMinutes: number): string[] {
  const n = (24 * 60) / intervalMinutes;
  return Array.from({ length: n }, (_, i) => {
    const m = i * intervalMinutes;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
}

/** Day × time-of-day heat map of one skill's required agents (values from Monday 00:00). */
export function heatmapOption(values: number[], intervalMinutes: number): EChartsCoreOption {
  const times = timesOfDay(intervalMinutes);
  const data = values.map((v, i) => [i % times.length, Math.floor(i / times.length), v]);
  return {
    tooltip: { position: 'top' },
    grid: { left: 50, right: 20, top: 10, bottom: 80 },
    xAxis: { type: 'category', data: times, splitArea: { show: true } },
    yAxis: { type: 'category', data: DAY_NAMES, inverse: true },
    visualMap: {
      min: 0,
      max: Math.max(1, ...values),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f8fafc', '#93c5fd', '#1d4ed8', '#1e3a8a'] },
    },
    series: [{ name: 'Required agents', type: 'heatmap', data }],
  };
}

function weekLabels(count: number, intervalMinutes: number): string[] {
  const perDay = (24 * 60) / intervalMinutes;
  const times = timesOfDay(intervalMinutes);
  return Array.from({ length: count }, (_, i) => `${DAY_NAMES[Math.floor(i / perDay)]} ${times[i % perDay]}`);
}

/** One line per named series over the week's intervals. */
export function weekCurveOption(
  series: { name: string; values: number[]; color?: string }[],
  intervalMinutes: number,
): EChartsCoreOption {
  const count = Math.max(0, ...series.map((s) => s.values.length));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: weekLabels(count, intervalMinutes) },
    yAxis: { type: 'value', name: 'agents' },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      step: 'end',
      symbol: 'none',
      data: s.values,
      ...(s.color ? { lineStyle: { color: s.color }, itemStyle: { color: s.color } } : {}),
    })),
  };
}

export function requirementCurveOption(
  skills: { skill: string; values: number[] }[],
  intervalMinutes: number,
) {
  return weekCurveOption(
    skills.map((s) => ({ name: s.skill, values: s.values })),
    intervalMinutes,
  );
}
