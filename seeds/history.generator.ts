/**
 * Demo contact-centre history: a seeded, reproducible long-format CSV `timestamp,channel,value`.
 *
 * Assumptions (all of them; change them here and regenerate with
 * `npm run build && node dist/seeds/history.generator.js [out.csv]`):
 * - Site time zone Europe/London. Timestamps are the interval START in site-local time, ISO
 *   8601 with offset (`2026-10-25T01:00:00+01:00`), so the repeated fall-back hour is unambiguous.
 * - Window: 52 whole weeks, Monday 2025-11-17 … Sunday 2026-11-15 for the committed file, so
 *   both 2026 clock changes (29 March, 25 October) and Christmas are inside it (the brief asks
 *   for ≥ 26 weeks). The demo seed generates the same model ending on the Sunday before the
 *   week it is seeded in (`end`), so "plan next week" always has recent history.
 * - Rows: a LIVE channel's every interval inside opening hours, zeros included, and nothing
 *   outside them or on closed days (a missing row means "closed", never 0). A DEFERRED
 *   channel's arrivals are expected around the clock (`arrivalHours`), so every interval of
 *   its days is written, 0 where nothing arrives (outbound's nights and weekends).
 * - calls (LIVE, 15 min): open Mon–Fri 08:00–20:00, Sat 09:00–17:00, closed Sun. Mean daily
 *   volume 2300 × weekday factor (Mon 1.22, Tue 1.05, Wed 1.00, Thu 0.97, Fri 0.90, Sat 0.42),
 *   i.e. ~2070–2800 on weekdays, Monday highest. Intraday: double peak around 10:00 and 14:00
 *   over a flat base. Trend +8 % per year (linear from the window start).
 * - emails (DEFERRED, 60 min): arrive 24/7; ~420/day Mon–Fri, ×0.7 Sat, ×0.6 Sun; daytime
 *   profile peaking late morning with a smaller afternoon shoulder; night ≈ 10 % of peak.
 * - outbound_ook / outbound_omk / outbound_nb (DEFERRED, 60 min): tasks created Mon–Fri
 *   09:00–17:00 only (the channels' opening hours), 0 at other times; ~45 / 28 / 16 per
 *   weekday; mild morning bump.
 * - UK (England and Wales) bank holidays from seeds/holidays.json: calls and outbound closed
 *   (no rows, as the site's calendar says CLOSED); emails still arrive at 50 %.
 * - Anomalies: outage on Tuesday 2026-09-15 13:00–17:00 → calls ×3 for those intervals;
 *   campaign week Monday 2026-10-05 … Friday 2026-10-09 → outbound ×1.4.
 * - Counts per interval are Poisson(λ) with λ = daily mean × normalised intraday weight:
 *   Knuth's product method for λ < 30, Hörmann's PTRS (transformed rejection) above.
 * - Randomness: mulberry32 seeded with `seed` (default 20261115); never Math.random, so the
 *   same options always give the same rows.
 */
import { addDays, isoDayOfWeek, minutesToClock } from '../src/common/calendar';
import { sum } from '../src/common/sum';
import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { dayIntervals } from '../src/volumes/volume-calendar';
import { openMask } from '../src/volumes/opening-hours-mask';
import { type OpeningHours } from '../src/volumes/volume.types';
import holidayFile from './holidays.json';
import { mulberry32 } from '../src/common/random';

export interface HistoryRow {
  timestamp: string;
  channel: string;
  value: number;
}

export interface HistoryChannel {
  key: string;
  kind: 'LIVE' | 'DEFERRED';
  intervalMinutes: number;
  openingHours: OpeningHours;
  /** Mean volume of a factor-1.0 day at the window start. */
  dailyVolume: number;
  /** Day factors, Monday first. */
  weekProfile: [number, number, number, number, number, number, number];
  /** Relative arrival intensity at a local time (hours, fractional). */
  intraday: (hour: number) => number;
  /** Multiplier on bank holidays; 0 = closed (no rows). */
  holidayFactor: number;
  trendPerYear: number;
  campaign: boolean;
}

