import type { Product } from '../../shared/catalogue';
import type { UploadProblem } from '../../shared/uploads';
import type { BrandMatch } from '../categories/brands';
import type { ListingPhoto } from './engine';

/** Lazada's limits on what a listing may carry (marketplaces.md §1.2, §1.4). */
const MAX_NAME_BYTES = 255;
const FORBIDDEN_NAME_CHARACTERS = /["^~<>|]/;
const MAX_WEIGHT_KG = 40;
const MAX_SIZE_SUM_CM = 300;

/**
 * What would make the marketplace refuse this product, found offline before anything is
 * queued: the catalogue's readiness problems (category, attributes, weight, size,
 * description), plus the rules only an upload needs (a photo, the name's byte length and
 * characters, the parcel limits), and the brand: `brand` is the product's brand looked up
 * in the marketplace's brand list (categories/brands.ts `matchBrand`), and one the list
 * does not have would be refused there. Without a list (never fetched) there is nothing to
 * check against, and the brand goes by name. Empty when the product may go.
 */
export function uploadProblems(
  product: Product,
  photos: readonly ListingPhoto[],
  brand?: BrandMatch,
  /** False when the category came with a fetched tree but its attributes were never downloaded. */
  attributesKnown = true,
): UploadProblem[] {
  const problems: UploadProblem[] = [...product.problems];
  if (product.deletedAt !== null) problems.push('in_trash');
  const usable = photos.filter((photo) => photo.state !== 'failed');
  if (photos.length === 0) problems.push('no_photos');
  else if (usable.length === 0) problems.push('photos_failed');
  if (Buffer.byteLength(product.name, 'utf8') > MAX_NAME_BYTES) problems.push('name_too_long');
  if (FORBIDDEN_NAME_CHARACTERS.test(product.name)) problems.push('name_characters');
  if (product.skus.some((sku) => (sku.weightKg ?? 0) > MAX_WEIGHT_KG)) problems.push('too_heavy');
  if (product.skus.some((sku) => (sku.lengthCm ?? 0) + (sku.widthCm ?? 0) + (sku.heightCm ?? 0) > MAX_SIZE_SUM_CM)) {
    problems.push('too_large');
  }
  if (brand?.kind === 'unknown') problems.push('unknown_brand');
  // Its mandatory attributes are unknown here, so readiness could not ask for them: the
  // marketplace would refuse the listing for them after the upload.
  if (!attributesKnown) problems.push('category_details_missing');
  return problems;
}
