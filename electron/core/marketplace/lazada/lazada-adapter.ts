import { z } from 'zod';
import {
  MAX_SKUS_PER_LOOKUP,
  MarketplaceFailure,
  type CreatedListing,
  type ImageUpload,
  type ListingPayload,
  type MarketplaceAdapter,
  type MarketplaceId,
  type RemoteListing,
  type UploadedImage,
} from '../adapter';
import { createPayload, updatePayload } from './payload';
import { remoteStatusSchema } from './remote-status';
import { IMAGE_UPLOAD_TIMEOUT_MS, type LazadaTransport } from './transport';

/**
 * `MarketplaceAdapter` over the Lazada Open Platform; the practice marketplace speaks the
 * same API, so it is this class with `marketplace: 'practice'` and a local transport.
 *
 * THE RESPONSE FIELDS READ (the practice marketplace answers with exactly these; every
 * call's answer is `{"code":"0","data":{…},"request_id":"…"}`, errors as in failures.ts;
 * ids may be JSON numbers or strings of digits; fields not listed are ignored):
 *
 * - `POST /image/upload` (multipart, file field `image`):
 *   `data.image.url` (http(s) URL, required); `data.image.hash_code` (optional, unused).
 * - `POST /product/create` (form field `payload`, see payload.ts):
 *   `data.item_id` (required), `data.sku_list[]` (required, may be empty) of
 *   `{seller_sku, sku_id, shop_sku?}`, `data.item_status` (optional: "Active", "InActive",
 *   "Pending QC"…, see remote-status.ts; absent means pending QC).
 * - `POST /product/update` (form field `payload` with `ItemId` and each SKU's `SkuId`):
 *   success is `code "0"`; `data` is not read.
 * - `GET /products/get` with `filter=all`, `sku_seller_list` (JSON array text of ≤100
 *   SellerSkus), `limit` (50), `offset` (0, 50, …): `data.products[]` (absent or null =
 *   none) of `{item_id, status, reject_reason?, skus[{SellerSku, SkuId, ShopSku?,
 *   Status?}]}`, and optional `data.total_products`. `status` words: remote-status.ts.
 *   `reject_reason` is Lazada's QC reason as text (null/absent when not rejected).
 *   Paging stops at a page shorter than `limit` or once `total_products` are read.
 *   Products none of whose SKUs is exactly one asked for are dropped (Lazada documents a
 *   "whole word" match, not an exact one).
 */

/** Lazada's `/products/get` page size limit. */
export const PRODUCTS_PAGE_SIZE = 50;
/** ≤100 SellerSkus can match ≤100 items: more pages than this means the server is not paging. */
const MAX_PAGES = 10;

/** Ids are 64-bit on Lazada's side: a JSON number within the safe range, or digits. */
const idSchema = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)])
  .transform(String);

const imageUploadSchema = z.looseObject({
  image: z.looseObject({ url: z.url({ protocol: /^https?$/ }), hash_code: z.string().optional() }),
});

const createSchema = z.looseObject({
  item_id: idSchema,
  sku_list: z.array(
    z.looseObject({ seller_sku: z.string().min(1), sku_id: idSchema, shop_sku: z.string().optional() }),
  ),
  item_status: remoteStatusSchema.optional(),
});

const productSchema = z.looseObject({
  item_id: idSchema,
  status: remoteStatusSchema,
  reject_reason: z.string().nullish().catch(undefined),
  skus: z.array(z.looseObject({ SellerSku: z.string().min(1), SkuId: idSchema })),
});

const productsSchema = z.looseObject({
  total_products: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  products: z.array(productSchema).nullish(),
});

export interface LazadaAdapterOptions {
  readonly marketplace: MarketplaceId;
  readonly transport: LazadaTransport;
  /** The shop's current access token, asked for at every call (it may be refreshed between calls). */
  readonly accessToken: () => string | Promise<string>;
  readonly imageTimeoutMs?: number;
}

export class LazadaAdapter implements MarketplaceAdapter {
  readonly marketplace: MarketplaceId;
  readonly #transport: LazadaTransport;
  readonly #accessToken: () => string | Promise<string>;
  readonly #imageTimeoutMs: number;
  /** SellerSku → SkuId, learned from creates and lookups, for updates (which locate SKUs by SkuId). */
  readonly #skuIds = new Map<string, string>();

  constructor(options: LazadaAdapterOptions) {
    this.marketplace = options.marketplace;
    this.#transport = options.transport;
    this.#accessToken = options.accessToken;
    this.#imageTimeoutMs = options.imageTimeoutMs ?? IMAGE_UPLOAD_TIMEOUT_MS;
  }