export interface HistoryOptions {
  seed?: number;
  /** Last local date (inclusive), a Sunday. */
  end?: string;
  weeks?: number;
  timeZone?: string;
  holidays?: string[];
  channels?: HistoryChannel[];
}

export const DEMO_TIME_ZONE = 'Europe/London';
export const DEMO_END = '2026-11-15';
export const DEMO_WEEKS = 52;
export const DEMO_SEED = 20261115;
export const DEMO_HOLIDAYS: string[] = holidayFile.dates.map((d) => d.date);
export const OUTAGE = { date: '2026-09-15', fromHour: 13, toHour: 17, factor: 3 } as const;
export const CAMPAIGN = { from: '2026-10-05', to: '2026-10-09', factor: 1.4 } as const;

const win = (from: string, to: string) => [{ from, to }];
const gauss = (h: number, mu: number, sd: number): number => Math.exp(-(((h - mu) / sd) ** 2));
const WEEKDAYS_0900_1700: OpeningHours = {
  1: win('09:00', '17:00'),
  2: win('09:00', '17:00'),
  3: win('09:00', '17:00'),
  4: win('09:00', '17:00'),
  5: win('09:00', '17:00'),
};
const outbound = (key: string, dailyVolume: number): HistoryChannel => ({
  key,
  kind: 'DEFERRED',
  intervalMinutes: 60,
  openingHours: WEEKDAYS_0900_1700,
  dailyVolume,
  weekProfile: [1, 1, 1, 1, 1, 0, 0],
  intraday: (h) => 0.6 + gauss(h, 9.5, 2),
  holidayFactor: 0,
  trendPerYear: 0,
  campaign: true,
});

export const DEMO_CHANNELS: HistoryChannel[] = [
  {
    key: 'calls',
    kind: 'LIVE',
    intervalMinutes: 15,
    openingHours: {
      1: win('08:00', '20:00'),
      2: win('08:00', '20:00'),
      3: win('08:00', '20:00'),
      4: win('08:00', '20:00'),
      5: win('08:00', '20:00'),
      6: win('09:00', '17:00'),
    },
    dailyVolume: 2300,
    weekProfile: [1.22, 1.05, 1.0, 0.97, 0.9, 0.42, 0],
    intraday: (h) => 0.25 + gauss(h, 10, 1.4) + 0.8 * gauss(h, 14, 1.6),
    holidayFactor: 0,
    trendPerYear: 0.08,
    campaign: false,
  },
  {
    key: 'emails',
    kind: 'DEFERRED',
    intervalMinutes: 60,
    openingHours: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, win('00:00', '24:00')])),
    dailyVolume: 420,
    weekProfile: [1, 1, 1, 1, 1, 0.7, 0.6],
    intraday: (h) => 0.1 + gauss(h, 11, 3) + 0.5 * gauss(h, 16, 2.5),
    holidayFactor: 0.5,
    trendPerYear: 0,
    campaign: false,
  },
  outbound('outbound_ook', 45),
  outbound('outbound_omk', 28),
  outbound('outbound_nb', 16),
];

export { mulberry32 };

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9), |error| < 1e-13 for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export const logGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
};

/** Poisson(λ) sample: Knuth's product method below 30, PTRS (Hörmann 1993) otherwise. */
export const poisson = (lambda: number, rand: () => number): number => {
  if (!(lambda >= 0) || !Number.isFinite(lambda))
    throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  if (lambda === 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rand();
    while (p > limit) {
      k++;
      p *= rand();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rand() - 0.5;
    const v = rand();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logGamma(k + 1)
    )
      return k;
  }
};

/**
 * Local minute of day and ISO timestamp (luxon's `toISO({ suppressMilliseconds: true })`) of
 * every interval start of a local day. On a day of one UTC offset they follow from the
 * interval index; luxon converts each interval only on clock-change days.
 */
