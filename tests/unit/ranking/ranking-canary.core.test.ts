import { canaryBucket, fnv1a32, inCanary } from '../../../src/ranking/ranking-canary.core';
import { addDays } from '../../../src/common/calendar';

describe('canary by a stable hash of the week', () => {
  it('FNV-1a 32 matches the published test vectors ("" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('a week always gets the same bucket, and 0 % / 100 % select none / all weeks', () => {
    const weeks = Array.from({ length: 200 }, (_, i) => addDays('2025-01-06', 7 * i));
    expect(weeks.map(canaryBucket)).toEqual(weeks.map(canaryBucket));
    expect(canaryBucket('2025-03-03')).toBe(fnv1a32('2025-03-03') % 100);
    expect(weeks.filter((w) => inCanary(w, 0))).toHaveLength(0);
    expect(weeks.filter((w) => inCanary(w, 100))).toHaveLength(200);
  });

  it('a larger share keeps every week of a smaller one (weeks do not flip back as the canary grows)', () => {
    const weeks = Array.from({ length: 200 }, (_, i) => addDays('2025-01-06', 7 * i));
    const at10 = weeks.filter((w) => inCanary(w, 10));
    const at30 = new Set(weeks.filter((w) => inCanary(w, 30)));
    expect(at10.every((w) => at30.has(w))).toBe(true);
    expect(at30.size).toBeGreaterThan(30);
    expect(at30.size).toBeLessThan(90);
  });

  it('refuses a share outside [0, 100]', () => {
    expect(() => inCanary('2025-03-03', 101)).toThrow('percent must be in [0, 100], got 101');
  });
});
