import type { Marketplace } from '../../shared/uploads';
import type { DrainReport } from '../../shared/uploads';
import { sleep } from './sleep';

/** A shop with work for the marketplace: listings to send, or listings in review to ask about. */
export interface ShopWork {
  readonly sellerId: number;
  readonly marketplace: Marketplace;
  readonly sending: number;
  readonly inQc: number;
}

export interface AutoDrainDeps {
  /** Shops whose connection is usable and that have work. */
  readonly shops: () => ShopWork[];
  readonly drain: (shop: ShopWork) => Promise<DrainReport>;
  readonly followQc: (shop: ShopWork) => Promise<unknown>;
  /** The user's switch (on by default). */
  readonly enabled: () => boolean;
  /** How often to look when there is nothing to do or the link is down. */
  readonly idleMs?: number;
  /** How often to ask about listings in review. */
  readonly qcEveryMs?: number;
  readonly log?: (message: string) => void;
}

export const AUTO_IDLE_MS = 30_000;
export const AUTO_QC_EVERY_MS = 5 * 60_000;

/**
 * Sends the outbox by itself whenever it can: at start, after products are queued
 * (`nudge`), when the computer comes back online (`setOnline`), and every `idleMs` while
 * anything waits, so a queue left by a dropped hotspot drains when the link returns. Asks
 * about listings in review every `qcEveryMs` while online. One shop at a time; the engine's
 * circuit breaker keeps a dead link from being hammered, and the wait after an `offline`
 * drain follows the breaker's pause.
 */
export class AutoDrain {
  private online = true;
  private stopped = false;
  private wake = new AbortController();
  private loop: Promise<void> | null = null;
  private lastQc = 0;

  constructor(private readonly deps: AutoDrainDeps) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Something changed (products queued, the link is back): look now rather than at the next tick. */
  nudge(): void {
    this.wake.abort();
  }

  setOnline(online: boolean): void {
    const back = online && !this.online;
    this.online = online;
    if (back) this.nudge();
  }

  /** Stops the loop; null when it never ran, so a caller can close at once (see Core.close). */
  stop(): Promise<void> | null {
    this.stopped = true;
    this.nudge();
    return this.loop;
  }

  private async run(): Promise<void> {
    const idleMs = this.deps.idleMs ?? AUTO_IDLE_MS;
    const qcEveryMs = this.deps.qcEveryMs ?? AUTO_QC_EVERY_MS;
    while (!this.stopped) {
      // A nudge while this round works ends the wait after it at once.
      const wake = new AbortController();
      this.wake = wake;
      let waitMs = idleMs;
      if (this.online && this.deps.enabled()) {
        try {
          for (const shop of this.deps.shops()) {
            if (this.stopped) break;
            if (shop.sending > 0) {
              const report = await this.deps.drain(shop);
              if (report.outcome === 'offline' && report.retryInMs !== undefined) {
                waitMs = Math.min(waitMs, Math.max(1_000, report.retryInMs));
              }
            }
          }
          if (Date.now() - this.lastQc >= qcEveryMs) {
            this.lastQc = Date.now();
            for (const shop of this.deps.shops()) if (shop.inQc > 0 && !this.stopped) await this.deps.followQc(shop);
          }
        } catch (error) {
          // A shop that cannot be sent now (not connected, a damaged row) must not stop the others next time.
          this.deps.log?.(`auto upload: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (this.stopped) break;
      await sleep(waitMs, wake.signal);
    }
  }
}
