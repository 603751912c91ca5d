import { sum } from '../../../src/common/sum';

describe('sum', () => {
  it('adds numbers, 0 for none', () => {
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(sum([])).toBe(0);
  });

  it('adds what `of` reads from each item', () => {
    expect(sum([{ h: 1.5 }, { h: 2 }], (x) => x.h)).toBe(3.5);
    expect(sum(new Map([['a', new Set([1, 2])]]).values(), (s) => s.size)).toBe(2);
  });

  it('adds in order from 0, as reduce does', () => {
    const xs = [0.1, 0.2, 0.3, 1e16, -1e16, 0.7];
    expect(sum(xs)).toBe(xs.reduce((a, b) => a + b, 0));
    expect(sum([NaN, 1])).toBeNaN();
  });
});
