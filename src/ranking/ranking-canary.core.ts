/**
 * Canary rollout: a stable share of weeks uses the learned ranking. The bucket of a week is
 * FNV-1a (32-bit) of its Monday `YYYY-MM-DD` modulo 100, the same on every process and run.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export const canaryBucket = (week: string): number => fnv1a32(week) % 100;

/** True when the week falls in the canary share (`percent` in [0, 100]). */
export function inCanary(week: string, percent: number): boolean {
  if (!(percent >= 0 && percent <= 100)) throw new Error(`percent must be in [0, 100], got ${percent}`);
  return canaryBucket(week) < percent;
}
