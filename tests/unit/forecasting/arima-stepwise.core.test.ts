import { stepwiseSearch, type SarimaOrder } from '../../../src/forecasting/models/arima-stepwise.core';

const key = (o: SarimaOrder): string => `${o.p}${o.q}${o.P}${o.Q}${o.drift ? 'd' : ''}`;

/** A criterion with its minimum at `best`: squared distance, plus a cost for drift when it is not wanted. */
const bowl =
  (best: SarimaOrder) =>
  (o: SarimaOrder): number =>
    (o.p - best.p) ** 2 +
    (o.q - best.q) ** 2 +
    (o.P - best.P) ** 2 +
    (o.Q - best.Q) ** 2 +
    (o.drift === best.drift ? 0 : 0.5);

describe('stepwise ARIMA order search (Hyndman & Khandakar, R’s auto.arima)', () => {
  it('starts from R’s four models, then the model without drift', () => {
    const { visited } = stepwiseSearch(
      { m: 12, d: 0, D: 1, n: 180 },
      bowl({ p: 2, q: 2, P: 1, Q: 1, drift: true }),
    );
    expect(visited.slice(0, 5).map((v) => key(v.order))).toEqual([
      '2211d',
      '0000d',
      '1010d',
      '0101d',
      '0000',
    ]);
  });

  it('walks to the minimum one move at a time and stops there', () => {
    const target = { p: 4, q: 0, P: 2, Q: 0, drift: false };
    const result = stepwiseSearch({ m: 12, d: 1, D: 1, n: 200 }, bowl(target));
    expect(result.best).toEqual(target);
    expect(result.criterion).toBe(0);
    // every neighbour of the best was tried (R stops when none improves)
    const seen = new Set(result.visited.map((v) => key(v.order)));
    for (const n of ['3020', '4010', '4021', '3120', '4120']) expect(seen.has(n)).toBe(true);
  });

  it('turns the drift off when that lowers the criterion (d + D = 1 only)', () => {
    const withoutDrift = stepwiseSearch(
      { m: 12, d: 1, D: 0, n: 200 },
      bowl({ p: 1, q: 1, P: 0, Q: 0, drift: false }),
    );
    expect(withoutDrift.best).toEqual({ p: 1, q: 1, P: 0, Q: 0, drift: false });
    const noDriftAllowed = stepwiseSearch(
      { m: 12, d: 1, D: 1, n: 200 },
      bowl({ p: 1, q: 1, P: 0, Q: 0, drift: true }),
    );
    expect(noDriftAllowed.visited.every((v) => !v.order.drift)).toBe(true);
  });

  it('keeps p and q below the period when seasonal terms may enter, and P, Q ≤ 2', () => {
    const { visited, best } = stepwiseSearch(
      { m: 4, d: 1, D: 1, n: 200 },
      bowl({ p: 5, q: 5, P: 5, Q: 5, drift: false }),
    );
    expect(best).toEqual({ p: 3, q: 3, P: 2, Q: 2, drift: false });
    expect(visited.every((v) => v.order.p <= 3 && v.order.q <= 3 && v.order.P <= 2 && v.order.Q <= 2)).toBe(
      true,
    );
  });

  it('has no seasonal terms without a season, and starts small on very short series', () => {
    const nonSeasonal = stepwiseSearch(
      { m: 1, d: 1, D: 0, n: 100 },
      bowl({ p: 1, q: 0, P: 0, Q: 0, drift: true }),
    );
    expect(nonSeasonal.visited.every((v) => v.order.P === 0 && v.order.Q === 0)).toBe(true);
    const short = stepwiseSearch({ m: 4, d: 1, D: 1, n: 8 }, () => 1);
    expect(key(short.visited[0].order)).toBe('1100');
  });

  it('fits at most maxModels orders, and reports +∞ when none fitted', () => {
    let calls = 0;
    const result = stepwiseSearch({ m: 12, d: 1, D: 1, n: 200, maxModels: 6 }, () => {
      calls++;
      return Infinity;
    });
    expect(calls).toBeLessThanOrEqual(6);
    expect(result.criterion).toBe(Infinity);
  });
});
