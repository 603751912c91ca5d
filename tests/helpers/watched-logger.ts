/**
 * A pino logger whose lines a test can wait for: `RedisHealth` logs each connection's errors,
 * losses and returns, so a test can wait until every connection has been refused once, or one
 * named connection has come back.
 */
import { Writable } from 'node:stream';
import pino from 'pino';

export interface WatchedLogger {
  logger: pino.Logger;
  /** Resolves once `count` lines have matched `re`. */
  until(re: RegExp, count: number): Promise<void>;
  /** The lines seen so far that match `re`. */
  matching(re: RegExp): string[];
}

export function watchedLogger(level: pino.Level = 'warn'): WatchedLogger {
  const lines: string[] = [];
  const waiters: { re: RegExp; count: number; resolve: () => void }[] = [];
  const matching = (re: RegExp) => lines.filter((l) => re.test(l));
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      for (const w of [...waiters])
        if (matching(w.re).length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      done();
    },
  });
  return {
    logger: pino({ level }, stream),
    until: (re, count) =>
      new Promise<void>((resolve) => {
        if (matching(re).length >= count) resolve();
        else waiters.push({ re, count, resolve });
      }),
    matching,
  };
}
