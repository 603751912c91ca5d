import { dayHolidaySpans, holidayWindows } from '../../../src/forecasting/holiday-effects.core';
import { BASE_FORECASTERS } from '../../../src/forecasting/models/ensemble';
import { gridSpans } from '../../../src/forecasting/models/open-only';
import { holidayFeatures } from '../../../src/forecasting/models/prophet';
import { validateSeries } from '../../../src/forecasting/series.validation';
import type { SeriesInput } from '../../../src/forecasting/forecast.types';
import { dailyWithHolidays } from './holiday-series.fixture';

describe('holiday windows', () => {
  it('are the spans of equal length just before and after each holiday', () => {
    expect(holidayWindows(dayHolidaySpans([3, 10], 4))).toEqual({
      before: [
        { start: 8, end: 12 },
        { start: 36, end: 40 },
      ],
      after: [
        { start: 16, end: 20 },
        { start: 44, end: 48 },
      ],
    });
  });

  it('leave out a neighbour that is a holiday itself or lies before the series', () => {
    // days 0, 5 and 6 are holidays: day -1 does not exist, day 5 is not "before" 6, day 6 not "after" 5
    const { before, after } = holidayWindows(dayHolidaySpans([6, 0, 5], 2));
    expect(before).toEqual([{ start: 8, end: 10 }]);
    expect(after).toEqual([
      { start: 2, end: 4 },
      { start: 14, end: 16 },
    ]);
  });

  it('map onto an open-hours grid: closed slots drop out, an all-closed day vanishes', () => {
    // a 2-day cycle of 3 slots a day: day 0 open in slots 1–2, day 1 closed all day
    const grid = [false, true, true, false, false, false];
    expect(
      gridSpans(
        [
          { start: 6, end: 9 },
          { start: 9, end: 12 },
          { start: 12, end: 15 },
        ],
        grid,
      ),
    ).toEqual([
      { start: 2, end: 4 },
      { start: 4, end: 6 },
    ]);
  });

  it('Prophet learns only the windows that have open history', () => {
    const open = new Array<boolean>(20).fill(true);
    // the only holiday is at the end of the history: its day after lies ahead, nothing to learn from
    expect([...holidayFeatures([{ start: 19, end: 20 }], open).keys()]).toEqual(['dayBeforeHoliday']);
    expect([...holidayFeatures([{ start: 5, end: 6 }], open).keys()]).toEqual([
      'dayBeforeHoliday',
      'dayAfterHoliday',
    ]);
  });
});

describe('holiday spans are validated', () => {
  const base: SeriesInput = { values: new Array<number>(28).fill(1), periods: [7] };
  it.each([
    ['a negative start', [{ start: -1, end: 0 }], 'holidays[0] must be integer steps'],
    ['an empty span', [{ start: 3, end: 3 }], 'holidays[0] must be integer steps'],
    ['a span longer than the shortest period', [{ start: 0, end: 8 }], 'start + 7'],
    ['a fractional step', [{ start: 1.5, end: 2 }], 'holidays[0]'],
    ['a null span', [{ start: 0, end: 1 }, null], 'holidays[1]'],
    ['a span far past the history', [{ start: 10_000, end: 10_001 }], 'end <= 756'],
    ['a string', '2026-12-25', 'holidays must be an array'],
    [
      '5,001 spans',
      Array.from({ length: 5_001 }, (_, i) => ({ start: i, end: i + 1 })),
      'at most 5000 spans',
    ],
  ])('%s is refused', (_label, holidays, message) => {
    expect(() => validateSeries({ ...base, holidays: holidays as never })).toThrow(message);
  });

  it('are kept, sorted by start', () => {
    const spans = [
      { start: 9, end: 10 },
      { start: 2, end: 3 },
    ];
    expect(validateSeries({ ...base, holidays: spans }).holidays).toEqual([spans[1], spans[0]]);
  });
});

describe('Prophet with the holiday calendar as features', () => {
  const { input } = dailyWithHolidays();
  const withHolidays = BASE_FORECASTERS.PROPHET.fit(input).forecast(14);
  const { holidays: _none, ...plain } = input;
  const without = BASE_FORECASTERS.PROPHET.fit(plain).forecast(14);

  // the days after the history: the holiday is day 8, so day 7 is the day before and day 9 the day after
  const effect = withHolidays.mean.map((v, i) => v - without.mean[i]);

  it('learns the day after a holiday (+40) from the history and forecasts it ahead', () => {
    expect(effect[9]).toBeGreaterThan(34);
    expect(effect[9]).toBeLessThan(46);
  });

  it('learns the day before (−25), and leaves the days away from holidays alone', () => {
    expect(effect[7]).toBeLessThan(-19);
    expect(effect[7]).toBeGreaterThan(-31);
    effect.forEach((e, i) => {
      if (i !== 7 && i !== 9) expect(Math.abs(e)).toBeLessThan(3);
    });
  });

  it('records the features it fitted', () => {
    const { params } = BASE_FORECASTERS.PROPHET.fit(input);
    expect(params.details.holidayFeatures).toEqual(['dayBeforeHoliday', 'dayAfterHoliday']);
  });
});
