import { isTimeZone, zoneOf } from '../../../src/common/time-zone';

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
});
