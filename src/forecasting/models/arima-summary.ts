/**
 * Parses the verbose summary printed by ctsa (the `arima` package). ctsa writes MA terms
 * with the Box–Jenkins sign (x[t] = a[t] − θ·a[t−1]); we report R's convention
 * (x[t] = a[t] + θ·a[t−1]), so MA and SMA coefficients are negated. AR signs agree.
 */
export interface ArimaSummary {
  order?: [number, number, number];
  seasonalOrder?: [number, number, number];
  /** R-convention coefficients: ar1.., ma1.., sar1.., sma1.. */
  coefficients: Record<string, number>;
  sigma2?: number;
  aic?: number;
  logLikelihood?: number;
  /** Coefficient of the drift regressor (ctsa's EXOG), when one was given. */
  drift?: number;
  /** ctsa's exit code: 1 to 4 end at an optimum, higher codes did not converge. */
  returnCode?: number;
  /** Messages showing that the optimizer aborted (NaN / overflow) on the reported model. */
  failures: string[];
}

const FAILURE = /function returns NaN|exceeds the maximum double|Program Exiting/i;

export function parseArimaSummary(output: string[]): ArimaSummary {
  const text = output.join('\n');
  const summary: ArimaSummary = { coefficients: {}, failures: [] };
  const orders = /Order\s*:\s*\(\s*(\d+),\s*(\d+),\s*(\d+)\)\s*\*\s*\(\s*(\d+),\s*(\d+),\s*(\d+)\)/.exec(
    text,
  );
  if (orders) {
    const o = orders.slice(1).map(Number);
    summary.order = [o[0], o[1], o[2]];
    summary.seasonalOrder = [o[3], o[4], o[5]];
  }
  for (const m of text.matchAll(/^\s*(S?AR|S?MA)(\d+)\s+(-?[\d.eE+-]+)/gm)) {
    const name = m[1].toLowerCase();
    const value = Number(m[3]);
    summary.coefficients[`${name}${m[2]}`] = name.endsWith('ma') ? -value : value;
  }
  const sigma = /SIGMA\^2\s+(-?[\d.eE+-]+)/.exec(text);
  if (sigma) summary.sigma2 = Number(sigma[1]);
  const aic = /AIC criterion\s*:\s*(-?[\d.eE+-]+)/.exec(text);
  if (aic) summary.aic = Number(aic[1]);
  const logLik = /Log Likelihood\s*:\s*(-?[\d.eE+-]+)/.exec(text);
  if (logLik) summary.logLikelihood = Number(logLik[1]);
  const drift = /^\s*EXOG\s+(-?[\d.eE+-]+)/m.exec(text);
  if (drift) summary.drift = Number(drift[1]);
  const code = /Return Code\s*:\s*(\d+)/.exec(text);
  if (code) summary.returnCode = Number(code[1]);
  summary.failures = output
    .flatMap((line) => line.split(/(?=Program Exiting)/))
    .filter((line) => FAILURE.test(line))
    .map((line) => line.trim());
  return summary;
}
