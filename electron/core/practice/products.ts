import { LAZADA_CODES } from '../marketplace/lazada/codes';
import { isLeaf, isPracticeBrand, leafAttributes } from './categories';
import { fail, ok, type ApiResult } from './envelope';
import { imageIdFromPath } from './images';
import { parsePayload, type ProductInput } from './payload';
import { skuKey, type PracticeStore } from './store';

/**
 * `/product/create`, `/product/update` and `/product/remove`. The checks run in the order
 * below (the order Akar's readiness checks promise to cover), each answering Lazada's code
 * with a `detail` naming the field; the first failure wins. Everything from the first
 * check to the last write is one SQLite transaction, so a create is stored whole or not
 * at all, and two creates of the same SellerSku can never both pass the repeat check.
 */

export const MAX_IMAGES = 8;
export const MAX_NAME_BYTES = 255;
export const MAX_WEIGHT_KG = 40;
export const MAX_DIMENSIONS_CM = 300;
const FORBIDDEN_IN_NAME = /["^~<>|]/;

/** Attributes Akar keeps in product fields; never reported as missing category attributes. */
function keptInProductFields(name: string): boolean {
  return (
    ['name', 'description', 'brand', 'brand_id', 'price', 'SellerSku', 'quantity', '__images__'].includes(name) ||
    name.startsWith('package_') ||
    name.startsWith('special_')
  );
}

export interface ProductContext {
  readonly store: PracticeStore;
  readonly sellerId: number;
  readonly now: number;
  readonly qcDelayMs: number;
  /** This server's own origins (127.0.0.1 and localhost); other loopback ports are accepted too. */
  readonly imageOrigins: ReadonlySet<string>;
}

function hosted(ctx: ProductContext, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Any loopback port: a file-backed practice shop outlives the port it was first served
  // on, and the app's cache of uploaded images (sha256 → URL) must stay valid after a restart.
  const loopback = parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost');
  if (!(loopback || ctx.imageOrigins.has(parsed.origin)) || parsed.search !== '' || parsed.hash !== '') return false;
  const id = imageIdFromPath(parsed.pathname);
  return id !== undefined && ctx.store.image(id) !== undefined;
}

/** The content checks shared by create and update; `itemId` is the item being updated. */
function checkContent(ctx: ProductContext, product: ProductInput, itemId: number | undefined): ApiResult | undefined {
  if (!isLeaf(product.primaryCategory)) {
    return fail(
      LAZADA_CODES.notLeafCategory,
      `Category ${product.primaryCategory} is not a leaf category`,
      'PrimaryCategory',
    );
  }
  for (const attribute of leafAttributes(product.primaryCategory)) {
    if (!attribute.is_mandatory || keptInProductFields(attribute.name)) continue;
    const onProduct = (product.attributes[attribute.name] ?? '').trim() !== '';
    // A sale property (colour, size) may sit on the product or on every SKU.
    const onSkus =
      attribute.is_sale_prop && product.skus.every((s) => (s.saleProps[attribute.name] ?? '').trim() !== '');
    if (!onProduct && !onSkus) {
      return fail(
        LAZADA_CODES.mandatoryAttributeMissing,
        `Mandatory attribute ${attribute.name} is missing`,
        attribute.name,
      );
    }
  }
  // Lazada requires `brand_id` from its brand list; Akar sends the brand by name instead
  // when it never had a list to look it up in, which practice accepts as it always did.
  const brandId = product.attributes.brand_id;
  if (brandId !== undefined && !isPracticeBrand(brandId)) {
    return fail(LAZADA_CODES.brandInvalid, `Brand ${brandId} is not in the brand list`, 'brand_id');
  }
  const main = product.images[0] ?? product.skus[0]?.images[0];
  if (main === undefined) return fail(LAZADA_CODES.mainImageRequired, 'The main image is required', 'Images');
  const lists: [string, readonly string[]][] = [
    ['Images', product.images],
    ...product.skus.map((s, i): [string, readonly string[]] => [`Skus.Sku[${i}].Images`, s.images]),
  ];
  for (const [field, urls] of lists) {
    const external = urls.find((url) => !hosted(ctx, url));
    if (external !== undefined) {
      return fail(LAZADA_CODES.externalImageUrl, `Image ${external} is not hosted by the marketplace`, field);
    }
  }
  for (const [field, urls] of lists) {
    if (urls.length > MAX_IMAGES) {
      return fail(LAZADA_CODES.tooManyImages, `${urls.length} images; at most ${MAX_IMAGES} are allowed`, field);
    }
  }
  const name = product.attributes.name ?? '';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    return fail(LAZADA_CODES.titleTooLong, `Product name is over ${MAX_NAME_BYTES} bytes`, 'name');
  }
  if (FORBIDDEN_IN_NAME.test(name)) {
    return fail(LAZADA_CODES.forbiddenCharacters, 'Product name must not contain " ^ ~ < > |', 'name');
  }
  for (const [i, sku] of product.skus.entries()) {
    if (sku.packageWeight > MAX_WEIGHT_KG) {
      return fail(
        LAZADA_CODES.weightTooHigh,
        `Package weight over ${MAX_WEIGHT_KG} kg`,
        `Skus.Sku[${i}].package_weight`,
      );
    }
    if (sku.packageLength + sku.packageWidth + sku.packageHeight > MAX_DIMENSIONS_CM) {
      return fail(
        LAZADA_CODES.dimensionsTooLarge,
        `Package length + width + height over ${MAX_DIMENSIONS_CM} cm`,
        `Skus.Sku[${i}].package_length`,
      );
    }
  }
  const seen = new Set<string>();
  for (const [i, sku] of product.skus.entries()) {
    const key = skuKey(sku.sellerSku);
    const owner = ctx.store.skuByKey(ctx.sellerId, key);
    if (seen.has(key) || (owner !== undefined && owner.item_id !== itemId)) {
      return fail(LAZADA_CODES.skuRepeat, `SellerSku ${sku.sellerSku} is already used`, `Skus.Sku[${i}].SellerSku`);
    }
    seen.add(key);
  }
  return undefined;
}

