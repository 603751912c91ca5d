/**
 * `dataSummary` from the counts each stored day keeps (volume-stats.ts), added up by the store
 * (`Collection.group`): one small record per channel comes back, whatever the history holds,
 * where reading every day's values held the event loop for the whole history (29,200 days:
 * 0.9-2.0 s and tens of MB). Days counted on another basis than their channel's current one
 * (its arrival hours changed, or they were stored before days kept counts) are counted again
 * first, a page at a time with turns of the event loop between, and stored: the next summary
 * finds them current.
 */
import type { Collection } from '../store/document-store';
import { nextTurn } from '../time-slicer';
import { volumeId, type VolumeDoc } from './volume.doc';
import { dayStats, statsBasis } from './volume-stats';
import { summaryOf, type VolumeSummary } from './volume-summary';
import type { OpeningHours } from './volume.types';

/** Days counted again per page: their values are read, about 1 KB each. */
export const RECOUNT_PAGE_DAYS = 100;

const TOTALS = {
  days: { $sum: 1 },
  intervals: { $sum: 'stats.slots' },
  withValue: { $sum: 'stats.withValue' },
  missing: { $sum: 'stats.missing' },
  zeros: { $sum: 'stats.zeros' },
  total: { $sum: 'stats.total' },
  from: { $min: 'date' },
  first: { $min: 'stats.first' },
  last: { $max: 'stats.last' },
} as const;

type Totals = Record<keyof typeof TOTALS, unknown>;

export class VolumeSummaryService {
  constructor(
    private readonly volumes: Collection<VolumeDoc>,
    private readonly timeZone: string,
  ) {}

  /**
   * Per channel with stored days, in channel order. `hours`: each channel's arrival hours (a
   * channel without any, e.g. deleted, expects a value in every slot).
   */
  async summary(hours: ReadonlyMap<string, OpeningHours>): Promise<VolumeSummary[]> {
    const bases = new Map<string, string>();
    const basisOf = (channel: string): string => {
      const known = bases.get(channel);
      if (known !== undefined) return known;
      const basis = statsBasis(hours.get(channel) ?? null, this.timeZone);
      bases.set(channel, basis);
      return basis;
    };
    let groups = await this.volumes.group({}, ['channel', 'stats.basis'], TOTALS);
    const stale = new Set(
      groups.filter((g) => g.key[1] !== basisOf(String(g.key[0]))).map((g) => String(g.key[0])),
    );
    if (stale.size > 0) {
      for (const channel of stale) await this.recount(channel, hours.get(channel) ?? null, basisOf(channel));
      groups = await this.volumes.group({}, ['channel', 'stats.basis'], TOTALS);
    }
    const byChannel = new Map<string, Totals[]>();
    for (const g of groups) {
      const channel = String(g.key[0]);
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), g.values]);
    }
    const out: VolumeSummary[] = [];
    for (const [channel, parts] of byChannel) out.push(await this.channelSummary(channel, parts));
    // the order summarizeVolumes gives
    return out.sort((a, b) => a.channel.localeCompare(b.channel));
  }

  /** Adds up a channel's groups (one, unless days were written while it was summarised). */
  private async channelSummary(channel: string, parts: Totals[]): Promise<VolumeSummary> {
    const num = (k: keyof Totals): number => parts.reduce((s, p) => s + Number(p[k] ?? 0), 0);
    const dates = (k: 'first' | 'last'): Date[] => parts.flatMap((p) => (p[k] instanceof Date ? [p[k]] : []));
    const firsts = dates('first');
    const lasts = dates('last');
    const [from = ''] = parts.map((p) => String(p.from)).sort();
    const projection = { intervalMinutes: 1 } as const;
    const firstDay =
      (await this.volumes.findOne({ _id: volumeId(channel, from) }, { projection })) ??
      (await this.volumes.findOne({ channel, date: from }, { projection }));
    return summaryOf({
      channel,
      intervalMinutes: firstDay?.intervalMinutes ?? 0,
      days: num('days'),
      intervals: num('intervals'),
      withValue: num('withValue'),
      missing: num('missing'),
      zeros: num('zeros'),
      total: num('total'),
      first: firsts.length ? new Date(Math.min(...firsts.map((d) => d.getTime()))) : null,
      last: lasts.length ? new Date(Math.max(...lasts.map((d) => d.getTime()))) : null,
    });
  }

  /**
   * Counts again, and stores, the channel's days not counted on `basis`: its days a page at a
   * time in date order (a filter every store answers from its index or fast path), each page's
   * stale days in one atomic write. A day rewritten meanwhile (an import, which counts it
   * itself) is left as that write left it.
   */
  private async recount(channel: string, hours: OpeningHours | null, basis: string): Promise<void> {
    for (let after = ''; ;) {
      const page = await this.volumes.find(
        { channel, date: { $gt: after } },
        { sort: { date: 1 }, limit: RECOUNT_PAGE_DAYS },
      );
      const stale = page.filter((day) => day.stats?.basis !== basis);
      if (stale.length > 0)
        await this.volumes.bulkWrite(
          stale.map((day) => ({
            update: {
              filter: { _id: day._id, updatedAt: day.updatedAt ?? null },
              update: { $set: { stats: dayStats(day, hours, this.timeZone, basis) } },
            },
          })),
        );
      const last = page.at(-1);
      if (!last || page.length < RECOUNT_PAGE_DAYS) return;
      after = last.date;
      await nextTurn();
    }
  }
}
