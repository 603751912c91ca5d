import { CappedCounts } from '../../../src/common/capped-counts';

describe('CappedCounts', () => {
  it('takes places per key up to the cap, and again once they are given back', () => {
    const counts = new CappedCounts<string>(2);
    expect([counts.tryTake('a'), counts.tryTake('a'), counts.tryTake('a')]).toEqual([true, true, false]);
    expect(counts.tryTake('b')).toBe(true);
    counts.release('a');
    expect([counts.tryTake('a'), counts.tryTake('a')]).toEqual([true, false]);
  });

  it('gives back several places at once and forgets a key that holds none', () => {
    const counts = new CappedCounts<string>(3);
    counts.tryTake('a');
    counts.tryTake('a');
    counts.release('a', 2);
    expect([counts.tryTake('a'), counts.tryTake('a'), counts.tryTake('a')]).toEqual([true, true, true]);
    counts.release('a', 3);
    counts.release('a'); // nothing held: stays at none, never below
    expect([counts.tryTake('a'), counts.tryTake('a'), counts.tryTake('a'), counts.tryTake('a')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
