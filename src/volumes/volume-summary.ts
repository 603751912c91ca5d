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

/** A summary being added up, with the first and last (date, interval) that hold a value. */
type Running = VolumeSummary & { firstAt?: [string, number]; lastAt?: [string, number] };

const emptySummary = (b: VolumeBucket): Running => ({
  channel: b.channel,
  intervalMinutes: b.intervalMinutes,
  days: 0,
  first: null,
  last: null,
  intervals: 0,
  withValue: 0,
  missing: 0,
  zeros: 0,
  total: 0,
});

/** Per-channel coverage of a set of buckets, in channel order. */
export const summarizeVolumes = (
  buckets: VolumeBucket[],
  options: { timeZone: string; openingHoursByChannel?: Record<string, OpeningHours> },
): VolumeSummary[] => {
  zoneOf(options.timeZone);
  const sums = new Map<string, Running>();
  const sorted = [...buckets].sort(
    (a, b) => a.channel.localeCompare(b.channel) || a.date.localeCompare(b.date),
  );
  for (const b of sorted) {
    const s = sums.get(b.channel) ?? emptySummary(b);
    sums.set(b.channel, s);
    s.days++;
    s.intervals += b.values.length;
    const hours = options.openingHoursByChannel?.[b.channel];
    const open = hours ? openMask(b.date, b.intervalMinutes, options.timeZone, hours) : null;
    b.values.forEach((v, i) => {
      if (v === null) {
        if (open === null || open[i]) s.missing++;
        return;
      }
      s.withValue++;
      s.total += v;
      if (v === 0) s.zeros++;
      s.firstAt ??= [b.date, i];
      s.lastAt = [b.date, i];
    });
  }
  return [...sums.values()].map(({ firstAt, lastAt, ...s }) => ({
    ...s,
    first: firstAt
      ? intervalStart(firstAt[0], firstAt[1], s.intervalMinutes, options.timeZone).toISOString()
      : null,
    last: lastAt
      ? intervalStart(lastAt[0], lastAt[1], s.intervalMinutes, options.timeZone).toISOString()
      : null,
  }));
};
