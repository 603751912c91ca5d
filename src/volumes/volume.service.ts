import { addDays, assertDateArgument } from '../common/calendar';
import type { Channel } from '../channels/channel.types';
import type { ChannelService } from '../channels/channel.service';
import { badInput } from '../errors';
import { readTable, readTableFile } from '../import/table-reader';
import type { Table } from '../import/table.types';
import type { Collection, DocumentStore } from '../store/document-store';
import { upsertAll } from '../store/upsert-by-key';
import { openingHoursFromList, openMask } from './opening-hours-mask';
import { zoneOf } from '../common/time-zone';
import { dayIntervals } from './volume-calendar';
import { VOLUMES, volumeId, type VolumeDoc } from './volume.doc';
import { parseVolumeRows, type VolumeImportStats } from './volume-parser';
import type { VolumeSummary } from './volume-summary';
import { VolumeSummaryService } from './volume-summary.service';
import { dayStats, statsBasis } from './volume-stats';
import type { OpeningHours, VolumeBucket, VolumeDuplicate } from './volume.types';
import { validateVolumes, type VolumeIssues } from './volume.validation';

/** Longest range `validateVolumes` and `forecastAccuracy` read at once. */
export const MAX_RANGE_DAYS = 400;

/**
 * Longest range `volumes` returns at once: a quarter, 8,832 quarter-hours (the web's forecast
 * chart asks for at most 71 days). Each interval is an object GraphQL completes and serialises
 * on the server's thread in one piece: 400 days (38,400 intervals, 3.4 MB) held the event loop
 * for 0.4-0.9 s.
 */
export const MAX_SERIES_DAYS = 92;

export interface VolumeImportReport extends VolumeImportStats {
  /** Buckets (channel × local day) written. */
  days: number;
  /** Buckets new to the store / merged into a stored day. */
  created: number;
  updated: number;
  /** The first MAX_LISTED_ISSUES repeated intervals. */
  duplicates: VolumeDuplicate[];
  /** Repeated intervals in all. */
  duplicateCount: number;
}

export interface VolumeInterval {
  /** Interval start (UTC instant). */
  t: Date;
  /** Site-local day. */
  date: string;
  index: number;
  /** `null`: no value received. */
  value: number | null;
  /** Inside the channel's opening hours. */
  open: boolean;
}

export interface VolumeSeriesResult {
  channel: string;
  intervalMinutes: number;
  timeZone: string;
  intervals: VolumeInterval[];
}

const ALL_DAY: OpeningHours = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
);

/** A channel's opening hours in the form the volume and forecasting cores take. */
export const channelHours = (channel: Pick<Channel, 'openingHours'>): OpeningHours =>
  openingHoursFromList(channel.openingHours);

/**
 * When a channel's arrivals are expected: a LIVE channel's while it is open (calls while
 * closed are not offered); a DEFERRED channel's around the clock, because its opening hours
 * bound when work is HANDLED, not when it arrives. History, forecasts, `validateVolumes`
 * and `dataSummary` follow this rule.
 */
export const arrivalHours = (channel: Pick<Channel, 'openingHours' | 'kind'>): OpeningHours =>
  channel.kind === 'DEFERRED' ? ALL_DAY : channelHours(channel);

/**
 * Checks an inclusive local-date range (both ends dates in the years `DATE_YEARS`, `to` not
 * before `from`, at most `maxDays` days) and returns the number of days in it.
 */
export function checkRange(from: string, to: string, maxDays = MAX_RANGE_DAYS): number {
  assertDateArgument('from', from);
  assertDateArgument('to', to);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (!(days >= 1))
    throw badInput(`to (${to}) must not be before from (${from})`, [{ field: 'to', message: 'before from' }]);
  if (days > maxDays)
    throw badInput(`the range ${from}..${to} has ${days} days, more than ${maxDays}`, [
      { field: 'to', message: `at most ${maxDays} days after from` },
    ]);
  return days;
}

/**
 * Historical volumes: imports (all or nothing, one atomic bulk write), interval queries,
 * per-channel coverage and data-quality checks. Days are site-local (SITE_TIME_ZONE).
 */
export class VolumeService {
  private readonly volumes: Collection<VolumeDoc>;
  private readonly summaries: VolumeSummaryService;

  constructor(
    store: DocumentStore,
    private readonly channels: ChannelService,
    readonly timeZone: string,
  ) {
    zoneOf(timeZone);
    this.volumes = store.collection<VolumeDoc>(VOLUMES);
    this.summaries = new VolumeSummaryService(this.volumes, timeZone);
  }

  static async ensureIndexes(store: DocumentStore): Promise<void> {
    await store
      .collection<VolumeDoc>(VOLUMES)
      .createIndex({ keys: { channel: 1, date: 1 }, unique: true, name: 'channel_date' });
  }

  /** Imports CSV text (the GraphQL mutation). */
  async importCsv(csv: string, fileName = 'upload.csv'): Promise<VolumeImportReport> {
    return this.importTable(await readTable({ fileName, bytes: Buffer.from(csv, 'utf8') }));
  }

  /** Imports a CSV or XLSX file from disk (the `import volumes` command). */
  async importFile(file: string): Promise<VolumeImportReport> {
    return this.importTable(await readTableFile(file));
  }

