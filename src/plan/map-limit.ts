/**
 * Runs an async function over items with at most `limit` in flight, results in input order.
 * Used within one entity kind (`--concurrency`); kinds themselves run one after another.
 *
 * On the first rejection no new item is started, the ones in flight are allowed to finish (so
 * no request is left running behind the caller's back), and then that first error is thrown.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  async function worker(): Promise<void> {
    while (next < items.length && failure === undefined) {
      if (signal?.aborted) {
        failure ??= { error: signal.reason };
        return;
      }
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
  if (failure !== undefined) throw failure.error;
  return results;
}
