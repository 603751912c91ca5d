import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Table } from '../../../src/import/table.types';
import { parseVolumeRows } from '../../../src/volumes/volume-parser';
import { validateVolumes } from '../../../src/volumes/volume.validation';
import {
  CAMPAIGN,
  DEMO_CHANNELS,
  DEMO_HOLIDAYS,
  OUTAGE,
  generateHistory,
  historyToCsv,
  mulberry32,
  poisson,
  type HistoryRow,
} from '../../../seeds/history.generator';

const TZ = 'Europe/London';
const channels = DEMO_CHANNELS.map(({ key, intervalMinutes }) => ({ key, intervalMinutes }));
const rows = generateHistory();

const toTable = (rs: HistoryRow[]): Table => ({
  format: 'csv',
  columns: ['timestamp', 'channel', 'value'],
  rows: rs.map((r, i) => ({
    row: i + 2,
    values: { timestamp: r.timestamp, channel: r.channel, value: String(r.value) },
  })),
});

const dailyTotals = (channel: string): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const r of rows)
    if (r.channel === channel)
      totals.set(r.timestamp.slice(0, 10), (totals.get(r.timestamp.slice(0, 10)) ?? 0) + r.value);
  return totals;
};
const dow = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('poisson sampler', () => {
  it.each([0.5, 4, 29, 30, 120, 900])('has mean and variance ≈ λ for λ = %p', (lambda) => {
    const rand = mulberry32(42);
    const xs = Array.from({ length: 20000 }, () => poisson(lambda, rand));
    const m = mean(xs);
    const v = mean(xs.map((x) => (x - m) ** 2));
    expect(Math.abs(m - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 20000) + 0.01);
    expect(v / lambda).toBeGreaterThan(0.93);
    expect(v / lambda).toBeLessThan(1.07);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });
  it('names a bad lambda', () => {
    expect(() => poisson(-1, Math.random)).toThrow('lambda must be a finite number ≥ 0, got -1');
  });
});

