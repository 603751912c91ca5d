/**
 * Tiny benchmark harness. Every figure is printed next to a baseline measured in the
 * same run, so numbers from different machines compare as ratios, not seconds.
 */
import { performance } from 'node:perf_hooks';

export interface Timing {
  name: string;
  /** Median wall time of one run, milliseconds. */
  ms: number;
  runs: number;
}

/** Runs `fn` `warmup` times, then `runs` times, and returns the median. */
export async function time(name: string, fn: () => unknown, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { name, ms: samples[Math.floor(samples.length / 2)], runs };
}

/** Prints rows as an aligned table. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n## ${title}\n`);
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  const cell = (v: string | number): string =>
    typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v;
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c] ?? '').length)));
  const line = (vals: string[]): string => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(cols));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c] ?? ''))));
}

/** `value / baseline`, formatted as `1.23×`. */
export const ratio = (value: number, baseline: number): string =>
  baseline === 0 ? 'n/a' : `${(value / baseline).toFixed(2)}×`;
