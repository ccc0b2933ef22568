/**
 * A circuit breaker (Fowler, "CircuitBreaker") over the link to one marketplace: after
 * `threshold` failures in a row it opens and the engine stops sending, so a dead hotspot is
 * not hammered and the laptop's battery is not spent on timeouts. After `cooldownMs` it lets
 * one call through (half-open); that call's outcome closes or re-opens it.
 */
export type CircuitState = 'closed' | 'open' | 'half_open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half_open' : 'open';
  }

  /** Whether a call may go now; in half-open only one call at a time is let through. */
  allow(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** When the next call may be tried (ms from now); 0 when closed. */
  retryInMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.openedAt + this.cooldownMs - this.now());
  }

  /** Ends the pause early (the link is believed back): the next call is the probe. */
  probeNow(): void {
    if (this.openedAt !== null) this.openedAt = this.now() - this.cooldownMs;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  failed(): void {
    this.probing = false;
    this.failures += 1;
    if (this.failures >= this.threshold || this.openedAt !== null) this.openedAt = this.now();
  }
}
