import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { limitError, type ImportLimits } from './import-limits';
import type { TableSource } from './table-source';
import { readZipDirectory, zipEntryStream, type ZipEntry } from './zip-archive';
import { sum } from '../common/sum';

/** Inflates one entry without keeping it, failing as soon as it grows past `max` bytes. */
async function inflatedSize(
  src: TableSource,
  e: ZipEntry,
  max: number,
  onTooBig: () => Error,
): Promise<number> {
  let n = 0;
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      n += chunk.length;
      done(n > max ? onTooBig() : null);
    },
  });
  await pipeline(await zipEntryStream(src, e), counter);
  return n;
}

/**
 * Checks an XLSX before anyone parses it: the sizes its directory declares must stay under
 * `maxUncompressedBytes` in all (refused before inflating anything), then every entry is inflated
 * into a counter, never kept, and refused as soon as it grows past its declared size or the
 * total past the limit: a ZIP that lies about its sizes is stopped while inflating. Returns the
 * checked directory.
 */
export async function checkZipBounds(
  src: TableSource,
  fileName: string,
  limits: ImportLimits,
): Promise<ZipEntry[]> {
  const max = limits.maxUncompressedBytes;
  const entries = await readZipDirectory(src);
  const declared = sum(entries, (e) => e.size);
  if (declared > max) {
    throw limitError(
      fileName,
      'maxUncompressedBytes',
      `the workbook inflates to ${declared} bytes, more than ${max}`,
    );
  }
  let total = 0;
  for (const e of entries) {
    const room = Math.min(e.size, max - total);
    total += await inflatedSize(src, e, room, () =>
      limitError(
        fileName,
        'maxUncompressedBytes',
        `ZIP entry ${e.name.slice(0, 100)} inflates to more than ${e.size === room ? `its declared ${e.size} bytes` : `${max} bytes in all`}`,
      ),
    );
  }
  return entries;
}
