import { addDays, isoDayOfWeek } from '../../../src/common/calendar';
import { historySeries, MIN_SILENT_DAYS, type SeriesChannel } from '../../../src/forecasting/history-series';
import type { VolumeBucket } from '../../../src/volumes/volume.types';

const LONDON = 'Europe/London';
const FROM = '2026-06-01'; // a Monday
const allDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '24:00' }]]));
const outbound: SeriesChannel = { key: 'outbound', intervalMinutes: 60, openingHours: allDay };

/** Hourly arrivals Mon–Fri 09:00–17:00 (5 + day of month), 0 at every other hour, every day stored. */
const recordedZeros = (days: number): VolumeBucket[] =>
  Array.from({ length: days }, (_, d) => {
    const date = addDays(FROM, d);
    const weekday = isoDayOfWeek(date) <= 5;
    const values = Array.from({ length: 24 }, (_, h) => (weekday && h >= 9 && h < 17 ? 5 + (d % 7) : 0));
    return { channel: 'outbound', date, intervalMinutes: 60, values };
  });
const slotsOf = (day: number): number[] => Array.from({ length: 24 }, (_, h) => day * 24 + h);

describe('historySeries', () => {
  it('closes weekdays whose every stored day holds only zeros, as days without rows are', () => {
    const buckets = recordedZeros(28);
    const zeros = historySeries(buckets, outbound, FROM, addDays(FROM, 28), LONDON);
    const withoutWeekends = historySeries(
      buckets.filter((b) => isoDayOfWeek(b.date) <= 5),
      outbound,
      FROM,
      addDays(FROM, 28),
      LONDON,
    );
    // the model sees the same series either way: weekends closed, weekday nights open zeros
    expect(zeros.open).toEqual(withoutWeekends.open);
    expect(zeros.values).toEqual(withoutWeekends.values);
    expect(slotsOf(5).every((i) => !zeros.open[i])).toBe(true);
    expect(slotsOf(0).every((i) => zeros.open[i])).toBe(true);
    // stored zeros stay measured (forecast accuracy scores them), missing weekends were not
    expect(slotsOf(5).every((i) => zeros.measured[i])).toBe(true);
    expect(slotsOf(5).some((i) => withoutWeekends.measured[i])).toBe(false);
  });

  it('keeps a weekday open when one of its days had arrivals, and a lone zero day of a busy weekday', () => {
    const buckets = recordedZeros(28);
    buckets[12]!.values[10] = 1; // one task on the second Saturday
    buckets[15]!.values.fill(0); // a Tuesday without any
    const series = historySeries(buckets, outbound, FROM, addDays(FROM, 28), LONDON);
    expect([5, 12, 19, 26].every((d) => slotsOf(d).every((i) => series.open[i]))).toBe(true);
    expect(slotsOf(15).every((i) => series.open[i] && series.values[i] === 0)).toBe(true);
    expect(slotsOf(6).every((i) => !series.open[i])).toBe(true);
  });

  it(`needs ${MIN_SILENT_DAYS} stored days of a weekday to close it`, () => {
    const series = historySeries(recordedZeros(7), outbound, FROM, addDays(FROM, 7), LONDON);
    expect(slotsOf(5).every((i) => series.open[i])).toBe(true);
    const two = historySeries(recordedZeros(14), outbound, FROM, addDays(FROM, 14), LONDON);
    expect(slotsOf(12).every((i) => !two.open[i])).toBe(true);
  });
});
