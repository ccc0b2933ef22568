import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAULT_KINDS, FaultInjector, DEFAULT_FAULT_SEED, type FaultKind, type FaultSpec } from './faults';
import type { PracticeLanguage } from './html';
import { listingsOf, type PracticeListing } from './listings';
import { DEFAULT_TOKEN_TTL, issueTokens, type IssuedTokens, type TokenTtl } from './oauth';
import { createRouter } from './router';
import { openPracticeDb, PracticeStore } from './store';
import { DEFAULT_BAN_GRACE_MS, DEFAULT_QPS, DEFAULT_QPS_BY_API, Throttle } from './throttle';

/**
 * The practice marketplace: a local HTTP server on 127.0.0.1 that speaks the part of the
 * Lazada Open Platform Akar's client uses (signed `/rest` APIs, OAuth, image hosting,
 * asynchronous QC) plus a buyer-facing storefront, with seeded fault injection. Used by
 * "Mode latihan" in the app, from the CLI, and as the target of every upload test.
 */

export const DEFAULT_QC_DELAY_MS = 20_000;

export interface PracticeServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback only: '127.0.0.1' (default) or 'localhost'. */
  readonly host?: string;
  /** ':memory:' (default), or a file so the practice shops survive restarts. */
  readonly dbPath?: string;
  /** Generated (and, with a file dbPath, remembered there) when absent. */
  readonly appKey?: string;
  readonly appSecret?: string;
  readonly faults?: string | FaultSpec;
  /** The fault PRNG's seed when the fault spec has none. */
  readonly seed?: number;
  /** How long an item stays "pending" after a create or update; 0 allowed. */
  readonly qcDelayMs?: number;
  /** Requests per second per API path and app key; `default` for the rest (50; /image/upload 20). */
  readonly qps?: Readonly<Record<string, number>>;
  /** Grace after a ban is announced before a request counts as a violation (25 ms). */
  readonly banGraceMs?: number;
  /** The server's clock (ms epoch): timestamps, token and code expiry, QC, `Date` headers. */
  readonly clock?: () => number;
  readonly tokenTtl?: Partial<TokenTtl>;
  /** Storefront language (`?lang=` overrides per page). */
  readonly language?: PracticeLanguage;
  readonly log?: (line: string) => void;
}

export interface ApiStats {
  readonly received: number;
  /** The API ran (its work is committed), whatever it answered or whether the answer arrived. */
  readonly processed: number;
  /** Processed and answered code "0". */
  readonly succeeded: number;
  /** Refused before the API ran: body, ban/QPS, app key, timestamp, signature, token. */
  readonly refused: number;
  /** Requests that arrived during a ban after the client could have known of it. */
  readonly violations: number;
  readonly faulted: Readonly<Record<FaultKind, number>>;
}

export interface PracticeStats {
  readonly requests: Readonly<Record<string, ApiStats>>;
  /** Stored image uploads per SHA-256 (hex) of the bytes. */
  readonly imageUploads: Readonly<Record<string, number>>;
  /** Successful stores by `/product/create` per SellerSku as sent. */
  readonly createsBySellerSku: Readonly<Record<string, number>>;
  readonly throttleViolations: number;
  /** Items stored (deleted ones included). */
  readonly items: number;
}

export interface PracticeServer {
  readonly baseUrl: string;
  readonly apiUrl: string;
  readonly authorizeUrl: string;
  readonly storefrontUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  stats(): PracticeStats;
  /** Every stored item (of one shop: seller id or shop name), with its current QC status. */
  listings(shop?: number | string): PracticeListing[];
  setFaults(spec: string | FaultSpec): void;
  /** A shop (made if new) and tokens for it, without the OAuth page: tests and scripted use. */
  issueToken(shopName: string): IssuedTokens;
  close(): Promise<void>;
}

