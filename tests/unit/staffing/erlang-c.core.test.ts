import { erlangB, erlangBUnchecked, erlangC, erlangCMetrics } from '../../../src/staffing/erlang-c.core';
import { requiredAgents } from '../../../src/staffing/required-agents.core';

/** The textbook recursion from n = 0, with no warm start. */
const erlangBFromZero = (a: number, n: number): number => {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b;
};

const allFinite = (o: object): boolean =>
  Object.values(o).every((v) => typeof v !== 'number' || !Number.isNaN(v));

describe('erlangB', () => {
  it.each([500, 2000, 10_000])(
    'warm-started recursion agrees with the recursion from zero at A = %d',
    (a) => {
      for (let n = Math.ceil(a); n <= a + 4 * Math.sqrt(a); n += 7) {
        const exact = erlangBFromZero(a, n);
        expect(Math.abs(erlangBUnchecked(a, n) - exact)).toBeLessThanOrEqual(1e-13 * exact);
      }
    },
  );

  it('is exact below the traffic too (no warm start there)', () => {
    expect(erlangB(10_000, 5_000)).toBe(erlangBFromZero(10_000, 5_000));
  });

  it('is 1 with no lines and 0 with no traffic', () => {
    expect(erlangB(3, 0)).toBe(1);
    expect(erlangB(0, 4)).toBe(0);
  });

  it('underflows to 0 rather than NaN when lines dwarf the traffic', () => {
    expect(erlangB(0.01, 500)).toBe(0);
    expect(erlangC(0.01, 500)).toBe(0);
  });
});

describe('erlangCMetrics stability guard', () => {
  it.each([
    [10, 10],
    [10, 9],
    [10, 0],
  ])('A = %d with %d agents is flagged unstable with ASA Infinity, never NaN', (a, n) => {
    const m = erlangCMetrics({ trafficErlangs: a, agents: n, ahtSeconds: 180, answerSeconds: 20 });
    expect(m).toMatchObject({
      stable: false,
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      occupancy: 1,
    });
    expect(allFinite(m)).toBe(true);
    expect(erlangC(a, n)).toBe(1);
  });

  it('zero traffic: nobody waits', () => {
    const m = erlangCMetrics({ trafficErlangs: 0, agents: 0, ahtSeconds: 180, answerSeconds: 20 });
    expect(m).toMatchObject({
      stable: true,
      waitProbability: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
    });
  });

  it('answer time 0: service level is the probability of not waiting', () => {
    const m = erlangCMetrics({ trafficErlangs: 10, agents: 14, ahtSeconds: 180, answerSeconds: 0 });
    expect(m.serviceLevel).toBeCloseTo(1 - m.waitProbability, 15);
  });
});

describe('requiredAgents (Erlang C) at the extremes', () => {
  const sl = { target: 0.8, answerSeconds: 20 };

  it.each([0.01, 0.5, 10, 137.3, 1000, 10_000])('A = %d: smallest N meeting 80/20', (a) => {
    const r = requiredAgents({ trafficErlangs: a, ahtSeconds: 180, serviceLevel: sl });
    expect(Number.isInteger(r.rawAgents)).toBe(true);
    expect(r.rawAgents).toBeGreaterThan(a);
    expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(Number.isFinite(r.metrics.asaSeconds)).toBe(true);
    const below = erlangCMetrics({
      trafficErlangs: a,
      agents: r.rawAgents - 1,
      ahtSeconds: 180,
      answerSeconds: 20,
    });
    expect(below.serviceLevel).toBeLessThan(0.8);
  });

  it('0.01 Erlangs needs one agent; 10,000 Erlangs needs a small square-root margin', () => {
    expect(requiredAgents({ trafficErlangs: 0.01, ahtSeconds: 180, serviceLevel: sl }).rawAgents).toBe(1);
    const big = requiredAgents({ trafficErlangs: 10_000, ahtSeconds: 180, serviceLevel: sl });
    expect(big.rawAgents).toBeGreaterThan(10_000);
    expect(big.rawAgents).toBeLessThan(10_000 + 2 * Math.sqrt(10_000));
  });

  it('answer time 0 is finite: needs P(wait) ≤ 1 − target', () => {
    const r = requiredAgents({
      trafficErlangs: 10,
      ahtSeconds: 180,
      serviceLevel: { target: 0.8, answerSeconds: 0 },
    });
    expect(r.metrics.waitProbability).toBeLessThanOrEqual(0.2);
    expect(erlangC(10, r.rawAgents - 1)).toBeGreaterThan(0.2);
  });

  it('maxOccupancy 1 with integer traffic still keeps N > A', () => {
    const r = requiredAgents({ trafficErlangs: 10, ahtSeconds: 180, maxOccupancy: 1 });
    expect(r).toMatchObject({ rawAgents: 11, binding: 'STABILITY' });
  });

  it('zero traffic needs zero agents', () => {
    expect(
      requiredAgents({ trafficErlangs: 0, ahtSeconds: 180, serviceLevel: sl, shrinkage: 0.3 }),
    ).toMatchObject({
      rawAgents: 0,
      scheduledAgents: 0,
      binding: 'NONE',
    });
  });

  it('an ASA target alone: smallest N with ASA ≤ target', () => {
    const r = requiredAgents({ trafficErlangs: 10, ahtSeconds: 180, targetAsaSeconds: 5 });
    expect(r).toMatchObject({ rawAgents: 15, binding: 'ASA' });
  });

  it('both targets: the stricter one binds', () => {
    const r = requiredAgents({ trafficErlangs: 10, ahtSeconds: 180, serviceLevel: sl, targetAsaSeconds: 2 });
    expect(r).toMatchObject({ rawAgents: 16, binding: 'ASA' });
    expect(r.metrics.serviceLevel).toBeGreaterThan(0.8);
  });

  it('shrinkage ceilings ignore floating-point noise (14 / 0.7 is 20, not 21)', () => {
    const r = requiredAgents({ trafficErlangs: 10, ahtSeconds: 180, serviceLevel: sl, shrinkage: 0.3 });
    expect(r.scheduledAgents).toBe(20);
  });
});
