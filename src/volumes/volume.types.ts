/**
 * Historical volumes, bucket pattern: one document per channel and SITE-LOCAL day.
 * `values[i]` is the volume of the i-th interval of that local day; the interval starts are
 * `dayIntervals(date, intervalMinutes, timeZone)`, so a 15-minute day has 92 / 96 / 100
 * values on 23 / 24 / 25-hour DST days. `null` means "no value received" (missing or closed);
 * `0` means "received, zero contacts".
 */
export interface VolumeBucket {
  channel: string;
  /** Site-local calendar day, `YYYY-MM-DD`. */
  date: string;
  intervalMinutes: number;
  values: (number | null)[];
}

/** What the volume core needs to know about a channel. */
export interface VolumeChannel {
  key: string;
  intervalMinutes: number;
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export type DayOfWeek = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A wall-clock window `[from, to)`, `HH:MM`; `to` may be `24:00`. */
export interface OpeningWindow {
  from: string;
  to: string;
}

/** Windows per ISO day of week; a day that is absent or has `[]` is closed. */
export type OpeningHours = Partial<Record<DayOfWeek, OpeningWindow[]>>;

/** Two or more rows for one channel and interval in a file at interval granularity. */
export interface VolumeDuplicate {
  channel: string;
  date: string;
  index: number;
  /** Interval start, ISO 8601 UTC. */
  timestamp: string;
  rows: number[];
  values: number[];
}
