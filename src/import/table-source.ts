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

export const bytesSource = (bytes: Buffer): TableSource => ({
  size: bytes.length,
  read: async (offset, length) => bytes.subarray(offset, offset + length),
  stream: (start = 0, end = bytes.length) =>
    Readable.from([bytes.subarray(start, end)], { objectMode: false }),
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
