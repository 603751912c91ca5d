import { AppError } from '../errors';

/**
 * `xs[i]` for an index the caller's invariant keeps in range (parallel arrays, loop bounds):
 * typed `T`, not `T | undefined`, and an INTERNAL error instead of a silent `undefined` when
 * the invariant breaks.
 */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  const value = xs[i];
  if (value === undefined) throw new AppError('INTERNAL', `index ${i} outside 0..${xs.length - 1}`);
  return value;
}
