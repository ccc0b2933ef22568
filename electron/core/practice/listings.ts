import { LAZADA_CODES } from '../marketplace/lazada/codes';
import { fail, ok, type ApiResult } from './envelope';
import { imageIdFromPath } from './images';
import { parseSkuList } from './products';
import { qcVerdict } from './qc';
import { skuKey, type ItemRow, type PracticeStore, type SkuRow } from './store';

/**
 * Items as they are read back: by `/products/get`, by the storefront, and by the tests'
 * `listings()`. The status is computed here, at read time, from stored timestamps (qc.ts).
 */

export const ITEM_STATUSES = ['live', 'pending', 'rejected', 'inactive', 'deleted'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const PRODUCT_FILTERS = ['all', ...ITEM_STATUSES] as const;
export const MAX_PAGE = 50;
const DEFAULT_PAGE = 10;

export interface PracticeSku {
  readonly sellerSku: string;
  readonly skuId: number;
  readonly shopSku: string;
  readonly price: number;
  readonly specialPrice?: number;
  readonly quantity: number;
  readonly packageWeight: number;
  readonly packageLength: number;
  readonly packageWidth: number;
  readonly packageHeight: number;
  readonly saleProps: Readonly<Record<string, string>>;
  readonly images: readonly string[];
}

export interface PracticeListing {
  readonly itemId: number;
  readonly sellerId: number;
  readonly primaryCategory: number;
  readonly status: ItemStatus;
  readonly rejectReason?: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly images: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly skus: readonly PracticeSku[];
}

function mainBackground(store: PracticeStore, images: readonly string[], skus: readonly SkuRow[]) {
  const firstSkuImages = skus[0] ? (JSON.parse(skus[0].images) as string[]) : [];
  const main = images[0] ?? firstSkuImages[0];
  if (main === undefined) return undefined;
  let id: string | undefined;
  try {
    id = imageIdFromPath(new URL(main).pathname);
  } catch {
    id = undefined;
  }
  const row = id === undefined ? undefined : store.image(id);
  return row ? { luminance: row.bg_luminance, chroma: row.bg_chroma } : undefined;
}

export function toListing(store: PracticeStore, item: ItemRow, now: number): PracticeListing {
  const attributes = JSON.parse(item.attributes) as Record<string, string>;
  const images = JSON.parse(item.images) as string[];
  const skuRows = store.skus(item.item_id);
  let status: ItemStatus;
  let rejectReason: string | undefined;
  if (item.deleted_at !== null) {
    status = 'deleted';
  } else {
    const verdict = qcVerdict(
      {
        name: attributes.name ?? '',
        description: attributes.description ?? '',
        background: mainBackground(store, images, skuRows),
        qcDueAt: item.qc_due_at,
      },
      now,
    );
    status = verdict.status;
    if (verdict.status === 'rejected') rejectReason = verdict.reasons.join('; ');
  }
  return {
    itemId: item.item_id,
    sellerId: item.seller_id,
    primaryCategory: item.primary_category,
    status,
    ...(rejectReason === undefined ? {} : { rejectReason }),
    name: attributes.name ?? '',
    description: attributes.description ?? '',
    attributes,
    images,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    skus: skuRows.map((s) => ({
      sellerSku: s.seller_sku,
      skuId: s.sku_id,
      shopSku: s.shop_sku,
      price: s.price,
      ...(s.special_price === null ? {} : { specialPrice: s.special_price }),
      quantity: s.quantity,
      packageWeight: s.package_weight,
      packageLength: s.package_length,
      packageWidth: s.package_width,
      packageHeight: s.package_height,
      saleProps: JSON.parse(s.sale_props) as Record<string, string>,
      images: JSON.parse(s.images) as string[],
    })),
  };
}

export function listingsOf(store: PracticeStore, sellerId: number | undefined, now: number): PracticeListing[] {
  return store.items(sellerId).map((item) => toListing(store, item, now));
}

/** A SKU's state in Lazada's words: `active` unless its item is deleted. */
function skuStatus(listing: PracticeListing): string {
  return listing.status === 'deleted' ? 'deleted' : listing.status === 'inactive' ? 'inactive' : 'active';
}

/** One product of `/products/get`, in Lazada's field names and types. */
export function wireProduct(listing: PracticeListing): Record<string, unknown> {
  return {
    item_id: listing.itemId,
    primary_category: listing.primaryCategory,
    status: listing.status,
    ...(listing.rejectReason === undefined ? {} : { reject_reason: listing.rejectReason }),
    attributes: listing.attributes,
    images: listing.images,
    created_time: String(listing.createdAt),
    updated_time: String(listing.updatedAt),
    skus: listing.skus.map((s) => ({
      // Sale properties first, so none can mask a fixed field.
      ...s.saleProps,
      SellerSku: s.sellerSku,
      SkuId: s.skuId,
      ShopSku: s.shopSku,
      Status: skuStatus(listing),
      price: s.price,
      ...(s.specialPrice === undefined ? {} : { special_price: s.specialPrice }),
      quantity: s.quantity,
      package_weight: String(s.packageWeight),
      package_length: String(s.packageLength),
      package_width: String(s.packageWidth),
      package_height: String(s.packageHeight),
      Images: s.images,
    })),
  };
}

function whole(text: string | undefined, fallback: number, field: string): number | ApiResult {
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) return fail(LAZADA_CODES.invalidParameter, `${field} must be a whole number`, field);
  return Number(text);
}

/**
 * `/products/get`: `filter` (default all; "all" includes deleted items, marked so, because a
 * deleted item's SellerSku still blocks a create and a reconciling client must see why),
 * `sku_seller_list` (JSON array ≤ 100, whole SellerSkus, any case), `offset`, `limit` ≤ 50.
 * Newest first.
 */
export function getProducts(
  store: PracticeStore,
  sellerId: number,
  params: Readonly<Record<string, string>>,
  now: number,
): ApiResult {
  const filter = params.filter ?? 'all';
  if (!(PRODUCT_FILTERS as readonly string[]).includes(filter)) {
    return fail(LAZADA_CODES.invalidParameter, `filter must be one of ${PRODUCT_FILTERS.join(', ')}`, 'filter');
  }
  const offset = whole(params.offset, 0, 'offset');
  if (typeof offset !== 'number') return offset;
  const limit = whole(params.limit, DEFAULT_PAGE, 'limit');
  if (typeof limit !== 'number') return limit;
  if (limit < 1 || limit > MAX_PAGE) return fail(LAZADA_CODES.invalidParameter, `limit must be 1-${MAX_PAGE}`, 'limit');
  let wanted: Set<string> | undefined;
  if (params.sku_seller_list !== undefined && params.sku_seller_list !== '') {
    const list = parseSkuList(params.sku_seller_list, 'sku_seller_list');
    if (!Array.isArray(list)) return list;
    wanted = new Set(list.map(skuKey));
  }
  const matching = listingsOf(store, sellerId, now)
    .filter((l) => filter === 'all' || l.status === filter)
    .filter((l) => wanted === undefined || l.skus.some((s) => wanted.has(skuKey(s.sellerSku))))
    .reverse();
  return ok({ total_products: matching.length, products: matching.slice(offset, offset + limit).map(wireProduct) });
}