  async uploadImage(image: ImageUpload, signal?: AbortSignal): Promise<UploadedImage> {
    const data = await this.#transport.call(
      {
        method: 'POST',
        path: '/image/upload',
        file: { field: 'image', bytes: image.bytes, fileName: image.fileName, type: 'image/jpeg' },
        accessToken: await this.#accessToken(),
        timeoutMs: this.#imageTimeoutMs,
        ...(signal ? { signal } : {}),
      },
      imageUploadSchema,
    );
    return { url: data.image.url };
  }

  async createListing(listing: ListingPayload, signal?: AbortSignal): Promise<CreatedListing> {
    const data = await this.#transport.call(
      {
        method: 'POST',
        path: '/product/create',
        params: { payload: createPayload(listing) },
        accessToken: await this.#accessToken(),
        ...(signal ? { signal } : {}),
      },
      createSchema,
    );
    const skus = data.sku_list.map((sku) => ({ sellerSku: sku.seller_sku, skuId: sku.sku_id }));
    for (const sku of skus) this.#skuIds.set(sku.sellerSku, sku.skuId);
    return { itemId: data.item_id, skus, status: data.item_status ?? 'pending_qc' };
  }

  /**
   * Lazada locates an update's SKUs by SkuId. Ids learned earlier (create, lookup) are
   * used; when some are unknown (e.g. after a restart) one `/products/get` read fetches
   * them first. A SKU still without an id is sent by SellerSku alone.
   */
  async updateListing(itemId: string, listing: ListingPayload, signal?: AbortSignal): Promise<void> {
    // SkuIds the caller kept (the outbox stores them) come first; a lookup only fills gaps.
    const skuIds = new Map<string, string>(
      listing.skus.flatMap((sku) => (sku.skuId === undefined ? [] : [[sku.sellerSku, sku.skuId] as const])),
    );
    const unknownSkus = listing.skus
      .map((sku) => sku.sellerSku)
      .filter((sku) => !skuIds.has(sku) && !this.#skuIds.has(sku));
    if (unknownSkus.length > 0) {
      for (const found of await this.findBySellerSkus(unknownSkus, signal)) {
        if (found.itemId !== itemId) continue;
        for (const sku of found.skus) skuIds.set(sku.sellerSku, sku.skuId);
      }
    }
    for (const sku of listing.skus) {
      const known = this.#skuIds.get(sku.sellerSku);
      if (known !== undefined && !skuIds.has(sku.sellerSku)) skuIds.set(sku.sellerSku, known);
    }
    await this.#transport.call(
      {
        method: 'POST',
        path: '/product/update',
        params: { payload: updatePayload(itemId, listing, skuIds) },
        accessToken: await this.#accessToken(),
        ...(signal ? { signal } : {}),
      },
      z.unknown(),
    );
  }

  async findBySellerSkus(sellerSkus: readonly string[], signal?: AbortSignal): Promise<RemoteListing[]> {
    const wanted = [...new Set(sellerSkus)];
    const found = new Map<string, RemoteListing>();
    for (let at = 0; at < wanted.length; at += MAX_SKUS_PER_LOOKUP) {
      const chunk = wanted.slice(at, at + MAX_SKUS_PER_LOOKUP);
      for (const listing of await this.#lookup(chunk, signal)) found.set(listing.itemId, listing);
    }
    return [...found.values()];
  }

  async #lookup(sellerSkus: readonly string[], signal: AbortSignal | undefined): Promise<RemoteListing[]> {
    const asked = new Set(sellerSkus);
    const listings: RemoteListing[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const data = await this.#transport.call(
        {
          method: 'GET',
          path: '/products/get',
          params: {
            filter: 'all',
            sku_seller_list: JSON.stringify(sellerSkus),
            limit: String(PRODUCTS_PAGE_SIZE),
            offset: String(offset),
          },
          accessToken: await this.#accessToken(),
          ...(signal ? { signal } : {}),
        },
        productsSchema,
      );
      const products = data.products ?? [];
      for (const product of products) {
        const skus = product.skus.map((sku) => ({ sellerSku: sku.SellerSku, skuId: sku.SkuId }));
        if (!skus.some((sku) => asked.has(sku.sellerSku))) continue;
        for (const sku of skus) this.#skuIds.set(sku.sellerSku, sku.skuId);
        const reason = product.status === 'rejected' ? product.reject_reason?.trim() : undefined;
        listings.push({
          itemId: product.item_id,
          status: product.status,
          skus,
          ...(reason ? { rejectReason: reason } : {}),
        });
      }
      offset += products.length;
      if (products.length < PRODUCTS_PAGE_SIZE) return listings;
      if (data.total_products !== undefined && offset >= data.total_products) return listings;
    }
    throw new MarketplaceFailure(
      'unknown_outcome',
      `/products/get: still more pages after ${MAX_PAGES * PRODUCTS_PAGE_SIZE} items for ${sellerSkus.length} SellerSkus`,
    );
  }
}
