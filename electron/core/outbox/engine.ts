import { createHash } from 'node:crypto';
import type { DrainOutcome } from '../../shared/uploads';
import fs from 'node:fs/promises';
import type { Product } from '../../shared/catalogue';
import {
  MarketplaceFailure,
  MAX_SKUS_PER_LOOKUP,
  type ListingPayload,
  type MarketplaceAdapter,
  type RemoteListing,
} from '../marketplace/adapter';
import { fullJitter, UPLOAD_BACKOFF, type BackoffOptions } from './backoff';
import { CircuitBreaker } from './circuit';
import type { RemoteImageCache } from './image-cache';
import {
  holderAlive,
  LEASE_MS,
  LEASE_POLL_MS,
  LEASE_RENEW_MS,
  newLeaseOwner,
  PHOTO_ELSEWHERE_WAIT_MS,
  type LeaseClaim,
  type LeaseOwner,
} from './lease';
import {
  CIRCUIT_COOLDOWN_MS,
  CIRCUIT_THRESHOLD,
  DEFAULT_CONCURRENCY,
  DEFAULT_LIMITS,
  PHOTOS_WAIT_MS,
  type ApiName,
  type UploadLimits,
} from './limits';
import { listingOf, MAX_LISTING_IMAGES } from './listing';
import { remoteState } from './remote-state';
import type { UploadError, UploadRow } from './rows';
import { sleep as realSleep } from './sleep';
import type { OutboxStore, StateCounts } from './store';
import { TokenBucket } from './token-bucket';

/** A product's photo as the engine needs it: rendered file when ready. */
export interface ListingPhoto {
  readonly state: 'pending' | 'ready' | 'failed';
  /** The optimised JPEG to upload; null until rendered. */
  readonly file: string | null;
}

export interface EngineDeps {
  readonly store: OutboxStore;
  readonly images: RemoteImageCache;
  /** Runs `fn` in one write transaction. */
  readonly transaction: <T>(fn: () => T) => T;
  /** Runs `fn` in one read transaction. */
  readonly read: <T>(fn: () => T) => T;
  /** The product as it is now, or undefined when it was deleted. */
  readonly product: (productId: number) => Product | undefined;
  /** The product's photos, main first. */
  readonly photos: (productId: number) => readonly ListingPhoto[];
  readonly salePropKey: (categoryId: number, variation: string) => string;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly limits?: UploadLimits;
  readonly concurrency?: number;
  readonly circuit?: { readonly threshold: number; readonly cooldownMs: number };
  readonly backoff?: BackoffOptions;
  readonly log?: (message: string) => void;
}

/**
 * Why a drain ended: nothing left to send (`done`), the link is down (`offline`, the
 * circuit opened), the shop must be connected again (`auth`), the laptop's clock is too
 * far off (`clock`), the caller stopped it (`stopped`), or only rows another live Akar
 * holds are left (`elsewhere`).
 */
export type { DrainOutcome };

export interface DrainResult {
  readonly outcome: DrainOutcome;
  readonly counts: StateCounts;
  /** For `offline`: when the link is worth trying again. */
  readonly retryInMs?: number;
}

export interface DrainOptions {
  readonly signal?: AbortSignal;
  /** Called after every step of a listing, with the shop's counts. */
  readonly onStep?: (counts: StateCounts) => void;
  /** Wait out an open circuit and go on (the CLI), instead of returning `offline` (the app). */
  readonly keepTrying?: boolean;
  /**
   * Wait while another live Akar sends rows of this shop (the CLI, so it ends when the
   * queue is empty), instead of returning `elsewhere` (the app).
   */
  readonly waitForOthers?: boolean;
}

/** Per shop: a token bucket per API and the circuit breaker over the link. */
interface Link {
  readonly buckets: Record<ApiName, TokenBucket>;
  readonly circuit: CircuitBreaker;
  stop: DrainOutcome | null;
}