function skuFields(sku: ProductInput['skus'][number]) {
  return {
    price: sku.price,
    special_price: sku.specialPrice ?? null,
    quantity: sku.quantity,
    package_length: sku.packageLength,
    package_width: sku.packageWidth,
    package_height: sku.packageHeight,
    package_weight: sku.packageWeight,
    sale_props: JSON.stringify(sku.saleProps),
    images: JSON.stringify(sku.images),
  };
}

function skuList(ctx: ProductContext, itemId: number) {
  return ctx.store.skus(itemId).map((s) => ({ seller_sku: s.seller_sku, shop_sku: s.shop_sku, sku_id: s.sku_id }));
}

export function createProduct(ctx: ProductContext, payloadText: string | undefined): ApiResult {
  const parsed = parsePayload(payloadText);
  if (!parsed.ok) return fail(LAZADA_CODES.invalidParameter, parsed.message, parsed.field);
  const product = parsed.product;
  return ctx.store.transaction(() => {
    const refusal = checkContent(ctx, product, undefined);
    if (refusal) return refusal;
    const itemId = ctx.store.insertItem({
      seller_id: ctx.sellerId,
      primary_category: product.primaryCategory,
      attributes: JSON.stringify(product.attributes),
      images: JSON.stringify(product.images),
      created_at: ctx.now,
      updated_at: ctx.now,
      qc_due_at: ctx.now + ctx.qcDelayMs,
    });
    for (const sku of product.skus) {
      ctx.store.insertSku({
        item_id: itemId,
        seller_id: ctx.sellerId,
        seller_sku: sku.sellerSku,
        sku_key: skuKey(sku.sellerSku),
        ...skuFields(sku),
      });
      ctx.store.logCreate(sku.sellerSku, itemId, ctx.now);
    }
    return ok({ item_id: itemId, sku_list: skuList(ctx, itemId), item_status: 'Pending QC' });
  });
}

