/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff and
 * Jitter"): wait a random time between 0 and min(cap, base * 2^attempt). The randomness
 * keeps twenty workshop laptops that lost the same hotspot from retrying in step.
 */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
}

export const UPLOAD_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 };

export function fullJitter(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
