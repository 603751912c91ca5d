import { nestsDeeperThan } from '../../../src/server/json-depth';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('allows exactly the limit and refuses one level more, arrays and objects alike', () => {
    expect(nestsDeeperThan(nested(64), 64)).toBe(false);
    expect(nestsDeeperThan(nested(65), 64)).toBe(true);
    expect(nestsDeeperThan(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`, 64)).toBe(false);
    expect(nestsDeeperThan(`${'{"a":['.repeat(33)}${']}'.repeat(33)}`, 64)).toBe(true);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    expect(nestsDeeperThan(`[${Array.from({ length: 10_000 }, () => '[[1]]').join(',')}]`, 3)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes and escaped backslashes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ query: '['.repeat(1000) }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ q: 'say \\"[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ q: 'ends in a backslash \\' }) + nested(3), 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify([{ q: '\\', r: '[[[[[' }]), 2)).toBe(false);
  });

  it('reads megabytes of JSON in one pass', () => {
    const big = JSON.stringify({
      rows: Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `n[${i}]` })),
    });
    expect(big.length).toBeGreaterThan(3_000_000);
    expect(nestsDeeperThan(big, 3)).toBe(false);
    expect(nestsDeeperThan(big, 2)).toBe(true);
  });
});
