/**
 * A worker thread's forecasting warm-up (workers/thread-warm-up.ts): one small fit and
 * forecast of each model that the demo site's forecasts and AUTO's backtests run, through the
 * task entry itself. It loads the WASM modules (augurs' MSTL, arima) and compiles the models'
 * JavaScript, which made a thread's first forecast 2–4× slower than its next (measured fits on
 * a three-week hourly series: MSTL 229 → 52 ms, ARIMA 351 → 108 ms, THETA 113 → 14 ms). The
 * models are the demo site's ensemble members; ETS (JavaScript only, 0.2–0.8 s a fit) and
 * Prophet (its optimizer is a thread of its own) are left out. About 0.4 s a thread.
 */
import { fitAndForecast, type FitAndForecastInput } from './forecast.task';
import type { ModelKind } from './forecast.types';

/** Hourly counts with a daily and a weekly shape, open 08:00–20:00 when `open`. */
function warmUpSeries(weeks: number, open: boolean): FitAndForecastInput['series'] {
  const isOpen = Array.from({ length: weeks * 168 }, (_, i) => !open || (i % 24 >= 8 && i % 24 < 20));
  const values = isOpen.map((o, i) =>
    o ? Math.round(20 + 8 * Math.sin((Math.PI * ((i % 24) - 8)) / 12) + (i % 168) / 24 + (i % 5)) : 0,
  );
  return open ? { values, open: isOpen, periods: [24, 168] } : { values, periods: [24] };
}

/** Fits each model once (throws what a fit reports as failed: the warm-up logs it). */
export async function warmForecasters(): Promise<void> {
  // ARIMA's search on a masked three-week series takes seconds: one open week loads it
  const fits: [ModelKind, FitAndForecastInput['series']][] = [
    ['MSTL', warmUpSeries(3, true)],
    ['THETA', warmUpSeries(3, true)],
    ['HARMONIC', warmUpSeries(3, true)],
    ['ARIMA', warmUpSeries(1, false)],
  ];
  for (const [kind, series] of fits) {
    const result = await fitAndForecast({ series, model: kind, horizon: 48 });
    if (!result.ok) throw new Error(`${kind}: ${result.error.message}`);
  }
}
