import { AppError } from '../errors';
import type { TaskError } from './forecast.task';

/** A worker task failure as a coded error: fit failures and unusable history are FAILED_PRECONDITION. */
export function taskFailure(channel: string, error: TaskError): AppError {
  if (error.code === 'MODEL_FIT_FAILED')
    return new AppError('FAILED_PRECONDITION', `MODEL_FIT_FAILED: ${error.message}`, [
      { field: 'kind', message: `MODEL_FIT_FAILED${error.kind ? ` (${error.kind})` : ''}` },
    ]);
  return new AppError(
    'FAILED_PRECONDITION',
    `channel ${channel}: the history cannot be modelled: ${error.message}`,
    [{ field: 'channel', message: error.message }],
  );
}
