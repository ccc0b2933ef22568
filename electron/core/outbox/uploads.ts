import { setMaxListeners } from 'node:events';
import type { ProductStore } from '../catalogue/products';
import type { SellerStore } from '../catalogue/sellers';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { CoreError } from '../errors';
import type { JobControl } from '../jobs/jobs';
import { MarketplaceFailure } from '../marketplace/adapter';
import { ServerClock } from '../marketplace/lazada/clock';
import { LAZADA_ENDPOINTS, practiceEndpoints } from '../marketplace/lazada/endpoints';
import { createToken } from '../marketplace/lazada/oauth';
import { LazadaTransport } from '../marketplace/lazada/transport';
import type {
  ConnectInput,
  Connection,
  DrainReport,
  EnqueueResult,
  Marketplace,
  RefusedProduct,
  ShopUploads,
  UploadListing,
} from '../../shared/uploads';
import type { AppError } from '../../shared/result';
import { sendingCount } from '../../shared/plain/upload-words';
import { matchBrand } from '../categories/brands';
import { categoryAttributesKnown } from '../categories/browse';
import { withBrandIds } from './brand-ids';
import { uploadProblems } from './checks';
import { ConnectionStore, type ConnectionRow } from './connections';
import { UploadEngine, type EngineDeps, type ListingPhoto } from './engine';
import { RemoteImageCache } from './image-cache';
import type { UploadRow } from './rows';
import type { SecretStore } from './secrets';
import { shopLink, type ShopLink } from './shop-link';
import { OutboxStore } from './store';
import { appSecretName, storedFrom, tokenSecret, type StoredTokens } from './tokens';

export interface UploadsDeps {
  readonly db: Db;
  readonly now: () => string;
  readonly transaction: <T>(fn: () => T) => T;
  readonly read: <T>(fn: () => T) => T;
  readonly sellers: SellerStore;
  readonly products: ProductStore;
  readonly photos: (productId: number) => readonly ListingPhoto[];
  readonly salePropKey: (categoryId: number, variation: string) => string;
  readonly secrets: SecretStore;
  readonly fetch?: typeof fetch;
  /** Engine tuning (tests and the benchmark): limits, concurrency, circuit, clock, randomness. */
  readonly engine?: Partial<
    Pick<EngineDeps, 'limits' | 'concurrency' | 'circuit' | 'backoff' | 'now' | 'random' | 'sleep'>
  >;
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
}

/** The check a new connection makes: a lookup that needs a valid token and signature. */
const CONNECTION_CHECK_SKU = 'AKAR-CONNECTION-CHECK';

/**
 * Connecting shops, the outbox and its engine, as the core offers them to the app and the
 * CLI. Everything the marketplace says comes back as an AppError in the user's terms.
 */
export class Uploads {
  readonly store: OutboxStore;
  readonly connections: ConnectionStore;
  private readonly engine: UploadEngine;
  private readonly links = new Map<number, ShopLink>();
  /** The drain running for each connection: a second request joins it instead of sending twice. */
  private readonly draining = new Map<number, Promise<DrainReport>>();

  constructor(private readonly deps: UploadsDeps) {
    this.store = new OutboxStore(deps.db, deps.now);
    this.connections = new ConnectionStore(deps.db, deps.now);
    this.engine = new UploadEngine({
      store: this.store,
      images: new RemoteImageCache(deps.db, deps.now),
      transaction: deps.transaction,
      read: deps.read,
      product: (id) => {
        const product = deps.products.get(id);
        return product.deletedAt === null ? product : undefined;
      },
      photos: deps.photos,
      salePropKey: deps.salePropKey,
      ...(deps.log ? { log: deps.log } : {}),
      ...deps.engine,
    });
  }

