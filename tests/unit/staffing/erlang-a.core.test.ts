import { erlangAMetrics } from '../../../src/staffing/erlang-a.core';
import { erlangCMetrics } from '../../../src/staffing/erlang-c.core';
import { gammaSeries, logGamma } from '../../../src/staffing/gamma.core';
import { requiredAgents } from '../../../src/staffing/required-agents.core';

/**
 * Independent oracle: the M/M/N+M birth–death chain summed state by state, and the
 * service level by uniformising the tagged caller's own chain (callers ahead leave at
 * N·μ + j·θ, the caller abandons at θ). Only usable for small systems.
 */
function bruteForce(a: number, n: number, aht: number, patience: number, t: number) {
  const mu = 1 / aht;
  const theta = 1 / patience;
  const lambda = a * mu;
  const maxQueue = 600;
  const p = [1];
  for (let k = 1; k <= n + maxQueue; k++)
    p[k] = (p[k - 1] * lambda) / (Math.min(k, n) * mu + Math.max(0, k - n) * theta);
  const norm = p.reduce((s, v) => s + v, 0);
  const ahead = p.slice(n).map((v) => v / norm); // ahead[j]: arrival finds j callers queued, all agents busy
  const waitProbability = ahead.reduce((s, v) => s + v, 0);
  const meanQueue = ahead.reduce((s, v, j) => s + j * v, 0);
  const abandonProbability = (theta * meanQueue) / lambda;

  // P(answered within t) for the arrivals that wait, by uniformisation.
  const rate = n * mu + (ahead.length + 1) * theta;
  let state = ahead.slice();
  let served = 0;
  let poisson = Math.exp(-rate * t);
  let answered = 0;
  for (let step = 0; step < 2000; step++) {
    answered += poisson * served;
    const next = new Array<number>(state.length).fill(0);
    for (let j = 0; j < state.length; j++) {
      const down = (n * mu + j * theta) / rate;
      if (j === 0) served += state[0] * down;
      else next[j - 1] += state[j] * down;
      next[j] += state[j] * (1 - down - theta / rate);
    }
    state = next;
    poisson *= (rate * t) / (step + 1);
  }
  return { waitProbability, abandonProbability, serviceLevel: 1 - waitProbability + answered };
}

describe('erlangAMetrics against the brute-force birth–death chain', () => {
  it.each([
    // [A, N, AHT s, patience s, answer s]: series branch, continued-fraction branch, short patience
    [10, 14, 180, 300, 20],
    [10, 13, 180, 300, 60],
    [10, 5, 180, 600, 20],
    [10, 8, 180, 30, 15],
    [3.2, 2, 300, 120, 30],
    [25, 30, 240, 90, 10],
  ])('A=%d N=%d AHT=%d patience=%d t=%d', (a, n, aht, patience, t) => {
    const m = erlangAMetrics({
      trafficErlangs: a,
      agents: n,
      ahtSeconds: aht,
      answerSeconds: t,
      patienceSeconds: patience,
    });
    const o = bruteForce(a, n, aht, patience, t);
    expect(m.waitProbability).toBeCloseTo(o.waitProbability, 9);
    expect(m.abandonProbability).toBeCloseTo(o.abandonProbability, 9);
    expect(m.serviceLevel).toBeCloseTo(o.serviceLevel, 8);
    expect(m.asaSeconds).toBeCloseTo(o.abandonProbability * patience, 6);
    expect(m.occupancy).toBeCloseTo((a * (1 - o.abandonProbability)) / n, 9);
  });
});

