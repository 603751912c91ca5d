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
  /** Whether R's default auto.arima ranks orders by CSS fits here (n > 150 or m > 12). */
  approximation: boolean;
  defaultOrder: number[];
  defaultSeasonalOrder: number[];
  defaultDrift: boolean;
  defaultForecast: number[];
  /** R's CSS fit at the exact search's orders. */
  css: { coef: number[]; names: string[]; sigma2: number };
  /** The approximate criteria R's search printed (null: Inf). */
  trace?: {
    order: number[];
    seasonalOrder: number[];
    drift: boolean;
    zeroMean: boolean;
    ic: number | null;
  }[];
}

export const R_ARIMA = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'reference', 'arima-search.json'), 'utf8'),
) as Record<string, RArimaCase>;
