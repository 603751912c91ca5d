import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EtsSpec, EtsState } from '../../../src/forecasting/models/ets-recursion.core';

/** One model as R's ets() fitted it (tests/fixtures/reference/ets.json, scripts/reference/ets.R). */
export interface RModel {
  code: string;
  method: string;
  par: Record<string, number>;
  loglik: number;
  aicc: number;
  sigma2: number;
}

export interface RSeries {
  frequency: number;
  values: number[];
  models: RModel[];
  auto: Omit<RModel, 'code'>;
  forecast: { mean: number[]; lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] };
  /** R's intervals from 20,000 simulated sample paths (forecast(simulate = TRUE)). */
  simulated: { lo80: number[]; hi80: number[]; lo95: number[]; hi95: number[] };
}

export const R_ETS = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/reference/ets.json'), 'utf8'),
) as Record<string, RSeries>;

export const specOf = (code: string): EtsSpec => ({
  error: code[0] as EtsSpec['error'],
  trend: code.includes('Ad') ? 'Ad' : (code[1] as EtsSpec['trend']),
  season: code[code.length - 1] as EtsSpec['season'],
});

/** R's fitted parameters and initial state, the season in the order it applies. */
export function rStart(
  model: RModel,
  m: number,
): { params: { alpha: number; beta: number; gamma: number; phi: number }; initial: EtsState } {
  const spec = specOf(model.code);
  const p = model.par;
  const free = Object.keys(p)
    .filter((k) => /^s\d+$/.test(k))
    .map((k) => p[k] as number);
  const season =
    spec.season === 'N'
      ? []
      : [(spec.season === 'M' ? m : 0) - free.reduce((a, b) => a + b, 0), ...free.reverse()];
  return {
    params: { alpha: p.alpha as number, beta: p.beta ?? 0, gamma: p.gamma ?? 0, phi: p.phi ?? 1 },
    initial: { level: p.l as number, growth: p.b ?? 0, season },
  };
}
