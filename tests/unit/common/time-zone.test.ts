import { DateTime } from 'luxon';
import { isTimeZone, localDateOf, zoneOf } from '../../../src/common/time-zone';

describe('time zones', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('zoneOf returns the zone or a coded error naming the parameter', () => {
    expect(zoneOf('Europe/Berlin').name).toBe('Europe/Berlin');
    expect(() => zoneOf('Mars/Olympus')).toThrow('timeZone must be an IANA zone name, got "Mars/Olympus"');
    try {
      zoneOf('Mars/Olympus');
    } catch (e) {
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect.assertions(3);
  });

  it('localDateOf gives the local date, or a coded error naming the field for an invalid instant', () => {
    // 23:30 UTC is already the next day in London once summer time has begun
    expect(localDateOf(DateTime.fromISO('2026-03-29T23:30:00Z', { zone: 'Europe/London' }), 'start')).toBe(
      '2026-03-30',
    );
    expect(() => localDateOf(DateTime.fromMillis(NaN), 'start')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: [{ field: 'start', message: 'not a valid instant' }],
      }),
    );
  });
});
