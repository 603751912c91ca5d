import { erlangCalculator } from '../../../src/staffing/erlang-calculator';

const BASE = {
  volume: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  answerSeconds: 20,
  serviceLevelTarget: 0.8,
};

describe('erlangCalculator', () => {
  it('100 calls per 30 min, AHT 180 s, 80/20: 10 Erlangs, 14 raw agents; shrinkage 0.3 → 20 scheduled', () => {
    const r = erlangCalculator({ ...BASE, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect(r.model).toBe('ERLANG_C');
    expect(r.trafficErlangs).toBe(10);
    expect(r.rawAgents).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.binding).toBe('SERVICE_LEVEL');
    expect(r.atRequired).toMatchObject({
      agents: 14,
      scheduledAgents: 20,
      stable: true,
      abandonProbability: null,
    });
    expect(r.atRequired.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.atRequired.asaSeconds).toBeCloseTo(7.836, 3);
    expect(r.atRequired.occupancy).toBeCloseTo(10 / 14, 12);
    expect(r.atAgents).toBeNull();
  });

  it('gives the figures at a caller-chosen head count too (13 agents miss 80/20)', () => {
    const r = erlangCalculator({ ...BASE, agents: 13 });
    expect(r.atAgents!.agents).toBe(13);
    expect(r.atAgents!.serviceLevel).toBeLessThan(0.8);
    expect(r.atAgents!.serviceLevel).toBeGreaterThan(0.7);
    expect(r.atAgents!.stable).toBe(true);
  });

  it('reports an unstable head count with stable: false and a null ASA instead of Infinity', () => {
    const r = erlangCalculator({ ...BASE, agents: 10 });
    expect(r.atAgents).toMatchObject({
      stable: false,
      asaSeconds: null,
      serviceLevel: 0,
      waitProbability: 1,
    });
  });

  it('switches to Erlang A with a patience: stable at any head count, abandonment reported', () => {
    const r = erlangCalculator({ ...BASE, patienceSeconds: 120, agents: 8 });
    expect(r.model).toBe('ERLANG_A');
    expect(r.rawAgents).toBeLessThanOrEqual(14);
    expect(r.atRequired.abandonProbability).toBeGreaterThan(0);
    expect(r.atAgents!.stable).toBe(true);
    expect(r.atAgents!.asaSeconds).not.toBeNull();
    expect(r.atAgents!.abandonProbability!).toBeGreaterThan(r.atRequired.abandonProbability!);
  });

  it('honours an ASA target', () => {
    const r = erlangCalculator({ ...BASE, targetAsaSeconds: 2 });
    expect(r.binding).toBe('ASA');
    expect(r.atRequired.asaSeconds!).toBeLessThanOrEqual(2);
    expect(r.rawAgents).toBeGreaterThan(14);
  });

  it('needs nobody for no volume', () => {
    expect(erlangCalculator({ ...BASE, volume: 0 })).toMatchObject({ rawAgents: 0, scheduledAgents: 0 });
  });

  it.each([
    [{ volume: -1 }, 'volume must be a finite number >= 0, got -1'],
    [{ intervalMinutes: 0 }, 'intervalMinutes must be a finite number > 0, got 0'],
    [{ agents: 2.5 }, 'agents must be an integer >= 0, got 2.5'],
    [{ serviceLevelTarget: 1 }, 'targetServiceLevel must be in (0, 1), got 1'],
    [{ shrinkage: 1.2 }, 'shrinkage must be in [0, 1), got 1.2'],
    [{ maxOccupancy: 0 }, 'maxOccupancy must be in [0.05, 1], got 0'],
    [{ patienceSeconds: 0 }, 'patienceSeconds must be a finite number > 0, got 0'],
    [{ volume: 1e7 }, 'trafficErlangs must be <= 10000 (volume × ahtSeconds / interval length), got 1000000'],
  ])('validates %o with the core message', (patch, message) => {
    expect(() => erlangCalculator({ ...BASE, ...patch })).toThrow(message);
  });
});
