import type { Language } from '../../shared/catalogue';
import type { CategoryDetail, CategorySummary } from '../../shared/categories';
import type { Db } from '../db/open';
import { cached, cachedPluck } from '../db/statements';
import { notFound } from '../errors';
import { storedAttributes, toCategoryAttribute } from './attributes';
import { LAZADA } from './install';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows';

interface DetailRow extends SummaryRow {
  readonly path_ids: string;
  readonly attributes_known: number;
}

/**
 * One category with what the picker shows for it: breadcrumb, attributes (a leaf) or
 * children (otherwise). Null when the installed tree has no such category, e.g. a product
 * still pointing at a category a newer tree dropped: the product then asks for one again.
 */
/** Whether a category's attributes are on this laptop (true for one the tree does not have: readiness says so). */
export function categoryAttributesKnown(db: Db, id: number): boolean {
  const row = cached<[string, number], { attributes_known: number }>(
    db,
    'SELECT attributes_known FROM categories WHERE tree = ? AND id = ?',
  ).get(LAZADA, id);
  return row === undefined || row.attributes_known === 1;
}

export function findCategory(db: Db, id: number, language: Language): CategoryDetail | null {
  const row = cached<[string, number], DetailRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, c.path_ids, c.attributes_known FROM categories c WHERE c.tree = ? AND c.id = ?`,
  ).get(LAZADA, id);
  if (!row) return null;
  const summary = toSummary(row, language);
  const ids = JSON.parse(row.path_ids) as number[];
  return {
    id: summary.id,
    name: summary.name,
    leaf: summary.leaf,
    path: ids.map((crumb, index) => ({ id: crumb, name: summary.path[index] ?? '' })),
    attributesKnown: row.attributes_known === 1,
    attributes: summary.leaf ? storedAttributes(db, id).map((a) => toCategoryAttribute(a, language)) : [],
    children: summary.leaf ? [] : children(db, id, language),
  };
}

/** `findCategory`, or CoreError `not_found` (field `id`) for a category the tree does not have. */
export function getCategory(db: Db, id: number, language: Language): CategoryDetail {
  const category = findCategory(db, id, language);
  if (!category) throw notFound('Category', id);
  return category;
}

/**
 * The categories directly under `parentId` in the marketplace's order, or the top of the
 * tree for null; CoreError `not_found` (field `parentId`) for an unknown parent. A leaf has
 * no children.
 */
export function listChildren(db: Db, parentId: number | null, language: Language): CategorySummary[] {
  if (parentId !== null && !categoryExists(db, parentId)) throw notFound('Category', parentId, 'parentId');
  return children(db, parentId, language);
}

/** Whether `id` is a leaf of the installed tree: only leaves can be a product's category. */
export function isLeafCategory(db: Db, id: number): boolean {
  return (
    cachedPluck<[string, number], number>(db, 'SELECT leaf FROM categories WHERE tree = ? AND id = ?').get(
      LAZADA,
      id,
    ) === 1
  );
}

function categoryExists(db: Db, id: number): boolean {
  return cached(db, 'SELECT 1 FROM categories WHERE tree = ? AND id = ?').get(LAZADA, id) !== undefined;
}

function children(db: Db, parentId: number | null, language: Language): CategorySummary[] {
  // `IS` so that null finds the roots through the same index.
  return cached<[string, number | null], SummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM categories c WHERE c.tree = ? AND c.parent_id IS ? ORDER BY c.position`,
  )
    .all(LAZADA, parentId)
    .map((row) => toSummary(row, language));
}
