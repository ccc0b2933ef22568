import { z } from 'zod';
import { parseInput } from '../../shared/validation';
import { forgetCall } from '../db/call-cache';
import type { Db } from '../db/open';
import { CoreError, notFound } from '../errors';
import {
  categoryTreeSchema,
  lazadaAttributesSchema,
  TREE_VERSION_PATTERN,
  type LazadaAttribute,
  type LazadaCategoryNode,
  type TreeSource,
} from './schema';
import { normalized, words } from './text';

/** The only marketplace with a tree so far; every table is keyed by it for the ones to come. */
export const LAZADA = 'lazada';

/** How a word of the index relates to its leaf; lower is a stronger match. */
export const TERM_KIND = { name: 0, keyword: 1, path: 2 } as const;

/**
 * Attributes Lazada lists that Akar keeps in its own product and SKU fields (name,
 * description, price, SellerSku, stock, package size and weight, images): the product form
 * and the readiness checks own them, so they are not stored as category attributes.
 */
export const PRODUCT_FIELD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'name',
  'description',
  '__images__',
  'SellerSku',
  'price',
  'special_price',
  'special_from_date',
  'special_to_date',
  'quantity',
  'package_weight',
  'package_length',
  'package_width',
  'package_height',
]);

export interface InstallOptions {
  readonly source: TreeSource;
  /** `YYYY-MM-DD.N`: the data's date and a counter for that day. */
  readonly version: string;
  /** When a fetched tree was downloaded (ISO 8601); null for the bundled snapshot. */
  readonly fetchedAt?: string | null;
}

export interface InstalledTree {
  readonly marketplace: typeof LAZADA;
  readonly version: string;
  readonly source: TreeSource;
  readonly fetchedAt: string | null;
  readonly categoryCount: number;
  readonly leafCount: number;
}

