import { DateTime } from 'luxon';
import type { ChannelSpec } from '../../../src/channels/channel.service';
import type { Services } from '../../../src/server/services';

export const ZONE = 'Europe/London';

const weekdays = (from: string, to: string, days = [1, 2, 3, 4, 5]) =>
  days.map((dayOfWeek) => ({ dayOfWeek, from, to }));

/** Hourly LIVE channel, open Mon–Fri 08:00–18:00. */
export const HOURLY: ChannelSpec = {
  key: 'calls',
  name: 'Calls',
  kind: 'LIVE',
  intervalMinutes: 60,
  ahtSeconds: 300,
  serviceLevel: { target: 0.8, answerSeconds: 20 },
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  requiredSkill: 'calls',
  openingHours: weekdays('08:00', '18:00'),
};

/** 15-minute DEFERRED channel, open every day 07:00–22:00. */
export const QUARTER: ChannelSpec = {
  key: 'emails',
  name: 'Emails',
  kind: 'DEFERRED',
  intervalMinutes: 15,
  ahtSeconds: 240,
  responseHours: 24,
  maxOccupancy: 1,
  shrinkage: 0.3,
  requiredSkill: 'emails',
  openingHours: weekdays('07:00', '22:00', [1, 2, 3, 4, 5, 6, 7]),
};

/** Deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Expected volume at a local wall-clock time: a double intraday peak and a weekly profile. */
export function expected(local: DateTime, scale = 40): number {
  const h = local.hour + local.minute / 60;
  const day = [1.2, 1.05, 1, 0.95, 0.9, 0.5, 0.4][local.weekday - 1]!;
  return scale * day * (0.4 + Math.exp(-(((h - 10) / 1.5) ** 2)) + 0.8 * Math.exp(-(((h - 14) / 1.7) ** 2)));
}

const isOpen = (spec: ChannelSpec, local: DateTime): boolean => {
  const m = local.hour * 60 + local.minute;
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return spec.openingHours.some(
    (w) => w.dayOfWeek === local.weekday && toMin(w.from) <= m && m < toMin(w.to),
  );
};

/**
 * Long-format CSV rows (`timestamp,channel,value`, UTC offsets) for the open intervals of
 * local days [from, to), with mild noise; `factor` scales every value (to fake drift) and
 * `dayFactor` the values of one local day (to fake a day's effect).
 */
export function historyCsv(
  spec: ChannelSpec,
  from: string,
  to: string,
  options: {
    seed?: number;
    factor?: number;
    dayFactor?: (date: string) => number;
    header?: boolean;
    scale?: number;
  } = {},
): string {
  const rand = prng(options.seed ?? 7);
  const lines = options.header === false ? [] : ['timestamp,channel,value'];
  let t = DateTime.fromISO(from, { zone: ZONE });
  const end = DateTime.fromISO(to, { zone: ZONE });
  while (t < end) {
    if (isOpen(spec, t)) {
      const noise = 1 + (rand() - 0.5) * 0.2;
      const value = Math.round(
        expected(t, options.scale) *
          noise *
          (options.factor ?? 1) *
          (options.dayFactor?.(t.toISODate()!) ?? 1) *
          (spec.intervalMinutes / 60),
      );
      lines.push(`${t.toUTC().toISO({ suppressMilliseconds: true })},${spec.key},${value}`);
    }
    t = t.plus({ minutes: spec.intervalMinutes });
  }
  return lines.join('\n') + '\n';
}

/** Creates the channels and imports their history through the volume service. */
export async function seedHistory(
  services: Services,
  specs: { spec: ChannelSpec; from: string; to: string }[],
): Promise<void> {
  for (const { spec } of specs)
    if (!(await services.channels.byKey(spec.key))) await services.channels.create(spec);
  for (const { spec, from, to } of specs) await services.volumes.importCsv(historyCsv(spec, from, to));
}
