/**
 * A CSV row made only of delimiters. csv-parse's `max_record_size` counts the characters of
 * the fields, not the delimiters between them, so `timestamp,channel,value\n` followed by 4
 * million commas (4 MB, every field empty) passed it: the record was built as 4 million
 * strings before the column limit counted them, 0.8–1.6 s and ~200 MB per `importVolumes`
 * (four at once: a 1.36 s /healthz gap, 1 GB RSS), and a 45 MB row took the import CLI
 * 24.6 s and 2.3 GB, the forecast CLI 22.5 s and 2.58 GB (2026-12-03 audit). Fields are now
 * counted in the text before csv-parse sees it (`FieldCounter`), and the row is refused at
 * its 201st field.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readTable, readTableFrom } from '../../src/import';
import { FieldCounter } from '../../src/import/csv-reader';
import type { TableSource } from '../../src/import/table-source';
import { caught } from '../helpers/caught';
import { runBuiltCli as runCli } from './cli-run';

const MiB = 1024 * 1024;
/** What a refused file may add to a CLI's peak RSS over a tiny file's run; the attack took 2.3 GB. */
const GROWTH_MIB = 128;
const HEADER = 'timestamp,channel,value\n';

describe('FieldCounter', () => {
  it('counts delimiters outside quotes, per record, across pieces of text', () => {
    const c = new FieldCounter(',', 3);
    expect(c.overWide('a,b,c\n"x,y,z,w",b')).toBeNull();
    expect(c.overWide(',c\n"multi\nline,,,",b,c\r\n')).toBeNull();
    expect(c.overWide('"say ""a,b,c,d""",b,c\n')).toBeNull();
    expect(c.overWide('1,2,3,4\n')).toBe(6);
  });

  it('names the line a record starts on, CRLF and quoted line breaks included', () => {
    const c = new FieldCounter(';', 2);
    expect(c.overWide('a;b\r\n"x\r\ny";z\r\n\r\n')).toBeNull();
    expect(c.overWide('1;2;3')).toBe(5);
  });
});

describe('security #30: a row of delimiters is refused at its 201st field', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-sec30-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('importVolumes: 4 million commas are refused as columns, not built into a record', async () => {
    const csv = HEADER + ','.repeat(4_000_000);
    const started = process.cpuUsage();
    const e = await caught(readTable({ fileName: 'volumes.csv', bytes: Buffer.from(csv) }));
    const { user, system } = process.cpuUsage(started);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.details[0]).toMatchObject({ field: 'maxColumns', row: 2 });
    expect(e.message).toBe('volumes.csv: row 2: the row has more than 200 columns');
    // before: 0.8–1.6 s of CPU and ~200 MB; refused now within the first 32 KiB slice
    expect((user + system) / 1000).toBeLessThan(300);
  });

  it('reads no further than the row: at most one chunk of a 45 MB row of commas', async () => {
    let streamed = 0;
    let peak = 0;
    const chunk = Buffer.from(','.repeat(MiB));
    const source: TableSource = {
      size: 45 * MiB,
      read: async () => Buffer.from(HEADER),
      stream: () =>
        Readable.from(
          (function* () {
            yield Buffer.from(HEADER);
            for (let i = 0; i < 45; i++) {
              peak = Math.max(peak, process.memoryUsage().heapUsed);
              streamed += MiB;
              yield chunk;
            }
          })(),
        ),
    };
    const before = process.memoryUsage().heapUsed;
    const e = await caught(readTableFrom('commas.csv', source));
    expect(e.details[0]).toMatchObject({ field: 'maxColumns', row: 2 });
    expect(streamed).toBeLessThanOrEqual(2 * MiB);
    expect(peak - before).toBeLessThan(64 * MiB);
  });

  it('the import and forecast CLIs refuse a 45 MB row of commas with exit 2, in bounded memory', async () => {
    const tiny = join(dir, 'tiny.csv');
    await pipeline(Readable.from([HEADER]), createWriteStream(tiny));
    const path = join(dir, 'commas.csv');
    const mib = ','.repeat(MiB);
    await pipeline(
      Readable.from(
        (function* () {
          yield HEADER;
          for (let i = 0; i < 45; i++) yield mib;
        })(),
      ),
      createWriteStream(path),
    );
    const baseline = await runCli('import.cli.js', ['volumes', tiny], join(dir, 'db-baseline'));
    const run = await runCli('import.cli.js', ['volumes', path], join(dir, 'db'));
    expect(run.stderr).toMatch(/commas\.csv: row 2: the row has more than 200 columns/);
    expect(run.code).toBe(2);
    expect(run.maxRssMiB - baseline.maxRssMiB).toBeLessThan(GROWTH_MIB);
    const forecast = await runCli('forecast.cli.js', ['--input', path, '--horizon', '12'], join(dir, 'db'));
    expect(forecast.stderr).toMatch(/row 2: the row has more than 200 columns/);
    expect(forecast.code).toBe(2);
    expect(forecast.maxRssMiB - baseline.maxRssMiB).toBeLessThan(GROWTH_MIB);
  }, 120_000);
});
