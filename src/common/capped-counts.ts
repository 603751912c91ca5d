/**
 * Places held per key (a user, a client address), each key capped: a place is taken before
 * the work it stands for begins and given back when that work ends. Keys holding nothing are
 * forgotten, so the map holds only the keys busy now.
 */
export class CappedCounts<K> {
  private readonly held = new Map<K, number>();

  constructor(private readonly max: number) {}

  /** Takes a place for `key`; false, and nothing taken, when `key` already holds `max`. */
  tryTake(key: K): boolean {
    const held = this.held.get(key) ?? 0;
    if (held >= this.max) return false;
    this.held.set(key, held + 1);
    return true;
  }

  /** Gives back `n` places of `key`. */
  release(key: K, n = 1): void {
    const left = (this.held.get(key) ?? n) - n;
    if (left > 0) this.held.set(key, left);
    else this.held.delete(key);
  }
}
