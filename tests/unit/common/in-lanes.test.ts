import { inLanes } from '../../../src/common/in-lanes';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('inLanes', () => {
  it('keeps the items’ order and never has more than `lanes` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const out = await inLanes([30, 5, 5, 5, 5, 10], 2, async (ms) => {
      started.push(ms);
      most = Math.max(most, ++inFlight);
      await tick(ms);
      inFlight--;
      return ms * 2;
    });
    expect(out).toEqual([60, 10, 10, 10, 10, 20]);
    expect(most).toBe(2);
    // the slow first item holds one lane while the other lane takes the rest in turn
    expect(started).toEqual([30, 5, 5, 5, 5, 10]);
  });

  it('starts nothing after a failure and throws the first error once the calls in flight settle', async () => {
    const started: number[] = [];
    let settledAfter = false;
    const run = inLanes([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('item 2 failed');
      await tick(20);
      if (n === 1) settledAfter = true;
      return n;
    });
    await expect(run).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2]);
    expect(settledAfter).toBe(true);
  });

  it('returns nothing for no items', async () => {
    expect(await inLanes([], 3, async (x: number) => x)).toEqual([]);
  });
});
