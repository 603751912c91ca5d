import { dayHolidaySpans, maskHolidayHistory } from '../../../src/forecasting/holiday-effects.core';
import type { SeriesInput } from '../../../src/forecasting/forecast.types';

/**
 * 30 weeks of a daily series with a weekly pattern; the day after each holiday has 40 more
 * calls, the day before 25 fewer. The holidays themselves are masked, as the service does.
 */
export function dailyWithHolidays(): { input: SeriesInput; n: number } {
  const n = 210;
  const holidays = [20, 45, 70, 95, 120, 145, 170, 195];
  const week = [120, 110, 105, 100, 90, 40, 30];
  const values = Array.from({ length: n }, (_, d) => week[d % 7] + 0.05 * d + 3 * Math.sin(d * 1.7));
  for (const h of holidays) {
    values[h] = 5;
    values[h - 1] -= 25;
    values[h + 1] += 40;
  }
  const masked = maskHolidayHistory(values, new Array<boolean>(n).fill(true), holidays, 1);
  // a holiday 9 days ahead: day n + 8, so the day before is n + 7 and the day after n + 9
  const spans = dayHolidaySpans([...holidays, n + 8], 1);
  return { input: { values: masked.values, open: masked.open, periods: [7], holidays: spans }, n };
}
