/**
 * Reads that held the event loop (measured 2026-12-02 on the built server, /healthz polled
 * throughout): `volumes` over its 400-day maximum (38,400 quarter-hours, 3.4 MB) for 0.4-0.9 s,
 * all of it GraphQL completing and serialising the intervals, and a single request could
 * alias it six times under the cost limit; `validateVolumes` over 400 days for 0.3 s.
 *
 * Safe outcome: `volumes` reads at most 92 days (BAD_USER_INPUT naming `to` and the limit),
 * its cost counts the real size, and the largest reads answer with the event loop free.
 */
import { MAX_SERIES_DAYS } from '../../src/volumes/volume.service';
import { startCallsSite, type CallsSite } from './calls-site';
import { sendFromChild, watchWhile } from './hostile';

/** Well above what the largest allowed reads take (about 150 ms) and below what 400 days held. */
const SLOWEST_HEALTH_MS = 300;

/** 400 UTC days of quarter-hour volumes from 2025-01-01. */
function volumesCsv(): string {
  const start = Date.UTC(2025, 0, 1);
  const lines = Array.from(
    { length: 400 * 96 },
    (_, i) => `${new Date(start + i * 900_000).toISOString()},calls,${i % 50}`,
  );
  return `timestamp,channel,value\n${lines.join('\n')}\n`;
}

const series = (from: string, to: string) =>
  `{ volumes(channel: "calls", from: "${from}", to: "${to}") { intervals { t date index value open } } }`;

describe('security #17: large reads of volumes are bounded and leave the event loop free', () => {
  let site: CallsSite;
  const read = (query: string) =>
    watchWhile(site.server, sendFromChild(site.server.url, JSON.stringify({ query }), site.token));

  beforeAll(async () => {
    site = await startCallsSite('sec17');
    const imported = await site.gql('mutation($c: String!) { importVolumes(csv: $c) { days } }', {
      c: volumesCsv(),
    });
    expect(imported.body).toEqual({ data: { importVolumes: { days: 400 } } });
  }, 120_000);
  afterAll(async () => expect(await site.stop()).toBe(0));

  it(`refuses volumes over more than ${MAX_SERIES_DAYS} days, naming the argument and the limit`, async () => {
    const watch = await read(series('2025-01-01', '2026-02-04'));
    expect(watch.result.json.errors?.[0]).toMatchObject({
      message: `the range 2025-01-01..2026-02-04 has 400 days, more than ${MAX_SERIES_DAYS}`,
      extensions: {
        code: 'BAD_USER_INPUT',
        details: [{ field: 'to', message: 'at most 92 days after from' }],
      },
    });
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  it('refuses aliases that together would return more than a quarter of intervals', async () => {
    const aliases = [1, 2, 3, 4, 5, 6]
      .map(
        (i) =>
          `a${i}: volumes(channel: "calls", from: "2025-01-01", to: "2025-01-28") { intervals { t date index value open } }`,
      )
      .join(' ');
    const watch = await read(`{ ${aliases} }`);
    expect(watch.result.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers 30 aliased validations of 400 days one after another, the event loop free between them', async () => {
    // each alias costs little (one small list), so the alias limit is the bound: 30 validations
    // of 400 quarter-hour days ran back to back in one block of 2.6 s before each got a turn
    const aliases = Array.from(
      { length: 30 },
      (_, i) =>
        `v${i}: validateVolumes(channel: "calls", from: "2025-01-01", to: "2026-02-04") { missing { index } }`,
    ).join(' ');
    const watch = await read(`{ ${aliases} }`);
    expect(watch.result.json.errors).toBeUndefined();
    expect(Object.keys((watch.result.json as { data: object }).data)).toHaveLength(30);
    // a health check may wait for one whole validation (0.1-0.25 s here), never for thirty
    expect(watch.slowestHealthCpuMs).toBeLessThan(600);
  });

  it(`reads ${MAX_SERIES_DAYS} days of volumes and validates 400 with the event loop free`, async () => {
    const volumes = await read(series('2025-04-01', '2025-07-01'));
    expect(
      (volumes.result.json as { data: { volumes: { intervals: unknown[] } } }).data.volumes.intervals,
    ).toHaveLength(MAX_SERIES_DAYS * 96);
    expect(volumes.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    const validation = await read(
      '{ validateVolumes(channel: "calls", from: "2025-01-01", to: "2026-02-04") { missing { index } outliers { index } } }',
    );
    expect(validation.result.json.errors).toBeUndefined();
    expect(validation.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });
});
