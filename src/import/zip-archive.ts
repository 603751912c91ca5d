import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { TableSource } from './table-source';

/** An XLSX that is not a readable ZIP: reported as "file is not CSV or XLSX". */
export class UnreadableZipError extends Error {}

/** One file of a ZIP as its central directory lists it. */
export interface ZipEntry {
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

/**
 * The central directory of a ZIP, read from its end (no ZIP64: a workbook that large is over
 * every limit anyway). Entries are found by name here, whatever order the archive stores them in.
 */
export async function readZipDirectory(src: TableSource): Promise<ZipEntry[]> {
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

/** One entry's contents, inflated as they stream (stored and deflated entries only). */
export async function zipEntryStream(src: TableSource, e: ZipEntry): Promise<Readable> {
  const local = await src.read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LFH_SIG)
    throw new UnreadableZipError(`corrupt ZIP entry ${e.name}`);
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = start + e.compressedSize;
  if (end > src.size) throw new UnreadableZipError(`truncated ZIP entry ${e.name}`);
  if (e.method !== 0 && e.method !== 8)
    throw new UnreadableZipError(`ZIP entry ${e.name} uses compression method ${e.method}`);
  const raw = src.stream(start, end);
  if (e.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (err) => inflate.destroy(err));
  inflate.on('close', () => raw.destroy());
  return raw.pipe(inflate);
}
