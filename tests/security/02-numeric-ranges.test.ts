/**
 * Issue 10, item 2: `erlangCalculator(maxOccupancy: 1e-300)` (any signed-in user) and
 * `staffingScenario(overrides: { maxOccupancy: 1e-5 })` (SERVICE_PROVIDER) started the
 * required-agents search at N = A / occupancy and hung the event loop. Inputs now have
 * physical ranges, and the search has an iteration cap with a coded error.
 */
import { MAX_SEARCH_STEPS, requiredAgents } from '../../src/staffing/required-agents.core';
import { codeOf, startTestApp, type TestApp } from '../helpers/test-app';
import { warmUp, watchWhile } from './hostile';

const CALCULATOR = `query($input: ErlangCalculatorInput!) { erlangCalculator(input: $input) { rawAgents } }`;
const INPUT = {
  volume: 100,
  intervalMinutes: 30,
  ahtSeconds: 300,
  answerSeconds: 20,
  serviceLevelTarget: 0.8,
};
const SCENARIO = `query($o: ScenarioInput!) {
  staffingScenario(channel: "calls", week: "2026-03-02", overrides: $o) { diff { totals { weeklyFte } } } }`;

describe('item 2: numeric inputs have physical ranges; searches are capped', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await warmUp(t.app.url);
  });
  afterAll(() => t.close());

  it.each([
    [{ maxOccupancy: 1e-300 }, /maxOccupancy must be in \[0.05, 1\], got 1e-300/],
    [{ maxOccupancy: 0.049 }, /maxOccupancy must be in \[0.05, 1\]/],
    [{ volume: 1e12 }, /volume must be <= 1000000/],
    [{ ahtSeconds: 1e9 }, /ahtSeconds must be <= 86400/],
    [{ answerSeconds: 1e9 }, /answerSeconds must be <= 86400/],
    [{ shrinkage: 1 }, /shrinkage must be in \[0, 1\)/],
    [{ volume: 1e6, ahtSeconds: 3600 }, /trafficErlangs must be <= 10000/],
  ])(
    'AGENT erlangCalculator %j: BAD_USER_INPUT at once, /healthz keeps answering',
    async (patch, message) => {
      const agent = await t.login('agent');
      const w = await watchWhile(t.app.url, t.gql(CALCULATOR, { input: { ...INPUT, ...patch } }, agent));
      expect(codeOf(w.result)).toBe('BAD_USER_INPUT');
      expect(w.result.errors![0].message).toMatch(message);
      expect(w.slowestHealthCpuMs).toBeLessThan(100);
    },
  );

  it('SERVICE_PROVIDER staffingScenario with maxOccupancy 1e-5 is refused before planning', async () => {
    const provider = await t.login('provider');
    const w = await watchWhile(t.app.url, t.gql(SCENARIO, { o: { maxOccupancy: 1e-5 } }, provider));
    expect(codeOf(w.result)).toBe('BAD_USER_INPUT');
    expect(w.result.errors![0].message).toMatch(/maxOccupancy must be in \[0.05, 1\], got 0.00001|1e-5/);
    expect(w.slowestHealthCpuMs).toBeLessThan(100);
  });

  it('the worst admissible input (10,000 Erlangs at 5 % occupancy) is answered quickly', async () => {
    const agent = await t.login('agent');
    const worst = { ...INPUT, volume: 20_000, intervalMinutes: 15, ahtSeconds: 450, maxOccupancy: 0.05 };
    const w = await watchWhile(
      t.app.url,
      t.gql<{ erlangCalculator: { rawAgents: number } }>(CALCULATOR, { input: worst }, agent),
    );
    expect(w.result.data?.erlangCalculator.rawAgents).toBe(200_000);
    expect(w.slowestHealthCpuMs).toBeLessThan(100);
  });

  it('the required-agents search stops at its cap with a coded error naming the target', () => {
    const input = { trafficErlangs: 100, ahtSeconds: 300, serviceLevel: { target: 0.99, answerSeconds: 20 } };
    expect(requiredAgents(input).rawAgents).toBeGreaterThan(101 + 3);
    expect(() => requiredAgents(input, 3)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/search capped at 3 steps/),
        details: [{ field: 'serviceLevelTarget', message: 'unreachable target' }],
      }),
    );
    expect(MAX_SEARCH_STEPS).toBe(10_000);
  });
});
