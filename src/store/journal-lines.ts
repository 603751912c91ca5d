import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Bytes read or written per system call. */
const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Calls `onLine` for every complete (`\n`-terminated) line of a file, reading it in 1 MiB chunks:
 * the file is never held as one string. Returns the bytes after the last newline (a torn line).
 * A line longer than `maxLineBytes` is refused through `onTooLong` before it is decoded.
 */
export function readLines(
  path: string,
  maxLineBytes: number,
  onLine: (line: string, lineNo: number) => void,
  onTooLong: (lineNo: number) => Error,
): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let parts: Buffer[] = [];
    let partBytes = 0;
    let lineNo = 0;
    for (let got = readSync(fd, buf, 0, CHUNK, null); got > 0; got = readSync(fd, buf, 0, CHUNK, null)) {
      const view = buf.subarray(0, got);
      let start = 0;
      for (let nl = view.indexOf(NEWLINE, start); nl !== -1; nl = view.indexOf(NEWLINE, start)) {
        lineNo++;
        if (partBytes + nl - start > maxLineBytes) throw onTooLong(lineNo);
        const tail = view.subarray(start, nl);
        const line = parts.length ? Buffer.concat([...parts, tail]) : tail;
        onLine(line.toString('utf8'), lineNo);
        parts = [];
        partBytes = 0;
        start = nl + 1;
      }
      if (start < got) {
        partBytes += got - start;
        if (partBytes > maxLineBytes) throw onTooLong(lineNo + 1);
        parts.push(Buffer.from(view.subarray(start)));
      }
    }
    return partBytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * Buffers text pieces and writes them to a file descriptor in chunks of about 1 MiB, so a large
 * file (a snapshot of the whole store) is streamed out without ever being one string.
 */
export class ChunkWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  written = 0;

  constructor(private readonly fd: number) {}

  push(piece: string | Buffer): void {
    const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.pendingBytes === 0) return;
    writeAll(this.fd, this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending));
    this.written += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** `writeSync` until every byte is written (a short write is continued, an error thrown). */
export function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off);
}
