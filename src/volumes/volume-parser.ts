import {
  rowErrorsToAppError,
  throwIfRowErrors,
  MAX_LISTED_ERRORS,
  type RowError,
} from '../import/row-errors';
import { normalizeHeader } from '../import/row.validation';
import { type Table } from '../import/table.types';
import { zoneOf } from '../common/time-zone';
import { MAX_LISTED_ISSUES } from './volume.validation';
import { assertIntervalMinutes, dayIntervalCount, createDayLocator, intervalStart } from './volume-calendar';
import { parseVolumeTimestamp } from './volume-timestamp-parser';
import { type VolumeBucket, type VolumeChannel, type VolumeDuplicate } from './volume.types';
import { echoCell } from '../import/import-limits';
import { sum } from '../common/sum';
import { TimeSlicer } from '../time-slicer';

/** The channels a volume file may name, for an unknown channel's message (an empty site says so). */
const knownChannels = (keys: string[]): string =>
  keys.length > 0
    ? `(known: ${keys.join(', ')})`
    : '(the site has no channels yet: create them, or run npm run seed)';
export interface ParseVolumeOptions {
  channels: VolumeChannel[];
  /** Site time zone (IANA), used for local timestamps and for the local-day buckets. */
  timeZone: string;
  maxListed?: number;
}

/**
 * `interval`: every timestamp of the channel lies on its interval grid (one row per interval
 * expected; repeats are reported as duplicates). `finer`: per-contact events or sub-interval
 * counts, summed into the interval; intervals without rows on a day that has rows count 0.
 */
export type RowGranularity = 'interval' | 'finer';

export interface ChannelImportStats {
  channel: string;
  granularity: RowGranularity;
  /** Values read (rows in long format, non-empty cells in wide format). */
  values: number;
  days: number;
  total: number;
}

export interface VolumeImportStats {
  format: 'long' | 'wide';
  rows: number;
  channels: ChannelImportStats[];
}

export interface ParsedVolumes {
  /** Sorted by channel, then date. */
  buckets: VolumeBucket[];
  /**
   * Interval-granularity repeats (they are summed into the bucket), the first
   * MAX_LISTED_ISSUES by channel, then row; pass to `validateVolumes`.
   */
  duplicates: VolumeDuplicate[];
  /** Intervals repeated in all. */
  duplicateCount: number;
  stats: VolumeImportStats;
}

