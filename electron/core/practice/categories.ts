import { BUNDLED_TREE } from '../categories/bundled';
import {
  categoryTreeSchema,
  type CategoryTree,
  type LazadaAttribute,
  type LazadaCategoryNode,
} from '../categories/schema';

/**
 * The practice marketplace's categories are Akar's bundled Lazada Indonesia snapshot, so
 * the leaf and mandatory-attribute checks agree with what the app checked offline. Served
 * back in Lazada's wire form: flags as 0/1, and Akar's own additions (`name_en`,
 * `label_en`, `keywords`) folded in (language_code=en_US) or left out (id_ID).
 */

let cached: { tree: CategoryTree; leaves: Set<number> } | undefined;

function load(): { tree: CategoryTree; leaves: Set<number> } {
  if (cached) return cached;
  const tree = categoryTreeSchema.parse(BUNDLED_TREE);
  const leaves = new Set<number>();
  const walk = (nodes: readonly LazadaCategoryNode[]) => {
    for (const node of nodes) {
      if (node.leaf) leaves.add(node.category_id);
      else if (node.children) walk(node.children);
    }
  };
  walk(tree.tree);
  cached = { tree, leaves };
  return cached;
}

export function isLeaf(categoryId: number): boolean {
  return load().leaves.has(categoryId);
}

export function leafAttributes(categoryId: number): readonly LazadaAttribute[] {
  return load().tree.attributes[String(categoryId)] ?? [];
}

function english(language: string | undefined): boolean {
  return (language ?? '').toLowerCase().startsWith('en');
}

function wireNode(node: LazadaCategoryNode, en: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    category_id: node.category_id,
    name: en ? (node.name_en ?? node.name) : node.name,
    leaf: node.leaf,
    var: node.var,
  };
  if (node.children) out.children = node.children.map((child) => wireNode(child, en));
  return out;
}

/** `data` of `/category/tree/get`. */
export function treeData(language: string | undefined): unknown[] {
  const en = english(language);
  return load().tree.tree.map((node) => wireNode(node, en));
}

/** `data` of `/category/attributes/get`, or undefined when the id is not a leaf. */
export function attributesData(categoryId: number, language: string | undefined): unknown[] | undefined {
  if (!isLeaf(categoryId)) return undefined;
  const en = english(language);
  return leafAttributes(categoryId).map((a) => ({
    name: a.name,
    label: en ? (a.label_en ?? a.label) : a.label,
    is_mandatory: a.is_mandatory ? 1 : 0,
    is_sale_prop: a.is_sale_prop ? 1 : 0,
    input_type: a.input_type,
    attribute_type: a.attribute_type,
    options: a.options.map((o) => ({ name: en ? (o.name_en ?? o.name) : o.name })),
  }));
}

/** A small fixed brand list (local names, no real trademarks), "No Brand" first as on Lazada. */
export const PRACTICE_BRANDS: readonly { readonly brand_id: number; readonly name: string }[] = [
  { brand_id: 1, name: 'No Brand' },
  { brand_id: 20001, name: 'OEM' },
  { brand_id: 20002, name: 'Buatan Sendiri' },
  { brand_id: 20003, name: 'Produk UMKM' },
  { brand_id: 20004, name: 'Toko Latihan' },
];

const PRACTICE_BRAND_IDS: ReadonlySet<number> = new Set(PRACTICE_BRANDS.map((b) => b.brand_id));

/** Whether `brandId` (as sent in a payload's `brand_id`) is one of this marketplace's brands. */
export function isPracticeBrand(brandId: string): boolean {
  return /^[1-9]\d{0,15}$/.test(brandId.trim()) && PRACTICE_BRAND_IDS.has(Number(brandId));
}

/**
 * `data` of `/category/brands/query` (`startRow`, `pageSize` ≤ 200), shaped as Lazada's
 * GetBrandByPages answers (SCRAPE getbrandbypages.json): the brands are in `module`.
 */
export function brandsData(startRow: number, pageSize: number): Record<string, unknown> {
  const page = PRACTICE_BRANDS.slice(startRow, startRow + pageSize);
  return {
    total_record: PRACTICE_BRANDS.length,
    total_page: Math.max(1, Math.ceil(PRACTICE_BRANDS.length / pageSize)),
    start_row: startRow,
    page_index: Math.floor(startRow / pageSize) + 1,
    enable_total: true,
    module: page.map((b) => ({ brand_id: b.brand_id, name: b.name, name_en: b.name, global_identifier: b.name })),
  };
}
