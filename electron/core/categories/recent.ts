import type { Language } from '../../shared/catalogue';
import { DEFAULT_RECENT_CATEGORIES, type CategorySummary } from '../../shared/categories';
import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import { CoreError, notFound } from '../errors';
import { LAZADA } from './install';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows';

/** More than the picker shows, so categories a new tree dropped do not empty the list. */
const KEEP_RECENT = 30;

/**
 * Remembers that a product was just given category `id` (`at`: ISO 8601). Using a category
 * again moves it to the front rather than listing it twice. CoreError `not_found` for a
 * category the tree does not have, `invalid_input` (`category_not_leaf`) for one that is
 * not a leaf: only leaves can be a product's category.
 */
export function recordCategoryUse(db: Db, id: number, at: string): void {
  const leaf = cachedPluck<[string, number], number>(db, 'SELECT leaf FROM categories WHERE tree = ? AND id = ?').get(
    LAZADA,
    id,
  );
  if (leaf === undefined) throw notFound('Category', id, 'categoryId');
  if (leaf !== 1) {
    throw new CoreError({
      code: 'invalid_input',
      message: `Category ${id} is not a leaf`,
      field: 'categoryId',
      reason: 'category_not_leaf',
    });
  }
  cached(
    db,
    `INSERT INTO category_recent (tree, category_id, used_at) VALUES (?, ?, ?)
     ON CONFLICT (tree, category_id) DO UPDATE SET used_at = excluded.used_at`,
  ).run(LAZADA, id, at);
  cached(
    db,
    `DELETE FROM category_recent WHERE tree = @tree AND category_id NOT IN (
       SELECT category_id FROM category_recent WHERE tree = @tree ORDER BY used_at DESC, category_id DESC LIMIT @keep)`,
  ).run({ tree: LAZADA, keep: KEEP_RECENT });
}

/**
 * The most recently used categories, newest first, skipping any the installed tree no
 * longer has (they are kept, and come back if a later tree has them again).
 */
export function recentCategories(db: Db, language: Language, limit = DEFAULT_RECENT_CATEGORIES): CategorySummary[] {
  return cached<[string, number], SummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}
       FROM category_recent r JOIN categories c ON c.tree = r.tree AND c.id = r.category_id
       WHERE r.tree = ? AND c.leaf = 1
       ORDER BY r.used_at DESC, r.category_id DESC
       LIMIT ?`,
  )
    .all(LAZADA, limit)
    .map((row) => toSummary(row, language));
}
