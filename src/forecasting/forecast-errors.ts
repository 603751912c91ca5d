import type { ModelKind } from './forecast.types';

export const MODEL_FIT_FAILED = 'MODEL_FIT_FAILED';

/**
 * A model could not be fitted, or produced an invalid forecast (non-finite, exploding,
 * unordered intervals). Never carries a forecast. Callers fall back to another model;
 * the service maps it to its own error code.
 */
export class ModelFitError extends Error {
  readonly code = MODEL_FIT_FAILED;

  constructor(
    readonly kind: ModelKind,
    readonly reason: string,
  ) {
    super(`${kind} fit failed: ${reason}`);
    this.name = 'ModelFitError';
  }
}

export const isModelFitError = (e: unknown): e is ModelFitError => e instanceof ModelFitError;
