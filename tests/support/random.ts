import { mulberry32 } from '../../electron/core/practice/faults';

/**
 * mulberry32: a small seeded generator, the same numbers on every machine, so a test or a
 * benchmark that "picks at random" picks the same things on every run. The practice
 * marketplace draws its faults from the same one.
 */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
}