  /**
   * `known` names the shop when the caller already knows it (the practice marketplace
   * issued the token itself); a token from an OAuth code names it anyway.
   */
  /**
   * `wanted` is asked once the code has been exchanged, before anything is stored: a sign-in
   * the seller cancelled meanwhile ("Batal") leaves no connection behind.
   */
  async connect(
    input: ConnectInput,
    known?: { sellerId: string; shortCode: string },
    wanted: () => boolean = () => true,
  ): Promise<Connection> {
    this.deps.read(() => this.deps.sellers.assertExists(input.sellerId, 'sellerId'));
    if (input.marketplace === 'practice' && input.endpoint === undefined) {
      throw new CoreError({
        code: 'invalid_input',
        message: 'the practice marketplace needs its address',
        field: 'endpoint',
        issues: [{ field: 'endpoint', reason: 'required' }],
      });
    }
    const endpoints = input.endpoint === undefined ? LAZADA_ENDPOINTS : practiceEndpoints(input.endpoint);
    const appSecret = input.appSecret ?? (await this.deps.secrets.get(appSecretName(input.marketplace, input.appKey)));
    if (appSecret === null) {
      throw new CoreError({
        code: 'invalid_input',
        message: 'no app secret is stored for this app key',
        field: 'appSecret',
        issues: [{ field: 'appSecret', reason: 'required' }],
      });
    }
    const clock = new ServerClock();
    const common = { appKey: input.appKey, appSecret, clock, ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}) };
    let tokens: StoredTokens;
    let account: { sellerId: string; shortCode: string } | undefined = known;
    try {
      if (input.code !== undefined) {
        const created = await createToken(new LazadaTransport({ baseUrl: endpoints.auth, ...common }), input.code);
        tokens = storedFrom(created);
        account = created.account;
      } else {
        tokens = {
          accessToken: input.accessToken ?? '',
          ...(input.refreshToken ? { refreshToken: input.refreshToken } : {}),
        };
      }
    } catch (error) {
      throw marketplaceError(error, clock);
    }
    // The tokens Lazada just gave are simply not kept: they expire unused.
    if (!wanted()) throw new CoreError({ code: 'cancelled', message: 'sign-in cancelled' });
    // Written before the check, so the check runs through exactly the path uploads will use.
    const row = this.deps.transaction(() =>
      this.connections.upsert({
        sellerId: input.sellerId,
        marketplace: input.marketplace,
        apiUrl: endpoints.api,
        authUrl: endpoints.auth,
        appKey: input.appKey,
        ...(account ? { accountId: account.sellerId, shortCode: account.shortCode } : {}),
        ...(tokens.expiresAt ? { accessExpiresAt: new Date(tokens.expiresAt).toISOString() } : {}),
        ...(tokens.refreshExpiresAt ? { refreshExpiresAt: new Date(tokens.refreshExpiresAt).toISOString() } : {}),
      }),
    );
    await this.deps.secrets.set(appSecretName(input.marketplace, input.appKey), appSecret);
    await this.deps.secrets.set(tokenSecret(row.id), JSON.stringify(tokens));
    this.links.delete(row.id);
    const link = this.link(row, appSecret);
    try {
      await link.adapter.findBySellerSkus([CONNECTION_CHECK_SKU]);
    } catch (error) {
      if (error instanceof MarketplaceFailure && error.kind === 'auth') {
        this.deps.transaction(() => this.connections.needsReconnect(row.id));
      }
      throw marketplaceError(error, link.clock);
    }
    return toConnection(this.deps.read(() => this.connections.get(row.id)));
  }

  /** Wipes the shop's tokens from this laptop; the queue and photo cache stay for a later connection. */
  async disconnect(sellerId: number, marketplace: Marketplace): Promise<Connection> {
    const row = this.deps.read(() => this.requireConnection(sellerId, marketplace));
    await this.deps.secrets.delete(tokenSecret(row.id));
    this.links.delete(row.id);
    this.deps.transaction(() => this.connections.needsReconnect(row.id));
    return toConnection(this.deps.read(() => this.connections.get(row.id)));
  }

  /** With how far off the laptop's clock is, when a call to that shop showed it is (so the card can say so). */
  connectionsOf(sellerId: number): Connection[] {
    return this.connections.list(sellerId).map((row) => {
      const clock = this.links.get(row.id)?.clock;
      return clock?.farOff() ? { ...toConnection(row), clockOffsetMs: clock.offsetMs() } : toConnection(row);
    });
  }

  /**
   * Marks the products ready and puts them in the outbox, in one transaction (called
   * inside the core's write). Products with problems are left out and listed with them.
   */
  enqueue(sellerId: number, marketplace: Marketplace, productIds: readonly number[] | undefined): EnqueueResult {
    this.deps.sellers.assertExists(sellerId, 'sellerId');
    const connection = this.requireConnection(sellerId, marketplace);
    const ids =
      productIds ??
      (cached(
        this.deps.db,
        `SELECT id FROM products WHERE seller_id = ? AND status = 'ready' AND deleted_at IS NULL ORDER BY id`,
      )
        .all(sellerId)
        .map((row) => (row as { id: number }).id) as number[]);
    const refused: RefusedProduct[] = [];
    let queued = 0;
    for (const id of new Set(ids)) {
      const product = this.deps.products.get(id);
      if (product.sellerId !== sellerId) {
        throw new CoreError({
          code: 'not_found',
          message: `product ${id} is not this participant's`,
          field: 'productIds',
        });
      }
      const problems = uploadProblems(
        product,
        this.deps.photos(id),
        matchBrand(this.deps.db, connection.marketplace, product.brand),
        product.categoryId === null || categoryAttributesKnown(this.deps.db, product.categoryId),
      );
      if (problems.length > 0) {
        refused.push({ productId: id, name: product.name, problems });
        continue;
      }
      if (product.status !== 'ready') this.deps.products.update({ id, changes: { status: 'ready' } });
      if (this.store.enqueue(id, sellerId, connection.id, this.deps.products.get(id).updatedAt)) queued += 1;
    }
    return { queued, refused };
  }

  /**
   * Sends the shop's outbox until it is empty, the link is down, or the job is cancelled.
   * While one drain of a shop runs (the automatic one, say), another request for it waits
   * for that one and returns its report: two engines on one outbox could send a row twice.
   */
  async drain(
    sellerId: number,
    marketplace: Marketplace,
    job: JobControl,
    options: { keepTrying?: boolean; waitForOthers?: boolean; endpoint?: string } = {},
  ): Promise<DrainReport> {
    const connection = this.deps.read(() => this.requireConnection(sellerId, marketplace));
    const running = this.draining.get(connection.id);
    if (running) return running;
    const drain = this.drainNow(sellerId, marketplace, job, options).finally(() => this.draining.delete(connection.id));
    this.draining.set(connection.id, drain);
    return drain;
  }

  /** Connected shops with listings to send or in review, for the automatic sender. */
  shopsWithWork(): { sellerId: number; marketplace: Marketplace; sending: number; inQc: number }[] {
    return cached(
      this.deps.db,
      `SELECT c.seller_id AS sellerId, c.marketplace AS marketplace,
           sum(u.state IN ('queued', 'images', 'creating', 'updating')) AS sending,
           sum(u.state = 'in_qc') AS inQc
         FROM marketplace_connections c JOIN uploads u ON u.connection_id = c.id
         WHERE c.state = 'connected'
         GROUP BY c.id HAVING sending > 0 OR inQc > 0 ORDER BY c.id`,
    ).all() as { sellerId: number; marketplace: Marketplace; sending: number; inQc: number }[];
  }

  private async drainNow(
    sellerId: number,
    marketplace: Marketplace,
    job: JobControl,
    options: { keepTrying?: boolean; waitForOthers?: boolean; endpoint?: string } = {},
  ): Promise<DrainReport> {
    let connection = this.deps.read(() => this.requireConnection(sellerId, marketplace));
    if (options.endpoint !== undefined) {
      const endpoints = practiceEndpoints(options.endpoint);
      const id = connection.id;
      connection = this.deps.transaction(() => {
        this.connections.moveTo(id, endpoints.api, endpoints.auth);
        return this.connections.get(id);
      });
      this.links.delete(id);
    }
    if (connection.state === 'needs_reconnect') throw notConnected(sellerId, marketplace);
    const link = this.link(connection, await this.appSecret(connection));
    const abort = new AbortController();
    // Every call and wait of the drain listens on this one signal (several at a time).
    setMaxListeners(1000, abort.signal);
    const watch = setInterval(() => {
      if (job.cancelled()) abort.abort(new Error('cancelled'));
    }, 200);
    let total = sendingCount(this.deps.read(() => this.store.counts(connection.id)));
    job.report(0, total);
    try {
      // Brand names become the marketplace's brand ids as each listing is sent (brand-ids.ts).
      const marketplaceId = connection.marketplace;
      const adapter = withBrandIds(link.adapter, (brand) =>
        this.deps.read(() => matchBrand(this.deps.db, marketplaceId, brand)),
      );
      const result = await this.engine.drain(connection.id, adapter, {
        signal: abort.signal,
        ...(options.keepTrying ? { keepTrying: true } : {}),
        ...(options.waitForOthers ? { waitForOthers: true } : {}),
        onStep: (counts) => {
          const left = sendingCount(counts);
          total = Math.max(total, left);
          job.report(total - left, total);
        },
      });
      if (result.outcome === 'done') {
        await this.engine.followQc(connection.id, link.adapter, abort.signal).catch(() => 0);
      }
      if (result.outcome === 'auth') this.deps.transaction(() => this.connections.needsReconnect(connection.id));
      return {
        outcome: result.outcome,
        counts: this.deps.read(() => this.store.counts(connection.id)),
        ...(result.retryInMs !== undefined ? { retryInMs: result.retryInMs } : {}),
        ...(link.clock.farOff() ? { clockOffsetMs: link.clock.offsetMs() } : {}),
      };
    } finally {
      clearInterval(watch);
    }
  }

  /**
   * The client of a participant's connected shop, for calls outside the outbox (the
   * category data a refresh downloads): its marketplace's address, app key and secret, and
   * the clock learned from it. `endpoint` moves a practice connection as a drain does. The
   * shop's sign-in may have expired: category data needs no token.
   */
  async shopLink(sellerId: number, marketplace: Marketplace, endpoint?: string): Promise<ShopLink> {
    let connection = this.deps.read(() => this.requireConnection(sellerId, marketplace));
    if (endpoint !== undefined) {
      const endpoints = practiceEndpoints(endpoint);
      const id = connection.id;
      connection = this.deps.transaction(() => {
        this.connections.moveTo(id, endpoints.api, endpoints.auth);
        return this.connections.get(id);
      });
      this.links.delete(id);
    }
    return this.link(connection, await this.appSecret(connection));
  }

  /** Asks the marketplace how the listings in QC are doing; how many changed. */
  async followQc(sellerId: number, marketplace: Marketplace): Promise<number> {
    const connection = this.deps.read(() => this.requireConnection(sellerId, marketplace));
    const link = this.link(connection, await this.appSecret(connection));
    try {
      return await this.engine.followQc(connection.id, link.adapter);
    } catch (error) {
      throw marketplaceError(error, link.clock);
    }
  }

  shop(sellerId: number, marketplace: Marketplace): ShopUploads {
    this.deps.sellers.assertExists(sellerId, 'sellerId');
    const connection = this.connections.find(sellerId, marketplace);
    if (connection === undefined) return { connection: null, counts: emptyCounts(), listings: [] };
    const names = new Map(
      (
        cached(this.deps.db, 'SELECT id, name FROM products WHERE seller_id = ?').all(sellerId) as {
          id: number;
          name: string;
        }[]
      ).map((row) => [row.id, row.name]),
    );
    return {
      connection: toConnection(connection),
      counts: this.store.counts(connection.id),
      listings: this.store.list(connection.id).map((row) => toListing(row, names.get(row.product_id) ?? '')),
    };
  }

  private link(connection: ConnectionRow, appSecret: string): ShopLink {
    let link = this.links.get(connection.id);
    if (link === undefined) {
      link = shopLink({
        connection,
        appSecret,
        secrets: this.deps.secrets,
        onRefreshed: (tokens) =>
          this.deps.transaction(() =>
            this.connections.tokensRefreshed(
              connection.id,
              new Date(tokens.expiresAt ?? Date.now()).toISOString(),
              tokens.refreshExpiresAt ? new Date(tokens.refreshExpiresAt).toISOString() : null,
            ),
          ),
        ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
        ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
      });
      this.links.set(connection.id, link);
    }
    return link;
  }

  private async appSecret(connection: ConnectionRow): Promise<string> {
    const secret = await this.deps.secrets.get(appSecretName(connection.marketplace, connection.app_key));
    if (secret === null) throw notConnected(connection.seller_id, connection.marketplace);
    return secret;
  }

  private requireConnection(sellerId: number, marketplace: Marketplace): ConnectionRow {
    const connection = this.connections.find(sellerId, marketplace);
    if (connection === undefined) throw notConnected(sellerId, marketplace);
    return connection;
  }
}

