/**
 * Argument checks for the pure staffing core. Every message names the parameter and the
 * rejected value, e.g. "shrinkage must be in [0, 1), got 1.2".
 */
import { badInput } from '../errors';

const shown = (value: number): string => String(value);

/** Finite and >= 0 (traffic, volumes, targets that may be zero). */
export function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw badInput(`${name} must be a finite number >= 0, got ${shown(value)}`);
}

/** Finite and > 0 (AHT, patience, interval length, response time). */
export function assertPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0)
    throw badInput(`${name} must be a finite number > 0, got ${shown(value)}`);
}

/** Integer >= 0 (agents, lines). */
export function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw badInput(`${name} must be an integer >= 0, got ${shown(value)}`);
}

/** Open interval (0, 1): service-level targets. */
export function assertOpenUnit(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw badInput(`${name} must be in (0, 1), got ${shown(value)}`);
}

/**
 * Lowest maximum occupancy planned for. Below it the head count N ≥ traffic / occupancy
 * stops meaning anything (and 1e-300 would start the search at N = 1e300).
 */
export const MIN_OCCUPANCY = 0.05;

/** [0.05, 1]: maximum occupancy. */
export function assertOccupancy(name: string, value: number): void {
  if (!(value >= MIN_OCCUPANCY && value <= 1))
    throw badInput(`${name} must be in [${MIN_OCCUPANCY}, 1], got ${shown(value)}`);
}

/** Half-open [0, 1): shrinkage. */
export function assertShrinkage(name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw badInput(`${name} must be in [0, 1), got ${shown(value)}`);
}
