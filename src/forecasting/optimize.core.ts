/**
 * One-dimensional minimisation on an interval: Brent's method (golden section with parabolic
 * steps), as R's `optimize()` (Brent 1973, `fmin`). Pure.
 */
export interface Minimum {
  x: number;
  value: number;
}

const GOLDEN = (3 - Math.sqrt(5)) / 2;
const EPS = Math.sqrt(Number.EPSILON);

/** Brent's state: the bracket [a, b], the three best points x ≤ w ≤ v (by value), the last two steps. */
interface Brent {
  a: number;
  b: number;
  v: number;
  w: number;
  x: number;
  d: number;
  e: number;
  fv: number;
  fw: number;
  fx: number;
}

/** Sets the next step d: parabolic through v, w and x when acceptable, otherwise golden section. */
function nextStep(s: Brent, tol1: number, t2: number, xm: number): void {
  let p = 0;
  let q = 0;
  let r = 0;
  if (Math.abs(s.e) > tol1) {
    r = (s.x - s.w) * (s.fx - s.fv);
    q = (s.x - s.v) * (s.fx - s.fw);
    p = (s.x - s.v) * q - (s.x - s.w) * r;
    q = (q - r) * 2;
    if (q > 0) p = -p;
    else q = -q;
    r = s.e;
    s.e = s.d;
  }
  if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (s.a - s.x) || p >= q * (s.b - s.x)) {
    s.e = s.x < xm ? s.b - s.x : s.a - s.x;
    s.d = GOLDEN * s.e;
  } else {
    s.d = p / q;
    const u = s.x + s.d;
    if (u - s.a < t2 || s.b - u < t2) s.d = s.x < xm ? tol1 : -tol1;
  }
}

/** Narrows the bracket with the new point (u, fu) and keeps the three best points. */
function accept(s: Brent, u: number, fu: number): void {
  if (fu <= s.fx) {
    if (u < s.x) s.b = s.x;
    else s.a = s.x;
    [s.v, s.fv, s.w, s.fw, s.x, s.fx] = [s.w, s.fw, s.x, s.fx, u, fu];
    return;
  }
  if (u < s.x) s.a = u;
  else s.b = u;
  if (fu <= s.fw || s.w === s.x) [s.v, s.fv, s.w, s.fw] = [s.w, s.fw, u, fu];
  else if (fu <= s.fv || s.v === s.x || s.v === s.w) [s.v, s.fv] = [u, fu];
}

/** Minimises f on [lower, upper] to tolerance `tol` (default R's `.Machine$double.eps^0.25`). */
export function minimize(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = Math.pow(Number.EPSILON, 0.25),
): Minimum {
  if (!(lower < upper)) throw new RangeError(`lower must be below upper, got [${lower}, ${upper}]`);
  const x = lower + GOLDEN * (upper - lower);
  const fx = f(x);
  const s: Brent = { a: lower, b: upper, v: x, w: x, x, d: 0, e: 0, fv: fx, fw: fx, fx };
  const tol3 = tol / 3;
  for (let iter = 0; iter < 200; iter++) {
    const xm = (s.a + s.b) / 2;
    const tol1 = EPS * Math.abs(s.x) + tol3;
    const t2 = 2 * tol1;
    if (Math.abs(s.x - xm) <= t2 - (s.b - s.a) / 2) break;
    nextStep(s, tol1, t2, xm);
    const u = Math.abs(s.d) >= tol1 ? s.x + s.d : s.d > 0 ? s.x + tol1 : s.x - tol1;
    accept(s, u, f(u));
  }
  return { x: s.x, value: s.fx };
}

/**
 * Minimises f over [grid[0], grid[last]] when f may have several local minima: evaluates the
 * grid (ascending), then refines by Brent between the best point's neighbours.
 */
export function minimizeFromGrid(f: (x: number) => number, grid: number[]): Minimum {
  if (grid.length < 2 || grid.some((x, i) => i > 0 && !(x > (grid[i - 1] ?? x))))
    throw new RangeError('grid must hold at least two ascending points');
  const values = grid.map(f);
  let best = 0;
  values.forEach((v, i) => {
    if (v < (values[best] ?? Infinity)) best = i;
  });
  const lower = grid[Math.max(best - 1, 0)] ?? 0;
  const upper = grid[Math.min(best + 1, grid.length - 1)] ?? 0;
  const refined = minimize(f, lower, upper);
  const atGrid = { x: grid[best] ?? lower, value: values[best] ?? Infinity };
  return refined.value <= atGrid.value ? refined : atGrid;
}
