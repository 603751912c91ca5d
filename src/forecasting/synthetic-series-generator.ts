import { badInput } from '../errors';
import { mulberry32 } from '../common/random';

export { mulberry32 };

/** Poisson draw (Knuth for small means, rounded normal approximation above 60). */
export function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 60) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export interface ContactCentreOptions {
  weeks: number;
  seed?: number;
  /** Interval length (default 60); must divide a day. */
  stepMinutes?: number;
  /** Mean contacts per hour at the daily peak (default 120). */
  peak?: number;
  /** Opening hours [from, to) in hours (default [7, 21]). */
  openHours?: [number, number];
}

/** Weekday weights, Monday first: busy Monday, quiet weekend. */
const WEEKLY = [1.25, 1.1, 1.0, 1.0, 0.95, 0.55, 0.35];

/**
 * Synthetic contact-centre volumes: Poisson counts with an intraday double peak (late
 * morning and early afternoon), a weekly profile and closed hours (exactly 0, open = false).
 * Starts on a Monday at 00:00.
 */
export function contactCentreSeries(options: ContactCentreOptions): { values: number[]; open: boolean[] } {
  const step = options.stepMinutes ?? 60;
  if (!Number.isInteger(options.weeks) || options.weeks < 1)
    throw badInput(`weeks must be a positive integer, got ${options.weeks}`);
  if (!(step > 0) || 1440 % step !== 0) throw badInput(`stepMinutes must divide 1440, got ${step}`);
  const random = mulberry32(options.seed ?? 42);
  const [from, to] = options.openHours ?? [7, 21];
  const peak = options.peak ?? 120;
  const perDay = 1440 / step;
  const values: number[] = [];
  const open: boolean[] = [];
  for (let i = 0; i < options.weeks * 7 * perDay; i++) {
    const day = Math.floor(i / perDay) % 7;
    const hour = ((i % perDay) * step) / 60;
    const isOpen = hour >= from && hour < to;
    const shape = 0.25 + Math.exp(-((hour - 10.5) ** 2) / 3) + 0.8 * Math.exp(-((hour - 14.5) ** 2) / 4);
    open.push(isOpen);
    values.push(isOpen ? poisson((peak * shape * WEEKLY[day] * step) / 60, random) : 0);
  }
  return { values, open };
}
