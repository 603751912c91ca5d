/**
 * Issue lists that grew with the data, not with the query (measured 2026-12-02 on the built
 * server, /healthz polled throughout): `validateVolumes` over 400 empty days listed all
 * 38,400 missing quarter-hours (the cost model counts 672), and `importVolumes` of a file
 * giving every interval twice listed every repeat. Both answers were megabytes that GraphQL
 * completed in one block of the event loop.
 *
 * Safe outcome: each issue list holds at most MAX_LISTED_ISSUES entries, the earliest
 * first, and `counts` says how many there are in all.
 */
import { MAX_LISTED_ISSUES } from '../../src/volumes/volume.validation';
import { LIST_SIZES } from '../../src/server/query-cost';
import { startCallsSite, type CallsSite } from './calls-site';
import { sendFromChild, watchWhile } from './hostile';

/** Well above what a capped list takes and below what the uncapped answers held. */
const SLOWEST_HEALTH_MS = 300;
const DAYS = 400;

/** `days` UTC days of quarter-hour volumes from 2025-01-01, each row given twice. */
function twiceCsv(days: number): string {
  const start = Date.UTC(2025, 0, 1);
  const lines = Array.from({ length: days * 96 }, (_, i) => {
    const row = `${new Date(start + i * 900_000).toISOString()},calls,${i % 50}`;
    return `${row}\n${row}`;
  });
  return `timestamp,channel,value\n${lines.join('\n')}\n`;
}

interface Counted {
  counts: Record<string, number>;
}

describe('security #19: issue lists are capped, whatever the data hold', () => {
  let site: CallsSite;
  const send = (query: string, variables: Record<string, unknown> = {}) =>
    watchWhile(site.server, sendFromChild(site.server.url, JSON.stringify({ query, variables }), site.token));

  beforeAll(async () => {
    site = await startCallsSite('sec19');
  }, 120_000);
  afterAll(async () => expect(await site.stop()).toBe(0));

  it('the cost model counts what the lists can hold', () => {
    for (const field of ['missing', 'duplicates', 'negatives', 'outsideOpeningHours', 'outliers']) {
      expect(LIST_SIZES[`VolumeValidation.${field}`]).toBe(MAX_LISTED_ISSUES);
    }
    expect(LIST_SIZES['VolumeImportResult.duplicates']).toBe(MAX_LISTED_ISSUES);
  });

  it(`validates ${DAYS} empty days: the first ${MAX_LISTED_ISSUES} missing intervals and the count of all`, async () => {
    const watch = await send(
      `{ validateVolumes(channel: "calls", from: "2030-01-01", to: "2031-02-04") {
          missing { channel date index timestamp value } counts { missing negatives outliers } } }`,
    );
    expect(watch.result.json.errors).toBeUndefined();
    const v = (watch.result.json as { data: { validateVolumes: Counted & { missing: { date: string }[] } } })
      .data.validateVolumes;
    expect(v.counts).toEqual({ missing: DAYS * 96, negatives: 0, outliers: 0 });
    expect(v.missing).toHaveLength(MAX_LISTED_ISSUES);
    expect(v.missing[0]).toMatchObject({ date: '2030-01-01', index: 0, value: null });
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
  });

  it('imports a file that gives every interval twice: the first repeats listed, all counted and summed', async () => {
    const days = 500;
    const watch = await send(
      'mutation($c: String!) { importVolumes(csv: $c) { rows days duplicateCount duplicates { date index rows value } } }',
      { c: twiceCsv(days) },
    );
    expect(watch.result.json.errors).toBeUndefined();
    const r = (
      watch.result.json as {
        data: {
          importVolumes: { rows: number; days: number; duplicateCount: number; duplicates: unknown[] };
        };
      }
    ).data.importVolumes;
    expect(r).toMatchObject({ rows: days * 96 * 2, duplicateCount: days * 96 });
    expect(r.duplicates).toHaveLength(MAX_LISTED_ISSUES);
    expect(r.duplicates[0]).toEqual({ date: '2025-01-01', index: 0, rows: [2, 3], value: 0 });
    expect(watch.slowestHealthCpuMs).toBeLessThan(SLOWEST_HEALTH_MS);
    const stored = await site.gql(
      '{ validateVolumes(channel: "calls", from: "2025-01-01", to: "2025-01-01") { missing { index } counts { missing } } }',
    );
    expect(stored.body).toEqual({ data: { validateVolumes: { missing: [], counts: { missing: 0 } } } });
  });
});