describe('generateHistory', () => {
  it('is deterministic for a seed and changes with it', () => {
    expect(generateHistory({ weeks: 2, seed: 7 })).toEqual(generateHistory({ weeks: 2, seed: 7 }));
    expect(generateHistory({ weeks: 2, seed: 8 })).not.toEqual(generateHistory({ weeks: 2, seed: 7 }));
  });

  it('matches the committed data/demo-history.csv', () => {
    const committed = readFileSync(join(__dirname, '../../../data/demo-history.csv'), 'utf8');
    expect(committed).toBe(historyToCsv(rows));
    expect(committed.length).toBeLessThan(10 * 1024 * 1024);
  });

  it('spans 52 weeks ending Sunday 2026-11-15 with local ISO timestamps with offsets', () => {
    expect(rows[0]!.timestamp).toBe('2025-11-17T08:00:00+00:00');
    expect(rows.at(-1)!.timestamp.slice(0, 10)).toBe('2026-11-15');
    expect(rows.find((r) => r.timestamp.startsWith('2026-07-01T09:00'))!.timestamp).toBe(
      '2026-07-01T09:00:00+01:00',
    );
  });

  it('has plausible daily totals: calls 2000–3000 on weekdays with Monday highest, emails ~400, outbound tens', () => {
    const calls = dailyTotals('calls');
    const normal = [...calls].filter(([d]) => !DEMO_HOLIDAYS.includes(d) && d !== OUTAGE.date);
    const byDow = [1, 2, 3, 4, 5, 6].map((k) => mean(normal.filter(([d]) => dow(d) === k).map(([, v]) => v)));
    byDow.slice(0, 5).forEach((m) => expect(m).toBeGreaterThan(2000));
    byDow.slice(0, 5).forEach((m) => expect(m).toBeLessThan(3000));
    expect(Math.max(...byDow)).toBe(byDow[0]);
    expect(mean([...dailyTotals('emails').values()])).toBeGreaterThan(330);
    expect(mean([...dailyTotals('emails').values()])).toBeLessThan(450);
    for (const key of ['outbound_ook', 'outbound_omk', 'outbound_nb']) {
      const m = mean([...dailyTotals(key)].filter(([d]) => dow(d) <= 5).map(([, v]) => v));
      expect(m).toBeGreaterThan(10);
      expect(m).toBeLessThan(60);
    }
    const firstMonth = mean(normal.slice(0, 20).map(([, v]) => v));
    const lastMonth = mean(normal.slice(-20).map(([, v]) => v));
    expect(lastMonth).toBeGreaterThan(firstMonth);
  });

  it('writes no calls or outbound rows on bank holidays, no calls on Sundays, calls in opening hours only', () => {
    const closed = rows.filter(
      (r) =>
        (r.channel !== 'emails' && DEMO_HOLIDAYS.includes(r.timestamp.slice(0, 10))) ||
        (r.channel === 'calls' && dow(r.timestamp.slice(0, 10)) === 7),
    );
    expect(closed).toEqual([]);
    expect(rows.some((r) => r.channel === 'emails' && r.timestamp.startsWith('2025-12-25'))).toBe(true);
    const hours = new Set(
      rows.filter((r) => r.channel === 'calls').map((r) => Number(r.timestamp.slice(11, 13))),
    );
    expect(Math.min(...hours)).toBe(8);
    expect(Math.max(...hours)).toBe(19);
  });

  it('writes every hour of a DEFERRED outbound channel: arrivals Mon–Fri 09:00–17:00, zeros otherwise', () => {
    const nb = rows.filter((r) => r.channel === 'outbound_nb');
    const days = new Set(nb.map((r) => r.timestamp.slice(0, 10)));
    expect(days.size).toBe(
      7 * 52 - DEMO_HOLIDAYS.filter((d) => d >= '2025-11-17' && d <= '2026-11-15').length,
    );
    // 24 hours a day, 23 and 25 on the clock-change Sundays
    expect(nb).toHaveLength(24 * days.size);
    const busy = (r: HistoryRow): boolean => {
      const hour = Number(r.timestamp.slice(11, 13));
      return dow(r.timestamp.slice(0, 10)) <= 5 && hour >= 9 && hour < 17;
    };
    expect(nb.filter((r) => !busy(r)).every((r) => r.value === 0)).toBe(true);
    expect(mean(nb.filter(busy).map((r) => r.value))).toBeGreaterThan(1.5);
  });

  it('contains the outage spike and the campaign week', () => {
    const afternoon = (date: string) =>
      rows
        .filter(
          (r) =>
            r.channel === 'calls' &&
            r.timestamp.startsWith(date) &&
            Number(r.timestamp.slice(11, 13)) >= OUTAGE.fromHour &&
            Number(r.timestamp.slice(11, 13)) < OUTAGE.toHour,
        )
        .reduce((s, r) => s + r.value, 0);
    expect(afternoon(OUTAGE.date) / afternoon('2026-09-08')).toBeGreaterThan(2.5);
    const outboundWeek = (from: string) =>
      rows
        .filter(
          (r) =>
            r.channel.startsWith('outbound') &&
            r.timestamp.slice(0, 10) >= from &&
            r.timestamp.slice(0, 10) <= from.replace(/\d\d$/, (d) => String(+d + 4).padStart(2, '0')),
        )
        .reduce((s, r) => s + r.value, 0);
    expect(outboundWeek(CAMPAIGN.from) / outboundWeek('2026-09-28')).toBeGreaterThan(1.25);
  });

  it('is accepted by parseVolumeRows; DST days have 23 / 25 hourly email intervals', async () => {
    const parsed = await parseVolumeRows(toTable(rows), { channels, timeZone: TZ });
    expect(parsed.duplicates).toEqual([]);
    expect(parsed.stats.channels.map((c) => c.granularity)).toEqual([
      'interval',
      'interval',
      'interval',
      'interval',
      'interval',
    ]);
    const emails = (date: string) => parsed.buckets.find((b) => b.channel === 'emails' && b.date === date)!;
    expect(emails('2026-03-29').values).toHaveLength(23);
    expect(emails('2026-10-25').values).toHaveLength(25);
    expect(emails('2026-10-25').values.every((v) => v !== null)).toBe(true);
    const issues = await validateVolumes(
      parsed.buckets.filter((b) => b.channel === 'calls'),
      {
        timeZone: TZ,
        openingHours: DEMO_CHANNELS[0]!.openingHours,
        closedDates: DEMO_HOLIDAYS,
      },
    );
    expect(issues.missing).toEqual([]);
    expect(issues.outsideOpeningHours).toEqual([]);
    expect(issues.outliers.length).toBeGreaterThan(0);
    expect(issues.outliers.every((o) => o.date === OUTAGE.date)).toBe(true);
    // outbound is DEFERRED: arrivals around the clock, so every hour holds a value
    const outbound = await validateVolumes(
      parsed.buckets.filter((b) => b.channel === 'outbound_nb'),
      {
        timeZone: TZ,
        openingHours: Object.fromEntries(
          [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
        ),
        closedDates: DEMO_HOLIDAYS,
      },
    );
    expect(outbound.counts).toMatchObject({ missing: 0, outliers: 0, outsideOpeningHours: 0 });
  });

  it('fills 92 / 100 fifteen-minute intervals on DST Sundays when calls are open around the clock', async () => {
    const allDay = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
    );
    const calls = {
      ...DEMO_CHANNELS[0]!,
      openingHours: allDay,
      weekProfile: [1, 1, 1, 1, 1, 1, 1] as [number, number, number, number, number, number, number],
    };
    const spring = generateHistory({ channels: [calls], end: '2026-03-29', weeks: 1 });
    const autumn = generateHistory({ channels: [calls], end: '2026-10-25', weeks: 1 });
    const parsed = await parseVolumeRows(toTable([...spring, ...autumn]), {
      channels: [{ key: 'calls', intervalMinutes: 15 }],
      timeZone: TZ,
    });
    const day = (date: string) => parsed.buckets.find((b) => b.date === date)!.values;
    expect(day('2026-03-29')).toHaveLength(92);
    expect(day('2026-10-25')).toHaveLength(100);
    expect(day('2026-10-25').every((v) => v !== null)).toBe(true);
  });
});
