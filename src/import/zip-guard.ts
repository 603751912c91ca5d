import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { limitError, type ImportLimits } from './import-limits';
import type { TableSource } from './table-source';
import { sum } from '../common/sum';

/** An XLSX that is not a readable ZIP: reported as "file is not CSV or XLSX". */
export class UnreadableZipError extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

/** The central directory of a ZIP (no ZIP64: a workbook that large is over every limit anyway). */
async function readDirectory(src: TableSource): Promise<ZipEntry[]> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await src.read(src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new UnreadableZipError('no ZIP end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new UnreadableZipError('ZIP64 archives are not supported');
  if (count > MAX_ENTRIES || dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > src.size) {
    throw new UnreadableZipError(`implausible ZIP directory (${count} entries, ${dirSize} bytes)`);
  }
  const dir = await src.read(dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CDH_SIG)
      throw new UnreadableZipError('corrupt ZIP directory');
    const nameLength = dir.readUInt16LE(p + 28);
    entries.push({
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry without keeping it, failing as soon as it grows past `max` bytes. */
async function inflatedSize(
  src: TableSource,
  e: ZipEntry,
  max: number,
  onTooBig: () => Error,
): Promise<number> {
  const local = await src.read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LFH_SIG)
    throw new UnreadableZipError(`corrupt ZIP entry ${e.name}`);
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = start + e.compressedSize;
  if (end > src.size) throw new UnreadableZipError(`truncated ZIP entry ${e.name}`);
  let n = 0;
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      n += chunk.length;
      done(n > max ? onTooBig() : null);
    },
  });
  if (e.method === 0) await pipeline(src.stream(start, end), counter);
  else if (e.method === 8) await pipeline(src.stream(start, end), createInflateRaw(), counter);
  else throw new UnreadableZipError(`ZIP entry ${e.name} uses compression method ${e.method}`);
  return n;
}

/**
 * Checks an XLSX before anyone parses it: the sizes its directory declares must stay under
 * `maxUncompressedBytes` in all (refused before inflating anything), then every entry is inflated
 * into a counter, never kept, and refused as soon as it grows past its declared size or the
 * total past the limit: a ZIP that lies about its sizes is stopped while inflating.
 */
export async function checkZipBounds(
  src: TableSource,
  fileName: string,
  limits: ImportLimits,
): Promise<void> {
  const max = limits.maxUncompressedBytes;
  const entries = await readDirectory(src);
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
}
