/**
 * `dataSummary` from the counts each stored day keeps equals the summary of every stored
 * value (`summarizeVolumes`): for days an import counted, for days stored before days kept
 * counts, across clock changes, for a channel no longer there, and after a channel's
 * opening hours change (its days are counted again, once).
 */
import { addDays } from '../../../src/common/calendar';
import { arrivalHours } from '../../../src/volumes/volume.service';
import { VOLUMES, volumeId, type VolumeDoc } from '../../../src/volumes/volume.doc';
import { statsBasis } from '../../../src/volumes/volume-stats';
import { summarizeVolumes } from '../../../src/volumes/volume-summary';
import { dayIntervalCount } from '../../../src/volumes/volume-calendar';
import { createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { HOURLY, QUARTER } from '../forecasting/forecast-fixtures';

const LONDON = 'Europe/London';
/** Around the autumn clock change of 2026 (25 October), and over the spring one. */
const STORED_FROM = '2026-03-25';
const STORED_DAYS = 220;

/** A deterministic day: nulls, zeros and counts, one value per interval of the local day. */
function day(channel: string, date: string, intervalMinutes: number, seed: number): VolumeDoc {
  const values = Array.from({ length: dayIntervalCount(date, intervalMinutes, LONDON) }, (_, i) => {
    const r = (seed * 31 + i * 17) % 11;
    return r === 0 ? null : r === 1 ? 0 : r;
  });
  return { _id: volumeId(channel, date), channel, date, intervalMinutes, values, updatedAt: new Date() };
}

describe('dataSummary from the stored days’ counts', () => {
  let t: GqlApp;
  let days: VolumeDoc[];

  const expected = async () =>
    summarizeVolumes(days, {
      timeZone: LONDON,
      openingHoursByChannel: Object.fromEntries(
        (await t.services.channels.listAll()).map((c) => [c.key, arrivalHours(c)]),
      ),
    });
  const stored = () => t.services.store.collection<VolumeDoc>(VOLUMES);

  beforeAll(async () => {
    t = await createInProcessApp({
      env: { SITE_TIME_ZONE: LONDON },
      seed: async (s) => {
        await s.channels.create(HOURLY);
        await s.channels.create(QUARTER);
      },
    });
    // days stored before days kept counts, of two channels and of one no longer there
    days = Array.from({ length: STORED_DAYS }, (_, d) => addDays(STORED_FROM, d)).flatMap((date, d) => [
      day('calls', date, 60, d),
      day('emails', date, 15, d + 1),
      ...(d % 3 === 0 ? [day('gone', date, 30, d + 2)] : []),
    ]);
    await stored().insertMany(days);
  });
  afterAll(() => t.close());

  it('counts days stored without counts, once, and answers what every value sums to', async () => {
    expect(await t.services.volumes.summary()).toEqual(await expected());
    const counted = await stored().find({}, { projection: { stats: 1 } });
    expect(counted.every((d) => d.stats !== undefined)).toBe(true);
    // counted once: the next summary writes nothing
    const statsOf = new Map(counted.map((d) => [d._id, JSON.stringify(d.stats)]));
    expect(await t.services.volumes.summary()).toEqual(await expected());
    const again = await stored().find({}, { projection: { stats: 1 } });
    expect(again.every((d) => JSON.stringify(d.stats) === statsOf.get(d._id))).toBe(true);
  });

  it('counts the days an import writes as it writes them', async () => {
    const csv = ['timestamp,channel,value', '2027-01-04T09:00:00Z,calls,7', '2027-01-04T10:00:00Z,calls,0'];
    await t.services.volumes.importCsv(csv.join('\n'));
    const imported = (await stored().findById(volumeId('calls', '2027-01-04')))!;
    const calls = (await t.services.channels.byKey('calls'))!;
    expect(imported.stats).toMatchObject({
      basis: statsBasis(arrivalHours(calls), LONDON),
      withValue: 2,
      zeros: 1,
      total: 7,
      // Monday 08:00-18:00 open: 10 hours, 2 with a value
      missing: 8,
      first: new Date('2027-01-04T09:00:00Z'),
      last: new Date('2027-01-04T10:00:00Z'),
    });
    days.push(imported);
    expect(await t.services.volumes.summary()).toEqual(await expected());
  });

  it('counts a channel’s days again when its opening hours change', async () => {
    const calls = (await t.services.channels.byKey('calls'))!;
    const before = (await t.services.volumes.summary()).find((s) => s.channel === 'calls')!;
    await t.services.channels.update(calls._id, {
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({ dayOfWeek, from: '06:00', to: '22:00' })),
    });
    const after = (await t.services.volumes.summary()).find((s) => s.channel === 'calls')!;
    expect(after.missing).toBeGreaterThan(before.missing);
    expect(await t.services.volumes.summary()).toEqual(await expected());
    const basis = statsBasis(arrivalHours((await t.services.channels.byKey('calls'))!), LONDON);
    expect(await stored().count({ channel: 'calls', 'stats.basis': { $ne: basis } })).toBe(0);
  });
});