class LinkDown extends Error {}

/** The engine no longer holds the row's lease (lease.ts): it must stop and write nothing more to the row. */
/** The shortest pause between looks while another Akar holds rows of the shop. */
const MIN_POLL_MS = 50;
/**
 * A create or update goes out only while the row's lease has at least this long left, so
 * no other Akar can take the row over (only an expired lease of a live holder can be)
 * before the request has left; with less left it is renewed first.
 */
const FENCE_MARGIN_MS = 30_000;

class LeaseLost extends Error {
  constructor(readonly uploadId: number) {
    super(`upload ${uploadId}: another Akar took this listing over`);
  }
}

/** A listing's photos once sent: their URLs, and what the next recovery point writes of them. */
interface SentPhotos {
  readonly urls: string[];
  /** Puts the URLs in the photo cache and releases the photos' leases. */
  readonly cache: () => void;
  /** Records the row's photo progress (a recovery point of the row). */
  readonly progress: () => void;
  /** Drops the photos this listing was sending from the engine's list, once cached. */
  readonly forget: () => void;
}

/** A photo this engine is sending, which other listings of the engine join instead of sending it again. */
interface SendingImage {
  readonly connectionId: number;
  readonly sha256: string;
  readonly url: Promise<string>;
}

/**
 * The upload engine: sends the outbox of one shop, listing by listing, through the
 * recovery points in rows.ts. Exactly once in effect: a create whose outcome is unknown
 * (sent, then the link dropped, or the app was killed) is looked up by SellerSku before
 * anything is sent again, and a duplicate-SKU refusal is reconciled the same way.
 *
 * Another process may send the same outbox (the app's automatic sender and `akar upload`):
 * each row is leased to one engine while it works on it, and so is each photo not yet in
 * the photo cache (lease.ts), so the two split the work instead of doing it twice.
 */
