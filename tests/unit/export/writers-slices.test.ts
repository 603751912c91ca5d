import { Writable } from 'node:stream';
import { writeCsv } from '../../../src/export/csv-writer';
import { loadExcelJS } from '../../../src/common/load-exceljs';
import type { Sheet } from '../../../src/export/table';
import { writeXlsx } from '../../../src/export/xlsx-writer';
import { timerGaps } from '../../helpers/timer-gaps';

/** A sink that takes every chunk at once and counts the bytes. */
const sink = (): Writable & { bytes: number } => {
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  out.bytes = 0;
  return out;
};

const sheet = (rows: number): Sheet => ({
  name: 'Intervals',
  columns: [
    { header: 'Channel', key: 'channel' },
    { header: 'Local time', key: 'local' },
    { header: 'Mean', key: 'mean', numFmt: '0.00' },
    { header: 'Hi 95', key: 'hi95', numFmt: '0.00' },
  ],
  rows: Array.from({ length: rows }, (_, i) => ({
    channel: 'calls',
    local: `2026-01-01 ${String(i % 24).padStart(2, '0')}:00`,
    mean: i / 7,
    hi95: i / 3,
  })),
});

// Before: every row was written in one synchronous loop, so no timer could fire until the
// whole sheet was serialised (about 1 s for these rows); now the loops run in ~10 ms slices.
describe('export writers leave the event loop free', () => {
  // loading exceljs is a one-off of its own, not part of writing a sheet
  beforeAll(() => loadExcelJS(), 30_000);

  it('writes a 60,000-row CSV in slices, every row written', async () => {
    const out = sink();
    const gaps = await timerGaps(() => writeCsv(out, sheet(60_000)));
    expect(out.bytes).toBeGreaterThan(60_000 * 20);
    expect(gaps.ticks).toBeGreaterThan(10);
    expect(gaps.longestCpu).toBeLessThan(250);
  });

  it('writes a 30,000-row XLSX in slices', async () => {
    const out = sink();
    const gaps = await timerGaps(() => writeXlsx(out, [sheet(30_000)]));
    expect(out.bytes).toBeGreaterThan(100_000);
    expect(gaps.ticks).toBeGreaterThan(10);
    expect(gaps.longestCpu).toBeLessThan(250);
  });

  it('stops writing CSV rows once the stream has failed', async () => {
    const out = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('client gone'));
      },
    });
    out.on('error', () => undefined);
    await expect(writeCsv(out, sheet(60_000))).rejects.toThrow('client gone');
  });
});
