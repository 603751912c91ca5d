import { openMask } from './opening-hours-mask';
import { zoneOf } from '../common/time-zone';
import { intervalStart } from './volume-calendar';
import { type OpeningHours, type VolumeBucket } from './volume.types';

export interface VolumeSummary {
  channel: string;
  intervalMinutes: number;
  days: number;
  /** Start of the first / last interval holding a value (ISO 8601 UTC); null when none. */
  first: string | null;
  last: string | null;
  /** Interval slots in the buckets. */
  intervals: number;
  /**
   * Slots with a value / with `null` where a value is expected (inside the channel's arrival
   * hours, see `arrivalHours`; every slot when no hours are given) / with 0.
   */
  withValue: number;
  missing: number;
  zeros: number;
  total: number;
}

/**
 * One stored day's share of its channel's summary: what `summarizeVolumes` adds up, kept on
 * the day's document so a summary adds up these few numbers instead of every value.
 */
export interface VolumeDayCounts {
  slots: number;
  withValue: number;
  missing: number;
  zeros: number;
  total: number;
  /** Start of the first / last interval holding a value; null when none. */
  first: Date | null;
  last: Date | null;
}

/** Counts of no slot at all: where a day's counts and a channel's sums start. */
const noCounts = (): Omit<VolumeDayCounts, 'slots'> => ({
  withValue: 0,
  missing: 0,
  zeros: 0,
  total: 0,
  first: null,
  last: null,
});

/**
 * A day's counts; `missing` counts the nulls inside `hours` (arrival hours: see
 * `arrivalHours`), or every null when no hours are given.
 */
export function dayCounts(
  bucket: VolumeBucket,
  hours: OpeningHours | null,
  timeZone: string,
): VolumeDayCounts {
  const open = hours ? openMask(bucket.date, bucket.intervalMinutes, timeZone, hours) : null;
  const out: VolumeDayCounts = { slots: bucket.values.length, ...noCounts() };
  let firstAt = -1;
  let lastAt = -1;
  bucket.values.forEach((v, i) => {
    if (v === null) {
      if (open === null || open[i]) out.missing++;
      return;
    }
    out.withValue++;
    out.total += v;
    if (v === 0) out.zeros++;
    if (firstAt < 0) firstAt = i;
    lastAt = i;
  });
  if (firstAt >= 0) {
    out.first = intervalStart(bucket.date, firstAt, bucket.intervalMinutes, timeZone);
    out.last = intervalStart(bucket.date, lastAt, bucket.intervalMinutes, timeZone);
  }
  return out;
}

/** A channel's day counts added up: what the store's grouping of stored days returns. */
export interface ChannelTotals extends Omit<VolumeDayCounts, 'slots'> {
  channel: string;
  /** The interval of the channel's first stored day. */
  intervalMinutes: number;
  days: number;
  intervals: number;
}

export const summaryOf = ({ first, last, ...totals }: ChannelTotals): VolumeSummary => ({
  ...totals,
  first: first ? first.toISOString() : null,
  last: last ? last.toISOString() : null,
});

const earlier = (a: Date | null, b: Date | null): Date | null => (a && (!b || a < b) ? a : b);
const later = (a: Date | null, b: Date | null): Date | null => (a && (!b || a > b) ? a : b);

/**
 * Per-channel coverage of a set of buckets, in channel order: the day counts of each bucket
 * (`dayCounts`, with its channel's hours) added up.
 */
export const summarizeVolumes = (
  buckets: VolumeBucket[],
  options: { timeZone: string; openingHoursByChannel?: Record<string, OpeningHours> },
): VolumeSummary[] => {
  zoneOf(options.timeZone);
  const sums = new Map<string, ChannelTotals>();
  const sorted = [...buckets].sort(
    (a, b) => a.channel.localeCompare(b.channel) || a.date.localeCompare(b.date),
  );
  for (const b of sorted) {
    const day = dayCounts(b, options.openingHoursByChannel?.[b.channel] ?? null, options.timeZone);
    const s = sums.get(b.channel) ?? {
      channel: b.channel,
      intervalMinutes: b.intervalMinutes,
      days: 0,
      intervals: 0,
      ...noCounts(),
    };
    sums.set(b.channel, s);
    s.days++;
    s.intervals += day.slots;
    s.withValue += day.withValue;
    s.missing += day.missing;
    s.zeros += day.zeros;
    s.total += day.total;
    s.first = earlier(s.first, day.first);
    s.last = later(s.last, day.last);
  }
  return [...sums.values()].map(summaryOf);
};
