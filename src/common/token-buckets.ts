/**
 * A token bucket per key (a client address): each holds up to `burst` tokens and gains
 * `perSecond` a second; a request takes one, or more for a large one. Buckets live in a map
 * bounded by `maxKeys`, least recently used first out: an evicted key starts again with a
 * full bucket, so the bound costs an attacker with that many addresses one burst each,
 * never memory.
 */
export interface RateLimit {
  /** Tokens gained a second: the sustained rate. */
  perSecond: number;
  /** Tokens a bucket holds: the requests allowed at once after a quiet spell. */
  burst: number;
  /** Keys remembered at once. */
  maxKeys: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, ms. */
  at: number;
}

export class TokenBuckets<K> {
  private readonly buckets = new Map<K, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Takes `tokens` (at most `burst`) for `key`: 0 when granted, else the milliseconds until
   * they are due. A refusal takes nothing.
   */
  take(key: K, tokens = 1): number {
    const wanted = Math.min(tokens, this.limit.burst);
    const now = this.now();
    const bucket = this.refilled(key, now);
    // re-inserted on every use: the map's first key is the least recently used
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.limit.maxKeys) this.evictOldest();
    if (bucket.tokens >= wanted) {
      bucket.tokens -= wanted;
      return 0;
    }
    return Math.ceil(((wanted - bucket.tokens) * 1000) / this.limit.perSecond);
  }

  /** Keys remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: K, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.limit.burst, at: now };
    const gained = ((now - bucket.at) / 1000) * this.limit.perSecond;
    return { tokens: Math.min(this.limit.burst, bucket.tokens + gained), at: now };
  }

  private evictOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}
