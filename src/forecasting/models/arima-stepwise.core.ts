/**
 * The Hyndman–Khandakar stepwise order search of R's `auto.arima` (forecast 8.x,
 * `stepwise = TRUE`), over a caller's fit: given d and D, it starts from (2,d,2)(1,D,1),
 * (0,d,0)(0,D,0), (1,d,0)(1,D,0) and (0,d,1)(0,D,1), then moves P, Q, p, q by ±1 (one at a
 * time, then in pairs) and toggles the drift, taking the first move that lowers the
 * criterion, until no move does or 94 models were fitted. Pure: the fit is a callback.
 */

export interface SarimaOrder {
  p: number;
  q: number;
  P: number;
  Q: number;
  /** Drift (d + D = 1) in the model. */
  drift: boolean;
}

export interface StepwiseBounds {
  /** Seasonal period (1: no seasonal terms). */
  m: number;
  d: number;
  D: number;
  /** Series length (R starts smaller below 10 values). */
  n: number;
  maxP?: number;
  maxQ?: number;
  maxSeasonalP?: number;
  maxSeasonalQ?: number;
  /** At most this many fits (R's nmodels). */
  maxModels?: number;
}

export interface StepwiseResult {
  best: SarimaOrder;
  /** The criterion of the best order (Infinity when no order fitted). */
  criterion: number;
  /** Every order fitted, in order, with its criterion. */
  visited: { order: SarimaOrder; criterion: number }[];
}

/** An order's identity in the search (R's `newmodel`). */
export const orderKey = (o: SarimaOrder): string => `${o.p},${o.q},${o.P},${o.Q},${o.drift ? 1 : 0}`;

/** R's bounds: p, q ≤ 5 (and below the period when seasonal terms may enter), P, Q ≤ 2. */
function limits(b: StepwiseBounds): { p: number; q: number; P: number; Q: number } {
  const seasonal = b.m > 1;
  const P = seasonal ? (b.maxSeasonalP ?? 2) : 0;
  const Q = seasonal ? (b.maxSeasonalQ ?? 2) : 0;
  const p = b.maxP ?? 5;
  const q = b.maxQ ?? 5;
  return {
    p: seasonal && P > 0 ? Math.min(p, b.m - 1) : p,
    q: seasonal && Q > 0 ? Math.min(q, b.m - 1) : q,
    P,
    Q,
  };
}

/** R's four start models (two on very short series), then the first without drift. */
function startOrders(
  b: StepwiseBounds,
  max: ReturnType<typeof limits>,
  drift: boolean,
): [SarimaOrder, ...SarimaOrder[]] {
  const short = b.n < 10;
  const seasonal = b.m > 1;
  return [
    {
      p: Math.min(short ? 1 : 2, max.p),
      q: Math.min(short ? 1 : 2, max.q),
      P: short ? 0 : Math.min(1, max.P),
      Q: short ? 0 : Math.min(1, max.Q),
      drift,
    },
    { p: 0, q: 0, P: 0, Q: 0, drift },
    ...(max.p > 0 || max.P > 0
      ? [{ p: max.p > 0 ? 1 : 0, q: 0, P: seasonal && max.P > 0 ? 1 : 0, Q: 0, drift }]
      : []),
    ...(max.q > 0 || max.Q > 0
      ? [{ p: 0, q: max.q > 0 ? 1 : 0, P: 0, Q: seasonal && max.Q > 0 ? 1 : 0, drift }]
      : []),
    ...(drift ? [{ p: 0, q: 0, P: 0, Q: 0, drift: false }] : []),
  ];
}

/** R's moves in R's order: P, Q, then both seasonal; p, q, then both; [Δp, Δq, ΔP, ΔQ]. */
const MOVES: readonly (readonly [number, number, number, number])[] = [
  [0, 0, -1, 0],
  [0, 0, 0, -1],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
  [0, 0, -1, -1],
  [0, 0, -1, 1],
  [0, 0, 1, -1],
  [0, 0, 1, 1],
  [-1, 0, 0, 0],
  [0, -1, 0, 0],
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [-1, -1, 0, 0],
  [-1, 1, 0, 0],
  [1, -1, 0, 0],
  [1, 1, 0, 0],
];

/** The orders one move away from `at`, in R's order, the drift toggled last (when allowed). */
function neighbours(at: SarimaOrder, max: ReturnType<typeof limits>, allowDrift: boolean): SarimaOrder[] {
  const moved = MOVES.map(([dp, dq, dP, dQ]) => ({
    p: at.p + dp,
    q: at.q + dq,
    P: at.P + dP,
    Q: at.Q + dQ,
    drift: at.drift,
  })).filter(
    (o) =>
      o.p >= 0 &&
      o.q >= 0 &&
      o.P >= 0 &&
      o.Q >= 0 &&
      o.p <= max.p &&
      o.q <= max.q &&
      o.P <= max.P &&
      o.Q <= max.Q,
  );
  return allowDrift ? [...moved, { ...at, drift: !at.drift }] : moved;
}

/**
 * Searches orders with `criterion(order)` (e.g. AICc; Infinity for a fit that failed or was
 * rejected). Drift is tried only when d + D = 1, as R's `allowdrift`. As in R, the search
 * moves from the current orders with the current drift setting, which changes only by the
 * toggle move, while the best model found so far is what it returns.
 */
export function stepwiseSearch(
  bounds: StepwiseBounds,
  criterion: (order: SarimaOrder) => number,
): StepwiseResult {
  const max = limits(bounds);
  const maxModels = bounds.maxModels ?? 94;
  const allowDrift = bounds.d + bounds.D === 1;
  const seen = new Set<string>();
  const visited: StepwiseResult['visited'] = [];
  const fit = (o: SarimaOrder): number => {
    const ic = criterion(o);
    seen.add(orderKey(o));
    visited.push({ order: o, criterion: ic });
    return ic;
  };
  const [first, ...others] = startOrders(bounds, max, allowDrift);
  let best = first;
  let bestIc = fit(first);
  /** Fits an order; true when it is the new best. */
  const improves = (o: SarimaOrder): boolean => {
    const ic = fit(o);
    if (!(ic < bestIc)) return false;
    best = o;
    bestIc = ic;
    return true;
  };
  let current = first;
  for (const o of others) {
    if (improves(o)) current = { ...o, drift: allowDrift };
  }
  let moved = true;
  while (moved && seen.size < maxModels) {
    moved = false;
    for (const o of neighbours(current, max, allowDrift)) {
      if (seen.has(orderKey(o))) continue;
      if (seen.size >= maxModels) break;
      if (improves(o)) {
        current = o;
        moved = true;
        break;
      }
    }
  }
  return { best, criterion: bestIc, visited };
}
