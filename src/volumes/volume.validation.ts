import { addDays, isoDayOfWeek } from '../common/calendar';
import { openMask } from './opening-hours-mask';
import { median, robustScale } from './robust-stats';
import { zoneOf } from '../common/time-zone';
import { dayBounds, dayLocalMinutes } from './volume-calendar';
import { type OpeningHours, type VolumeBucket, type VolumeDuplicate } from './volume.types';
import { sum } from '../common/sum';
import { TimeSlicer } from '../time-slicer';
import { groupBy } from '../common/group-by';

export interface ValidateVolumesOptions {
  timeZone: string;
  /** Opening hours for every channel; absent → open 24/7. */
  openingHours?: OpeningHours;
  /** Per-channel opening hours, overriding `openingHours`. */
  openingHoursByChannel?: Record<string, OpeningHours>;
  /** Local dates the site was closed (public holidays): no missing or outlier checks there. */
  closedDates?: string[];
  /** Duplicates reported by `parseVolumeRows`, passed through as issues. */
  duplicates?: VolumeDuplicate[];
  /** Robust z-score above which a value is an outlier (default 5). */
  outlierThreshold?: number;
  /**
   * Scale on which residuals are scored. `anscombe` (default) scores 2·√(x + 3/8), which makes
   * Poisson counts' noise about equal at busy and quiet intervals, so peaks are not flagged just
   * for being large; `raw` scores the counts themselves.
   */
  outlierScale?: 'anscombe' | 'raw';
  /** Entries listed per kind of issue, the earliest first (default MAX_LISTED_ISSUES); `counts` has them all. */
  maxListed?: number;
}

export interface VolumeIssue {
  channel: string;
  date: string;
  index: number;
  /** Interval start, ISO 8601 UTC. */
  timestamp: string;
  value: number | null;
}

export interface OutlierIssue extends VolumeIssue {
  value: number;
  /** Median of the same interval-of-week over the series. */
  expected: number;
  /** |residual − median(residuals)| / (1.4826·MAD), residuals on the `outlierScale`. */
  score: number;
}

export interface DuplicateIssue extends VolumeIssue {
  rows: number[];
  values: number[];
}

export interface VolumeIssues {
  /** Open intervals (inside opening hours, not a closed date) with no value, including absent days. */
  missing: VolumeIssue[];
  duplicates: DuplicateIssue[];
  negatives: VolumeIssue[];
  /** Non-zero values outside opening hours or on closed dates. */
  outsideOpeningHours: VolumeIssue[];
  outliers: OutlierIssue[];
  /** Issues of each kind in all; the lists above hold at most `maxListed` of them. */
  counts: Record<IssueKind, number>;
}

export type IssueKind = 'missing' | 'duplicates' | 'negatives' | 'outsideOpeningHours' | 'outliers';

export const DEFAULT_OUTLIER_THRESHOLD = 5;

/**
 * Entries listed per kind of issue. A year of empty quarter-hours is 35,040 missing
 * intervals; listing them all made a 4 MB answer that held the event loop 0.4-0.5 s, and
 * told a user no more than the count and the first ones do.
 */
export const MAX_LISTED_ISSUES = 500;

/**
 * One interval of the range. Its ISO timestamp is written only for the slots reported:
 * formatting all 38,400 of 400 quarter-hour days took 40 % of the validation.
 */
interface Slot extends Omit<VolumeIssue, 'timestamp'> {
  startMs: number;
  open: boolean;
  /** Interval of the week: ISO weekday × 1440 + local wall-clock minute. */
  key: number;
}

/** Expands a channel's buckets (and absent days between them) into interval slots. */
const slotsOf = async (
  buckets: VolumeBucket[],
  { timeZone, hours, closed }: { timeZone: string; hours: OpeningHours | undefined; closed: Set<string> },
  slicer: TimeSlicer,
): Promise<Slot[]> => {
  const byDate = new Map(buckets.map((b) => [b.date, b]));
  const { channel, intervalMinutes } = buckets[0];
  const slots: Slot[] = [];
  const last = buckets[buckets.length - 1].date;
  for (let date = buckets[0].date; date <= last; date = addDays(date, 1)) {
    if (slicer.due) await slicer.pause();
    const start = dayBounds(date, timeZone).start;
    const minutes = dayLocalMinutes(date, intervalMinutes, timeZone);
    const mask = hours ? openMask(date, intervalMinutes, timeZone, hours) : minutes.map(() => true);
    const values = byDate.get(date)?.values ?? [];
    const dow = isoDayOfWeek(date);
    const open = !closed.has(date);
    minutes.forEach((minute, index) =>
      slots.push({
        channel,
        date,
        index,
        startMs: start + index * intervalMinutes * 60_000,
        value: values[index] ?? null,
        open: open && mask[index],
        key: dow * 1440 + minute,
      }),
    );
  }
  return slots;
};

const issue = ({ channel, date, index, startMs, value }: Slot): VolumeIssue => ({
  channel,
  date,
  index,
  timestamp: new Date(startMs).toISOString(),
  value,
});

const anscombe = (x: number): number => 2 * Math.sqrt(x + 3 / 8);

