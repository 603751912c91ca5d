/**
 * Runs `run` over `items` with at most `lanes` calls in flight, each lane taking the next
 * item as soon as its last one settles (list scheduling: a slow item holds one lane, not the
 * rest). Results keep the items' order. After a failure no lane starts another item, and the
 * first error is thrown once the calls in flight have settled.
 */
export async function inLanes<T, R>(
  items: readonly T[],
  lanes: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await run(items[i]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}
