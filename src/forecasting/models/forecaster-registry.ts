import { badInput } from '../../errors';
import { selectAuto, type AutoOptions } from '../auto-selector';
import { BASE_FORECASTERS, ensembleForecaster } from './ensemble';
import type {
  FitOptions,
  FittedModel,
  Forecaster,
  ModelKind,
  ModelSelection,
  SeriesInput,
} from '../forecast.types';

export const FORECASTERS: Record<ModelKind, Forecaster> = {
  ...BASE_FORECASTERS,
  ENSEMBLE: ensembleForecaster,
};

export interface FitModelOptions extends FitOptions {
  /** Backtest settings used when the selection is AUTO. */
  auto?: AutoOptions;
}

/**
 * Fits one model, or (AUTO) the best model by rolling-origin backtest. For AUTO the
 * returned params carry `details.selection`: the chosen label and every candidate's MASE and score.
 */
export function fitModel(
  selection: ModelSelection,
  series: SeriesInput,
  options: FitModelOptions = {},
): FittedModel {
  if (selection !== 'AUTO') {
    const forecaster = FORECASTERS[selection];
    if (!forecaster)
      throw badInput(`model must be one of AUTO, ${Object.keys(FORECASTERS).join(', ')}, got ${selection}`);
    return forecaster.fit(series, options);
  }
  const { auto, ...fit } = options;
  const result = selectAuto(series, { ...auto, fit: { ...fit, ...auto?.fit } });
  const selectionSummary = result.report.candidates.map((m) => ({
    kind: m.kind,
    label: m.label,
    ok: m.ok,
    mase: m.metrics?.mase ?? null,
    score: m.score ?? null,
    ...(m.failure ? { failure: m.failure } : {}),
  }));
  const params = {
    ...result.model.params,
    details: {
      ...result.model.params.details,
      selection: { mode: 'AUTO', chosen: result.label, candidates: selectionSummary },
    },
  };
  return { kind: result.model.kind, params, forecast: (h, request) => result.model.forecast(h, request) };
}
