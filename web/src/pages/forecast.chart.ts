import type { EChartsCoreOption } from 'echarts/core';
import { wallClockIso } from '../zoned-time';

interface Point {
  t: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

type Known = [string, number | null];

/**
 * The known actuals as line data, with a gap (a null point, which ECharts does not join)
 * wherever intervals are missing: closed nights and weekends have no volume rows, and a line
 * drawn straight across them shows volumes nobody measured. The step is the shortest spacing
 * between known points.
 */
export function actualLine(history: { t: string; value?: number | null }[]): Known[] {
  const known = history.flatMap((h) =>
    h.value == null ? [] : [{ t: h.t, ms: Date.parse(h.t), v: h.value }],
  );
  let step = Infinity;
  for (let i = 1; i < known.length; i++) step = Math.min(step, known[i].ms - known[i - 1].ms);
  const line: Known[] = [];
  known.forEach((k, i) => {
    const prev = known[i - 1];
    if (prev && k.ms - prev.ms > step) line.push([new Date(prev.ms + step).toISOString(), null]);
    line.push([k.t, k.v]);
  });
  return line;
}

/**
 * History (actuals) against the forecast mean with its 80 % and 95 % bands (stacked areas), on
 * the site's clock (`zone`): the axis and tooltips read the site's time in any browser.
 */
export function forecastChartOption(
  points: Point[],
  history: { t: string; value?: number | null }[],
  zone: string | undefined,
): EChartsCoreOption {
  const wall = (t: string) => wallClockIso(t, zone);
  const band = (
    name: string,
    stack: string,
    lo: (p: Point) => number,
    hi: (p: Point) => number,
    color: string,
  ) => [
    {
      name: `${name} low`,
      type: 'line',
      stack,
      symbol: 'none',
      lineStyle: { opacity: 0 },
      data: points.map((p) => [wall(p.t), lo(p)]),
      tooltip: { show: false },
    },
    {
      name,
      type: 'line',
      stack,
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color },
      itemStyle: { color },
      data: points.map((p) => [wall(p.t), hi(p) - lo(p)]),
    },
  ];
  return {
    useUTC: true,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Actual', 'Forecast', '80 % band', '95 % band'] },
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'contacts' },
    dataZoom: [{ type: 'inside' }, { type: 'slider' }],
    series: [
      ...band(
        '95 % band',
        'b95',
        (p) => p.lo95,
        (p) => p.hi95,
        'rgba(37, 99, 235, 0.15)',
      ),
      ...band(
        '80 % band',
        'b80',
        (p) => p.lo80,
        (p) => p.hi80,
        'rgba(37, 99, 235, 0.3)',
      ),
      {
        name: 'Forecast',
        type: 'line',
        symbol: 'none',
        lineStyle: { color: '#1d4ed8', width: 2 },
        itemStyle: { color: '#1d4ed8' },
        data: points.map((p) => [wall(p.t), p.mean]),
      },
      {
        name: 'Actual',
        type: 'line',
        symbol: 'none',
        lineStyle: { color: '#111827', width: 1 },
        itemStyle: { color: '#111827' },
        data: actualLine(history).map(([t, v]) => [wall(t), v]),
      },
    ],
  };
}
