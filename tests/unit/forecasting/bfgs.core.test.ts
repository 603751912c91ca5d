import { bfgs } from '../../../src/forecasting/bfgs.core';

describe('BFGS as R’s optim(method = "BFGS")', () => {
  it('reproduces R’s Rosenbrock example with numerical gradients', () => {
    // ?optim: fr <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
    //         optim(c(-1.2, 1), fr, NULL, method = "BFGS")
    //         $par 0.9998044332 0.9996083806, $value 3.827382756e-08 (R 4.2)
    const r = bfgs((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1]);
    expect(r?.convergence).toBe(0);
    expect(r?.par[0]).toBeCloseTo(0.9998044332, 9);
    expect(r?.par[1]).toBeCloseTo(0.9996083806, 9);
    expect(r?.value).toBeCloseTo(3.827382756e-8, 15);
  });

  it('finds the minimum of a scaled quadratic through parscale', () => {
    const r = bfgs((x) => (x[0] - 3) ** 2 + 1e-6 * (x[1] - 2000) ** 2, [0, 0], { parscale: [1, 1000] });
    expect(r?.par[0]).toBeCloseTo(3, 4);
    expect(r?.par[1]).toBeCloseTo(2000, 1);
  });

  it('gives up when the start or a gradient is not finite, as R stops', () => {
    expect(bfgs(() => NaN, [1])).toBeNull();
    expect(bfgs((x) => (x[0] > 1 ? Infinity : x[0] ** 2), [1])).toBeNull();
  });

  it('stops at the iteration limit with convergence 1', () => {
    const r = bfgs((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], { maxit: 5 });
    expect(r?.convergence).toBe(1);
  });
});