export class UploadEngine {
  /** This engine's identity on the rows and photos it leases. */
  readonly owner: LeaseOwner = newLeaseOwner();
  private readonly links = new Map<number, Link>();
  /** Photos on their way, by `connectionId:sha256`, until their URL is in the photo cache. */
  private readonly sendingImages = new Map<string, SendingImage>();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly backoff: BackoffOptions;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.sleep = deps.sleep ?? realSleep;
    this.backoff = deps.backoff ?? UPLOAD_BACKOFF;
  }

  async drain(connectionId: number, adapter: MarketplaceAdapter, options: DrainOptions = {}): Promise<DrainResult> {
    const link = this.link(connectionId);
    link.stop = null;
    // Asked to send: someone thinks the link may be back, so an open circuit gets its probe now.
    link.circuit.probeNow();
    const { signal } = options;
    const inFlight = new Map<number, Promise<void>>();
    // Rows are claimed a batch (the concurrency) at a time and started as slots free up, so
    // claiming costs one commit per batch rather than one per listing. Rows whose work
    // ended are released in that same write; both lists are released when the drain ends.
    const claimed: UploadRow[] = [];
    const finished: number[] = [];
    const concurrency = this.deps.concurrency ?? DEFAULT_CONCURRENCY;
    const counts = () => this.deps.read(() => this.deps.store.counts(connectionId));
    // While the circuit is half-open only its probe gets through: the other listings would
    // fail at once and be claimed again in a busy loop, so one listing at a time goes then.
    const mayStart = () => {
      const state = link.circuit.state();
      return state === 'closed' || (state === 'half_open' && inFlight.size === 0);
    };
    // Photos may crawl over 3G for minutes without a recovery point: keep the leases alive meanwhile.
    const heartbeat = setInterval(
      () => this.renewLeases(connectionId, [...inFlight.keys(), ...claimed.map((row) => row.id)]),
      LEASE_RENEW_MS,
    );
    heartbeat.unref();
    try {
      for (;;) {
        if (signal?.aborted) link.stop = 'stopped';
        if (link.stop === null && link.circuit.state() === 'open') {
          if (!options.keepTrying) link.stop = 'offline';
          else if (inFlight.size === 0) await this.sleep(link.circuit.retryInMs(), signal);
        }
        if (link.stop !== null) {
          await Promise.all(inFlight.values());
          return {
            outcome: link.stop,
            counts: counts(),
            ...(link.stop === 'offline' ? { retryInMs: link.circuit.retryInMs() } : {}),
          };
        }
        const refill = claimed.length === 0 && inFlight.size < concurrency && mayStart();
        if (refill || (finished.length > 0 && inFlight.size === 0)) {
          const rows = this.deps.transaction(() => {
            for (const id of finished) this.deps.store.releaseLease(id, this.owner.id);
            if (!refill) return [];
            return this.deps.store.claimDue(connectionId, concurrency, [...inFlight.keys()], this.claim());
          });
          finished.length = 0;
          claimed.push(...rows);
        }
        while (inFlight.size < concurrency && mayStart()) {
          const row = claimed.shift();
          if (row === undefined) break;
          const work = this.send(row, adapter, link, signal).finally(() => {
            inFlight.delete(row.id);
            finished.push(row.id);
            options.onStep?.(counts());
          });
          inFlight.set(row.id, work);
        }
        if (inFlight.size > 0) {
          await Promise.race(inFlight.values());
          continue;
        }
        if (claimed.length > 0) continue; // the circuit is open: waited out or reported above
        const wake = this.deps.read(() => this.deps.store.nextWake(connectionId, this.owner.id));
        // Rows another Akar is sending: not done yet. Look again soon; when that one
        // finishes, the rows are no longer due, and when it dies, they are taken over.
        const heldElsewhere = this.deps.read(() => this.deps.store.heldByOthers(connectionId, this.owner.id));
        if (wake === null && heldElsewhere === 0) return { outcome: 'done', counts: counts() };
        // Only rows another live Akar is sending are left: the app (and its automatic sender,
        // which has other shops to serve) says so and moves on; the CLI waits for them.
        if (wake === null && !options.waitForOthers) return { outcome: 'elsewhere', counts: counts() };
        const untilWake = wake === null ? LEASE_POLL_MS : Math.max(0, Date.parse(wake) - this.now()) + 5;
        await this.sleep(
          heldElsewhere > 0 ? Math.max(MIN_POLL_MS, Math.min(untilWake, LEASE_POLL_MS)) : untilWake,
          signal,
        );
      }
    } finally {
      // A drain that failed half-way (the database busy for too long) still lets its sends
      // end before it returns: otherwise the next drain could claim their rows (leased to
      // this same owner) while a create is on its way.
      await Promise.allSettled(inFlight.values());
      clearInterval(heartbeat);
      const unfinished = [...finished, ...claimed.map((row) => row.id)];
      if (unfinished.length > 0) this.releaseLeases(unfinished);
    }
  }

  /** Looks up the listings in QC and records those the marketplace approved or rejected. */
  async followQc(connectionId: number, adapter: MarketplaceAdapter, signal?: AbortSignal): Promise<number> {
    const link = this.link(connectionId);
    let changed = 0;
    let afterId = 0;
    for (;;) {
      const rows = this.deps.read(() => this.deps.store.inQc(connectionId, MAX_SKUS_PER_LOOKUP, afterId));
      if (rows.length === 0) return changed;
      afterId = rows[rows.length - 1]?.id ?? afterId;
      const skusOf = new Map(rows.map((row) => [row.id, this.sellerSkus(row)]));
      for (const batch of batches(rows, skusOf)) {
        const found = await this.call(link, 'lookup', signal, () =>
          adapter.findBySellerSkus(
            batch.flatMap((row) => skusOf.get(row.id) ?? []),
            signal,
          ),
        );
        this.deps.transaction(() => {
          for (const row of batch) {
            const remote = matching(found, skusOf.get(row.id) ?? []);
            if (remote === undefined || remote.status === 'pending_qc') continue;
            // Queued again meanwhile (changes to send), maybe by another Akar: not in review any more.
            if (this.deps.store.get(row.id)?.state !== 'in_qc') continue;
            this.adopt(row, remote);
            changed += 1;
          }
        });
      }
    }
  }

  private link(connectionId: number): Link {
    let link = this.links.get(connectionId);
    if (link === undefined) {
      const limits = this.deps.limits ?? DEFAULT_LIMITS;
      const bucket = (api: ApiName) => new TokenBucket(limits[api].perSecond, limits[api].burst, this.now);
      const circuit = this.deps.circuit ?? { threshold: CIRCUIT_THRESHOLD, cooldownMs: CIRCUIT_COOLDOWN_MS };
      link = {
        buckets: {
          image: bucket('image'),
          create: bucket('create'),
          update: bucket('update'),
          lookup: bucket('lookup'),
        },
        circuit: new CircuitBreaker(circuit.threshold, circuit.cooldownMs, this.now),
        stop: null,
      };
      this.links.set(connectionId, link);
    }
    return link;
  }

  /** One listing, from wherever it stopped to its next resting point (in QC, blocked, or later). */
  private async send(row: UploadRow, adapter: MarketplaceAdapter, link: Link, signal?: AbortSignal): Promise<void> {
    const { store } = this.deps;
    try {
      const product = this.deps.read(() => this.deps.product(row.product_id));
      if (product === undefined) {
        this.step(row, () =>
          store.move(row.id, 'blocked', { error: problem('product_gone', 'the product was deleted') }),
        );
        return;
      }
      const skus = product.skus.map((sku) => sku.sellerSku);
      if (row.item_id === null && row.create_sent > 0) {
        // A create may have reached the marketplace: find it before sending anything again.
        const found = await this.lookup(link, adapter, skus, signal);
        if (found !== undefined) return this.step(row, () => this.adopt(row, found));
      }
      const photos = await this.sendImages(row, product, adapter, link, signal);
      if (photos === null) return;
      let listing: ListingPayload;
      try {
        listing = listingOf(product, photos.urls, this.deps.salePropKey, row.sku_ids);
      } catch (error) {
        // The photos' URLs are kept all the same: the next attempt does not send them again.
        this.stepWithPhotos(row, photos, () => undefined);
        throw error;
      }
      if (row.item_id !== null) {
        const itemId = row.item_id;
        this.stepWithPhotos(row, photos, () => store.move(row.id, 'updating', { keepAttempts: true }));
        await this.call(
          link,
          'update',
          signal,
          () => adapter.updateListing(itemId, listing, signal),
          () => this.fence(row),
        );
        this.step(row, () => store.move(row.id, 'in_qc', { clearRejectReason: true, sentVersion: product.updatedAt }));
        return;
      }
      const won = this.stepWithPhotos(row, photos, () => {
        if (!store.markCreateSent(row.id, row.create_sent)) return false;
        store.move(row.id, 'creating', { keepAttempts: true });
        return true;
      });
      if (!won) {
        // The create's own guard, behind the lease (which makes this unreachable while every
        // Akar honours it): another process counted a create first. Look it up next time.
        this.step(row, () =>
          store.retryLater(
            row.id,
            problem('unknown_outcome', 'another Akar on this laptop is sending this listing'),
            new Date(this.now() + PHOTOS_WAIT_MS).toISOString(),
            false,
          ),
        );
        return;
      }
      try {
        const created = await this.call(
          link,
          'create',
          signal,
          () => adapter.createListing(listing, signal),
          () => this.fence(row),
        );
        const skuIds = Object.fromEntries(created.skus.map((sku) => [sku.sellerSku, sku.skuId]));
        this.step(row, () =>
          store.move(row.id, created.status === 'live' ? 'live' : 'in_qc', {
            itemId: created.itemId,
            skuIds,
            clearRejectReason: true,
            sentVersion: product.updatedAt,
          }),
        );
      } catch (error) {
        if (!(error instanceof MarketplaceFailure) || error.kind !== 'duplicate') throw error;
        const found = await this.lookup(link, adapter, skus, signal);
        if (found !== undefined) return this.step(row, () => this.adopt(row, found));
        this.step(row, () =>
          store.move(row.id, 'blocked', {
            error: {
              kind: 'sku_taken',
              message: error.message,
              ...(error.details.code ? { code: error.details.code } : {}),
            },
          }),
        );
      }
    } catch (error) {
      try {
        this.failed(row, error, link, signal);
      } catch (lost) {
        if (!(lost instanceof LeaseLost)) throw lost;
        this.deps.log?.(lost.message);
      }
    }
  }

  /**
   * Makes sure every photo of the listing is on the marketplace. Returns their URLs (main
   * first) and what is left to write of them, which the caller commits together with its
   * next recovery point; null when the photos are not ready yet, none can be sent, or
   * another Akar is sending one of them (the row was moved accordingly).
   */
  private async sendImages(
    row: UploadRow,
    product: Product,
    adapter: MarketplaceAdapter,
    link: Link,
    signal?: AbortSignal,
  ): Promise<SentPhotos | null> {
    const { store, images } = this.deps;
    const photos = this.deps.read(() => this.deps.photos(product.id)).filter((p) => p.state !== 'failed');
    if (photos.some((photo) => photo.state === 'pending')) {
      this.step(row, () =>
        store.retryLater(
          row.id,
          problem('photos_waiting', 'photos are still being optimised'),
          new Date(this.now() + PHOTOS_WAIT_MS).toISOString(),
          false,
        ),
      );
      return null;
    }
    const files = photos.flatMap((photo) => (photo.file === null ? [] : [photo.file])).slice(0, MAX_LISTING_IMAGES);
    if (files.length === 0) {
      this.step(row, () =>
        store.move(row.id, 'blocked', { error: problem('photo_missing', 'the product has no photo') }),
      );
      return null;
    }
    const contents = await Promise.all(files.map((file) => fs.readFile(file)));
    const hashes = contents.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
    const urls: (string | undefined)[] = this.deps.read(() => hashes.map((sha) => images.get(row.connection_id, sha)));
    const missing = urls.flatMap((url, index) => (url === undefined ? [index] : []));
    // Who sends each missing photo: this listing (claimed here), a listing of this engine
    // already sending the same photo (joined), or another Akar (left to it: this listing
    // waits for the URL it will cache). Decided in one write, with the photo cache read
    // again inside it, so two processes never both claim a photo.
    const claimed: number[] = [];
    const joined: number[] = [];
    let elsewhere = 0;
    if (missing.length > 0) {
      this.step(row, () => {
        const claimedHere = new Set<string>();
        for (const index of missing) {
          const sha = hashes[index] ?? '';
          const url = images.get(row.connection_id, sha);
          if (url !== undefined) urls[index] = url;
          else if (claimedHere.has(sha) || this.sendingImages.has(`${row.connection_id}:${sha}`)) joined.push(index);
          else if (store.claimImage(row.connection_id, sha, this.claim())) {
            claimed.push(index);
            claimedHere.add(sha);
          } else elsewhere += 1;
        }
      });
    }
    // The listing's photos go out together, and their URLs are committed in one write when
    // all have answered: a crash in between sends at most these few photos again. Claimed
    // photos start first, so a duplicate within the listing joins its first copy.
    const started: string[] = [];
    const results = await Promise.allSettled(
      [...claimed, ...joined].map(async (index) => {
        const bytes = contents[index] ?? Buffer.alloc(0);
        urls[index] = await this.uploadOnce(row.connection_id, hashes[index] ?? '', started, async () => {
          const uploaded = await this.call(link, 'image', signal, () =>
            adapter.uploadImage({ bytes, fileName: `${product.id}-${index + 1}.jpg` }, signal),
          );
          return uploaded.url;
        });
      }),
    );
    const done = urls.flatMap((url, index) => (url === undefined ? [] : [index]));
    const progress = {
      imagesTotal: files.length,
      imagesDone: done.length,
      bytesTotal: contents.reduce((sum, bytes) => sum + bytes.length, 0),
      bytesSent: done.reduce((sum, index) => sum + (contents[index]?.length ?? 0), 0),
    };
    const changed =
      missing.length > 0 ||
      row.state === 'queued' ||
      row.images_done !== progress.imagesDone ||
      row.bytes_total !== progress.bytesTotal;
    const sent: SentPhotos = {
      urls: urls.filter((url): url is string => url !== undefined),
      cache: () => {
        for (const index of [...claimed, ...joined]) {
          const url = urls[index];
          if (url !== undefined) images.put(row.connection_id, hashes[index] ?? '', url, contents[index]?.length ?? 0);
        }
        for (const index of claimed) store.releaseImageLease(row.connection_id, hashes[index] ?? '', this.owner.id);
      },
      progress: () => {
        if (changed) {
          store.move(row.id, row.state === 'queued' ? 'images' : row.state, { keepAttempts: true, ...progress });
        }
      },
      forget: () => {
        for (const key of started) this.sendingImages.delete(key);
      },
    };
    const failure = results.find((result) => result.status === 'rejected');
    if (failure === undefined && elsewhere === 0) return sent;
    this.stepWithPhotos(row, sent, () => {
      if (failure !== undefined) return;
      store.retryLater(
        row.id,
        problem('photos_waiting', 'another Akar on this laptop is sending one of these photos'),
        new Date(this.now() + PHOTO_ELSEWHERE_WAIT_MS).toISOString(),
        false,
      );
    });
    if (failure !== undefined) throw failure.reason;
    return null;
  }

  /** Listings holding any of these SellerSkus; the one to adopt, if any. */
  private async lookup(
    link: Link,
    adapter: MarketplaceAdapter,
    skus: readonly string[],
    signal?: AbortSignal,
  ): Promise<RemoteListing | undefined> {
    const found = await this.call(link, 'lookup', signal, () => adapter.findBySellerSkus(skus, signal));
    const remote = matching(found, skus);
    if (remote !== undefined && found.filter((f) => f.status !== 'deleted').length > 1) {
      this.deps.log?.(`upload: ${found.length} listings hold SellerSkus ${skus.join(', ')}; adopting ${remote.itemId}`);
    }
    return remote;
  }

  /** Takes over a listing found on the marketplace as this row's, in the state it is in there. */
  private adopt(row: UploadRow, remote: RemoteListing): void {
    const skuIds = Object.fromEntries(remote.skus.map((sku) => [sku.sellerSku, sku.skuId]));
    const state = remoteState(remote.status);
    this.deps.store.move(row.id, state, {
      itemId: remote.itemId,
      skuIds,
      ...(remote.status === 'rejected' ? { rejectReason: remote.rejectReason ?? '' } : { clearRejectReason: true }),
      ...(state === 'blocked' ? { error: problem('product_gone', 'the listing was deleted on the marketplace') } : {}),
    });
  }

  /** Calls the marketplace through the link's circuit breaker and the API's token bucket. */
  /**
   * `fence` runs after the rate limit's wait, right before the request leaves (a throttle
   * may have held it for a while): it throws when the request must not go any more.
   */
  private async call<T>(
    link: Link,
    api: ApiName,
    signal: AbortSignal | undefined,
    fn: () => Promise<T>,
    fence?: () => void,
  ): Promise<T> {
    if (!link.circuit.allow()) throw new LinkDown('the link to the marketplace is down');
    await link.buckets[api].acquire(this.sleep, signal);
    if (signal?.aborted) throw signal.reason;
    fence?.();
    try {
      const value = await fn();
      link.circuit.succeeded();
      return value;
    } catch (error) {
      if (error instanceof MarketplaceFailure) {
        if (error.kind === 'offline' || error.kind === 'unknown_outcome') link.circuit.failed();
        else link.circuit.succeeded();
        if (error.kind === 'throttled') link.buckets[api].blockUntil(this.now() + (error.details.retryAfterMs ?? 1000));
      }
      throw error;
    }
  }

  /** What a failed step leaves behind: the row waits for a later attempt, or is blocked. */
  private failed(row: UploadRow, error: unknown, link: Link, signal?: AbortSignal): void {
    const { store } = this.deps;
    const later = (ms: number, what: UploadError, count: boolean) =>
      this.step(row, () => store.retryLater(row.id, what, new Date(this.now() + ms).toISOString(), count));
    if (signal?.aborted) return; // stopped by the user: the row stays at its recovery point
    if (error instanceof LinkDown) return;
    if (error instanceof LeaseLost) {
      // Taken over after our lease expired (or skipped): the row is the other's now.
      this.deps.log?.(error.message);
      return;
    }
    if (error instanceof MarketplaceFailure) {
      const what: UploadError = {
        kind: error.kind,
        message: error.message,
        ...(error.details.code ? { code: error.details.code } : {}),
        ...(error.details.field ? { field: error.details.field } : {}),
      };
      switch (error.kind) {
        case 'offline':
          return later(fullJitter(1, this.backoff, this.random), what, false);
        case 'unknown_outcome':
          return later(fullJitter(row.attempts + 1, this.backoff, this.random), what, true);
        case 'throttled':
          return later(error.details.retryAfterMs ?? 1000, what, false);
        case 'auth':
          link.stop = 'auth';
          return later(0, what, false);
        case 'clock':
          link.stop = 'clock';
          return later(0, what, false);
        case 'rejected':
        case 'duplicate':
          return this.step(row, () => store.move(row.id, 'blocked', { error: what }));
      }
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT') {
      // A rendered photo vanished (disk cleaned up by hand): it will be made again.
      return later(PHOTOS_WAIT_MS, problem('photo_missing', String(error)), false);
    }
    this.deps.log?.(`upload ${row.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    later(fullJitter(row.attempts + 1, this.backoff, this.random), problem('internal', String(error)), true);
  }

  /**
   * Writes a recovery point of a row this engine works on, in one transaction that first
   * renews the row's lease: when the lease is no longer this engine's, `fn` is not run and
   * LeaseLost stops the work on the row. `always` is written whoever holds the row.
   */
  private step<T>(row: UploadRow, fn: () => T, always?: () => void): T {
    const result = this.deps.transaction(() => {
      always?.();
      if (!this.deps.store.renewLease(row.id, this.owner.id, this.claim().until)) return { held: false } as const;
      return { held: true, value: fn() } as const;
    });
    if (!result.held) throw new LeaseLost(row.id);
    return result.value;
  }

  /**
   * The step after a listing's photos were sent: their URLs go to the photo cache (and
   * their leases are released) whatever became of the row's lease, since a URL the
   * marketplace gave is right for any listing; their progress and `next` are the row's
   * recovery point. One write instead of two.
   */
  private stepWithPhotos<T>(row: UploadRow, photos: SentPhotos, next: () => T): T {
    try {
      return this.step(
        row,
        () => {
          photos.progress();
          return next();
        },
        photos.cache,
      );
    } finally {
      // Their URLs are in the photo cache now (or they failed): later listings read or claim them there.
      photos.forget();
    }
  }

  /**
   * Makes sure the row is still this engine's for long enough to send a create or update
   * (a laptop asleep past the expiry, a long throttle): a read when plenty is left, a
   * renewing step otherwise, LeaseLost when another Akar took the row over.
   */
  private fence(row: UploadRow): void {
    const current = this.deps.read(() => this.deps.store.get(row.id));
    const until = current?.lease_until ? Date.parse(current.lease_until) : 0;
    if (current?.lease_owner === this.owner.id && until - this.now() > FENCE_MARGIN_MS) return;
    this.step(row, () => undefined);
  }

  /** A claim by this engine, now, for the lease's full length. */
  private claim(): LeaseClaim {
    const now = this.now();
    return {
      owner: this.owner,
      now: new Date(now).toISOString(),
      until: new Date(now + LEASE_MS).toISOString(),
      alive: holderAlive,
    };
  }

  /** The heartbeat: extends the leases of the rows in flight and of the photos on their way. */
  private renewLeases(connectionId: number, rowIds: readonly number[]): void {
    const { store } = this.deps;
    const { until } = this.claim();
    try {
      this.deps.transaction(() => {
        for (const id of rowIds) {
          // Lost: the row's next step finds out and stops (see step).
          if (!store.renewLease(id, this.owner.id, until)) this.deps.log?.(`upload ${id}: lease lost`);
        }
        for (const image of this.sendingImages.values()) {
          if (image.connectionId === connectionId) {
            store.renewImageLease(image.connectionId, image.sha256, this.owner.id, until);
          }
        }
      });
    } catch (error) {
      // Busy for longer than the busy timeout: the next beat tries again, well before the expiry.
      this.deps.log?.(`upload leases not renewed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private releaseLeases(rowIds: readonly number[]): void {
    try {
      this.deps.transaction(() => {
        for (const id of rowIds) this.deps.store.releaseLease(id, this.owner.id);
      });
    } catch (error) {
      // The rows stay leased to this live process until the lease expires; nothing is lost.
      this.deps.log?.(`upload leases not released: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The URL of a photo: sent by `upload`, or, when this engine is already sending the same
   * photo for another listing, that upload's answer. `started` collects the photos this
   * call started, which the caller forgets once their URLs are in the photo cache.
   */
  private uploadOnce(
    connectionId: number,
    sha256: string,
    started: string[],
    upload: () => Promise<string>,
  ): Promise<string> {
    const key = `${connectionId}:${sha256}`;
    const running = this.sendingImages.get(key);
    if (running !== undefined) return running.url;
    const url = upload();
    this.sendingImages.set(key, { connectionId, sha256, url });
    started.push(key);
    return url;
  }

  private sellerSkus(row: UploadRow): string[] {
    const known = Object.keys(row.sku_ids);
    if (known.length > 0) return known;
    const product = this.deps.read(() => this.deps.product(row.product_id));
    return product?.skus.map((sku) => sku.sellerSku) ?? [];
  }
}

function problem(kind: UploadError['kind'], message: string): UploadError {
  return { kind, message };
}

/** The listing holding any of these SellerSkus (case-insensitive, as Lazada matches them), live ones first. */
function matching(found: readonly RemoteListing[], skus: readonly string[]): RemoteListing | undefined {
  const wanted = new Set(skus.map((sku) => sku.toLowerCase()));
  const holds = found.filter((listing) => listing.skus.some((sku) => wanted.has(sku.sellerSku.toLowerCase())));
  return holds.find((listing) => listing.status !== 'deleted') ?? holds[0];
}

/** Rows grouped so each lookup carries at most MAX_SKUS_PER_LOOKUP SellerSkus. */
function batches(rows: readonly UploadRow[], skusOf: ReadonlyMap<number, readonly string[]>): UploadRow[][] {
  const result: UploadRow[][] = [];
  let current: UploadRow[] = [];
  let size = 0;
  for (const row of rows) {
    const n = skusOf.get(row.id)?.length ?? 0;
    if (current.length > 0 && size + n > MAX_SKUS_PER_LOOKUP) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += n;
  }
  if (current.length > 0) result.push(current);
  return result;
}
