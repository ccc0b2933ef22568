/**
 * Per-API QPS limits and bans, keyed by (app key, API path) as Lazada does (marketplaces.md
 * §1.3): a token bucket per key; an empty bucket answers `ApiCallLimit` and bans that API
 * for 1 s. An injected `throttle` fault bans it until its Retry-After passes.
 *
 * Time here is the real, monotonic time of the requests, not the server's injectable
 * business clock: a test that freezes the clock to expire tokens must not freeze the
 * buckets too, and a client waiting out a ban waits real seconds.
 *
 * A request that arrives during a ban is refused, and counted as a *violation* when it
 * arrived after the client could have known: later than the moment the refusal finished
 * being written plus a small grace (requests already on the wire when the ban began are
 * not the client's fault).
 */

export const DEFAULT_QPS = 50;
export const DEFAULT_QPS_BY_API: Readonly<Record<string, number>> = { '/image/upload': 20 };
/** Lazada's ban after an exceeded QPS limit. */
export const QPS_BAN_MS = 1000;
export const DEFAULT_BAN_GRACE_MS = 25;

export type BanKind = 'qps' | 'throttle';

export interface Ban {
  readonly kind: BanKind;
  readonly until: number;
  /** When the client could first know of the ban; +Infinity until the refusal was written. */
  noticeAt: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly bans = new Map<string, Ban>();

  constructor(
    private readonly qps: Readonly<Record<string, number>>,
    private readonly defaultQps: number,
    private readonly graceMs: number = DEFAULT_BAN_GRACE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private limit(apiPath: string): number {
    return this.qps[apiPath] ?? this.defaultQps;
  }

  /** The ban in force for this key, if any (expired bans are forgotten). */
  activeBan(appKey: string, apiPath: string): Ban | undefined {
    const key = `${appKey}\n${apiPath}`;
    const ban = this.bans.get(key);
    if (ban && ban.until <= this.now()) {
      this.bans.delete(key);
      return undefined;
    }
    return ban;
  }

  /**
   * Whether a request arriving now is a violation: a ban is in force and was announced
   * (plus the grace) before it came. Checked on arrival, before any fault, so an early
   * request counts even when a fault then drops it.
   */
  violates(appKey: string, apiPath: string): boolean {
    const ban = this.activeBan(appKey, apiPath);
    return ban !== undefined && this.now() >= ban.noticeAt + this.graceMs;
  }

  /** Takes a token; an empty bucket starts (and returns) a fresh 1 s QPS ban. */
  take(appKey: string, apiPath: string): Ban | undefined {
    const limit = this.limit(apiPath);
    if (!(limit > 0) || !Number.isFinite(limit)) return undefined;
    const now = this.now();
    const key = `${appKey}\n${apiPath}`;
    const bucket = this.buckets.get(key) ?? { tokens: limit, at: now };
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) / 1000) * limit);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return this.ban(appKey, apiPath, 'qps', QPS_BAN_MS);
  }

  /** Starts (or extends) a ban; call `noticed` once the refusal has been written. */
  ban(appKey: string, apiPath: string, kind: BanKind, ms: number): Ban {
    const ban: Ban = { kind, until: this.now() + ms, noticeAt: Number.POSITIVE_INFINITY };
    this.bans.set(`${appKey}\n${apiPath}`, ban);
    return ban;
  }

  noticed(ban: Ban): void {
    ban.noticeAt = Math.min(ban.noticeAt, this.now());
  }

  /** Milliseconds left on a ban, at least 1. */
  remainingMs(ban: Ban): number {
    return Math.max(1, Math.ceil(ban.until - this.now()));
  }
}
