import { clockToMinutes, isoDayOfWeek, mondayOf } from '../../../src/common/calendar';
import { DEMO_STAFF_COUNT, generateStaff, mulberry32 } from '../../../seeds/staff.generator';
import { availableWindows, checkExceptions, isAvailable } from '../../../src/staff/availability.core';
import { checkContract } from '../../../src/staff/staff.validation';
import { checkWeeklyWindows } from '../../../src/common/time-window';

const ex = (date: string, available: boolean, from: string | null = null, to: string | null = null) => ({
  date,
  available,
  from,
  to,
  reason: 'r',
});

describe('time windows', () => {
  it('parses HH:MM, allowing 24:00 only as an end', () => {
    expect(clockToMinutes('08:30')).toBe(510);
    expect(clockToMinutes('24:00')).toBeNull();
    expect(clockToMinutes('24:00', true)).toBe(1440);
    expect(clockToMinutes('8:30')).toBeNull();
    expect(clockToMinutes('12:60')).toBeNull();
  });

  it('knows ISO days of week and Mondays', () => {
    expect(isoDayOfWeek('2026-03-02')).toBe(1);
    expect(isoDayOfWeek('2026-03-08')).toBe(7);
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
  });

  it('reports overlapping windows on the same day but allows touching ones and other days', () => {
    expect(
      checkWeeklyWindows(
        [
          { dayOfWeek: 1, from: '08:00', to: '12:00' },
          { dayOfWeek: 1, from: '12:00', to: '16:00' },
          { dayOfWeek: 2, from: '10:00', to: '24:00' },
        ],
        'weekly',
      ),
    ).toEqual([]);
    expect(
      checkWeeklyWindows(
        [
          { dayOfWeek: 1, from: '08:00', to: '12:00' },
          { dayOfWeek: 1, from: '09:00', to: '10:00' },
        ],
        'w',
      ),
    ).toEqual([{ field: 'w.1', message: 'window 09:00–10:00 on day 1 overlaps w.0 (08:00–12:00)' }]);
    expect(
      checkWeeklyWindows([{ dayOfWeek: 8, from: '10:00', to: '10:00' }], 'w').map((e) => e.message),
    ).toEqual(['dayOfWeek must be 1 (Monday) … 7 (Sunday), got 8', 'to must be after from, got 10:00–10:00']);
  });
});

describe('availability on a date', () => {
  const pattern = {
    weekly: [
      { dayOfWeek: 1, from: '08:00', to: '12:00' },
      { dayOfWeek: 1, from: '13:00', to: '20:00' },
      { dayOfWeek: 2, from: '08:00', to: '20:00' },
    ],
    exceptions: [
      ex('2026-03-03', false, '10:00', '11:00'),
      ex('2026-03-09', false),
      ex('2026-03-07', true, '09:00', '17:00'),
      ex('2026-03-02', true, '12:00', '13:00'),
    ],
  };

  it('starts from the weekly windows of the day and applies exceptions', () => {
    expect(availableWindows(pattern, '2026-03-02')).toEqual([{ from: '08:00', to: '20:00' }]); // extra hour joins the two windows
    expect(availableWindows(pattern, '2026-03-03')).toEqual([
      { from: '08:00', to: '10:00' },
      { from: '11:00', to: '20:00' },
    ]);
    expect(availableWindows(pattern, '2026-03-09')).toEqual([]); // whole-day leave
    expect(availableWindows(pattern, '2026-03-07')).toEqual([{ from: '09:00', to: '17:00' }]); // extra Saturday
    expect(availableWindows(pattern, '2026-03-04')).toEqual([]);
  });

  it('is available only when one window covers the whole span', () => {
    expect(isAvailable(pattern, '2026-03-10', '08:00', '20:00')).toBe(true);
    expect(isAvailable(pattern, '2026-03-03', '09:00', '12:00')).toBe(false);
    expect(isAvailable(pattern, '2026-03-16', '11:00', '14:00')).toBe(false);
  });

  it('validates exceptions: dates, paired times, extra availability needs times, no clashes per date', () => {
    expect(
      checkExceptions(
        [
          ex('2026-02-29', false),
          { ...ex('2026-03-01', false, '08:00'), to: null },
          ex('2026-03-02', true),
          ex('2026-03-03', false),
          ex('2026-03-03', false, '08:00', '09:00'),
          ex('2026-03-04', false, '08:00', '10:00'),
          ex('2026-03-04', true, '09:00', '12:00'),
        ],
        'e',
      ),
    ).toEqual([
      { field: 'e.0.date', message: 'date must be YYYY-MM-DD, got "2026-02-29"' },
      { field: 'e.1', message: 'from and to must be given together' },
      { field: 'e.2.from', message: 'extra availability (available: true) needs from and to' },
      {
        field: 'e.4',
        message:
          'exception on 2026-03-03 overlaps e.3 (a whole-day exception must be the only one on its date)',
      },
      {
        field: 'e.6',
        message:
          'exception on 2026-03-04 overlaps e.5 (a whole-day exception must be the only one on its date)',
      },
    ]);
  });
});

describe('contract rules', () => {
  it('names the parameter and the values', () => {
    expect(
      checkContract({ minHoursWeek: 30, maxHoursWeek: 20, maxDaysWeek: 5, maxConsecutiveDays: 5 }),
    ).toEqual([{ field: 'maxHoursWeek', message: 'maxHoursWeek must be ≥ minHoursWeek (30), got 20' }]);
    expect(
      checkContract({ minHoursWeek: 50, maxHoursWeek: 60, maxDaysWeek: 2, maxConsecutiveDays: 2 }),
    ).toEqual([{ field: 'minHoursWeek', message: 'minHoursWeek 50 cannot be worked in maxDaysWeek 2 days' }]);
  });
});

describe('staff generator', () => {
  it('is deterministic and does not touch Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    const a = generateStaff({ anchorDate: '2026-03-02' });
    const b = generateStaff({ anchorDate: '2026-03-02' });
    expect(a).toEqual(b);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(generateStaff({ anchorDate: '2026-03-02', seed: 7 })).not.toEqual(a);
  });

  it('generates valid weekly windows and exceptions for everyone', () => {
    const site = generateStaff({ anchorDate: '2026-03-02' });
    expect(site.staff).toHaveLength(DEMO_STAFF_COUNT);
    for (const av of site.availability) {
      expect(checkWeeklyWindows(av.weekly, 'weekly')).toEqual([]);
      expect(checkExceptions(av.exceptions, 'exceptions')).toEqual([]);
    }
  });

  it('mulberry32 yields the reference sequence in [0, 1)', () => {
    const r = mulberry32(1);
    const xs = [r(), r(), r()];
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs[0]).toBeCloseTo(0.6270739405881613, 12);
  });
});