interface Entry {
  row: number;
  channel: VolumeChannel;
  instant: number;
  value: number;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Most contacts one row may hold (the Erlang calculator's bound for an interval). Rows are
 * summed into intervals and days: unbounded values (1e308) summed to Infinity, which the
 * store cannot write (JSON keeps null) and GraphQL cannot answer.
 */
export const MAX_VOLUME_VALUE = 1_000_000;

const parseValue = (raw: string): { ok: true; value: number } | { ok: false; message: string } => {
  if (raw === '') return { ok: false, message: 'value is required' };
  if (!NUMBER_RE.test(raw) || !Number.isFinite(Number(raw)))
    return { ok: false, message: `value must be a number, got ${echoCell(raw)}` };
  const value = Number(raw);
  if (value < 0) return { ok: false, message: `value must be ≥ 0, got ${value}` };
  if (value > MAX_VOLUME_VALUE)
    return { ok: false, message: `value must be ≤ ${MAX_VOLUME_VALUE} contacts, got ${value}` };
  return { ok: true, value };
};

/**
 * Most local days one import may span (about ten years, the holiday calendar's range). Every
 * day of an import is located and sized in the site zone before anything is written: one row
 * a day for centuries held the event loop for tens of seconds.
 */
export const MAX_IMPORT_SPAN_DAYS = 3700;
const DAY_MS = 86_400_000;

/** The span error when the entries' timestamps cover more than MAX_IMPORT_SPAN_DAYS days. */
const spanError = (entries: readonly Entry[], tsCol: string): RowError | null => {
  if (entries.length === 0) return null;
  let first = entries[0];
  let last = entries[0];
  for (const e of entries) {
    if (e.instant < first.instant) first = e;
    if (e.instant > last.instant) last = e;
  }
  const days = Math.floor((last.instant - first.instant) / DAY_MS) + 1;
  if (days <= MAX_IMPORT_SPAN_DAYS) return null;
  return {
    row: last.row,
    column: tsCol,
    message: `timestamps span ${days} days (row ${first.row} to row ${last.row}), more than ${MAX_IMPORT_SPAN_DAYS}: import at most ${MAX_IMPORT_SPAN_DAYS} days at once`,
  };
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Where an import's columns are: long (`timestamp,channel,value`) or wide (`timestamp,<channel>…`). */
type VolumeLayout =
  | { format: 'long'; timestamp: string; channel: string; value: string }
  | { format: 'wide'; timestamp: string; wide: [string, VolumeChannel][] };

/** Reads the header; null when a required column is missing (the problem is added to `errors`). */
const readLayout = (
  table: Table,
  channels: Map<string, VolumeChannel>,
  errors: RowError[],
): VolumeLayout | null => {
  const find = (name: string): string | undefined => table.columns.find((c) => normalizeHeader(c) === name);
  const timestamp = find('timestamp');
  if (timestamp === undefined)
    errors.push({ row: 1, column: 'timestamp', message: 'required column "timestamp" is missing' });
  const channel = find('channel');
  if (channel !== undefined) {
    const value = find('value');
    if (value === undefined)
      errors.push({ row: 1, column: 'value', message: 'required column "value" is missing' });
    return timestamp === undefined || value === undefined
      ? null
      : { format: 'long', timestamp, channel, value };
  }
  const wide: [string, VolumeChannel][] = [];
  for (const c of table.columns.filter((c) => c !== timestamp)) {
    const ch = channels.get(c) ?? channels.get(c.toLowerCase());
    if (ch) wide.push([c, ch]);
    else
      errors.push({
        row: 1,
        column: c,
        message: `unknown channel "${c}" ${knownChannels([...new Set([...channels.values()].map((k) => k.key))])}`,
      });
  }
  if (wide.length === 0 && table.columns.length <= 1) {
    errors.push({
      row: 1,
      message: 'no channel columns: use timestamp,channel,value or timestamp,<channel>,…',
    });
  }
  return timestamp === undefined ? null : { format: 'wide', timestamp, wide };
};

/**
 * Turns an imported table of volumes into local-day buckets. Long and wide layouts are detected
 * from the header. Every problem (unknown channel, bad or negative number, bad or non-existent
 * timestamp, data coarser than the channel interval) is collected and thrown at once as
 * BAD_USER_INPUT `N rows have errors`; otherwise all buckets are returned (all or nothing).
 * Works in slices of about 10 ms (`TimeSlicer`), so a large import leaves the event loop free.
 */
export const parseVolumeRows = async (table: Table, options: ParseVolumeOptions): Promise<ParsedVolumes> => {
  const zone = zoneOf(options.timeZone);
  options.channels.forEach((c) => assertIntervalMinutes(c.intervalMinutes));
  const channels = new Map(options.channels.map((c) => [c.key, c]));
  for (const c of options.channels)
    if (!channels.has(c.key.toLowerCase())) channels.set(c.key.toLowerCase(), c);
  const errors: RowError[] = [];
  const layout = readLayout(table, channels, errors);
  // no layout only with a header error recorded
  if (layout === null || errors.length > 0)
    throw rowErrorsToAppError(errors, options.maxListed ?? MAX_LISTED_ERRORS);
  const tsCol = layout.timestamp;

  const entries: Entry[] = [];
  const slicer = new TimeSlicer();
  for (const { row, values } of table.rows) {
    if (slicer.due) await slicer.pause();
    const ts = parseVolumeTimestamp(values[tsCol] ?? '', zone);
    if (!ts.ok) errors.push({ row, column: tsCol, message: ts.message });
    const cells: [string, VolumeChannel | undefined, string][] =
      layout.format === 'long'
        ? [
            [
              layout.value,
              channels.get(values[layout.channel]) ?? channels.get(values[layout.channel].toLowerCase()),
              values[layout.value] ?? '',
            ],
          ]
        : layout.wide.filter(([col]) => values[col] !== '').map(([col, ch]) => [col, ch, values[col]]);
    if (layout.format === 'long' && cells[0][1] === undefined) {
      const raw = values[layout.channel];
      errors.push({
        row,
        column: layout.channel,
        message:
          raw === ''
            ? 'channel is required'
            : `unknown channel ${echoCell(raw)} ${knownChannels(options.channels.map((c) => c.key))}`,
      });
    }
    for (const [col, ch, raw] of cells) {
      const v = parseValue(raw);
      if (!v.ok) errors.push({ row, column: col, message: v.message });
      else if (ts.ok && ch) entries.push({ row, channel: ch, instant: ts.instant, value: v.value });
    }
  }
  const span = spanError(entries, tsCol);
  if (span) errors.push(span);
  throwIfRowErrors(errors, options.maxListed ?? MAX_LISTED_ERRORS);
  return buildBuckets(entries, options, { format: layout.format, rows: table.rows.length, tsCol }, slicer);
};

interface Placed {
  e: Entry;
  pos: { date: string; index: number; offsetMs: number };
}

/** One channel's buckets, or the row error when its data are coarser than its interval. */
type ChannelResult =
  { error: RowError } | { days: VolumeBucket[]; seen: Map<string, Entry[]>; stats: ChannelImportStats };

const buildBuckets = async (
  entries: Entry[],
  options: ParseVolumeOptions,
  { format, rows, tsCol }: { format: 'long' | 'wide'; rows: number; tsCol: string },
  slicer: TimeSlicer,
): Promise<ParsedVolumes> => {
  const errors: RowError[] = [];
  let buckets: VolumeBucket[] = [];
  let duplicates: VolumeDuplicate[] = [];
  let duplicateCount = 0;
  const stats: ChannelImportStats[] = [];
  const locate = createDayLocator(options.timeZone);
  for (const channel of options.channels) {
    const mine = entries.filter((e) => e.channel === channel);
    if (mine.length === 0) continue;
    const result = await channelBuckets(channel, mine, { locate, timeZone: options.timeZone, tsCol }, slicer);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    // concat, not push(...): a spread of one argument per day or row overflows the stack
    buckets = buckets.concat(result.days);
    const repeats = duplicatesOf(
      channel,
      result.seen,
      options.timeZone,
      MAX_LISTED_ISSUES - duplicates.length,
    );
    duplicates = duplicates.concat(repeats.listed);
    duplicateCount += repeats.count;
    stats.push(result.stats);
  }
  throwIfRowErrors(errors, options.maxListed ?? MAX_LISTED_ERRORS);
  buckets.sort((a, b) => a.channel.localeCompare(b.channel) || a.date.localeCompare(b.date));
  return { buckets, duplicates, duplicateCount, stats: { format, rows, channels: stats } };
};

async function channelBuckets(
  channel: VolumeChannel,
  mine: Entry[],
  {
    locate,
    timeZone,
    tsCol,
  }: { locate: ReturnType<typeof createDayLocator>; timeZone: string; tsCol: string },
  slicer: TimeSlicer,
): Promise<ChannelResult> {
  const stepMs = channel.intervalMinutes * 60_000;
  const placed: Placed[] = [];
  for (const e of mine) {
    if (slicer.due) await slicer.pause();
    const day = locate(e.instant);
    const offsetMs = e.instant - day.start;
    placed.push({ e, pos: { date: day.date, index: Math.floor(offsetMs / stepMs), offsetMs } });
  }
  const spacing = placed.reduce((g, p) => gcd(g, p.pos.offsetMs), 0) || 86_400_000;
  const distinct = new Set(mine.map((e) => e.instant)).size;
  if (spacing > stepMs && spacing % stepMs === 0 && distinct >= 2) {
    return {
      error: {
        row: mine.reduce((first, e) => Math.min(first, e.row), Infinity),
        column: tsCol,
        message: `rows for channel "${channel.key}" are ${spacing / 60_000} minutes apart but the channel uses ${channel.intervalMinutes}-minute intervals; supply ${channel.intervalMinutes}-minute or finer data`,
      },
    };
  }
  const granularity: RowGranularity = spacing % stepMs === 0 ? 'interval' : 'finer';
  const { byDay, seen } = await fillDays(channel, placed, { timeZone, granularity }, slicer);
  const days = [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
  if (granularity === 'finer') days.forEach((b) => (b.values = b.values.map((v) => v ?? 0)));
  const stats: ChannelImportStats = {
    channel: channel.key,
    granularity,
    values: mine.length,
    days: days.length,
    total: sum(mine, (e) => e.value),
  };
  return { days, seen, stats };
}

/** Sums the entries into local-day buckets; at interval granularity, also the entries per interval. */
async function fillDays(
  channel: VolumeChannel,
  placed: Placed[],
  { timeZone, granularity }: { timeZone: string; granularity: RowGranularity },
  slicer: TimeSlicer,
): Promise<{ byDay: Map<string, VolumeBucket>; seen: Map<string, Entry[]> }> {
  const byDay = new Map<string, VolumeBucket>();
  const seen = new Map<string, Entry[]>();
  for (const { e, pos } of placed) {
    if (slicer.due) await slicer.pause();
    let b = byDay.get(pos.date);
    if (!b) {
      const n = dayIntervalCount(pos.date, channel.intervalMinutes, timeZone);
      b = {
        channel: channel.key,
        date: pos.date,
        intervalMinutes: channel.intervalMinutes,
        values: Array<number | null>(n).fill(null),
      };
      byDay.set(pos.date, b);
    }
    b.values[pos.index] = (b.values[pos.index] ?? 0) + e.value;
    if (granularity === 'interval') {
      const k = `${pos.date}#${pos.index}`;
      const list = seen.get(k);
      if (list) list.push(e);
      else seen.set(k, [e]);
    }
  }
  return { byDay, seen };
}

/** Intervals given more than once (summed): how many, and the first `room` with their rows and values. */
function duplicatesOf(
  channel: VolumeChannel,
  seen: Map<string, Entry[]>,
  timeZone: string,
  room: number,
): { listed: VolumeDuplicate[]; count: number } {
  const out: VolumeDuplicate[] = [];
  let count = 0;
  for (const [k, list] of seen) {
    if (list.length < 2) continue;
    count += 1;
    if (out.length >= room) continue;
    const [date, index] = [k.slice(0, 10), Number(k.slice(11))];
    out.push({
      channel: channel.key,
      date,
      index,
      timestamp: intervalStart(date, index, channel.intervalMinutes, timeZone).toISOString(),
      rows: list.map((x) => x.row),
      values: list.map((x) => x.value),
    });
  }
  return { listed: out, count };
}
