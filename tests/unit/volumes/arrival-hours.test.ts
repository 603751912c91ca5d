import { openMask } from '../../../src/volumes/opening-hours-mask';
import { arrivalHours } from '../../../src/volumes/volume.service';

const weekdays = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, from: '09:00', to: '17:00' }));

describe('arrivalHours', () => {
  it('a LIVE channel expects arrivals only while open', () => {
    const hours = arrivalHours({ kind: 'LIVE', openingHours: weekdays });
    expect(openMask('2026-12-07', 60, 'Europe/London', hours).filter(Boolean)).toHaveLength(8);
    expect(openMask('2026-12-12', 60, 'Europe/London', hours).filter(Boolean)).toHaveLength(0);
  });

  it('a DEFERRED channel expects arrivals around the clock: opening hours bound handling only', () => {
    const hours = arrivalHours({ kind: 'DEFERRED', openingHours: weekdays });
    expect(openMask('2026-12-12', 60, 'Europe/London', hours).every(Boolean)).toBe(true);
    // a 25-hour autumn day has 25 hourly intervals, all expecting arrivals
    expect(openMask('2026-10-25', 60, 'Europe/London', hours)).toEqual(new Array(25).fill(true));
  });
});