  /**
   * Parses and validates every row first (any error: BAD_USER_INPUT with one detail per bad
   * cell, nothing written); then merges each day into its stored bucket (a value in the
   * file replaces the stored one; intervals the file does not mention keep theirs) and
   * writes every bucket in ONE atomic bulk write.
   */
  async importTable(table: Table): Promise<VolumeImportReport> {
    const channels = await this.channels.listAll();
    const hours = new Map(channels.map((c) => [c.key, arrivalHours(c)]));
    const bases = new Map([...hours].map(([key, h]) => [key, statsBasis(h, this.timeZone)]));
    const parsed = await parseVolumeRows(table, {
      channels: channels.map((c) => ({ key: c.key, intervalMinutes: c.intervalMinutes })),
      timeZone: this.timeZone,
    });
    const ids = parsed.buckets.map((b) => volumeId(b.channel, b.date));
    const existing = new Map(
      (ids.length ? await this.volumes.find({ _id: { $in: ids } }) : []).map((d) => [d._id, d]),
    );
    const now = new Date();
    const docs: VolumeDoc[] = [];
    let created = 0;
    for (const b of parsed.buckets) {
      const _id = volumeId(b.channel, b.date);
      const old = existing.get(_id);
      const values =
        old && old.intervalMinutes === b.intervalMinutes && old.values.length === b.values.length
          ? b.values.map((v, i) => v ?? old.values[i] ?? null)
          : b.values;
      // A day whose values do not change is not rewritten: re-importing a file is a no-op.
      if (old && old.intervalMinutes === b.intervalMinutes && sameValues(old.values, values)) continue;
      if (!old) created += 1;
      const day = { ...b, values };
      const stats = dayStats(day, hours.get(b.channel) ?? null, this.timeZone, bases.get(b.channel));
      docs.push({ _id, ...day, updatedAt: now, stats });
    }
    await upsertAll(this.volumes, docs);
    return {
      ...parsed.stats,
      days: docs.length,
      created,
      updated: docs.length - created,
      duplicates: parsed.duplicates,
      duplicateCount: parsed.duplicateCount,
    };
  }

  /** Stored buckets of a channel for local dates in [from, to] (inclusive), oldest first. */
  buckets(channel: string, from: string, to: string): Promise<VolumeDoc[]> {
    return this.volumes.find({ channel, date: { $gte: from, $lte: to } }, { sort: { date: 1 } });
  }

  /** The last local date holding a bucket of the channel before `before` (exclusive), or null. */
  async lastDate(channel: string, before?: string): Promise<string | null> {
    const doc = await this.volumes.findOne(before ? { channel, date: { $lt: before } } : { channel }, {
      sort: { date: -1 },
      projection: { date: 1 },
    });
    return doc?.date ?? null;
  }

  /** Every interval of the channel in the local-date range, with its UTC start and open flag. */
  async series(channelKey: string, from: string, to: string): Promise<VolumeSeriesResult> {
    checkRange(from, to, MAX_SERIES_DAYS);
    const channel = await this.channels.requireByKey(channelKey);
    const hours = arrivalHours(channel);
    const byDate = new Map((await this.buckets(channel.key, from, to)).map((b) => [b.date, b]));
    const intervals: VolumeInterval[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const bucket = byDate.get(date);
      const open = openMask(date, channel.intervalMinutes, this.timeZone, hours);
      const sameGrid = bucket?.intervalMinutes === channel.intervalMinutes;
      dayIntervals(date, channel.intervalMinutes, this.timeZone).forEach((t, index) =>
        intervals.push({
          t,
          date,
          index,
          value: sameGrid ? (bucket.values[index] ?? null) : null,
          open: open[index],
        }),
      );
    }
    return {
      channel: channel.key,
      intervalMinutes: channel.intervalMinutes,
      timeZone: this.timeZone,
      intervals,
    };
  }

  /**
   * Per channel: first and last interval with a value, counts, missing slots and zeros, from
   * the counts each stored day keeps (see VolumeSummaryService).
   */
  async summary(): Promise<VolumeSummary[]> {
    const channels = await this.channels.listAll();
    return this.summaries.summary(new Map(channels.map((c) => [c.key, arrivalHours(c)])));
  }

  /** Data-quality report of a channel over a local-date range (see validateVolumes). */
  async validate(channelKey: string, from: string, to: string): Promise<VolumeIssues> {
    checkRange(from, to);
    const channel = await this.channels.requireByKey(channelKey);
    const buckets = await this.buckets(channel.key, from, to);
    // Anchor the range so absent days at either end are reported as missing too.
    const anchored = withRangeEnds(buckets, channel, from, to, this.timeZone);
    return validateVolumes(anchored, {
      timeZone: this.timeZone,
      openingHoursByChannel: { [channel.key]: arrivalHours(channel) },
    });
  }
}

/** Adds empty buckets at `from` and `to` when absent, so the validator covers the whole range. */
function withRangeEnds(
  buckets: VolumeBucket[],
  channel: Channel,
  from: string,
  to: string,
  timeZone: string,
): VolumeBucket[] {
  const empty = (date: string): VolumeBucket => ({
    channel: channel.key,
    date,
    intervalMinutes: channel.intervalMinutes,
    values: dayIntervals(date, channel.intervalMinutes, timeZone).map(() => null),
  });
  const list = buckets.map(({ channel: c, date, intervalMinutes, values }) => ({
    channel: c,
    date,
    intervalMinutes,
    values,
  }));
  if (list[0]?.date !== from) list.unshift(empty(from));
  if (list.at(-1)?.date !== to) list.push(empty(to));
  return list;
}

const sameValues = (a: readonly (number | null)[], b: readonly (number | null)[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);
