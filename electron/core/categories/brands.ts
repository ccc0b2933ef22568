import { DEFAULT_BRAND_SEARCH_LIMIT, MAX_BRAND_SEARCH_LIMIT } from '../../shared/category-refresh';
import { DEFAULT_BRAND } from '../../shared/plain/limits';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { prefixEnd, words } from './text';

/**
 * Each marketplace's brand list (migration 0090): replaced whole by a category refresh,
 * read when a product is checked for upload and when its listing is sent (the product's
 * brand name becomes Lazada's `brand_id`), and searched by the brand picker.
 *
 * Functions over a `Db`, meant to run inside the caller's transaction.
 */

/** Lazada's brand names are short; anything longer cannot be a product's brand (MAX_BRAND_LENGTH is 100). */
const MAX_NAME = 255;

export interface BrandEntry {
  readonly brand_id: number;
  readonly name: string;
}

/** What a product's brand is on a marketplace. */
export type BrandMatch =
  /** In the list: send this id. */
  | { readonly kind: 'found'; readonly brandId: number; readonly name: string }
  /** The list was fetched and does not have it: the marketplace would refuse the listing. */
  | { readonly kind: 'unknown' }
  /** No list was ever fetched for this marketplace on this laptop: nothing to check against. */
  | { readonly kind: 'no_list' };

export interface BrandList {
  readonly fetchedAt: string;
  readonly count: number;
}

/**
 * The form brand names are compared in: lower case, no accents, and nothing but letters and
 * digits ("No Brand", "no  brand", "NO-BRAND" are all "nobrand"). Sellers type brands by
 * hand, in a spreadsheet or on a phone; a stray space or a capital must not block a listing.
 */
export function brandKey(name: string): string {
  return words(name).join('');
}

/**
 * Replaces the marketplace's brand list (inside the caller's transaction, so a refresh
 * installs the tree and the brands together or neither). Entries without a usable name
 * are left out; a brand id listed twice keeps its first name.
 */
export function replaceBrands(db: Db, marketplace: string, brands: readonly BrandEntry[], fetchedAt: string): number {
  cached(db, 'DELETE FROM brands WHERE marketplace = ?').run(marketplace);
  const rows = new Map<number, { name: string; key: string }>();
  for (const brand of brands) {
    const name = brand.name.trim();
    const key = brandKey(name);
    if (name === '' || name.length > MAX_NAME || key === '' || rows.has(brand.brand_id)) continue;
    rows.set(brand.brand_id, { name, key });
  }
  cached(
    db,
    `INSERT INTO brand_lists (marketplace, fetched_at, brand_count) VALUES (?, ?, ?)
     ON CONFLICT (marketplace) DO UPDATE SET fetched_at = excluded.fetched_at, brand_count = excluded.brand_count`,
  ).run(marketplace, fetchedAt, rows.size);
  const insert = cached(db, 'INSERT INTO brands (marketplace, brand_id, name, key) VALUES (?, ?, ?, ?)');
  for (const [id, row] of rows) insert.run(marketplace, id, row.name, row.key);
  return rows.size;
}

/** When the marketplace's brand list was fetched and how long it is; null when never. */
export function brandList(db: Db, marketplace: string): BrandList | null {
  const row = cached<[string], { fetched_at: string; brand_count: number }>(
    db,
    'SELECT fetched_at, brand_count FROM brand_lists WHERE marketplace = ?',
  ).get(marketplace);
  return row ? { fetchedAt: row.fetched_at, count: row.brand_count } : null;
}

/**
 * The marketplace's brand for a product's brand name, compared by `brandKey`. An empty
 * name is "No Brand" (Lazada's own entry for unbranded goods). When several brands share
 * the key, the one spelled exactly as the product has it wins, then one differing only in
 * case, then the lowest id: the same answer every time.
 */
export function matchBrand(db: Db, marketplace: string, brand: string): BrandMatch {
  const name = brand.trim() === '' ? DEFAULT_BRAND : brand.trim();
  const key = brandKey(name);
  const candidates =
    key === ''
      ? []
      : cached<[string, string], { brand_id: number; name: string }>(
          db,
          'SELECT brand_id, name FROM brands WHERE marketplace = ? AND key = ? ORDER BY brand_id',
        ).all(marketplace, key);
  const best =
    candidates.find((c) => c.name === name) ??
    candidates.find((c) => c.name.toLowerCase() === name.toLowerCase()) ??
    candidates[0];
  if (best) return { kind: 'found', brandId: best.brand_id, name: best.name };
  return brandList(db, marketplace) === null ? { kind: 'no_list' } : { kind: 'unknown' };
}

/**
 * Brand names starting with what was typed (compared by `brandKey`), in alphabetical
 * order, each name once: for a brand picker. An empty query lists from the start.
 */
export function searchBrands(db: Db, marketplace: string, query: string, limit = DEFAULT_BRAND_SEARCH_LIMIT): string[] {
  const prefix = brandKey(query);
  const size = Math.max(1, Math.min(MAX_BRAND_SEARCH_LIMIT, Math.trunc(limit)));
  // One range of brands_by_key, in its order; a few extra rows cover names listed twice.
  const rows = cached<[string, string, string, number], { name: string }>(
    db,
    'SELECT name FROM brands WHERE marketplace = ? AND key >= ? AND key < ? ORDER BY key, brand_id LIMIT ?',
  ).all(marketplace, prefix, prefixEnd(prefix), size * 2);
  return [...new Set(rows.map((row) => row.name))].slice(0, size);
}
