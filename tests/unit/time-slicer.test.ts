/**
 * `nextTurn` is the break the server's long steps take so that I/O and timers run between
 * them. Called from an I/O callback (where most steps start: a request, a store read), one
 * `setImmediate` fires in the same loop iteration's check phase, before any timer or I/O
 * poll, so two steps ran back to back. It now waits for a second check phase.
 */
import fs from 'node:fs';
import { nextTurn, TimeSlicer } from '../../src/time-slicer';

const busyFor = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/** Runs `body` inside an fs callback, i.e. in the event loop's poll phase. */
const fromIoCallback = (body: () => Promise<string[]>): Promise<string[]> =>
  new Promise((resolve, reject) => fs.stat(__filename, () => body().then(resolve, reject)));

describe('nextTurn', () => {
  it('lets a due timer run before it resolves, when called from an I/O callback', async () => {
    const order = await fromIoCallback(async () => {
      const seen: string[] = [];
      setTimeout(() => seen.push('timer'), 0);
      busyFor(5); // the timer is due
      await nextTurn();
      seen.push('next step');
      return seen;
    });
    expect(order).toEqual(['timer', 'next step']);
  });

  it('lets a due timer run between two slices, whichever phase the first began in', async () => {
    for (const start of [fromIoCallback, (body: () => Promise<string[]>) => body()]) {
      const order = await start(async () => {
        const seen: string[] = [];
        const slicer = new TimeSlicer(1);
        setTimeout(() => seen.push('timer'), 0);
        busyFor(5);
        expect(slicer.due).toBe(true);
        await slicer.pause();
        seen.push('slice');
        return seen;
      });
      expect(order).toEqual(['timer', 'slice']);
    }
  });
});
