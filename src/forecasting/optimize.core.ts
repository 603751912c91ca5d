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

/** Minimises f on [lower, upper] to tolerance `tol` (default R's `.Machine$double.eps^0.25`). */
export function minimize(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = Math.pow(Number.EPSILON, 0.25),
): Minimum {
  if (!(lower < upper)) throw new RangeError(`lower must be below upper, got [${lower}, ${upper}]`);
  let a = lower;
  let b = upper;
  let v = a + GOLDEN * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = f(x);
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;
  for (let iter = 0; iter < 200; iter++) {
    const xm = (a + b) / 2;
    const tol1 = EPS * Math.abs(x) + tol3;
    const t2 = 2 * tol1;
    if (Math.abs(x - xm) <= t2 - (b - a) / 2) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;
      d = GOLDEN * e;
    } else {
      d = p / q;
      const u = x + d;
      if (u - a < t2 || b - u < t2) d = x < xm ? tol1 : -tol1;
    }
    const u = Math.abs(d) >= tol1 ? x + d : d > 0 ? x + tol1 : x - tol1;
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, value: fx };
}
