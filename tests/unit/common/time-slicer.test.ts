import fs from 'node:fs';
import { nextTurn, TimeSlicer } from '../../../src/time-slicer';

/** Runs `body` inside an I/O callback: the poll phase, where request handlers run. */
const inIoCallback = (body: () => Promise<void>): Promise<void> =>
  new Promise((resolve, reject) => fs.stat(__filename, () => body().then(resolve, reject)));

const busy = (ms: number): void => {
  const t = performance.now();
  while (performance.now() - t < ms);
};

describe('nextTurn', () => {
  it('lets due timers run before it resolves, even when called from an I/O callback', async () => {
    // one setImmediate queued from an I/O callback ran in the same iteration, before the
    // timers and the I/O of the next: two costly steps split by it ran back to back
    const order: string[] = [];
    await inIoCallback(async () => {
      setTimeout(() => order.push('timer'), 0);
      busy(3);
      await nextTurn();
      order.push('after the turn');
    });
    expect(order).toEqual(['timer', 'after the turn']);
  });

  it('gives way between the slices of a TimeSlicer in the same way', async () => {
    const order: string[] = [];
    await inIoCallback(async () => {
      const slicer = new TimeSlicer(1);
      setTimeout(() => order.push('timer'), 0);
      busy(3);
      expect(slicer.due).toBe(true);
      await slicer.pause();
      order.push('next slice');
      expect(slicer.due).toBe(false);
    });
    expect(order).toEqual(['timer', 'next slice']);
  });
});
