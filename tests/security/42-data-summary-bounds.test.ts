/**
 * Audit: `dataSummary` read every stored day of every channel out of the store, values and
 * all, and added them up on the event loop: its time and memory grew with the history, and
 * each alias of it (30 are allowed) did it again. Measured on the in-process test server before
 * the fix (2 cores shared with other jobs), 8 channels of 15-minute volumes:
 *
 * - a year (2,928 stored days): 87-173 ms a call, the event loop held 70-146 ms in one block,
 *   every day read out (+6-8 MB of heap); 10 aliases read 29,280 days in 0.50-0.54 s;
 * - ten years (29,200 days): 0.52-0.89 s a call, all of it in one block, +32-35 MB of heap;
 *   10 aliases read 292,000 days in 5.7-7.7 s, holding the loop up to 1.0 s at a time.
 *
 * Each stored day now keeps its counts (written with its values by the import) and the store
 * adds them up (`Collection.group`: a MongoDB aggregation, or a fold in place in the embedded
 * store); no day is read out. Days counted on another basis than their channel's current
 * arrival hours (hours changed, or stored before days kept counts) are counted again once, 100
 * days a page with turns between. After: a year 10-38 ms a call, 10 aliases 42-67 ms; ten
 * years 37-155 ms a call (the embedded store's pass over 29,200 small records), 10 aliases
 * 0.43-0.56 s, no day read, no heap held; the one-off recount of ten years took 2.1-3.8 s in
 * blocks of at most 90-100 ms of the loop's CPU.
 */
import { CHANNELS, type ChannelDoc } from '../../src/channels/channel.doc';
import { addDays } from '../../src/common/calendar';
import { EmbeddedCollection } from '../../src/store/embedded-collection';
import { arrivalHours } from '../../src/volumes/volume.service';
import { VOLUMES, volumeId, type VolumeDoc } from '../../src/volumes/volume.doc';
import { summarizeVolumes } from '../../src/volumes/volume-summary';
import { expectOk } from '../helpers/expect-ok';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { timerGaps } from '../helpers/timer-gaps';
import { channel } from '../integration/staffing/fixtures';

const CHANNEL_COUNT = 8;
const DAYS = 366;
const ALIASES = 10;
const SUMMARY = 'channel intervalMinutes days first last intervals count missing zeros total';

describe('audit: dataSummary adds up counts in the store, not every stored value', () => {
  let t: TestApp;
  let admin: string;
  let stored: VolumeDoc[];
  /** Days `find` has read out of the volumes collection since the last reset. */
  let read = 0;
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    const channels = Array.from({ length: CHANNEL_COUNT }, (_, i) =>
      channel({
        key: `c${i}`,
        intervalMinutes: 15,
        ...(i % 2 ? { kind: 'DEFERRED', responseHours: 24 } : {}),
      }),
    );
    await t.services.store.collection<ChannelDoc>(CHANNELS).insertMany(channels);
    // a year of 15-minute volumes, stored before days kept counts (as an older data directory holds)
    stored = channels.flatMap((c) =>
      Array.from({ length: DAYS }, (_, d) => {
        const date = addDays('2025-01-01', d);
        const values = Array.from({ length: 96 }, (_, i) => (i % 7 === 0 ? null : (i * d) % 13));
        return {
          _id: volumeId(c.key, date),
          channel: c.key,
          date,
          intervalMinutes: 15,
          values,
          updatedAt: new Date(),
        };
      }),
    );
    await t.services.store.collection<VolumeDoc>(VOLUMES).insertMany(stored);
    const find = EmbeddedCollection.prototype.find;
    spy = jest.spyOn(EmbeddedCollection.prototype, 'find').mockImplementation(async function (
      this: EmbeddedCollection<never>,
      ...args: Parameters<typeof find>
    ) {
      const docs = await find.apply(this, args);
      if (this.name === VOLUMES) read += docs.length;
      return docs;
    });
  }, 120_000);
  afterAll(async () => {
    spy.mockRestore();
    await t.close();
  });

  const summaries = (n: number) =>
    `query { ${Array.from({ length: n }, (_, i) => `a${i}: dataSummary { ${SUMMARY} }`).join(' ')} }`;

  it('counts the days stored without counts once, a page at a time, and answers as before', async () => {
    read = 0;
    const gaps = await timerGaps(async () => {
      const { a0 } = expectOk(await t.gql<{ a0: unknown[] }>(summaries(1), {}, admin));
      const hours = Object.fromEntries(
        (await t.services.channels.listAll()).map((c) => [c.key, arrivalHours(c)]),
      );
      const all = summarizeVolumes(stored, {
        timeZone: t.config.SITE_TIME_ZONE,
        openingHoursByChannel: hours,
      });
      expect(a0).toEqual(all.map(({ withValue, ...s }) => ({ ...s, count: withValue })));
    });
    expect(read).toBe(CHANNEL_COUNT * DAYS);
    // 100 days a page: a page's reading, counting and writing, not the history
    expect(gaps.longestCpu).toBeLessThan(250);
  });

  it(`answers ${ALIASES} aliases from the stored counts, reading no day`, async () => {
    read = 0;
    let bytes = 0;
    const gaps = await timerGaps(async () => {
      const res = await t.gql<Record<string, { days: number }[]>>(summaries(ALIASES), {}, admin);
      bytes = JSON.stringify(res).length;
      const data = expectOk(res);
      for (const a of Object.values(data))
        expect(a.map((s) => s.days)).toEqual(new Array<number>(CHANNEL_COUNT).fill(DAYS));
    });
    // every alias read all 2,928 days before: 29,280
    expect(read).toBe(0);
    expect(bytes).toBeLessThan(20_000);
    expect(gaps.longestCpu).toBeLessThan(150);
  });
});
