import { MAX_LISTED_ISSUES } from '../../../src/volumes/volume.validation';
import { AppError } from '../../../src/errors';
import { type Table } from '../../../src/import/table.types';
import { parseVolumeRows } from '../../../src/volumes/volume-parser';

const LONDON = 'Europe/London';
const channels = [
  { key: 'calls', intervalMinutes: 15 },
  { key: 'emails', intervalMinutes: 60 },
];
const options = { channels, timeZone: LONDON };

const csvTable = (csv: string): Table => {
  const [header, ...lines] = csv.trim().split('\n');
  const columns = header!.split(',');
  return {
    format: 'csv',
    columns,
    rows: lines.map((l, i) => ({
      row: i + 2,
      values: Object.fromEntries(l.split(',').map((v, j) => [columns[j]!, v])),
    })),
  };
};

const thrown = async (fn: () => Promise<unknown>): Promise<AppError> => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('parseVolumeRows', () => {
  it('reads long and wide layouts into the same buckets', async () => {
    const long = await parseVolumeRows(
      csvTable(`timestamp,channel,value
2026-06-01T08:00:00+01:00,calls,12
2026-06-01T08:15,calls,7
2026-06-01T08:00Z,emails,3`),
      options,
    );
    const wide = await parseVolumeRows(
      csvTable(`timestamp,calls,emails
2026-06-01T08:00:00+01:00,12,
2026-06-01T08:15,7,
2026-06-01T09:00,,3`),
      options,
    );
    expect(long.stats.format).toBe('long');
    expect(wide.stats.format).toBe('wide');
    expect(wide.buckets).toEqual(long.buckets);
    const calls = long.buckets.find((b) => b.channel === 'calls')!;
    expect(calls).toMatchObject({ date: '2026-06-01', intervalMinutes: 15 });
    expect(calls.values).toHaveLength(96);
    expect(calls.values.slice(31, 35)).toEqual([null, 12, 7, null]);
    expect(long.buckets.find((b) => b.channel === 'emails')!.values[9]).toBe(3);
    expect(long.stats.channels).toEqual([
      { channel: 'calls', granularity: 'interval', values: 2, days: 1, total: 19 },
      { channel: 'emails', granularity: 'interval', values: 1, days: 1, total: 3 },
    ]);
  });

  it('sums 5-minute counts into 15-minute intervals (missing sub-rows count as 0 on days with data)', async () => {
    const r = await parseVolumeRows(
      csvTable(`timestamp,channel,value
2026-06-01T08:00,calls,4
2026-06-01T08:05,calls,5
2026-06-01T08:10,calls,6
2026-06-01T08:20,calls,2`),
      options,
    );
    expect(r.stats.channels[0]!.granularity).toBe('finer');
    expect(r.buckets[0]!.values.slice(31, 35)).toEqual([0, 15, 2, 0]);
    expect(r.duplicates).toEqual([]);
  });

  it('counts per-contact events (value 1, seconds precision), including in the repeated fall-back hour', async () => {
    const r = await parseVolumeRows(
      csvTable(`timestamp,channel,value
2026-10-25T01:07:13+01:00,calls,1
2026-10-25T01:09:59+01:00,calls,1
2026-10-25T01:07:13+00:00,calls,1
2026-10-25T01:14:59,calls,1`),
      options,
    );
    const day = r.buckets[0]!;
    expect(day.values).toHaveLength(100);
    expect(day.values[4]).toBe(3); // first 01:00–01:15 (BST); the local time without offset takes this pass
    expect(day.values[8]).toBe(1); // second 01:00–01:15 (GMT)
  });

  it('builds 92-interval buckets on the spring-forward day', async () => {
    const r = await parseVolumeRows(
      csvTable('timestamp,channel,value\n2026-03-29T00:45,calls,2\n2026-03-29T02:00,calls,5'),
      options,
    );
    expect(r.buckets[0]!.values).toHaveLength(92);
    expect(r.buckets[0]!.values[3]).toBe(2);
    expect(r.buckets[0]!.values[4]).toBe(5);
  });

  it('reports duplicate rows at interval granularity (and sums them)', async () => {
    const r = await parseVolumeRows(
      csvTable(
        'timestamp,channel,value\n2026-06-01T08:00,calls,5\n2026-06-01T08:15,calls,1\n2026-06-01T08:00,calls,6',
      ),
      options,
    );
    expect(r.duplicates).toEqual([
      {
        channel: 'calls',
        date: '2026-06-01',
        index: 32,
        timestamp: '2026-06-01T07:00:00.000Z',
        rows: [2, 4],
        values: [5, 6],
      },
    ]);
    expect(r.buckets[0]!.values[32]).toBe(11);
    expect(r.duplicateCount).toBe(1);
  });

  it(`lists the first ${MAX_LISTED_ISSUES} repeated intervals and counts them all`, async () => {
    const start = Date.UTC(2026, 5, 1);
    const rows = Array.from({ length: MAX_LISTED_ISSUES + 20 }, (_, i) => {
      const row = `${new Date(start + i * 900_000).toISOString().slice(0, 16)},calls,1`; // site-local
      return `${row}\n${row}`;
    });
    const r = await parseVolumeRows(csvTable(`timestamp,channel,value\n${rows.join('\n')}`), options);
    expect(r.duplicateCount).toBe(MAX_LISTED_ISSUES + 20);
    expect(r.duplicates).toHaveLength(MAX_LISTED_ISSUES);
    expect(r.duplicates[0]).toMatchObject({ date: '2026-06-01', index: 0, rows: [2, 3] });
  });

  it('reports every row error at once with row and column', async () => {
    const e = await thrown(() =>
      parseVolumeRows(
        csvTable(`timestamp,channel,value
2026-06-01T08:00,calls,5
2026-06-01T08:15,chats,2
2026-06-01 08:30,calls,-1
yesterday,calls,abc
2026-03-29T01:30,emails,4
2026-06-01T08:45,,1
2026-06-01T09:00,calls,`),
        options,
      ),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('6 rows have errors');
    expect(e.details.map((d) => [d.row, d.column, d.message])).toEqual([
      [3, 'channel', 'unknown channel "chats" (known: calls, emails)'],
      [4, 'value', 'value must be ≥ 0, got -1'],
      [
        5,
        'timestamp',
        'timestamp must be ISO 8601 like 2026-03-29T08:15 or 2026-03-29T08:15:00+01:00, got "yesterday"',
      ],
      [5, 'value', 'value must be a number, got "abc"'],
      [6, 'timestamp', 'local time "2026-03-29T01:30" does not exist in Europe/London (clocks go forward)'],
      [7, 'channel', 'channel is required'],
      [8, 'value', 'value is required'],
    ]);
  });

  it('refuses values above 1,000,000 contacts, so no sum of them reaches Infinity', async () => {
    // two rows of 1e308 in one interval summed to Infinity: stored as null on disk (data
    // lost), Infinity in memory, and dataSummary failed for everyone (Float cannot be Infinity)
    const e = await thrown(() =>
      parseVolumeRows(
        csvTable(`timestamp,calls
2026-06-01T08:00Z,1e308
2026-06-01T08:00Z,1e308
2026-06-01T08:15Z,1000001
2026-06-01T08:30Z,1000000`),
        options,
      ),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details.map((d) => [d.row, d.column, d.message])).toEqual([
      [2, 'calls', 'value must be ≤ 1000000 contacts, got 1e+308'],
      [3, 'calls', 'value must be ≤ 1000000 contacts, got 1e+308'],
      [4, 'calls', 'value must be ≤ 1000000 contacts, got 1000001'],
    ]);
  });

  it('says a site without channels has none, instead of an empty list of known ones', async () => {
    const empty = { channels: [], timeZone: LONDON };
    const none = '(the site has no channels yet: create them, or run npm run seed)';
    expect(
      (
        await thrown(() =>
          parseVolumeRows(csvTable('timestamp,channel,value\n2026-06-01T08:00,calls,1'), empty),
        )
      ).details,
    ).toEqual([{ row: 2, column: 'channel', message: `unknown channel "calls" ${none}` }]);
    expect(
      (await thrown(() => parseVolumeRows(csvTable('timestamp,calls\n2026-06-01T08:00,1'), empty))).details,
    ).toEqual([{ row: 1, column: 'calls', message: `unknown channel "calls" ${none}` }]);
  });

  it('refuses unknown wide columns and a missing timestamp column in the header', async () => {
    expect(
      (await thrown(() => parseVolumeRows(csvTable('timestamp,calls,chats\n2026-06-01T08:00,1,2'), options)))
        .details,
    ).toEqual([{ row: 1, column: 'chats', message: 'unknown channel "chats" (known: calls, emails)' }]);
    expect(
      (await thrown(() => parseVolumeRows(csvTable('time,channel,value\n2026-06-01T08:00,calls,1'), options)))
        .details,
    ).toEqual([{ row: 1, column: 'timestamp', message: 'required column "timestamp" is missing' }]);
  });

  it('refuses data coarser than the channel interval (hourly rows for a 15-minute channel)', async () => {
    const e = await thrown(() =>
      parseVolumeRows(
        csvTable(
          'timestamp,channel,value\n2026-06-01T08:00,calls,40\n2026-06-01T09:00,calls,50\n2026-06-01T10:00,calls,45',
        ),
        options,
      ),
    );
    expect(e.details).toEqual([
      {
        row: 2,
        column: 'timestamp',
        message:
          'rows for channel "calls" are 60 minutes apart but the channel uses 15-minute intervals; supply 15-minute or finer data',
      },
    ]);
  });

  it('refuses 150,000 coarse rows with the coarse-data error, not a stack overflow', async () => {
    // Math.min(...rows) of every row number overflowed the stack past ~125k rows: the
    // import answered INTERNAL_SERVER_ERROR instead of naming the problem
    const start = Date.parse('2026-01-05T00:00Z');
    const rows = Array.from({ length: 150_000 }, (_, i) => ({
      row: i + 2,
      values: { timestamp: new Date(start + i * 120_000).toISOString(), calls: '1' },
    }));
    const perMinute = { ...options, channels: [{ key: 'calls', intervalMinutes: 1 }] };
    const e = await thrown(() =>
      parseVolumeRows({ format: 'csv', columns: ['timestamp', 'calls'], rows }, perMinute),
    );
    expect(e.details).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'timestamp',
        message: expect.stringMatching(/2 minutes apart/),
      }),
    ]);
  });

  it('refuses an import spanning more than 3,700 days before building a bucket per day', async () => {
    // one row a day for 383 years (2.8 MB of CSV) held the event loop for over 20 s while
    // every local day was located and sized; 20 years is refused at once, naming both rows
    const start = Date.parse('2000-01-01T08:07Z');
    const rows = Array.from({ length: 7_305 }, (_, i) => ({
      row: i + 2,
      values: { timestamp: new Date(start + i * 86_400_000).toISOString(), calls: '1' },
    }));
    const e = await thrown(() =>
      parseVolumeRows({ format: 'csv', columns: ['timestamp', 'calls'], rows }, options),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details).toEqual([
      {
        row: 7_306,
        column: 'timestamp',
        message:
          'timestamps span 7305 days (row 2 to row 7306), more than 3700: import at most 3700 days at once',
      },
    ]);
    const edge = csvTable('timestamp,calls\n2016-01-01T00:00Z,1\n2026-02-16T00:15Z,1');
    expect((await parseVolumeRows(edge, options)).buckets).toHaveLength(2);
  });
});
