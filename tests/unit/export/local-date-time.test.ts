import { exportLocalDateTime } from '../../../src/export/local-date-time';

describe('exportLocalDateTime: the one form of a local interval time in every export', () => {
  it.each([
    // staffing (week slots, GraphQL localTime) and roster shift times already carry seconds
    ['2026-11-23T09:15:00', '2026-11-23T09:15:00'],
    // the roster outcome's interval start
    ['2026-11-23T09:15', '2026-11-23T09:15:00'],
    // the forecast's local clock
    ['2026-11-23 09:15', '2026-11-23T09:15:00'],
    // the repeated autumn hour and midnight keep their wall-clock reading
    ['2026-10-25T01:30', '2026-10-25T01:30:00'],
    ['2026-11-29 00:00', '2026-11-29T00:00:00'],
  ])('%s → %s', (local, written) => {
    expect(exportLocalDateTime(local)).toBe(written);
  });

  it.each(['2026-11-23', '2026-11-23T9:15', '2026-11-23T09:15:00Z', '2026-11-23T09:15:00+01:00', ''])(
    'refuses %j, which no export should hand it',
    (local) => {
      expect(() => exportLocalDateTime(local)).toThrow(`not a local date-time: "${local}"`);
    },
  );
});