/**
 * Replaces the item's content and puts it back in QC from now. SKUs are matched by `SkuId`
 * (or, without one, by SellerSku); a SellerSku cannot change; SKUs not in the payload stay
 * as they were; a SKU that matches none is added.
 */
export function updateProduct(ctx: ProductContext, payloadText: string | undefined): ApiResult {
  const parsed = parsePayload(payloadText);
  if (!parsed.ok) return fail(LAZADA_CODES.invalidParameter, parsed.message, parsed.field);
  const product = parsed.product;
  if (product.itemId === undefined) return fail(LAZADA_CODES.invalidParameter, 'ItemId is required', 'ItemId');
  const itemId = product.itemId;
  return ctx.store.transaction(() => {
    const item = ctx.store.item(itemId);
    if (!item || item.seller_id !== ctx.sellerId || item.deleted_at !== null) {
      return fail(LAZADA_CODES.invalidParameter, `Item ${itemId} does not exist`, 'ItemId');
    }
    const existing = ctx.store.skus(itemId);
    for (const [i, sku] of product.skus.entries()) {
      if (sku.skuId === undefined) continue;
      const match = existing.find((s) => s.sku_id === sku.skuId);
      if (!match)
        return fail(
          LAZADA_CODES.invalidParameter,
          `SkuId ${sku.skuId} is not in item ${itemId}`,
          `Skus.Sku[${i}].SkuId`,
        );
      if (match.sku_key !== skuKey(sku.sellerSku)) {
        return fail(LAZADA_CODES.invalidParameter, 'SellerSku cannot be changed', `Skus.Sku[${i}].SellerSku`);
      }
    }
    const refusal = checkContent(ctx, product, itemId);
    if (refusal) return refusal;
    ctx.store.updateItem(itemId, {
      primary_category: product.primaryCategory,
      attributes: JSON.stringify(product.attributes),
      images: JSON.stringify(product.images),
      updated_at: ctx.now,
      qc_due_at: ctx.now + ctx.qcDelayMs,
    });
    for (const sku of product.skus) {
      const match = existing.find((s) =>
        sku.skuId !== undefined ? s.sku_id === sku.skuId : s.sku_key === skuKey(sku.sellerSku),
      );
      if (match) {
        ctx.store.updateSku(match.sku_id, skuFields(sku));
      } else {
        ctx.store.insertSku({
          item_id: itemId,
          seller_id: ctx.sellerId,
          seller_sku: sku.sellerSku,
          sku_key: skuKey(sku.sellerSku),
          ...skuFields(sku),
        });
      }
    }
    return ok({ item_id: itemId, sku_list: skuList(ctx, itemId) });
  });
}

/**
 * `/product/remove?seller_sku_list=["A"]`: marks the items holding these SellerSkus deleted.
 * Their SellerSkus stay taken, as on Lazada, so a create cannot reuse them.
 */
export function removeProducts(ctx: ProductContext, listText: string | undefined): ApiResult {
  const list = parseSkuList(listText, 'seller_sku_list');
  if (!Array.isArray(list)) return list;
  return ctx.store.transaction(() => {
    for (const sku of list) {
      const row = ctx.store.skuByKey(ctx.sellerId, skuKey(sku));
      if (row) ctx.store.markDeleted(row.item_id, ctx.now);
    }
    return ok({});
  });
}

export const MAX_SKU_LIST = 100;

/** A JSON array of at most 100 SellerSkus, or the error answer. */
export function parseSkuList(text: string | undefined, field: string): string[] | ApiResult {
  if (text === undefined || text.trim() === '')
    return fail(LAZADA_CODES.missingParameter, `${field} is missing`, field);
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return fail(LAZADA_CODES.invalidParameter, `${field} is not a JSON array`, field);
  }
  if (!Array.isArray(list) || !list.every((s): s is string => typeof s === 'string')) {
    return fail(LAZADA_CODES.invalidParameter, `${field} must be a JSON array of text`, field);
  }
  if (list.length > MAX_SKU_LIST) {
    return fail(LAZADA_CODES.invalidParameter, `${field} has ${list.length} entries; at most ${MAX_SKU_LIST}`, field);
  }
  return list;
}
