import { z } from 'zod';
import { idSchema } from './catalogue';
import { jobIdSchema } from './jobs';
import { marketplaceSchema, type Marketplace } from './uploads';

/**
 * Refreshing the offline category data (tree, attributes, brands) from a connected shop's
 * marketplace, and the brand list it brings. The category tree is one for the app (it is
 * Lazada Indonesia's, whichever shop it came through); brands are kept per marketplace.
 */

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);

export const categoryRefreshInput = z.strictObject({
  /** The participant whose connected shop the data is downloaded through (its app key and address). */
  sellerId: idSchema,
  marketplace: marketplaceSchema,
  /** Progress kind `category-refresh`; cancel with `jobs:cancel`. */
  jobId: jobIdSchema.optional(),
  /** The marketplace moved (the practice marketplace restarted on another port): use it from now on. */
  endpoint: httpUrl.optional(),
});
export type CategoryRefreshInput = z.infer<typeof categoryRefreshInput>;

export interface CategoryRefreshReport {
  readonly marketplace: Marketplace;
  /** The installed tree's version (`YYYY-MM-DD.N`). */
  readonly version: string;
  readonly fetchedAt: string;
  readonly categoryCount: number;
  readonly leafCount: number;
  /** Leaves whose attributes were downloaded now: those this laptop's products use. */
  readonly attributesFetched: number;
  /** Leaves whose attributes were kept from the tree before (same id and name); the rest load when chosen. */
  readonly attributesKept: number;
  /** Brands in the marketplace's list now. */
  readonly brandCount: number;
  /** Products whose readiness changed with the new data (a category gone, a new mandatory attribute). */
  readonly productsChanged: number;
  /** The laptop's clock differs from the marketplace's by this much (ms), when it is far off. */
  readonly clockOffsetMs?: number;
}

/** One leaf's attributes, downloaded when a product is given a category whose attributes are not known yet. */
export const categoryAttributesLoadInput = z.strictObject({
  sellerId: idSchema,
  marketplace: marketplaceSchema,
  categoryId: idSchema,
  endpoint: httpUrl.optional(),
});

export const DEFAULT_BRAND_SEARCH_LIMIT = 20;
export const MAX_BRAND_SEARCH_LIMIT = 50;

/** Brand names starting with what was typed (case, spaces and accents ignored). */
export const brandSearchInput = z.strictObject({
  marketplace: marketplaceSchema,
  query: z.string().trim().max(100),
  limit: z.number().int().min(1).max(MAX_BRAND_SEARCH_LIMIT).optional(),
});

export interface BrandSearch {
  /** False when this marketplace's brands were never downloaded: any brand goes by name then. */
  readonly listed: boolean;
  readonly fetchedAt: string | null;
  readonly names: readonly string[];
}
