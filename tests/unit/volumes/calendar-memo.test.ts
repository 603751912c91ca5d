import { DateTime } from 'luxon';
import { addDays } from '../../../src/common/calendar';
import { openMask } from '../../../src/volumes/opening-hours-mask';
import { dayLocalMinutes } from '../../../src/volumes/volume-calendar';

const ZONE = 'Europe/London';
const HOURS = { 1: [{ from: '08:00', to: '20:00' }], 6: [{ from: '09:00', to: '17:00' }] };
const days = Array.from({ length: 400 }, (_, i) => addDays('2025-10-27', i));

// validateVolumes, dataSummary, forecastAccuracy and volumes build an open mask per day; each
// one parsed the day with luxon again (fromISO, startOf, plus: ~0.15 ms), so a year of five
// channels held the event loop for 250-300 ms. The day's known bounds now answer it.
describe('per-day masks reuse the known day bounds', () => {
  it('calls luxon no more once the days are known', () => {
    for (const d of days) dayLocalMinutes(d, 15, ZONE);
    const fromIso = jest.spyOn(DateTime, 'fromISO');
    try {
      for (const d of days) openMask(d, 15, ZONE, HOURS);
      expect(fromIso).not.toHaveBeenCalled();
    } finally {
      fromIso.mockRestore();
    }
  });

  it('keeps the masks: 08:00-20:00 on Mondays, 09:00-17:00 on Saturdays, the clock changes', () => {
    expect(openMask('2026-11-30', 15, ZONE, HOURS).flatMap((o, i) => (o ? [i] : []))).toEqual(
      Array.from({ length: 48 }, (_, i) => 32 + i),
    );
    expect(openMask('2026-11-28', 60, ZONE, HOURS).flatMap((o, i) => (o ? [i] : []))).toEqual([
      9, 10, 11, 12, 13, 14, 15, 16,
    ]);
    expect(openMask('2026-12-01', 60, ZONE, HOURS).every((o) => !o)).toBe(true);
    // spring forward (23 h) and fall back (25 h): wall-clock minutes per interval start
    expect(dayLocalMinutes('2026-03-29', 60, ZONE)).toEqual([
      0,
      ...Array.from({ length: 22 }, (_, i) => (i + 2) * 60),
    ]);
    expect(dayLocalMinutes('2026-10-25', 60, ZONE)).toEqual([
      0,
      60,
      60,
      ...Array.from({ length: 22 }, (_, i) => (i + 2) * 60),
    ]);
  });
});
