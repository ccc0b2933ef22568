import type { Product } from '../../shared/catalogue';
import type { ListingPayload } from '../marketplace/adapter';

/** Lazada takes at most 8 images per product. */
export const MAX_LISTING_IMAGES = 8;

/**
 * The listing a product becomes, built at send time from the catalogue as it is then
 * (an edit made while the upload waited is what goes out). `salePropKey` names the
 * marketplace attribute behind a variation ("Warna" -> `color_family`) for the product's
 * category. `skuIds` are the marketplace's SKU ids from an earlier create, for updates.
 */
export function listingOf(
  product: Product,
  imageUrls: readonly string[],
  salePropKey: (categoryId: number, variation: string) => string,
  skuIds: Readonly<Record<string, string>> = {},
): ListingPayload {
  if (product.categoryId === null) throw new Error(`product ${product.id} has no category`);
  const categoryId = product.categoryId;
  const variations = [product.variation1, product.variation2].map((name) =>
    name === '' ? null : salePropKey(categoryId, name),
  );
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(product.attributes)) {
    attributes[key] = typeof value === 'string' ? value : value.join(',');
  }
  if (product.highlights.length > 0) {
    attributes.short_description = `<ul>${product.highlights.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>`;
  }
  return {
    primaryCategory: categoryId,
    name: product.name,
    description: product.description,
    brand: product.brand,
    attributes,
    images: imageUrls.slice(0, MAX_LISTING_IMAGES),
    skus: product.skus.map((sku) => {
      const saleProps: Record<string, string> = {};
      const [first, second] = variations;
      if (first && sku.option1 !== '') saleProps[first] = sku.option1;
      if (second && sku.option2 !== '') saleProps[second] = sku.option2;
      const skuId = skuIds[sku.sellerSku];
      return {
        sellerSku: sku.sellerSku,
        ...(skuId === undefined ? {} : { skuId }),
        price: sku.price,
        ...(sku.specialPrice === null ? {} : { specialPrice: sku.specialPrice }),
        quantity: sku.stock,
        weightGrams: Math.round((sku.weightKg ?? 0) * 1000),
        lengthCm: sku.lengthCm ?? 0,
        widthCm: sku.widthCm ?? 0,
        heightCm: sku.heightCm ?? 0,
        saleProps,
        images: [],
      };
    }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
