import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** R forecast 8.x / urca values from scripts/reference/arima-search.R. */
export interface RArimaCase {
  values: number[];
  period: number;
  kpss: number;
  ndiffs: number;
  seasonalStrength: number | null;
  nsdiffs: number;
  ndiffsAfterSeasonal: number;
  order: number[];
  seasonalOrder: number[];
  drift: boolean;
  aicc: number;
  forecast: number[];
}

export const R_ARIMA = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'reference', 'arima-search.json'), 'utf8'),
) as Record<string, RArimaCase>;
