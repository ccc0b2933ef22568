import { normalizeAttributes, validateAttributes } from '../categories/attribute-values';
import { isLeafCategory } from '../categories/browse';
import { recordCategoryUse } from '../categories/recent';
import { searchCategories } from '../categories/search';
import { normalized } from '../categories/text';
import { perCall } from '../db/call-cache';
import type { Db } from '../db/open';
import type { CategoryMatch } from '../import/apply';
import type { CategoryCheck } from './readiness';

/** The catalogue's view of the installed category tree (see categories/). */
export function categoryCheck(db: Db, now: () => string): CategoryCheck {
  return {
    isLeaf: (id) => isLeafCategory(db, id),
    attributeIssues: (categoryId, values, requireMandatory, prefix) =>
      validateAttributes(db, categoryId, values, { requireMandatory, fieldPrefix: prefix }),
    normalizeAttributes: (categoryId, values) => normalizeAttributes(db, categoryId, values),
    // Once per category per call: an import of thousands of products uses a few categories.
    recordUse: (categoryId) => perCall(db, `recent:${categoryId}`, () => recordCategoryUse(db, categoryId, now())),
  };
}

/**
 * The category a spreadsheet cell names: a leaf id ("11032"), a leaf's name ("Keripik")
 * or its path ("Makanan > Makanan Ringan > Keripik"), in Indonesian or English. A name
 * shared by several leaves is ambiguous rather than guessed.
 */
export function categoryFinder(db: Db): (text: string) => CategoryMatch {
  return (text) => {
    const trimmed = text.trim();
    if (/^\d{1,15}$/.test(trimmed)) {
      return isLeafCategory(db, Number(trimmed)) ? { id: Number(trimmed) } : { problem: 'unknown_category' };
    }
    const parts = trimmed.split(/\s*[>/»]\s*/).filter(Boolean);
    const wanted = parts.map(normalized);
    const leafName = parts[parts.length - 1] ?? '';
    const candidates = (['id', 'en'] as const).flatMap((lang) =>
      searchCategories(db, { query: leafName, language: lang, limit: 50 }).map((summary) => ({ summary, lang })),
    );
    const ids = new Set(
      candidates
        .filter(({ summary }) => {
          const path = summary.path.map(normalized);
          // The cell's names must be the end of the leaf's path ("Keripik" or "Makanan Ringan > Keripik").
          return (
            wanted.length <= path.length && wanted.every((name, i) => path[path.length - wanted.length + i] === name)
          );
        })
        .map(({ summary }) => summary.id),
    );
    if (ids.size === 1) return { id: [...ids][0] ?? 0 };
    return { problem: ids.size === 0 ? 'unknown_category' : 'ambiguous_category' };
  };
}
