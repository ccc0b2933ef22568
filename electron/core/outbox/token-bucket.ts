/**
 * A token bucket for one marketplace API: at most `perSecond` calls a second on average,
 * bursts up to `burst`. `blockUntil` holds every call back until a time the marketplace
 * named (Retry-After, Lazada's one-second ban), whatever tokens are left.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private blockedUntil = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.refilledAt = now();
  }

  /** Milliseconds to wait before a call may go; 0 means a token was taken and it may go now. */
  take(): number {
    const now = this.now();
    if (now < this.blockedUntil) return this.blockedUntil - now;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  blockUntil(time: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, time);
    // After a ban the bucket starts empty, so calls resume gently rather than in a burst.
    this.tokens = 0;
    this.refilledAt = Math.max(this.refilledAt, time);
  }

  /** Resolves when a call may go (taking its token); rejects when `signal` aborts. */
  async acquire(sleep: (ms: number, signal?: AbortSignal) => Promise<void>, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.take();
      if (wait === 0) return;
      await sleep(wait, signal);
    }
  }
}
