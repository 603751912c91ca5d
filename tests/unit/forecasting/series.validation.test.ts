import { fitModel } from '../../../src/forecasting/models/forecaster-registry';
import { validateSeries } from '../../../src/forecasting/series.validation';
import { backtest } from '../../../src/forecasting/backtest-runner';
import { AppError } from '../../../src/errors';

const ramp = (n: number): number[] => Array.from({ length: n }, (_, i) => i % 24);

describe('series validation', () => {
  it.each(['SNAIVE', 'MSTL', 'ARIMA', 'ENSEMBLE', 'AUTO'] as const)(
    '%s: a series shorter than two cycles of the shortest period is BAD_USER_INPUT naming periods',
    (kind) => {
      const fit = (): unknown => fitModel(kind, { values: ramp(47), periods: [24, 168] });
      expect(fit).toThrow(AppError);
      expect(fit).toThrow(
        'periods: the series has 47 values, too short for seasonal period 24 (need at least two cycles, 48 values)',
      );
    },
  );

  it('rejects non-finite values with their index', () => {
    expect(() => validateSeries({ values: [1, NaN, 3], periods: [2] })).toThrow(
      'values[1] must be a finite number, got NaN',
    );
  });

  it('rejects bad periods', () => {
    expect(() => validateSeries({ values: ramp(10), periods: [] })).toThrow('periods must list at least one');
    expect(() => validateSeries({ values: ramp(10), periods: [1.5] })).toThrow(
      'periods[0] must be an integer >= 2, got 1.5',
    );
  });

  it('rejects an opening mask of the wrong length', () => {
    expect(() => validateSeries({ values: ramp(10), periods: [2], open: [true] })).toThrow(
      'open must have the same length as values (10), got 1',
    );
  });

  it('rejects a bad horizon and a futureOpen of the wrong length', () => {
    const model = fitModel('SNAIVE', { values: ramp(48), periods: [24] });
    expect(() => model.forecast(0)).toThrow('horizon must be a positive integer, got 0');
    expect(() => model.forecast(3, { futureOpen: [true] })).toThrow(
      "futureOpen must have the horizon's length (3), got 1",
    );
  });

  it('rejects a backtest horizon that leaves nothing to train on', () => {
    expect(() => backtest({ values: ramp(60), periods: [24] }, { horizon: 24 })).toThrow(
      'horizon 24 leaves no origin with two cycles of period 24 to train on',
    );
  });
});
