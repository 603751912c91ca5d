import { finished, type Writable } from 'node:stream';

/**
 * Resolves once `stream` has written everything, and rejects when it fails or closes first:
 * a client that leaves mid-download closes the HTTP response, which then never emits
 * 'finish'. Waiting for 'finish' alone held the download's heavy-read lane for good.
 */
export const untilWritten = (stream: Writable): Promise<void> =>
  new Promise((resolve, reject) => finished(stream, (err) => (err ? reject(err) : resolve())));

/** Whether `e` says the stream closed before it was written (`ERR_STREAM_PREMATURE_CLOSE`). */
export const isPrematureClose = (e: unknown): boolean =>
  (e as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
