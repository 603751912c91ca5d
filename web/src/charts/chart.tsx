import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

type EChartsModule = typeof import('./echarts.lib');
let loading: Promise<EChartsModule> | undefined;
const loadCharts = () => (loading ??= import('./echarts.lib'));

/**
 * An ECharts chart, loaded on first use. `data-series` lists the drawn series' names,
 * `data-ready` turns "true" once the chart is set up and `data-y-axes` lists the names of the
 * value axes ECharts drew (read back from the chart after each option), so tests can wait on
 * the chart's state. The figure is named by `label`; the drawing inside it by ECharts' own
 * description of what it drew.
 */
export function Chart(props: { option: EChartsCoreOption; label: string; testId?: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<EChartsModule['echarts']['init']> | null>(null);
  const [ready, setReady] = useState(false);
  const [yAxes, setYAxes] = useState<string[]>([]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void loadCharts().then(({ echarts }) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(el.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption({ aria: { enabled: true }, ...props.option }, true);
    const drawn = chart.current.getOption() as { yAxis?: { name?: string }[] };
    setYAxes((drawn.yAxis ?? []).map((a) => a.name ?? ''));
  }, [ready, props.option]);

  const series = (props.option.series as { name?: string }[] | undefined) ?? [];
  // ECharts' aria option writes its own description of the data (series, values) as the
  // aria-label of the element it draws in, so that element is an inner one: the figure keeps
  // the page's label as its name and the drawing carries ECharts' description.
  return (
    <div
      role="figure"
      aria-label={props.label}
      data-testid={props.testId}
      data-ready={ready ? 'true' : 'false'}
      data-series={series.map((s) => s.name ?? '').join('|')}
      data-y-axes={yAxes.join('|')}
    >
      <div ref={el} className="chart" role="img" style={{ height: props.height ?? 320 }} />
    </div>
  );
}