const dayStamps = (
  date: string,
  intervalMinutes: number,
  tz: string,
): { minute: number; timestamp: string }[] => {
  const instants = dayIntervals(date, intervalMinutes, tz);
  const local = (t: Date): DateTime => DateTime.fromJSDate(t, { zone: tz });
  const first = local(instants[0]!);
  const offset = first.toFormat('ZZ');
  const stamp = (minute: number): string => `${date}T${minutesToClock(minute)}:00${offset}`;
  const oneOffset =
    instants.length * intervalMinutes === 1440 &&
    local(instants[instants.length - 1]!).offset === first.offset &&
    stamp(0) === first.toISO({ suppressMilliseconds: true });
  return instants.map((t, i) => {
    if (oneOffset) return { minute: i * intervalMinutes, timestamp: stamp(i * intervalMinutes) };
    const d = local(t);
    return { minute: d.hour * 60 + d.minute, timestamp: d.toISO({ suppressMilliseconds: true })! };
  });
};

/** Generates the demo history rows (date-major, then channel, then interval). */
export const generateHistory = (options: HistoryOptions = {}): HistoryRow[] => {
  const tz = options.timeZone ?? DEMO_TIME_ZONE;
  const end = options.end ?? DEMO_END;
  const weeks = options.weeks ?? DEMO_WEEKS;
  const holidays = new Set(options.holidays ?? DEMO_HOLIDAYS);
  const channels = options.channels ?? DEMO_CHANNELS;
  const rand = mulberry32(options.seed ?? DEMO_SEED);
  const start = addDays(end, -7 * weeks + 1);
  const rows: HistoryRow[] = [];
  for (let day = 0; day < 7 * weeks; day++) {
    const date = addDays(start, day);
    const dow = isoDayOfWeek(date);
    const holiday = holidays.has(date);
    const campaign = date >= CAMPAIGN.from && date <= CAMPAIGN.to;
    for (const ch of channels) {
      if (holiday && ch.holidayFactor <= 0) continue;
      const dayFactor = ch.weekProfile[dow - 1]! * (holiday ? ch.holidayFactor : 1);
      // a LIVE channel records its open intervals; a DEFERRED one every interval, as its
      // arrivals are expected around the clock (`arrivalHours`): no arrivals is a 0
      if (dayFactor <= 0 && ch.kind === 'LIVE') continue;
      const mask = openMask(date, ch.intervalMinutes, tz, ch.openingHours);
      const stamps = dayStamps(date, ch.intervalMinutes, tz);
      const hours = stamps.map((t) => (t.minute + ch.intervalMinutes / 2) / 60);
      const weights = hours.map((h, i) => (mask[i] ? ch.intraday(h) : 0));
      const total = sum(weights);
      const mean =
        ch.dailyVolume *
        dayFactor *
        (1 + (ch.trendPerYear * day) / 365) *
        (campaign && ch.campaign ? CAMPAIGN.factor : 1);
      stamps.forEach((t, i) => {
        if (!mask[i] && ch.kind === 'LIVE') return;
        const outage =
          ch.key === 'calls' &&
          date === OUTAGE.date &&
          hours[i]! >= OUTAGE.fromHour &&
          hours[i]! < OUTAGE.toHour;
        const lambda = total > 0 ? ((mean * weights[i]!) / total) * (outage ? OUTAGE.factor : 1) : 0;
        // poisson(0) draws nothing, so the zeros leave every other count as it was
        rows.push({ timestamp: t.timestamp, channel: ch.key, value: poisson(lambda, rand) });
      });
    }
  }
  return rows;
};

export const historyToCsv = (rows: HistoryRow[]): string =>
  ['timestamp,channel,value', ...rows.map((r) => `${r.timestamp},${r.channel},${r.value}`)].join('\n') + '\n';

export const main = (out = process.argv[2] ?? 'data/demo-history.csv'): void => {
  const rows = generateHistory();
  writeFileSync(out, historyToCsv(rows));
  process.stdout.write(`wrote ${rows.length} rows to ${out}\n`);
};

if (require.main === module) main();
