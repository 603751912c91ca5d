import { boundedCopy, clip, type Bounds } from '../../../src/common/bounded';

const BOUNDS: Bounds = { maxString: 10, maxItems: 3, maxDepth: 3, maxTotal: 200, redact: /password/i };

describe('clip', () => {
  it('keeps short text and says how much of long text was cut', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 3)).toBe('abc…[+3 chars]');
  });
});

describe('boundedCopy', () => {
  it('clips strings, cuts lists and objects, caps depth and redacts secrets', () => {
    const at = new Date('2025-01-01T00:00:00Z');
    expect(
      boundedCopy(
        {
          name: 'x'.repeat(25),
          list: [1, 2, 3, 4, 5],
          deep: { a: { b: { c: 1 } } },
          password: 'hunter2',
          at,
        },
        { ...BOUNDS, maxItems: 5 },
      ),
    ).toEqual({
      name: 'xxxxxxxxxx…[+15 chars]',
      list: [1, 2, 3, 4, 5],
      deep: { a: { b: '[…]' } },
      password: '[redacted]',
      at,
    });
    expect(boundedCopy({ list: [1, 2, 3, 4, 5] }, BOUNDS)).toEqual({ list: [1, 2, 3, '…[+2 items]'] });
    expect(boundedCopy({ a: 1, b: 2, c: 3, d: 4 }, BOUNDS)).toEqual({
      a: 1,
      b: 2,
      c: 3,
      '…': '4 keys in all',
    });
  });

  it('keeps the whole copy under its total budget whatever the input', () => {
    const huge = Array.from({ length: 100 }, (_, i) => ({ [`k${i}`]: 'y'.repeat(1e5) }));
    const out = boundedCopy(
      { a: huge, b: huge, c: 'z'.repeat(1e6) },
      { ...BOUNDS, maxItems: 100, maxString: 50 },
    );
    expect(JSON.stringify(out).length).toBeLessThan(BOUNDS.maxTotal * 2);
  });
});
