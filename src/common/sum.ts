/**
 * The sum of `values`, or of `of(item)` over `items`: added in order from 0, exactly as
 * `reduce((a, b) => a + b, 0)` adds them (0 for none).
 */
export function sum(values: Iterable<number>): number;
export function sum<T>(items: Iterable<T>, of: (item: T) => number): number;
export function sum<T>(items: Iterable<T>, of?: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of ? of(item) : Number(item);
  return total;
}
