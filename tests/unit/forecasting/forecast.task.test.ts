import { backtestModels, fitAndForecast } from '../../../src/forecasting/forecast.task';
import { airPassengers } from './airpassengers.fixture';

const series = { values: airPassengers(), periods: [12] };

describe('forecast.task (piscina entry)', () => {
  it('fitAndForecast returns plain data that survives structured cloning', async () => {
    const out = await fitAndForecast({ series, model: 'MSTL', horizon: 6 });
    expect(out.ok).toBe(true);
    expect(structuredClone(out)).toEqual(out);
    if (out.ok) {
      expect(out.kind).toBe('MSTL');
      expect(out.forecast.mean).toHaveLength(6);
    }
  });

  it('defaults to AUTO', async () => {
    const out = await fitAndForecast({ series, horizon: 3 });
    expect(out.ok && (out.params.details as { selection: { mode: string } }).selection.mode).toBe('AUTO');
  });

  it('reports bad input as a typed error object', async () => {
    const out = await fitAndForecast({ series: { values: [1, 2, 3], periods: [12] }, horizon: 3 });
    expect(out).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message:
          'periods: the series has 3 values, too short for seasonal period 12 (need at least two cycles, 24 values)',
      },
    });
  });

  it('reports a failed fit as MODEL_FIT_FAILED, never as a forecast', async () => {
    const out = await fitAndForecast({
      series,
      model: 'ARIMA',
      horizon: 3,
      options: { arima: { explosionRatio: 0.5 } },
    });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatchObject({ code: 'MODEL_FIT_FAILED', kind: 'ARIMA' });
  });

  it('backtestModels returns the report', async () => {
    const out = await backtestModels({ series, options: { horizon: 12, origins: 2 } });
    expect(out.ok && out.report.models.map((m) => m.kind)).toEqual(['SNAIVE', 'MSTL', 'ARIMA', 'ENSEMBLE']);
  });
});
