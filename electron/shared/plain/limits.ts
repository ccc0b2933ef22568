/**
 * Limits and defaults of the catalogue, as plain values every layer can import: the zod
 * schemas in ../catalogue.ts build on them (and re-export them), and the sandboxed renderer
 * reads them directly instead of keeping copies that could drift.
 *
 * Like everything in electron/shared/plain, this file imports nothing (ESLint enforces it).
 * Limits follow what marketplaces accept and reject the absurd: a price of a trillion
 * rupiah is a typo, not a product.
 */

export const MAX_PRICE_RUPIAH = 1_000_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_WEIGHT_KG = 1000;
export const MAX_DIMENSION_CM = 1000;
export const MAX_SKUS_PER_PRODUCT = 50;
export const MAX_HIGHLIGHTS = 8;
export const DEFAULT_BRAND = 'No Brand';
export const MAX_BRAND_LENGTH = 100;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Far beyond any real catalogue; only keeps the number an ordinary integer for SQLite. */
export const MAX_OFFSET = 1_000_000_000;

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

/**
 * The photo editor's brightness range (a multiplier): enough to rescue a dim kitchen photo,
 * not enough to burn a white product.
 */
export const PHOTO_BRIGHTNESS_MIN = 0.5;
export const PHOTO_BRIGHTNESS_MAX = 1.8;