/** The first `max` issues of one kind, and how many were found. */
class Listed<T> {
  readonly items: T[] = [];
  count = 0;
  constructor(private readonly max: number) {}

  /** Counts an issue; `make` builds its entry only while the list has room. */
  add(make: () => T): void {
    if (this.items.length < this.max) this.items.push(make());
    this.count += 1;
  }
}

/**
 * Seasonal robust outliers: residual = f(value) − median of f over the same interval-of-week
 * (ISO weekday + local wall-clock start), score = |r − median(r)| / (1.4826·MAD(r)), over
 * the intervals of the week that ever had a volume (one that is always 0 has no outlier).
 */
const findOutliers = async (
  slots: Slot[],
  { threshold, scale }: { threshold: number; scale: 'anscombe' | 'raw' },
  out: Listed<OutlierIssue>,
  slicer: TimeSlicer,
): Promise<void> => {
  const f = scale === 'anscombe' ? anscombe : (x: number) => x;
  // negatives are reported as such, not scored
  const sample = slots.filter(
    (s): s is Slot & { value: number } => s.open && s.value !== null && s.value >= 0,
  );
  const byKey = new Map<number, number[]>();
  for (const s of sample) {
    if (slicer.due) await slicer.pause();
    const list = byKey.get(s.key);
    if (list) list.push(s.value);
    else byKey.set(s.key, [s.value]);
  }
  const medians = new Map<number, number>();
  for (const [k, xs] of byKey) {
    if (slicer.due) await slicer.pause();
    // an interval of the week that never had any volume (a deferred channel's nights) says
    // nothing of the noise: its exact zero residuals would shrink the spread
    if (xs.some((x) => x !== 0)) medians.set(k, median(xs));
  }
  const varied = sample.filter((s) => medians.has(s.key));
  const expected = (s: Slot): number => medians.get(s.key) ?? NaN;
  const residuals: number[] = [];
  for (const s of varied) {
    if (slicer.due) await slicer.pause();
    residuals.push(f(s.value) - f(expected(s)));
  }
  const center = median(residuals);
  const spread = robustScale(residuals);
  if (!(spread > 0)) return;
  for (const [i, s] of varied.entries()) {
    if (slicer.due) await slicer.pause();
    const score = Math.abs(residuals[i] - center) / spread;
    if (score > threshold) out.add(() => ({ ...issue(s), value: s.value, expected: expected(s), score }));
  }
};

/** One channel's buckets by channel key, each list oldest first. */
const byChannelOf = (buckets: VolumeBucket[]): Map<string, VolumeBucket[]> => {
  const byChannel = groupBy(buckets, (b) => b.channel);
  for (const list of byChannel.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return byChannel;
};

/**
 * Data-quality report over buckets (any mix of channels): missing open intervals, duplicates
 * seen by the import, negative values, values outside opening hours and seasonal outliers.
 * Each list holds the first `maxListed` issues of its kind (by channel, then time);
 * `counts` has them all. Works in time slices (a year of quarter-hours took 0.1-0.2 s).
 */
export const validateVolumes = async (
  buckets: VolumeBucket[],
  options: ValidateVolumesOptions,
): Promise<VolumeIssues> => {
  const slicer = new TimeSlicer();
  zoneOf(options.timeZone);
  const closed = new Set(options.closedDates ?? []);
  const outlierRule = {
    threshold: options.outlierThreshold ?? DEFAULT_OUTLIER_THRESHOLD,
    scale: options.outlierScale ?? 'anscombe',
  } as const;
  const max = options.maxListed ?? MAX_LISTED_ISSUES;
  const missing = new Listed<VolumeIssue>(max);
  const negatives = new Listed<VolumeIssue>(max);
  const outsideOpeningHours = new Listed<VolumeIssue>(max);
  const outliers = new Listed<OutlierIssue>(max);
  for (const [channel, list] of byChannelOf(buckets)) {
    const hours = options.openingHoursByChannel?.[channel] ?? options.openingHours;
    const slots = await slotsOf(list, { timeZone: options.timeZone, hours, closed }, slicer);
    for (const s of slots) {
      if (slicer.due) await slicer.pause();
      if (s.value === null) {
        if (s.open) missing.add(() => issue(s));
      } else if (s.value < 0) negatives.add(() => issue(s));
      else if (!s.open && s.value > 0) outsideOpeningHours.add(() => issue(s));
    }
    await findOutliers(slots, outlierRule, outliers, slicer);
  }
  const duplicates = new Listed<DuplicateIssue>(max);
  for (const d of options.duplicates ?? []) duplicates.add(() => ({ ...d, value: sum(d.values) }));
  const lists = { missing, duplicates, negatives, outsideOpeningHours, outliers };
  return {
    missing: missing.items,
    duplicates: duplicates.items,
    negatives: negatives.items,
    outsideOpeningHours: outsideOpeningHours.items,
    outliers: outliers.items,
    counts: mapCounts(lists),
  };
};

const mapCounts = (lists: Record<IssueKind, { count: number }>): Record<IssueKind, number> => ({
  missing: lists.missing.count,
  duplicates: lists.duplicates.count,
  negatives: lists.negatives.count,
  outsideOpeningHours: lists.outsideOpeningHours.count,
  outliers: lists.outliers.count,
});
