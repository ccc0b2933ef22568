import type { Db } from '../db/open';
import { saleProperties } from '../categories';

/** Lazada's usual keys for the variation names sellers type, when the category does not say. */
const COMMON_KEYS: Readonly<Record<string, string>> = {
  warna: 'color_family',
  color: 'color_family',
  colour: 'color_family',
  ukuran: 'size',
  size: 'size',
};

/**
 * The marketplace attribute behind a product's variation name ("Warna" -> `color_family`):
 * the category's sale property whose key or label (in either language) is that name, else
 * the usual key for it, else the name itself as a key.
 */
export function salePropKey(db: Db, categoryId: number, variation: string): string {
  const wanted = variation.trim().toLowerCase();
  for (const language of ['id', 'en'] as const) {
    const match = saleProperties(db, categoryId, language).find(
      (attribute) => attribute.name.toLowerCase() === wanted || attribute.label.trim().toLowerCase() === wanted,
    );
    if (match) return match.name;
  }
  return COMMON_KEYS[wanted] ?? wanted.replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
