import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The classic Box–Jenkins monthly airline passengers, 1949–1960 (thousands), from data/. */
export function airPassengers(): number[] {
  const text = readFileSync(join(__dirname, '../../../data/airpassengers.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
}
