/**
 * What the upload engine needs from a marketplace. Lazada is the first adapter (the
 * practice marketplace speaks Lazada's API, so it is the same adapter pointed at
 * 127.0.0.1); Shopee and TikTok Shop will implement the same interface.
 *
 * Every method either resolves with validated data or rejects with a
 * `MarketplaceFailure`: the engine decides what to do from `failure.kind` alone, never
 * from HTTP details or marketplace codes.
 */
export interface MarketplaceAdapter {
  readonly marketplace: MarketplaceId;
  /** Uploads one processed JPEG; the URL is what listings refer to. */
  uploadImage(image: ImageUpload, signal?: AbortSignal): Promise<UploadedImage>;
  /** One product per call (Lazada's rule). */
  createListing(listing: ListingPayload, signal?: AbortSignal): Promise<CreatedListing>;
  /** Replaces the content of a listing made before (e.g. after a QC rejection was fixed). */
  updateListing(itemId: string, listing: ListingPayload, signal?: AbortSignal): Promise<void>;
  /**
   * Listings that hold any of these SellerSkus (at most `MAX_SKUS_PER_LOOKUP`), with their
   * QC state: how a create of unknown outcome is reconciled, and how QC is followed.
   */
  findBySellerSkus(sellerSkus: readonly string[], signal?: AbortSignal): Promise<RemoteListing[]>;
}

export const MARKETPLACE_IDS = ['lazada', 'practice'] as const;
export type MarketplaceId = (typeof MARKETPLACE_IDS)[number];

/** Lazada's `sku_seller_list` takes at most 100 SellerSkus. */
export const MAX_SKUS_PER_LOOKUP = 100;

export interface ImageUpload {
  readonly bytes: Buffer;
  /** Sent as the multipart file name; no meaning to the marketplace. */
  readonly fileName: string;
}

export interface UploadedImage {
  readonly url: string;
}

export interface ListingSku {
  readonly sellerSku: string;
  /** The marketplace's id of this SKU, once a create or a lookup told it (updates locate SKUs by it). */
  readonly skuId?: string;
  /** Whole rupiah. */
  readonly price: number;
  readonly specialPrice?: number;
  readonly quantity: number;
  readonly weightGrams: number;
  readonly lengthCm: number;
  readonly widthCm: number;
  readonly heightCm: number;
  /** Variation values by Lazada attribute name (e.g. `color_family: "Merah"`). */
  readonly saleProps: Readonly<Record<string, string>>;
  /** Remote image URLs of this variant, if it has its own. */
  readonly images: readonly string[];
}

export interface ListingPayload {
  /** Leaf category id. */
  readonly primaryCategory: number;
  readonly name: string;
  readonly description: string;
  readonly brand: string;
  /**
   * The marketplace's id of that brand (Lazada's `brand_id`, from its brand list), when the
   * list is on this laptop; without it the brand goes by name.
   */
  readonly brandId?: string;
  /** Category attributes by Lazada attribute name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Remote image URLs, main first (at most 8). */
  readonly images: readonly string[];
  readonly skus: readonly ListingSku[];
}

export interface CreatedListing {
  readonly itemId: string;
  readonly skus: readonly { readonly sellerSku: string; readonly skuId: string }[];
  readonly status: RemoteStatus;
}

/** Lazada's item states, reduced to what the seller needs to know. */
export const REMOTE_STATUSES = ['pending_qc', 'live', 'rejected', 'inactive', 'deleted'] as const;
export type RemoteStatus = (typeof REMOTE_STATUSES)[number];

export interface RemoteListing {
  readonly itemId: string;
  readonly status: RemoteStatus;
  /** Lazada's own words for a QC rejection, when rejected. */
  readonly rejectReason?: string;
  readonly skus: readonly { readonly sellerSku: string; readonly skuId: string }[];
}

/**
 * How a call failed, in the terms the engine acts on:
 *
 * - `offline`: the request never reached the marketplace (DNS, refused, no route). Safe to
 *   send again; nothing happened there.
 * - `unknown_outcome`: the request may have been processed (timeout or reset after the
 *   body was sent, 5xx, a response that could not be read). A create must be reconciled by
 *   SellerSku before it is sent again.
 * - `throttled`: too many calls; wait `retryAfterMs` (from `Retry-After` or the
 *   marketplace's throttle rule) before the next one.
 * - `auth`: the token expired or was revoked, or the app key/secret are wrong; nothing will
 *   work until the seller reconnects (or the token is refreshed).
 * - `rejected`: the marketplace refused the content (`code` is its own); never retried as is.
 * - `duplicate`: a create refused because the SellerSku exists; reconcile and adopt.
 * - `clock`: the laptop's clock is too far off for the signature's timestamp window.
 */
export const FAILURE_KINDS = [
  'offline',
  'unknown_outcome',
  'throttled',
  'auth',
  'rejected',
  'duplicate',
  'clock',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export class MarketplaceFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: {
      /** The marketplace's own error code, when it sent one. */
      readonly code?: string;
      /** Milliseconds to wait before calling this API again. */
      readonly retryAfterMs?: number;
      /** HTTP status, when a response arrived. */
      readonly status?: number;
      /** Which part of the listing the marketplace complained about, when it said. */
      readonly field?: string;
    } = {},
  ) {
    super(message);
    this.name = 'MarketplaceFailure';
  }
}
