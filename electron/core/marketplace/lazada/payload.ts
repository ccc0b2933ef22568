import type { ListingPayload, ListingSku } from '../adapter';

/**
 * A listing as Lazada's JSON `payload` parameter for `/product/create` and
 * `/product/update` (marketplaces.md §1.2, LZD-DOC 120949/120759):
 *
 *     {"Request":{"Product":{"PrimaryCategory","Images":{"Image":[…]},"Attributes":{…},
 *      "Skus":{"Sku":[{SellerSku,quantity,price,package_*,Images?,…saleProps}]}}}}
 *
 * - `Images.Image` and `Skus.Sku` are always arrays, even of one (a lone object is error
 *   1001), and the product's `Images` is sent even when empty so Lazada answers with its
 *   own "main image required" rather than something vaguer.
 * - Every value is text, as in Lazada's examples.
 * - Package sizes are rounded UP to Lazada's two decimals, so a parcel is never
 *   under-declared (couriers re-weigh; under-declaring costs the seller a surcharge).
 * - The listing's own name, description, brand, SellerSku, price, stock and package
 *   fields win over a category attribute or sale property of the same name.
 * - The brand goes as `brand_id` (Lazada's id from its brand list, mandatory in the
 *   documented payload) whenever the listing has one; then no `brand` name is sent at all,
 *   so the marketplace never sees two brands that could disagree (the product's attributes
 *   carry the name as `brand`). Without an id (no brand list was ever fetched on this
 *   laptop) the name goes as `brand`, as Lazada's older payloads took it.
 */

export interface LazadaProductJson {
  readonly ItemId?: string;
  readonly PrimaryCategory: string;
  readonly Images: { readonly Image: readonly string[] };
  readonly Attributes: Readonly<Record<string, string>>;
  readonly Skus: { readonly Sku: readonly Readonly<Record<string, unknown>>[] };
}

/** SellerSku → Lazada's SkuId, for an update (SKUs are located by SkuId there). */
export type SkuIds = ReadonlyMap<string, string>;

export function createPayload(listing: ListingPayload): string {
  return JSON.stringify({ Request: { Product: productJson(listing, new Map()) } });
}

export function updatePayload(itemId: string, listing: ListingPayload, skuIds: SkuIds = new Map()): string {
  if (!/^\d+$/.test(itemId)) throw new RangeError(`not a Lazada item id: ${itemId}`);
  return JSON.stringify({ Request: { Product: { ItemId: itemId, ...productJson(listing, skuIds) } } });
}

export function productJson(listing: ListingPayload, skuIds: SkuIds): LazadaProductJson {
  const attributes: Record<string, string> = {
    name: listing.name,
    description: listing.description,
    ...(listing.brandId !== undefined ? { brand_id: brandIdText(listing.brandId) } : { brand: listing.brand }),
  };
  for (const [name, value] of Object.entries(listing.attributes)) {
    if (name in attributes || (listing.brandId !== undefined && BRAND_NAMES.has(name))) continue;
    attributes[name] = value;
  }
  return {
    PrimaryCategory: String(wholeNumber(listing.primaryCategory, 'primaryCategory')),
    Images: { Image: [...listing.images] },
    Attributes: attributes,
    Skus: { Sku: listing.skus.map((sku) => skuJson(sku, skuIds.get(sku.sellerSku))) },
  };
}

/** Attributes that name the brand, and so must not travel beside a `brand_id`. */
const BRAND_NAMES: ReadonlySet<string> = new Set(['brand', 'brand_id']);

function brandIdText(brandId: string): string {
  if (!/^[1-9]\d{0,19}$/.test(brandId)) throw new RangeError(`not a brand id: ${brandId}`);
  return brandId;
}

function skuJson(sku: ListingSku, skuId: string | undefined): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (skuId !== undefined) json.SkuId = skuId;
  json.SellerSku = sku.sellerSku;
  json.quantity = String(wholeNumber(sku.quantity, 'quantity'));
  json.price = String(wholeNumber(sku.price, 'price'));
  if (sku.specialPrice !== undefined) json.special_price = String(wholeNumber(sku.specialPrice, 'specialPrice'));
  json.package_length = centimetres(sku.lengthCm);
  json.package_width = centimetres(sku.widthCm);
  json.package_height = centimetres(sku.heightCm);
  json.package_weight = packageWeightKg(sku.weightGrams);
  if (sku.images.length > 0) json.Images = { Image: [...sku.images] };
  for (const [name, value] of Object.entries(sku.saleProps)) {
    if (!(name in json)) json[name] = value;
  }
  return json;
}

/** Grams → kg text, rounded up to 0.01 kg, at least 0.01 (Lazada refuses 0). */
export function packageWeightKg(grams: number): string {
  if (!Number.isFinite(grams) || grams < 0) throw new RangeError(`weight must be ≥ 0 g, got ${grams}`);
  return hundredths(Math.max(1, ceilTolerant(grams / 10)));
}

/** Centimetres with at most two decimals, rounded up. */
export function centimetres(cm: number): string {
  if (!Number.isFinite(cm) || cm < 0) throw new RangeError(`size must be ≥ 0 cm, got ${cm}`);
  return hundredths(ceilTolerant(cm * 100));
}

/** Ceiling that ignores binary noise (12.34 * 100 is 1234.0000000000002, which is 1234). */
function ceilTolerant(value: number): number {
  return Math.ceil(value - 1e-9);
}

/** An integer count of hundredths as text: 25 → "0.25", 100 → "1", 101 → "1.01". */
function hundredths(count: number): string {
  return String(count / 100);
}

function wholeNumber(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a whole number ≥ 0, got ${value}`);
  return value;
}