const installOptionsSchema = z.strictObject({
  source: z.enum(['bundled', 'fetched']),
  version: z.string().regex(TREE_VERSION_PATTERN),
  fetchedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

/** One node of the tree with everything its rows need, parents before children. */
interface FlatNode {
  readonly node: LazadaCategoryNode;
  readonly parentId: number | null;
  readonly position: number;
  readonly ancestors: readonly LazadaCategoryNode[];
}

/**
 * Validates a tree (see schema.ts) and makes it the active tree of its marketplace,
 * replacing the previous one entirely, in one transaction (a savepoint inside the
 * caller's): a failure half-way leaves the old tree as it was.
 *
 * Products are not touched: they keep their category id whether or not the new tree still
 * has it (lookups then answer "not found" and the product asks for a category again).
 * Recently used categories are kept too, and reappear if a later tree brings them back.
 *
 * Throws CoreError `invalid_input` for a tree or options that do not validate.
 */
export function installTree(db: Db, treeJson: unknown, options: InstallOptions): InstalledTree {
  forgetCall(db);
  const tree = parseOrThrow(categoryTreeSchema, treeJson, 'category tree');
  const opts = parseOrThrow(installOptionsSchema, options, 'install options');
  const flat = flatten(tree.tree);

  const installed: InstalledTree = {
    marketplace: LAZADA,
    version: opts.version,
    source: opts.source,
    fetchedAt: opts.fetchedAt ?? null,
    categoryCount: flat.length,
    leafCount: flat.filter((f) => f.node.leaf).length,
  };

  db.transaction(() => {
    // Children first: attributes point at their category.
    for (const table of ['category_terms', 'category_attributes', 'categories']) {
      db.prepare(`DELETE FROM ${table} WHERE tree = ?`).run(LAZADA);
    }
    db.prepare(
      `INSERT INTO category_trees (marketplace, version, source, country, fetched_at, category_count, leaf_count)
       VALUES (@marketplace, @version, @source, @country, @fetchedAt, @categoryCount, @leafCount)
       ON CONFLICT (marketplace) DO UPDATE SET
         version = excluded.version, source = excluded.source, country = excluded.country,
         fetched_at = excluded.fetched_at, category_count = excluded.category_count,
         leaf_count = excluded.leaf_count`,
    ).run({ ...installed, country: tree.country });

    const insertCategory = db.prepare(
      `INSERT INTO categories (tree, id, parent_id, position, depth, leaf, variations, name_id, name_en,
                               key_id, key_en, path_ids, path_id, path_en, keywords, attributes_known)
       VALUES (@tree, @id, @parentId, @position, @depth, @leaf, @variations, @nameId, @nameEn,
               @keyId, @keyEn, @pathIds, @pathId, @pathEn, @keywords, @attributesKnown)`,
    );
    const insertTerm = db.prepare('INSERT INTO category_terms (tree, term, category_id, kind) VALUES (?, ?, ?, ?)');

    for (const { node, parentId, position, ancestors } of flat) {
      const line = [...ancestors, node];
      const attributes = node.leaf ? tree.attributes[String(node.category_id)] : undefined;
      insertCategory.run({
        tree: LAZADA,
        id: node.category_id,
        parentId,
        position,
        depth: ancestors.length,
        leaf: node.leaf ? 1 : 0,
        variations: node.var ? 1 : 0,
        nameId: node.name,
        nameEn: node.name_en ?? node.name,
        keyId: normalized(node.name),
        keyEn: normalized(node.name_en ?? node.name),
        pathIds: JSON.stringify(line.map((n) => n.category_id)),
        pathId: JSON.stringify(line.map((n) => n.name)),
        pathEn: JSON.stringify(line.map((n) => n.name_en ?? n.name)),
        keywords: JSON.stringify(node.keywords),
        attributesKnown: attributes ? 1 : 0,
      });
      if (attributes) writeAttributes(db, node.category_id, attributes);
      // Only leaves can be chosen, so only leaves are indexed for search and suggestions.
      if (node.leaf) {
        for (const [term, kind] of leafTerms(node, ancestors)) insertTerm.run(LAZADA, term, node.category_id, kind);
      }
    }
  })();
  return installed;
}

/**
 * Sets one leaf's attributes from the `data` of Lazada's `/category/attributes/get`,
 * replacing what the tree brought (if anything): a fetched tree can load attributes leaf
 * by leaf as sellers pick categories, instead of one call per leaf up front.
 */
export function installAttributes(db: Db, categoryId: number, attributesJson: unknown): void {
  forgetCall(db);
  const attributes = parseOrThrow(lazadaAttributesSchema, attributesJson, 'category attributes');
  const row = db
    .prepare<[string, number], { leaf: number }>('SELECT leaf FROM categories WHERE tree = ? AND id = ?')
    .get(LAZADA, categoryId);
  if (!row) throw notFound('Category', categoryId, 'categoryId');
  if (!row.leaf) {
    throw new CoreError({
      code: 'invalid_input',
      message: `Category ${categoryId} is not a leaf: only leaves have attributes`,
      field: 'categoryId',
      reason: 'category_not_leaf',
    });
  }
  db.transaction(() => {
    db.prepare('DELETE FROM category_attributes WHERE tree = ? AND category_id = ?').run(LAZADA, categoryId);
    writeAttributes(db, categoryId, attributes);
    db.prepare('UPDATE categories SET attributes_known = 1 WHERE tree = ? AND id = ?').run(LAZADA, categoryId);
  })();
}

/** The installed tree of the marketplace, or null before the first install. */
export function activeTree(db: Db): InstalledTree | null {
  const row = db
    .prepare<
      [string],
      { version: string; source: TreeSource; fetched_at: string | null; category_count: number; leaf_count: number }
    >('SELECT version, source, fetched_at, category_count, leaf_count FROM category_trees WHERE marketplace = ?')
    .get(LAZADA);
  if (!row) return null;
  return {
    marketplace: LAZADA,
    version: row.version,
    source: row.source,
    fetchedAt: row.fetched_at,
    categoryCount: row.category_count,
    leafCount: row.leaf_count,
  };
}

function writeAttributes(db: Db, categoryId: number, attributes: readonly LazadaAttribute[]): void {
  const insert = db.prepare(
    `INSERT INTO category_attributes (tree, category_id, name, position, label_id, label_en, input_type,
                                      attribute_type, is_mandatory, is_sale_prop, options)
     VALUES (@tree, @categoryId, @name, @position, @labelId, @labelEn, @inputType,
             @attributeType, @isMandatory, @isSaleProp, @options)`,
  );
  let position = 0;
  for (const attribute of attributes) {
    if (PRODUCT_FIELD_ATTRIBUTES.has(attribute.name)) continue;
    insert.run({
      tree: LAZADA,
      categoryId,
      name: attribute.name,
      position: position++,
      labelId: attribute.label,
      labelEn: attribute.label_en ?? attribute.label,
      inputType: attribute.input_type,
      attributeType: attribute.attribute_type,
      isMandatory: attribute.is_mandatory ? 1 : 0,
      isSaleProp: attribute.is_sale_prop ? 1 : 0,
      options: JSON.stringify(
        attribute.options.map((o) => (o.name_en ? { name: o.name, name_en: o.name_en } : { name: o.name })),
      ),
    });
  }
}

/**
 * The words a leaf is found by, each with its strongest relation: its own names (both
 * languages), its keywords, then the names and keywords of the categories above it.
 */
function leafTerms(node: LazadaCategoryNode, ancestors: readonly LazadaCategoryNode[]): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, kind: number) => {
    for (const word of words(text)) {
      const known = terms.get(word);
      if (known === undefined || kind < known) terms.set(word, kind);
    }
  };
  add(node.name, TERM_KIND.name);
  if (node.name_en) add(node.name_en, TERM_KIND.name);
  for (const keyword of node.keywords) add(keyword, TERM_KIND.keyword);
  for (const ancestor of ancestors) {
    add(ancestor.name, TERM_KIND.path);
    if (ancestor.name_en) add(ancestor.name_en, TERM_KIND.path);
    for (const keyword of ancestor.keywords) add(keyword, TERM_KIND.path);
  }
  return terms;
}

/** Depth first, parents before their children, each with its position among its siblings. */
function flatten(roots: readonly LazadaCategoryNode[]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (nodes: readonly LazadaCategoryNode[], ancestors: readonly LazadaCategoryNode[]) => {
    for (const [position, node] of nodes.entries()) {
      out.push({ node, parentId: ancestors.at(-1)?.category_id ?? null, position, ancestors });
      if (!node.leaf && node.children) walk(node.children, [...ancestors, node]);
    }
  };
  walk(roots, []);
  return out;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = parseInput(schema, value);
  if (!parsed.ok) {
    throw new CoreError({ ...parsed.error, message: `Invalid ${what}: ${parsed.error.message}` });
  }
  return parsed.value;
}
