import os from 'node:os';

/**
 * Runs one async task per item with at most `concurrency` in flight: for photos, one per
 * core, each image on one libvips thread (`sharp.concurrency(1)`), which scales better than
 * several threads on one image.
 *
 * Note for more than 4 in flight: sharp runs on libuv's thread pool, 4 threads unless
 * UV_THREADPOOL_SIZE is set before the process starts.
 */

export type PoolOutcome<R> =
  | { readonly status: 'done'; readonly value: R }
  | { readonly status: 'failed'; readonly error: unknown }
  /** Never started, because the signal aborted first. */
  | { readonly status: 'skipped' };

export interface PoolOptions<I, R> {
  /** Aborting stops new items from starting; items already running finish (sharp cannot stop midway). */
  readonly signal?: AbortSignal;
  /** Called as each started item settles, in completion order. */
  readonly onDone?: (outcome: PoolOutcome<R>, index: number, item: I) => void;
}

/** One task per core: what the photo benches measured as the best throughput. */
export function defaultConcurrency(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Outcomes in item order. A task that throws or rejects becomes a `failed` outcome and never
 * stops the others. If `onDone` throws (a bug in the caller), the pool still lets running
 * tasks settle, starts no more, and then rethrows it, so no work is left running unobserved.
 */
export async function runPool<I, R>(
  items: readonly I[],
  concurrency: number,
  fn: (item: I, index: number) => Promise<R>,
  options: PoolOptions<I, R> = {},
): Promise<PoolOutcome<R>[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number >= 1, got ${concurrency}`);
  }
  const { signal, onDone } = options;
  const outcomes: PoolOutcome<R>[] = items.map(() => ({ status: 'skipped' }));
  let next = 0;
  let callbackError: { error: unknown } | null = null;

  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted && !callbackError) {
      const index = next++;
      const item = items[index] as I;
      let outcome: PoolOutcome<R>;
      try {
        outcome = { status: 'done', value: await fn(item, index) };
      } catch (error) {
        outcome = { status: 'failed', error };
      }
      outcomes[index] = outcome;
      try {
        onDone?.(outcome, index, item);
      } catch (error) {
        callbackError ??= { error };
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (callbackError) throw (callbackError as { error: unknown }).error;
  return outcomes;
}
