import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { VOLUMES } from '../../../src/volumes/volume.doc';
import { codeOf, createInProcessApp, type GqlApp } from '../../helpers/in-process-app';
import { HOURLY, QUARTER } from '../forecasting/forecast-fixtures';
import { expectOk } from '../../helpers/expect-ok';

const IMPORT = `mutation($csv: String!) { importVolumes(csv: $csv) {
  format rows days channels { channel granularity values days total } duplicates { channel timestamp rows values } } }`;

type Details = { row?: number; column?: string; message: string }[];

describe('volumes: import, queries and validation (GraphQL, in process)', () => {
  let t: GqlApp;
  let manager: string;
  let tmp: string;

  beforeAll(async () => {
    t = await createInProcessApp({
      seed: async (s) => {
        await s.channels.create(HOURLY);
        await s.channels.create(QUARTER);
      },
    });
    manager = await t.login('manager');
    tmp = await mkdtemp(path.join(tmpdir(), 'volumes-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const stored = () => t.services.store.collection(VOLUMES).count({});
  const series = (channel: string, from: string, to: string) =>
    t.gql<{
      volumes: {
        intervalMinutes: number;
        intervals: { t: string; index: number; value: number | null; open: boolean }[];
      };
    }>(
      'query($c: String!, $f: LocalDate!, $t: LocalDate!) { volumes(channel: $c, from: $f, to: $t) { intervalMinutes intervals { t index value open } } }',
      { c: channel, f: from, t: to },
      manager,
    );

  it('imports long format into one bucket per channel and local day, `_id` channel:date', async () => {
    const csv = [
      'timestamp,channel,value',
      '2026-03-02T08:00:00Z,calls,12',
      '2026-03-02T09:00:00Z,calls,20',
      '2026-03-03 10:00,calls,7', // local time (Europe/London, GMT in March)
      '2026-03-03T10:00:00+00:00,calls,3', // same interval again: a duplicate, summed
    ].join('\n');
    const res = await t.gql<{ importVolumes: Record<string, unknown> }>(IMPORT, { csv }, manager);
    expectOk(res);
    expect(res.data!.importVolumes).toMatchObject({
      format: 'long',
      rows: 4,
      days: 2,
      channels: [{ channel: 'calls', granularity: 'interval', values: 4, days: 2, total: 42 }],
      duplicates: [{ channel: 'calls', timestamp: '2026-03-03T10:00:00.000Z', rows: [4, 5], values: [7, 3] }],
    });
    const doc = await t.services.store
      .collection<{ _id: string; values: (number | null)[] }>(VOLUMES)
      .findById('calls:2026-03-03');
    expect(doc!.values).toHaveLength(24);
    expect(doc!.values[10]).toBe(10);
    expect(doc!.values[9]).toBeNull();

    const q = await series('calls', '2026-03-02', '2026-03-02');
    const ivs = q.data!.volumes.intervals;
    expect(ivs).toHaveLength(24);
    expect(ivs[8]).toEqual({ t: '2026-03-02T08:00:00.000Z', index: 8, value: 12, open: true });
    expect(ivs[7]).toMatchObject({ value: null, open: false });
  });

  it('imports wide format and aggregates finer (5-minute) rows into the channel interval', async () => {
    const csv = [
      'timestamp,calls,emails',
      '2026-03-04T08:00:00Z,5,1',
      '2026-03-04T08:05:00Z,,2',
      '2026-03-04T08:20:00Z,,4',
    ].join('\n');
    const res = await t.gql<{
      importVolumes: { format: string; channels: { channel: string; granularity: string; total: number }[] };
    }>(IMPORT, { csv }, manager);
    expectOk(res);
    expect(res.data!.importVolumes.format).toBe('wide');
    expect(res.data!.importVolumes.channels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'emails', granularity: 'finer', total: 7 }),
        expect.objectContaining({ channel: 'calls', total: 5 }),
      ]),
    );
    const emails = (await series('emails', '2026-03-04', '2026-03-04')).data!.volumes;
    expect(emails.intervalMinutes).toBe(15);
    expect(emails.intervals).toHaveLength(96);
    expect(emails.intervals[32]!.value).toBe(3); // 08:00–08:15: 1 + 2
    expect(emails.intervals[33]!.value).toBe(4); // 08:15–08:30
    expect(emails.intervals[40]!.value).toBe(0); // finer data: an interval without events is 0
  });

  it('merges into stored days: values in the file replace, others stay', async () => {
    await t.gql(
      IMPORT,
      { csv: 'timestamp,channel,value\n2026-03-02T09:00:00Z,calls,21\n2026-03-02T10:00:00Z,calls,30\n' },
      manager,
    );
    const ivs = (await series('calls', '2026-03-02', '2026-03-02')).data!.volumes.intervals;
    expect([ivs[8]!.value, ivs[9]!.value, ivs[10]!.value]).toEqual([12, 21, 30]);
  });

  it('rejects a file with bad rows as a whole, listing every error, and writes nothing', async () => {
    const before = await stored();
    const csv = [
      'timestamp,channel,value',
      '2026-03-09T08:00:00Z,calls,4', // good
      'yesterday,calls,5',
      '2026-03-09T09:00:00Z,chat,5',
      '2026-03-09T10:00:00Z,calls,-2',
      '2026-03-09T11:00:00Z,calls,lots',
      '2026-03-09T12:00:00Z,,1',
      '2026-03-29T01:30,calls,1', // inside the spring-forward gap: does not exist locally
    ].join('\n');
    const res = await t.gql(IMPORT, { csv }, manager);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('6 rows have errors');
    const details = res.errors![0]!.extensions!.details as Details;
    expect(details.map((d) => [d.row, d.column])).toEqual([
      [3, 'timestamp'],
      [4, 'channel'],
      [5, 'value'],
      [6, 'value'],
      [7, 'channel'],
      [8, 'timestamp'],
    ]);
    expect(details[1]!.message).toMatch(/unknown channel "chat"/);
    expect(details[2]!.message).toBe('value must be ≥ 0, got -2');
    expect(details[3]!.message).toBe('value must be a number, got "lots"');
    expect(details[4]!.message).toBe('channel is required');
    expect(await stored()).toBe(before);
    const ivs = (await series('calls', '2026-03-09', '2026-03-09')).data!.volumes.intervals;
    expect(ivs.every((i) => i.value === null)).toBe(true);
  });

  it('rejects a wide file with an unknown channel column and data coarser than the interval', async () => {
    const unknown = await t.gql(IMPORT, { csv: 'timestamp,calls,fax\n2026-03-09T08:00:00Z,1,2\n' }, manager);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect((unknown.errors![0]!.extensions!.details as Details)[0]).toMatchObject({ row: 1, column: 'fax' });
    const coarse = await t.gql(
      IMPORT,
      {
        csv: 'timestamp,channel,value\n2026-03-09T08:00:00Z,emails,1\n2026-03-09T09:00:00Z,emails,1\n2026-03-09T10:00:00Z,emails,1\n',
      },
      manager,
    );
    expect(codeOf(coarse)).toBe('BAD_USER_INPUT');
    expect((coarse.errors![0]!.extensions!.details as Details)[0]!.message).toMatch(/60 minutes apart/);
  });

  it('imports XLSX files through the same path (the `import volumes` command)', async () => {
    const file = path.join(tmp, 'volumes.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Volumes');
    ws.addRow(['timestamp', 'channel', 'value']);
    ws.addRow(['2026-03-10T08:00:00Z', 'calls', 9]);
    ws.addRow(['2026-03-10T09:00:00Z', 'calls', 11]);
    await wb.xlsx.writeFile(file);
    const report = await t.services.volumes.importFile(file);
    expect(report).toMatchObject({ format: 'long', rows: 2, days: 1 });
    const ivs = (await series('calls', '2026-03-10', '2026-03-10')).data!.volumes.intervals;
    expect([ivs[8]!.value, ivs[9]!.value]).toEqual([9, 11]);
  });

  it('stores 23 and 25 intervals on daylight-saving days', async () => {
    const csv = [
      'timestamp,channel,value',
      '2026-03-29T12:00:00Z,calls,1',
      '2026-10-25T12:00:00Z,calls,1',
    ].join('\n');
    await t.gql(IMPORT, { csv }, manager);
    const spring = (await series('calls', '2026-03-29', '2026-03-29')).data!.volumes.intervals;
    const autumn = (await series('calls', '2026-10-25', '2026-10-25')).data!.volumes.intervals;
    expect(spring).toHaveLength(23);
    expect(autumn).toHaveLength(25);
    expect(spring[0]!.t).toBe('2026-03-29T00:00:00.000Z');
    expect(autumn[0]!.t).toBe('2026-10-24T23:00:00.000Z');
  });

  it('summarises each channel: first and last timestamp, count, missing, zeros', async () => {
    const res = await t.gql<{ dataSummary: Record<string, unknown>[] }>(
      'query { dataSummary { channel intervalMinutes days first last count missing zeros total } }',
      {},
      manager,
    );
    expectOk(res);
    const calls = res.data!.dataSummary.find((s) => s.channel === 'calls')!;
    expect(calls).toMatchObject({
      intervalMinutes: 60,
      first: '2026-03-02T08:00:00.000Z',
      last: '2026-10-25T12:00:00.000Z',
      days: 6,
      count: 9,
    });
    const emails = res.data!.dataSummary.find((s) => s.channel === 'emails')!;
    expect(emails).toMatchObject({ days: 1, count: 96 });
    expect(emails.zeros).toBe(94);
  });

  it('validateVolumes reports missing intervals, values outside opening hours and outliers', async () => {
    // Three weeks of a flat weekday pattern, one hole, one value at night, one spike.
    const rows = ['timestamp,channel,value'];
    for (let d = 0; d < 21; d++) {
      const date = new Date(Date.UTC(2026, 4, 4 + d)); // from Monday 2026-05-04 (BST: UTC+1)
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      for (let h = 7; h < 17; h++) {
        const t0 = new Date(date.getTime() + h * 3_600_000).toISOString();
        if (d === 2 && h === 9) continue; // missing Wednesday 10:00 local
        rows.push(`${t0},calls,${d === 8 && h === 12 ? 400 : 20 + (h % 3)}`);
      }
    }
    rows.push('2026-05-05T21:00:00Z,calls,3'); // 22:00 local, closed
    const imp = await t.gql(IMPORT, { csv: rows.join('\n') }, manager);
    expectOk(imp);
    const res = await t.gql<{
      validateVolumes: {
        missing: { timestamp: string }[];
        outsideOpeningHours: { timestamp: string; value: number }[];
        outliers: { timestamp: string; value: number; expected: number }[];
        negatives: unknown[];
        duplicates: unknown[];
      };
    }>(
      `query { validateVolumes(channel: "calls", from: "2026-05-04", to: "2026-05-22") {
        missing { timestamp } outsideOpeningHours { timestamp value } outliers { timestamp value expected score }
        negatives { timestamp } duplicates { timestamp } } }`,
      {},
      manager,
    );
    expectOk(res);
    const v = res.data!.validateVolumes;
    expect(v.missing.map((m) => m.timestamp)).toEqual(['2026-05-06T09:00:00.000Z']);
    expect(v.outsideOpeningHours).toEqual([{ timestamp: '2026-05-05T21:00:00.000Z', value: 3 }]);
    expect(v.outliers.map((o) => [o.timestamp, o.value])).toEqual([['2026-05-12T12:00:00.000Z', 400]]);
    expect(v.negatives).toEqual([]);
  });

  it('refuses a range that ends before it starts, and an unknown channel', async () => {
    const back = await series('calls', '2026-03-05', '2026-03-01');
    expect(codeOf(back)).toBe('BAD_USER_INPUT');
    const unknown = await series('chat', '2026-03-01', '2026-03-01');
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });

  it('a DEFERRED channel expects arrivals 24/7: a night value is not outside its hours, every empty interval is missing', async () => {
    // emails (DEFERRED) handle work 07:00–22:00; arrivals at 03:00 and 13:00 local (BST)
    const csv = [
      'timestamp,channel,value',
      '2026-06-01T02:00:00Z,emails,4',
      '2026-06-01T02:15:00Z,emails,0',
      '2026-06-01T12:00:00Z,emails,9',
    ];
    expectOk(await t.gql(IMPORT, { csv: csv.join('\n') }, manager));
    const res = await t.gql<{
      validateVolumes: { missing: { timestamp: string }[]; outsideOpeningHours: unknown[] };
    }>(
      `query { validateVolumes(channel: "emails", from: "2026-06-01", to: "2026-06-01") {
        missing { timestamp } outsideOpeningHours { timestamp value } } }`,
      {},
      manager,
    );
    expectOk(res);
    expect(res.data!.validateVolumes.outsideOpeningHours).toEqual([]);
    // 96 quarter-hours expected around the clock, 3 hold a value
    expect(res.data!.validateVolumes.missing).toHaveLength(93);
    expect(res.data!.validateVolumes.missing.map((m) => m.timestamp)).toContain('2026-05-31T23:00:00.000Z');
  });
});
