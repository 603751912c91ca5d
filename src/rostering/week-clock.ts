/**
 * The real time line of a roster week and its wall clock.
 *
 * Roster minutes (shift starts and ends, breaks, rest) are REAL elapsed minutes from
 * weekStart 00:00 local: a shift template is a local start plus `durationMinutes`, so a
 * 22:00 + 480 min shift lasts 8 real hours whatever the clocks do, and its LOCAL end moves
 * (07:00 the night clocks go forward, 05:00 the night they go back). Paid hours, rest and
 * contract hours are therefore durations, never wall-clock differences.
 *
 * Requirements, availability windows and template starts are WALL-CLOCK: a wall minute is
 * day × 1440 + minutes on the local clock (the slot grid of staffing/week-slots.ts). Across
 * a clock change the two differ: a skipped local hour has no real minutes (nobody covers
 * its slots), a repeated one has two passes, and a slot's coverage is the share of its
 * REAL length worked (both passes together), so someone there for both passes covers it
 * fully and someone there for one pass half.
 *
 * Without a time zone (the CLI's JSON, a problem built without one) every day is 1440
 * minutes and the two time lines are the same. A STORED roster without one was planned for the
 * site before zones existed: it reads with the site's zone (roster.doc.ts `rosterCollection`).
 */
import { DateTime } from 'luxon';
import { zoneOf } from '../common/time-zone';
import { at } from '../common/indexed';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** The clock is exact from a week before weekStart (the previous week's last shift) to two days after it ends. */
const BEFORE_DAYS = 8;
const AFTER_DAYS = 9;

/** A stretch of real time with one UTC offset: wall = real + delta. */
interface Segment {
  from: number;
  to: number;
  delta: number;
}

export interface SlotShare {
  interval: number;
  fraction: number;
}

export interface WeekClock {
  /** True when the week (or its neighbours) has a clock change. */
  readonly changes: boolean;
  /** Real minute of a wall minute: the first pass of a repeated time, the jump's instant for a skipped one. */
  toReal(wall: number): number;
  /** Every real minute that shows `wall` on the clock (none in a skipped hour, two in a repeated one). */
  passes(wall: number): number[];
  /** Wall minute shown at a real minute. */
  toWall(real: number): number;
  /** Real minutes of wall slot `interval` of `size` minutes (0 when skipped, 2 × size when repeated). */
  slotMinutes(interval: number, size: number): number;
  /** Share of each wall slot of the week (0 … 7 × 1440 / size) that real [start, end) works, by slot. */
  shares(start: number, end: number, size: number): SlotShare[];
}

function segmentsOf(weekStart: string, timeZone: string): Segment[] {
  zoneOf(timeZone);
  const origin = DateTime.fromISO(weekStart, { zone: timeZone }).startOf('day');
  const base = origin.toMillis();
  const wall0 = origin.hour * 60 + origin.minute;
  const offsetAt = (real: number): number =>
    DateTime.fromMillis(base + real * MINUTE_MS, { zone: timeZone }).offset;
  const first = -BEFORE_DAYS * DAY_MINUTES;
  const last = (7 + AFTER_DAYS) * DAY_MINUTES;
  const offset0 = offsetAt(0);
  const segments: Segment[] = [];
  let from = first;
  let offset = offsetAt(first);
  // offsets change at most a few times a year: scan by the hour, then find the minute
  for (let t = first + 60; t <= last; t += 60) {
    const next = offsetAt(t);
    if (next === offset) continue;
    let lo = t - 60;
    let hi = t;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (offsetAt(mid) === offset) lo = mid;
      else hi = mid;
    }
    segments.push({ from, to: hi, delta: wall0 + offset - offset0 });
    from = hi;
    offset = next;
  }
  segments.push({ from, to: Infinity, delta: wall0 + offset - offset0 });
  segments[0] = { ...at(segments, 0), from: -Infinity };
  return segments;
}

const overlap = (a: number, b: number, from: number, to: number): number =>
  Math.max(0, Math.min(b, to) - Math.max(a, from));

/** `WeekClock.shares` over the clock's segments. */
function sharesOf(
  segments: Segment[],
  slotMinutes: (interval: number, size: number) => number,
  start: number,
  end: number,
  size: number,
): SlotShare[] {
  const n = (7 * DAY_MINUTES) / size;
  const byInterval = new Map<number, number>();
  for (const s of segments) {
    const a = Math.max(start, s.from) + s.delta;
    const b = Math.min(end, s.to) + s.delta;
    for (let i = Math.max(0, Math.floor(a / size)); i < n && i * size < b; i++) {
      const minutes = overlap(a, b, i * size, (i + 1) * size);
      if (minutes > 0) byInterval.set(i, (byInterval.get(i) ?? 0) + minutes / slotMinutes(i, size));
    }
  }
  return [...byInterval]
    .map(([interval, fraction]) => ({ interval, fraction }))
    .sort((x, y) => x.interval - y.interval);
}

function clockOf(segments: Segment[]): WeekClock {
  const changes = segments.length > 1 || at(segments, 0).delta !== 0;
  const passes = (wall: number): number[] =>
    segments.flatMap((s) => {
      const real = wall - s.delta;
      return s.from <= real && real < s.to ? [real] : [];
    });
  const slotReal = new Map<number, number[]>();
  const slotMinutes = (interval: number, size: number): number => {
    if (!changes) return size;
    let row = slotReal.get(size);
    if (!row) {
      row = new Array<number>((7 * DAY_MINUTES) / size).fill(0);
      for (const s of segments) {
        const a = s.from + s.delta;
        const b = s.to + s.delta;
        for (let i = Math.max(0, Math.floor(a / size)); i < row.length && i * size < b; i++)
          row[i] = at(row, i) + overlap(a, b, i * size, (i + 1) * size);
      }
      slotReal.set(size, row);
    }
    return row[interval] ?? size;
  };
  return {
    changes,
    passes,
    toReal: (wall) => {
      const found = passes(wall);
      if (found.length > 0) return Math.min(...found);
      // skipped: the first real minute after the jump
      const after = segments.find((s) => s.from + s.delta > wall);
      return after ? after.from : wall;
    },
    toWall: (real) => {
      const s = segments.find((x) => x.from <= real && real < x.to) ?? at(segments, segments.length - 1);
      return real + s.delta;
    },
    slotMinutes,
    shares: (start, end, size) => sharesOf(segments, slotMinutes, start, end, size),
  };
}

/** Every day 1440 minutes: real and wall minutes are the same. */
export const FIXED_CLOCK: WeekClock = clockOf([{ from: -Infinity, to: Infinity, delta: 0 }]);

/**
 * The zone whose clock is FIXED_CLOCK. A stored roster names its zone: one solved without a
 * zone is stored with this one, since a stored roster without a zone reads as the site's
 * (roster.doc.ts: rosters stored before zones existed were planned for the site).
 */
export const FIXED_CLOCK_ZONE = 'UTC';

const clocks = new Map<string, WeekClock>();
const MAX_CLOCKS = 500;

/** The clock of the week starting Monday `weekStart` in `timeZone` (none or FIXED_CLOCK_ZONE: FIXED_CLOCK). */
export function weekClock(weekStart: string, timeZone: string | undefined): WeekClock {
  if (!timeZone || timeZone === FIXED_CLOCK_ZONE) return FIXED_CLOCK;
  const key = `${timeZone} ${weekStart}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = clockOf(segmentsOf(weekStart, timeZone));
    if (clocks.size >= MAX_CLOCKS) clocks.clear();
    clocks.set(key, clock);
  }
  return clock;
}
