import { addDays } from '../../../src/common/calendar';
import { dayIntervalCount } from '../../../src/volumes/volume-calendar';
import { summarizeVolumes } from '../../../src/volumes/volume-summary';
import { type OpeningHours, type VolumeBucket } from '../../../src/volumes/volume.types';
import { timerGaps } from '../../helpers/timer-gaps';
import { MAX_LISTED_ISSUES, validateVolumes } from '../../../src/volumes/volume.validation';

const LONDON = 'Europe/London';
const weekdays9to17: OpeningHours = Object.fromEntries(
  [1, 2, 3, 4, 5].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
);

/** Deterministic hourly series: open hours carry a profile plus bounded pseudo-noise, closed hours null. */
const series = (start: string, days: number): VolumeBucket[] => {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 8;
  return Array.from({ length: days }, (_, d) => {
    const date = addDays(start, d);
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    const values = Array.from({ length: dayIntervalCount(date, 60, LONDON) }, (_, h) =>
      dow >= 1 && dow <= 5 && h >= 9 && h < 17
        ? Math.round(50 + 20 * Math.sin(((h - 9) / 8) * Math.PI) + noise())
        : null,
    );
    return { channel: 'calls', date, intervalMinutes: 60, values };
  });
};

describe('validateVolumes', () => {
  it('finds nothing on a clean series', async () => {
    const issues = await validateVolumes(series('2026-06-01', 28), {
      timeZone: LONDON,
      openingHours: weekdays9to17,
    });
    expect(issues).toEqual({
      missing: [],
      duplicates: [],
      negatives: [],
      outsideOpeningHours: [],
      outliers: [],
      counts: { missing: 0, duplicates: 0, negatives: 0, outsideOpeningHours: 0, outliers: 0 },
    });
  });

  it('lists the first maxListed issues of each kind in time order and counts them all', async () => {
    // four empty days open around the clock: 96 missing hours; two negatives on the first
    const empty = (date: string): VolumeBucket => ({
      channel: 'calls',
      date,
      intervalMinutes: 60,
      values: Array(24).fill(null),
    });
    const buckets = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04'].map(empty);
    buckets[0]!.values[0] = -1;
    buckets[0]!.values[1] = -2;
    const issues = await validateVolumes(buckets, { timeZone: 'UTC', maxListed: 3 });
    expect(issues.counts).toEqual({
      missing: 94,
      duplicates: 0,
      negatives: 2,
      outsideOpeningHours: 0,
      outliers: 0,
    });
    expect(issues.missing.map((i) => `${i.date}#${i.index}`)).toEqual([
      '2026-06-01#2',
      '2026-06-01#3',
      '2026-06-01#4',
    ]);
    expect(issues.negatives.map((i) => i.value)).toEqual([-1, -2]);
    expect((await validateVolumes(buckets, { timeZone: 'UTC' })).missing).toHaveLength(
      MAX_LISTED_ISSUES > 94 ? 94 : MAX_LISTED_ISSUES,
    );
  });

  it('validates 800 quarter-hour days in slices, the event loop free between them', async () => {
    // before: one synchronous pass (0.25-0.35 s here), no timer between
    const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '24:00' }]]));
    const buckets = Array.from({ length: 800 }, (_, d): VolumeBucket => {
      const date = addDays('2030-01-01', d);
      const values = Array.from({ length: dayIntervalCount(date, 15, LONDON) }, (_, i) => (i * 7 + d) % 50);
      return { channel: 'calls', date, intervalMinutes: 15, values };
    });
    let counts;
    const gaps = await timerGaps(async () => {
      ({ counts } = await validateVolumes(buckets, { timeZone: LONDON, openingHours: hours }));
    });
    expect(counts).toMatchObject({ missing: 0, negatives: 0 });
    // one synchronous pass lets no timer tick until it ends
    expect(gaps.ticks).toBeGreaterThan(5);
    expect(gaps.longestCpu).toBeLessThan(250);
  });

  it('flags an injected spike as the only outlier, with its expected value and score', async () => {
    const buckets = series('2026-06-01', 56);
    const spikeDay = buckets.find((b) => b.date === '2026-06-17')!;
    spikeDay.values[14] = spikeDay.values[14]! * 3;
    const { outliers } = await validateVolumes(buckets, { timeZone: LONDON, openingHours: weekdays9to17 });
    expect(outliers).toHaveLength(1);
    expect(outliers[0]).toMatchObject({
      channel: 'calls',
      date: '2026-06-17',
      index: 14,
      timestamp: '2026-06-17T13:00:00.000Z',
    });
    expect(outliers[0]!.expected).toBeGreaterThan(55);
    expect(outliers[0]!.score).toBeGreaterThan(5);
  });

  it('finds no outliers on a clean series whose nights and weekends are recorded as zeros', async () => {
    // a DEFERRED channel's arrivals are expected around the clock: its quiet hours are stored 0s,
    // which once made two thirds of the residuals exactly 0 and flagged ordinary hours
    const allDay: OpeningHours = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
    );
    const buckets = series('2026-06-01', 56).map((b) => ({ ...b, values: b.values.map((v) => v ?? 0) }));
    const clean = await validateVolumes(buckets, { timeZone: LONDON, openingHours: allDay });
    expect(clean.counts).toMatchObject({ missing: 0, outliers: 0 });
    buckets.find((b) => b.date === '2026-06-17')!.values[14]! *= 3;
    const spiked = await validateVolumes(buckets, { timeZone: LONDON, openingHours: allDay });
    expect(spiked.outliers.map((o) => [o.date, o.index])).toEqual([['2026-06-17', 14]]);
  });

  it('reports missing open intervals (also on absent days), negatives and volume outside opening hours', async () => {
    const buckets = series('2026-06-01', 7).filter((b) => b.date !== '2026-06-03');
    buckets[0]!.values[10] = null;
    buckets[0]!.values[11] = -2;
    buckets[0]!.values[20] = 4;
    buckets[0]!.values[21] = 0;
    const issues = await validateVolumes(buckets, {
      timeZone: LONDON,
      openingHours: weekdays9to17,
      closedDates: ['2026-06-04'],
    });
    expect(issues.missing.map((i) => `${i.date}#${i.index}`)).toEqual([
      '2026-06-01#10',
      ...Array.from({ length: 8 }, (_, h) => `2026-06-03#${h + 9}`),
    ]);
    expect(issues.negatives).toEqual([
      { channel: 'calls', date: '2026-06-01', index: 11, timestamp: '2026-06-01T10:00:00.000Z', value: -2 },
    ]);
    expect(issues.outsideOpeningHours.map((i) => [i.index, i.value])).toEqual([
      [20, 4],
      ...Array.from({ length: 8 }, (_, h) => [h + 9, expect.any(Number)]),
    ]);
    expect(issues.outsideOpeningHours.slice(1).every((i) => i.date === '2026-06-04')).toBe(true);
  });

  it('passes import duplicates through and uses per-channel opening hours', async () => {
    const emails: VolumeBucket = {
      channel: 'emails',
      date: '2026-06-01',
      intervalMinutes: 60,
      values: Array(24).fill(1),
    };
    const issues = await validateVolumes([emails], {
      timeZone: LONDON,
      openingHours: weekdays9to17,
      openingHoursByChannel: { emails: { 1: [{ from: '00:00', to: '24:00' }] } },
      duplicates: [
        {
          channel: 'emails',
          date: '2026-06-01',
          index: 3,
          timestamp: '2026-06-01T02:00:00.000Z',
          rows: [5, 9],
          values: [1, 1],
        },
      ],
    });
    expect(issues.outsideOpeningHours).toEqual([]);
    expect(issues.duplicates).toEqual([
      {
        channel: 'emails',
        date: '2026-06-01',
        index: 3,
        timestamp: '2026-06-01T02:00:00.000Z',
        rows: [5, 9],
        values: [1, 1],
        value: 2,
      },
    ]);
  });
});

