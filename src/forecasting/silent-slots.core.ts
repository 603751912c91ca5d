/**
 * Structural zeros: the slots of a cycle (the longest usable period: a week of intervals,
 * seven days, twelve months) that were open in at least MIN_SILENT_CYCLES cycles and never
 * held anything but 0, such as the nights of an outbound queue whose work is only created by
 * day. Every model forecasts them as exactly 0, bounds included, and interval calibration
 * leaves them out. Pure arithmetic over values and masks.
 *
 * Why: a channel's quiet nights and its busy days shared one set of conformal quantiles. The
 * nights' errors are about 0, so they filled the middle of the error distribution and the
 * daytime bounds came out too narrow while the nights got a bound of about one item an hour:
 * on the demo's outbound_nb, out of sample, 80 % intervals covered 44 % of the active hours
 * and 99 % of the silent ones (README "Structural zeros").
 */
import { at } from '../common/indexed';

/**
 * Fewest open cycles, all zero, that make a slot silent. After n silent cycles the rule of
 * succession puts the chance of an arrival next cycle at 1 / (n + 2): 10 % at n = 8, the
 * upper tail an 80 % interval leaves out. A slot that is only quiet by chance (a sparse
 * channel with 0.2 arrivals an hour is silent for 8 weeks at e^−1.6 ≈ 20 % of its slots)
 * then costs little coverage: its arrivals are rare by the same count.
 */
export const MIN_SILENT_CYCLES = 8;

/**
 * The silent slots of a series, by phase (index mod `period`, phase 0 at the first value):
 * open in at least `minCycles` cycles and exactly 0 in each. Null when there are none.
 */
export function silentPhases(
  values: readonly number[],
  open: readonly boolean[],
  period: number,
  minCycles = MIN_SILENT_CYCLES,
): boolean[] | null {
  if (!(period >= 1) || values.length < minCycles * period) return null;
  const openCycles = new Array<number>(period).fill(0);
  const active = new Array<boolean>(period).fill(false);
  values.forEach((v, i) => {
    if (!open[i]) return;
    const phase = i % period;
    openCycles[phase] = at(openCycles, phase) + 1;
    if (v !== 0) active[phase] = true;
  });
  const silent = openCycles.map((n, p) => n >= minCycles && !active[p]);
  return silent.some(Boolean) ? silent : null;
}

/**
 * `mask` (whose first element is step `start` of the series) with the silent phases closed;
 * the mask itself when there are none.
 */
export function closeSilent(mask: boolean[], start: number, phases: readonly boolean[] | null): boolean[] {
  if (!phases) return mask;
  return mask.map((open, k) => open && !phases[(start + k) % phases.length]);
}
