import { IANAZone } from 'luxon';
import {
  openMask,
  openingHoursFromList,
  validateOpeningHours,
} from '../../../src/volumes/opening-hours-mask';
import {
  dayIntervalCount,
  dayIntervals,
  intervalIndex,
  intervalStart,
} from '../../../src/volumes/volume-calendar';
import { parseVolumeTimestamp } from '../../../src/volumes/volume-timestamp-parser';
import { type OpeningHours } from '../../../src/volumes/volume.types';

const LONDON = 'Europe/London';
const london = IANAZone.create(LONDON);
const iso = (d: Date): string => d.toISOString();

describe('dayIntervals / intervalIndex (Europe/London)', () => {
  it('has 96 / 92 / 100 fifteen-minute intervals on normal / spring-forward / fall-back days', () => {
    expect(dayIntervalCount('2026-06-01', 15, LONDON)).toBe(96);
    expect(dayIntervalCount('2026-03-29', 15, LONDON)).toBe(92);
    expect(dayIntervalCount('2026-10-25', 15, LONDON)).toBe(100);
    expect(dayIntervalCount('2026-10-25', 60, LONDON)).toBe(25);
  });

  it('lists UTC interval starts across the clock changes', () => {
    const spring = dayIntervals('2026-03-29', 60, LONDON).map(iso);
    expect(spring.slice(0, 3)).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
    expect(spring).toHaveLength(23);
    const fall = dayIntervals('2026-10-25', 60, LONDON).map(iso);
    expect(fall[0]).toBe('2026-10-24T23:00:00.000Z');
    expect(fall[24]).toBe('2026-10-25T23:00:00.000Z');
  });

  it('maps both 01:30 passes of the fall-back day to different intervals', () => {
    expect(intervalIndex(new Date('2026-10-25T00:30:00Z'), 15, LONDON)).toMatchObject({
      date: '2026-10-25',
      index: 6,
      aligned: true,
    });
    expect(intervalIndex(new Date('2026-10-25T01:30:00Z'), 15, LONDON)).toMatchObject({
      date: '2026-10-25',
      index: 10,
    });
    expect(intervalIndex(new Date('2026-10-25T01:37:10Z'), 15, LONDON)).toMatchObject({
      index: 10,
      aligned: false,
    });
    expect(iso(intervalStart('2026-10-25', 10, 15, LONDON))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('names bad arguments', () => {
    expect(() => dayIntervals('2026-10-25', 7, LONDON)).toThrow(
      'intervalMinutes must divide 60 (1, 5, 10, 15, 30, 60…), got 7',
    );
    expect(() => dayIntervals('2026-10-25', 15, 'Mars/Olympus')).toThrow(
      'timeZone must be an IANA zone name, got "Mars/Olympus"',
    );
    expect(() => dayIntervals('25/10/2026', 15, LONDON)).toThrow('date must be YYYY-MM-DD, got "25/10/2026"');
  });
});

describe('parseVolumeTimestamp', () => {
  const parse = (raw: string) => parseVolumeTimestamp(raw, london);
  it('takes Z and offsets as exact instants', () => {
    expect(parse('2026-10-25T01:30:00+01:00')).toEqual({
      ok: true,
      instant: Date.parse('2026-10-25T00:30:00Z'),
    });
    expect(parse('2026-10-25T01:30:00Z')).toEqual({ ok: true, instant: Date.parse('2026-10-25T01:30:00Z') });
    expect(parse('2026-10-25 01:30:00.250-0500')).toEqual({
      ok: true,
      instant: Date.parse('2026-10-25T06:30:00.250Z'),
    });
  });
  it('reads local times in the site zone; the repeated fall-back hour takes the earlier (BST) pass', () => {
    expect(parse('2026-07-01T09:00')).toEqual({ ok: true, instant: Date.parse('2026-07-01T08:00:00Z') });
    expect(parse('2026-10-25T01:30')).toEqual({ ok: true, instant: Date.parse('2026-10-25T00:30:00Z') });
    expect(parse('2026-10-25T02:00')).toEqual({ ok: true, instant: Date.parse('2026-10-25T02:00:00Z') });
  });
  it('rejects the spring-forward gap, impossible dates and other formats', () => {
    expect(parse('2026-03-29T01:30')).toEqual({
      ok: false,
      message: 'local time "2026-03-29T01:30" does not exist in Europe/London (clocks go forward)',
    });
    expect(parse('2026-02-30T10:00')).toEqual({
      ok: false,
      message: 'timestamp is not a real date and time: "2026-02-30T10:00"',
    });
    expect(parse('29/03/2026 10:00').ok).toBe(false);
    expect(parse('2026-03-29').ok).toBe(false);
  });
});

describe('opening hours', () => {
  const calls: OpeningHours = {
    1: [{ from: '08:00', to: '20:00' }],
    2: [{ from: '08:00', to: '20:00' }],
    6: [{ from: '09:00', to: '17:00' }],
    7: [{ from: '00:00', to: '03:00' }],
  };
  it('masks intervals whose start lies in a window', () => {
    const mon = openMask('2026-06-01', 15, LONDON, calls);
    expect(mon).toHaveLength(96);
    expect(mon.filter(Boolean)).toHaveLength(48);
    expect(mon[31]).toBe(false);
    expect(mon[32]).toBe(true);
    expect(mon[80]).toBe(false);
    expect(openMask('2026-06-06', 60, LONDON, calls).filter(Boolean)).toHaveLength(8);
    expect(openMask('2026-06-03', 60, LONDON, calls).some(Boolean)).toBe(false);
  });
  it('follows the wall clock on DST Sundays (00:00–03:00 is 2 hours in spring, 4 in autumn)', () => {
    expect(openMask('2026-03-29', 60, LONDON, calls).filter(Boolean)).toHaveLength(2);
    expect(openMask('2026-10-25', 60, LONDON, calls).filter(Boolean)).toHaveLength(4);
  });
  it('validates windows and builds from the flat list form', () => {
    expect(
      openingHoursFromList([
        { dayOfWeek: 1, from: '08:00', to: '12:00' },
        { dayOfWeek: 1, from: '13:00', to: '24:00' },
      ]),
    ).toEqual({
      1: [
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '24:00' },
      ],
    });
    expect(() => validateOpeningHours({ 1: [{ from: '08:00', to: '24:00' }] })).not.toThrow();
    try {
      validateOpeningHours({
        1: [
          { from: '10:00', to: '09:00' },
          { from: '08:00', to: '12:00' },
        ],
        2: [{ from: '8am', to: '25:00' }],
      });
      throw new Error('expected to throw');
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual([
        { field: 'openingHours.1[0]', message: 'from (10:00) must be before to (09:00)' },
        { field: 'openingHours.1[0]', message: 'overlaps another window of the same day' },
        { field: 'openingHours.2[0].from', message: 'must be HH:MM, got "8am"' },
        { field: 'openingHours.2[0].to', message: 'must be HH:MM or 24:00, got "25:00"' },
      ]);
    }
  });
});
