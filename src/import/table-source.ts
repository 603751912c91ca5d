import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** Where an imported file's bytes come from: random reads (ZIP directory) and ranged streams. */
export interface TableSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
  /** Bytes `[start, end)` as a stream (the whole file by default). */
  stream(start?: number, end?: number): Readable;
}

/** Bytes handed to the parsers at a time when the file is already in memory. */
const SLICE_BYTES = 32 * 1024;

/**
 * `bytes[start, end)` in slices, letting the event loop run between them: handed over whole,
 * a 4 MiB upload was parsed in one synchronous block of about two seconds.
 */
async function* slices(bytes: Buffer, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end; at += SLICE_BYTES) {
    if (at > start) await new Promise((resolve) => setImmediate(resolve));
    yield bytes.subarray(at, Math.min(end, at + SLICE_BYTES));
  }
}

export const bytesSource = (bytes: Buffer): TableSource => ({
  size: bytes.length,
  read: async (offset, length) => bytes.subarray(offset, offset + length),
  stream: (start = 0, end = bytes.length) => Readable.from(slices(bytes, start, end), { objectMode: false }),
});

/** A file on disk, read in place: never loaded whole. */
export const fileSource = async (path: string): Promise<TableSource> => {
  const { size } = await stat(path);
  return {
    size,
    read: async (offset, length) => {
      const fh = await open(path, 'r');
      try {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    stream: (start = 0, end = size) =>
      end <= start
        ? Readable.from([])
        : createReadStream(path, { start, end: end - 1, highWaterMark: 256 * 1024 }),
  };
};
