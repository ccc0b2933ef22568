import { performance } from 'node:perf_hooks';

export interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Percentiles of a list of timings (nearest rank). */
export function figures(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

/** Runs `fn` once and adds its wall-clock time (ms) to `samples`. */
export async function time(samples: number[], fn: () => unknown): Promise<void> {
  const start = performance.now();
  await fn();
  samples.push(performance.now() - start);
}