function notConnected(sellerId: number, marketplace: Marketplace): CoreError {
  return new CoreError({
    code: 'not_connected',
    message: `participant ${sellerId} has no ${marketplace} shop connected`,
    params: { marketplace },
  });
}

/** A marketplace failure during connect, a QC check or a category refresh, as the error the user reads. */
export function marketplaceError(error: unknown, clock: ServerClock): CoreError {
  if (error instanceof CoreError) return error;
  if (!(error instanceof MarketplaceFailure)) {
    return new CoreError({ code: 'marketplace_error', message: String(error), params: { detail: String(error) } });
  }
  const base: Pick<AppError, 'message'> = { message: error.message };
  switch (error.kind) {
    case 'offline':
    case 'throttled':
      return new CoreError({ code: 'marketplace_unreachable', ...base });
    case 'auth':
      return new CoreError({
        code: 'marketplace_auth',
        ...base,
        ...(error.details.code ? { params: { code: error.details.code } } : {}),
      });
    case 'clock':
      return new CoreError({
        code: 'clock_wrong',
        ...base,
        params: { minutes: Math.round(Math.abs(clock.offsetMs()) / 60_000) },
      });
    default:
      return new CoreError({ code: 'marketplace_error', ...base, params: { detail: error.message } });
  }
}

function emptyCounts(): ShopUploads['counts'] {
  return { queued: 0, images: 0, creating: 0, updating: 0, in_qc: 0, live: 0, rejected: 0, blocked: 0, skipped: 0 };
}

function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    sellerId: row.seller_id,
    marketplace: row.marketplace,
    endpoint: row.api_url,
    account: row.short_code ?? row.account_id,
    state: row.state,
    accessExpiresAt: row.access_expires_at,
  };
}

function toListing(row: UploadRow, productName: string): UploadListing {
  return {
    id: row.id,
    productId: row.product_id,
    productName,
    state: row.state,
    itemId: row.item_id,
    error: row.error,
    rejectReason: row.reject_reason,
    imagesDone: row.images_done,
    imagesTotal: row.images_total,
    bytesSent: row.bytes_sent,
    bytesTotal: row.bytes_total,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    updatedAt: row.updated_at,
  };
}