describe('summarizeVolumes', () => {
  it('counts as missing only the intervals where a value is expected (arrival hours)', () => {
    // Saturday 2026-10-24: a LIVE channel open 09:00–17:00 with values 09:00–12:00 only
    const values = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 12 ? 5 : null));
    const buckets: VolumeBucket[] = [{ channel: 'calls', date: '2026-10-24', intervalMinutes: 60, values }];
    const hours = { 6: [{ from: '09:00', to: '17:00' }] };
    const [open] = summarizeVolumes(buckets, { timeZone: LONDON, openingHoursByChannel: { calls: hours } });
    expect(open).toMatchObject({ intervals: 24, withValue: 3, missing: 5 });
    // without hours every interval expects a value (a DEFERRED channel's arrivals are 24/7)
    expect(summarizeVolumes(buckets, { timeZone: LONDON })[0]).toMatchObject({ missing: 21 });
  });

  it('reports first/last timestamps, intervals, missing and zeros per channel', () => {
    const buckets: VolumeBucket[] = [
      {
        channel: 'calls',
        date: '2026-10-25',
        intervalMinutes: 60,
        values: [null, 0, 3, ...Array(21).fill(null), 2],
      },
      {
        channel: 'calls',
        date: '2026-10-24',
        intervalMinutes: 60,
        values: [null, 0, ...Array(22).fill(null)],
      },
      { channel: 'emails', date: '2026-10-24', intervalMinutes: 60, values: Array(24).fill(null) },
    ];
    expect(summarizeVolumes(buckets, { timeZone: LONDON })).toEqual([
      {
        channel: 'calls',
        intervalMinutes: 60,
        days: 2,
        first: '2026-10-24T00:00:00.000Z',
        last: '2026-10-25T23:00:00.000Z',
        intervals: 49,
        withValue: 4,
        missing: 45,
        zeros: 2,
        total: 5,
      },
      {
        channel: 'emails',
        intervalMinutes: 60,
        days: 1,
        first: null,
        last: null,
        intervals: 24,
        withValue: 0,
        missing: 24,
        zeros: 0,
        total: 0,
      },
    ]);
  });
});
