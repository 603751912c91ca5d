import { TokenBuckets } from '../../../src/common/token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  it('grants a full burst at once, then one token per 1/rate seconds', () => {
    const buckets = new TokenBuckets<string>({ perSecond: 10, burst: 5, maxKeys: 10 }, clock);
    expect(Array.from({ length: 5 }, () => buckets.take('a'))).toEqual([0, 0, 0, 0, 0]);
    expect(buckets.take('a')).toBe(100); // one token is 100 ms away at 10 a second
    now = 50;
    expect(buckets.take('a')).toBe(50);
    now = 100;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(100);
  });

  it('takes several tokens for a large request, never more than the burst, and nothing when refused', () => {
    const buckets = new TokenBuckets<string>({ perSecond: 10, burst: 5, maxKeys: 10 }, clock);
    expect(buckets.take('a', 3)).toBe(0);
    expect(buckets.take('a', 3)).toBe(100); // 2 left: the third is 100 ms away
    expect(buckets.take('a', 2)).toBe(0); // the refusal took nothing
    now = 1000; // full again
    expect(buckets.take('a', 50)).toBe(0); // counted as the whole burst
    expect(buckets.take('a')).toBe(100);
  });

  it('refills to the burst and no further', () => {
    const buckets = new TokenBuckets<string>({ perSecond: 100, burst: 3, maxKeys: 10 }, clock);
    for (let i = 0; i < 3; i++) buckets.take('a');
    now = 60_000;
    const granted = Array.from({ length: 5 }, () => buckets.take('a')).filter((w) => w === 0);
    expect(granted).toHaveLength(3);
  });

  it('keeps one bucket per key: another key is not slowed', () => {
    const buckets = new TokenBuckets<string>({ perSecond: 1, burst: 2, maxKeys: 10 }, clock);
    buckets.take('a');
    buckets.take('a');
    expect(buckets.take('a')).toBeGreaterThan(0);
    expect(buckets.take('b')).toBe(0);
  });

  it('remembers at most maxKeys, dropping the least recently used', () => {
    const buckets = new TokenBuckets<number>({ perSecond: 1, burst: 1, maxKeys: 1000 }, clock);
    for (let key = 0; key < 100_000; key++) buckets.take(key);
    expect(buckets.size).toBe(1000);
    // key 99,999 was used last: still remembered, still empty
    expect(buckets.take(99_999)).toBeGreaterThan(0);
    // key 0 was dropped: a full bucket again
    expect(buckets.take(0)).toBe(0);
  });

  it('keeps a busy key over an idle one when full', () => {
    const buckets = new TokenBuckets<string>({ perSecond: 1, burst: 1, maxKeys: 2 }, clock);
    buckets.take('busy');
    buckets.take('idle');
    buckets.take('busy'); // now the most recent
    buckets.take('new'); // evicts 'idle'
    expect(buckets.take('busy')).toBeGreaterThan(0);
  });
});