function emptyApiStats(): { -readonly [K in keyof ApiStats]: ApiStats[K] } & { faulted: Record<FaultKind, number> } {
  return {
    received: 0,
    processed: 0,
    succeeded: 0,
    refused: 0,
    violations: 0,
    faulted: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
}

function credentials(store: PracticeStore, options: PracticeServerOptions): { appKey: string; appSecret: string } {
  const appKey = options.appKey ?? store.meta('app_key') ?? String(randomInt(100_000, 1_000_000));
  const appSecret = options.appSecret ?? store.meta('app_secret') ?? randomBytes(16).toString('hex');
  if (options.appKey === undefined && options.appSecret === undefined) {
    store.setMeta('app_key', appKey);
    store.setMeta('app_secret', appSecret);
  }
  return { appKey, appSecret };
}

/** How long close() waits for requests still running. */
const CLOSE_WAIT_MS = 3_000;

export async function startPracticeServer(options: PracticeServerOptions = {}): Promise<PracticeServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost') {
    throw new RangeError(`the practice marketplace listens on 127.0.0.1 only, not ${host}`);
  }
  const clock = options.clock ?? Date.now;
  const qcDelayMs = options.qcDelayMs ?? DEFAULT_QC_DELAY_MS;
  if (!Number.isFinite(qcDelayMs) || qcDelayMs < 0) throw new RangeError('qcDelayMs must be ≥ 0');
  const faults = new FaultInjector(options.faults, options.seed ?? DEFAULT_FAULT_SEED);
  const { default: defaultQps = DEFAULT_QPS, ...perApi } = options.qps ?? {};
  const throttle = new Throttle(
    { ...DEFAULT_QPS_BY_API, ...perApi },
    defaultQps,
    options.banGraceMs ?? DEFAULT_BAN_GRACE_MS,
  );
  const store = new PracticeStore(openPracticeDb(options.dbPath ?? ':memory:'));
  const { appKey, appSecret } = credentials(store, options);
  const log = options.log ?? (() => undefined);
  const closing = new AbortController();
  let baseUrl = '';
  let origins: ReadonlySet<string> = new Set();

  const router = createRouter({
    store,
    faults,
    throttle,
    clock,
    appKey,
    appSecret,
    qcDelayMs,
    tokenTtl: { ...DEFAULT_TOKEN_TTL, ...options.tokenTtl },
    language: options.language ?? 'id',
    baseUrl: () => baseUrl,
    imageOrigins: () => origins,
    closing: closing.signal,
    log,
  });
  // Requests still running when close() is called finish (or are cut) before the DB closes.
  const inflight = new Set<Promise<void>>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const work = router(req, res).catch((error: unknown) => log(`request failed: ${String(error)}`));
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${port}`;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  log(`practice marketplace at ${baseUrl}`);

  let closed: Promise<void> | undefined;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/rest`,
    authorizeUrl: `${baseUrl}/oauth/authorize`,
    storefrontUrl: `${baseUrl}/`,
    appKey,
    appSecret,
    stats(): PracticeStats {
      const requests: Record<string, ReturnType<typeof emptyApiStats>> = {};
      let violations = 0;
      for (const row of store.counts()) {
        const entry = (requests[row.api_path] ??= emptyApiStats());
        if (row.counter.startsWith('faulted.')) {
          const kind = row.counter.slice('faulted.'.length) as FaultKind;
          if (kind in entry.faulted) entry.faulted[kind] = row.n;
        } else if (row.counter === 'violation') {
          entry.violations = row.n;
          violations += row.n;
        } else if (row.counter in entry && row.counter !== 'faulted') {
          (entry as unknown as Record<string, number>)[row.counter] = row.n;
        }
      }
      return {
        requests,
        imageUploads: store.imageUploadCounts(),
        createsBySellerSku: store.createCounts(),
        throttleViolations: violations,
        items: store.itemCount(),
      };
    },
    listings(shop?: number | string): PracticeListing[] {
      if (shop === undefined) return listingsOf(store, undefined, clock());
      const sellerId = typeof shop === 'number' ? shop : store.shopByName(shop)?.seller_id;
      return sellerId === undefined ? [] : listingsOf(store, sellerId, clock());
    },
    setFaults(spec: string | FaultSpec): void {
      faults.set(spec);
    },
    issueToken(shopName: string): IssuedTokens {
      const now = clock();
      const shop = store.ensureShop(shopName, now);
      return issueTokens(store, shop.seller_id, now, { ...DEFAULT_TOKEN_TTL, ...options.tokenTtl });
    },
    close(): Promise<void> {
      closed ??= (async () => {
        closing.abort();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        // Sockets are gone, so requests end at once; the cap is for one stuck on something
        // else, which must not keep the practice shop (or a test) from closing.
        await Promise.race([
          Promise.allSettled([...inflight]),
          new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref()),
        ]);
        store.db.close();
      })();
      return closed;
    },
  };
}