describe('erlangAMetrics limits and extremes', () => {
  it('tends to Erlang C as patience grows without bound', () => {
    const c = erlangCMetrics({ trafficErlangs: 10, agents: 14, ahtSeconds: 180, answerSeconds: 20 });
    const a = erlangAMetrics({
      trafficErlangs: 10,
      agents: 14,
      ahtSeconds: 180,
      answerSeconds: 20,
      patienceSeconds: 1e8,
    });
    expect(a.waitProbability).toBeCloseTo(c.waitProbability, 6);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 3);
  });

  it('answer time 0: service level is the probability of not waiting', () => {
    const m = erlangAMetrics({
      trafficErlangs: 10,
      agents: 12,
      ahtSeconds: 180,
      answerSeconds: 0,
      patienceSeconds: 300,
    });
    expect(m.serviceLevel).toBeCloseTo(1 - m.waitProbability, 14);
  });

  it('no traffic: nobody waits; no agents: everybody abandons after the mean patience', () => {
    const q = { ahtSeconds: 180, answerSeconds: 20, patienceSeconds: 300 };
    expect(erlangAMetrics({ ...q, trafficErlangs: 0, agents: 3 })).toMatchObject({
      waitProbability: 0,
      serviceLevel: 1,
      asaSeconds: 0,
    });
    expect(erlangAMetrics({ ...q, trafficErlangs: 4, agents: 0 })).toMatchObject({
      waitProbability: 1,
      abandonProbability: 1,
      serviceLevel: 0,
      asaSeconds: 300,
      occupancy: 0,
    });
  });

  it.each([
    [0.01, 1],
    [0.01, 40],
    [10_000, 9_000],
    [10_000, 10_000],
    [10_000, 10_150],
    [10_000, 12_000],
  ])('A = %d, N = %d: finite probabilities in [0, 1], SL ≤ 1 − P(abandon)', (a, n) => {
    for (const patience of [5, 300, 1e6]) {
      const m = erlangAMetrics({
        trafficErlangs: a,
        agents: n,
        ahtSeconds: 180,
        answerSeconds: 20,
        patienceSeconds: patience,
      });
      for (const v of [m.waitProbability, m.abandonProbability, m.serviceLevel, m.occupancy]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(Number.isFinite(m.asaSeconds)).toBe(true);
      expect(m.serviceLevel).toBeLessThanOrEqual(1 - m.abandonProbability + 1e-12);
    }
  });

  it('understaffed at 10,000 Erlangs: the carried load cannot exceed the agents', () => {
    const m = erlangAMetrics({
      trafficErlangs: 10_000,
      agents: 9_000,
      ahtSeconds: 180,
      answerSeconds: 20,
      patienceSeconds: 300,
    });
    expect(m.abandonProbability).toBeCloseTo(0.1, 2);
    expect(m.occupancy).toBeGreaterThan(0.999);
  });

  it('more agents never lower the service level or raise abandonment', () => {
    let previous = erlangAMetrics({
      trafficErlangs: 50,
      agents: 30,
      ahtSeconds: 200,
      answerSeconds: 20,
      patienceSeconds: 120,
    });
    for (let n = 31; n <= 80; n++) {
      const m = erlangAMetrics({
        trafficErlangs: 50,
        agents: n,
        ahtSeconds: 200,
        answerSeconds: 20,
        patienceSeconds: 120,
      });
      expect(m.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel - 1e-12);
      expect(m.abandonProbability).toBeLessThanOrEqual(previous.abandonProbability + 1e-12);
      previous = m;
    }
  });
});

describe('requiredAgents with patience (Erlang A)', () => {
  it('finds the smallest N meeting the target, at most the Erlang C answer', () => {
    const input = { trafficErlangs: 10, ahtSeconds: 180, serviceLevel: { target: 0.8, answerSeconds: 20 } };
    const a = requiredAgents({ ...input, patienceSeconds: 300 });
    const c = requiredAgents(input);
    expect(a.metrics.model).toBe('ERLANG_A');
    expect(a.rawAgents).toBeLessThanOrEqual(c.rawAgents);
    expect(a.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const below = erlangAMetrics({
      ...input,
      agents: a.rawAgents - 1,
      answerSeconds: 20,
      patienceSeconds: 300,
    });
    expect(below.serviceLevel < 0.8 || a.rawAgents === Math.ceil(10)).toBe(true);
  });

  it('10,000 Erlangs finishes with a finite answer', () => {
    const r = requiredAgents({
      trafficErlangs: 10_000,
      ahtSeconds: 180,
      serviceLevel: { target: 0.95, answerSeconds: 20 },
      patienceSeconds: 60,
    });
    expect(r.rawAgents).toBeGreaterThanOrEqual(10_000);
    expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.95);
  });
});

describe('gamma core', () => {
  it('logGamma matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    expect(logGamma(1e4)).toBeCloseTo(82099.71749644238, 7);
  });

  it.each([
    [5, 4],
    [50, 49.5],
    [50, 51.5],
    [2000, 2001.5],
    [0.3, 7],
  ])('series and continued fraction agree with the direct log-space sum at a=%d z=%d', (a, z) => {
    let logTerm = 0;
    let max = 0;
    const logs = [0];
    for (let j = 1; j < 20_000; j++) {
      logTerm += Math.log(z / (a + j));
      logs.push(logTerm);
      max = Math.max(max, logTerm);
    }
    const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
    const mean = logs.reduce((s, l, j) => s + j * Math.exp(l - max), 0) / sum;
    const g = gammaSeries(a, z);
    expect(g.logF).toBeCloseTo(max + Math.log(sum), 9);
    expect(g.meanIndex).toBeCloseTo(mean, 7);
  });
});
