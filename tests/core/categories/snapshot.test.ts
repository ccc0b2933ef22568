import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUNDLED_TREE } from '../../../electron/core/categories/bundled';
import {
  categoryTreeSchema,
  compareTreeVersions,
  TREE_VERSION_PATTERN,
  type LazadaAttribute,
  type LazadaCategoryNode,
} from '../../../electron/core/categories/schema';
import { normalized } from '../../../electron/core/categories/text';
import { ATTRIBUTE_INPUT_TYPES } from '../../../electron/shared/categories';

const SELECTS = new Set(['singleSelect', 'multiSelect', 'enumInput', 'multiEnumInput']);

/**
 * What the bundled snapshot must be on top of what any installable tree is: complete
 * (every leaf with its attributes, in both languages, with keywords), consistent and
 * realistic. A fetched tree may be partial; the one shipped offline may not.
 */
const bundledSnapshotSchema = categoryTreeSchema.superRefine((snapshot, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!TREE_VERSION_PATTERN.test(snapshot.snapshotVersion ?? '')) issue(['snapshotVersion'], 'not YYYY-MM-DD.N');
  if (!/hand-curated/i.test(snapshot.source ?? '') || !/not lazada's official/i.test(snapshot.source ?? '')) {
    issue(['source'], 'must say it is a hand-curated subset, not the official tree');
  }
  const walk = (nodes: readonly LazadaCategoryNode[], path: (string | number)[], depth: number) => {
    for (const [index, node] of nodes.entries()) {
      const at = [...path, index];
      if (!node.name_en) issue([...at, 'name_en'], 'English name missing');
      if (node.leaf) {
        if (depth < 3 || depth > 4) issue(at, `leaf at depth ${depth}`);
        if (node.keywords.length === 0) issue([...at, 'keywords'], 'a leaf needs keywords');
        const attributes = snapshot.attributes[String(node.category_id)];
        if (!attributes || attributes.length === 0) {
          issue(at, `leaf ${node.category_id} has no attributes`);
          continue;
        }
        if (node.var !== attributes.some((a) => a.is_sale_prop)) issue([...at, 'var'], 'var disagrees with sale props');
        checkAttributes(attributes, ['attributes', String(node.category_id)], issue);
      } else if (!node.children || node.children.length === 0) {
        issue(at, 'a category that is not a leaf needs children');
      } else {
        walk(node.children, [...at, 'children'], depth + 1);
      }
    }
  };
  walk(snapshot.tree, ['tree'], 1);
});

function checkAttributes(
  attributes: readonly LazadaAttribute[],
  path: (string | number)[],
  issue: (path: (string | number)[], message: string) => void,
) {
  const brand = attributes.find((a) => a.name === 'brand');
  if (!brand?.is_mandatory) issue(path, 'brand must be there and mandatory, as on Lazada');
  // Lazada asks for few attributes: a form with many mandatory fields is not what sellers see.
  const mandatory = attributes.filter((a) => a.is_mandatory && !a.is_sale_prop);
  if (mandatory.length > 3) issue(path, `${mandatory.length} mandatory attributes`);
  for (const [index, attribute] of attributes.entries()) {
    const at = [...path, index];
    if (!(ATTRIBUTE_INPUT_TYPES as readonly string[]).includes(attribute.input_type)) {
      issue(at, `input_type ${attribute.input_type}`);
    }
    if (!attribute.label_en) issue(at, 'English label missing');
    if (SELECTS.has(attribute.input_type) && attribute.options.length === 0) issue(at, 'a select without options');
    if (!SELECTS.has(attribute.input_type) && attribute.options.length > 0) issue(at, 'options on a free field');
    if (attribute.is_sale_prop && attribute.attribute_type !== 'sku') issue(at, 'sale props are SKU attributes');
    if (attribute.is_sale_prop && !attribute.input_type.startsWith('multi')) issue(at, 'a sale prop takes many values');
    // Options are matched without case, accents or punctuation, in either language: two
    // options that look the same that way would make a typed value ambiguous.
    const owner = new Map<string, string>();
    for (const option of attribute.options) {
      for (const text of [option.name, option.name_en]) {
        if (text === undefined) continue;
        const key = normalized(text);
        const known = owner.get(key);
        if (known !== undefined && known !== option.name) issue(at, `"${text}" reads like "${known}"`);
        owner.set(key, option.name);
      }
    }
  }
}

function leaves(nodes: readonly LazadaCategoryNode[]): LazadaCategoryNode[] {
  return nodes.flatMap((n) => (n.leaf ? [n] : leaves(n.children ?? [])));
}

describe('the bundled Lazada snapshot', () => {
  const parsed = bundledSnapshotSchema.safeParse(BUNDLED_TREE);

  it('is a complete, valid tree', () => {
    expect(parsed.success ? [] : z.prettifyError(parsed.error)).toEqual([]);
  });

  it('is Lazada Indonesia, with 60-120 leaves 3-4 levels deep', () => {
    const snapshot = categoryTreeSchema.parse(BUNDLED_TREE);
    expect(snapshot).toMatchObject({ schemaVersion: 1, marketplace: 'lazada', country: 'ID' });
    const count = leaves(snapshot.tree).length;
    expect(count).toBeGreaterThanOrEqual(60);
    expect(count).toBeLessThanOrEqual(120);
  });

  it('covers what West Java SMEs sell', () => {
    const names = leaves(categoryTreeSchema.parse(BUNDLED_TREE).tree).map((n) => n.name);
    for (const expected of [
      'Keripik',
      'Dodol & Jenang',
      'Kerupuk & Rengginang',
      'Kue Kering',
      'Sambal',
      'Kopi Bubuk',
      'Kopi Biji',
      'Teh Daun',
      'Kemeja Batik Pria',
      'Kain Batik & Jarik',
      'Dress Batik',
      'Gamis',
      'Baju Koko',
      'Pashmina',
      'Hijab Segi Empat',
      'Anyaman Bambu',
      'Anyaman Pandan & Mendong',
      'Tas Anyaman',
      'Hiasan Dinding',
      'Peralatan Masak',
      'Pelembap & Krim Wajah',
      'Sabun Batang & Sabun Herbal',
      'Lulur & Scrub',
      'Minyak Pijat & Aromaterapi',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('would be refused with a leaf missing its attributes, a select without options or brand optional', () => {
    const snapshot = () =>
      structuredClone(BUNDLED_TREE) as {
        attributes: Record<string, { name: string; input_type: string; options: unknown[]; is_mandatory: number }[]>;
      };
    const [leafId] = Object.keys(snapshot().attributes);

    const noAttributes = snapshot();
    delete noAttributes.attributes[leafId!];
    expect(bundledSnapshotSchema.safeParse(noAttributes).success).toBe(false);

    const emptySelect = snapshot();
    emptySelect.attributes[leafId!]!.find((a) => a.input_type === 'singleSelect')!.options = [];
    expect(bundledSnapshotSchema.safeParse(emptySelect).success).toBe(false);

    const optionalBrand = snapshot();
    optionalBrand.attributes[leafId!]!.find((a) => a.name === 'brand')!.is_mandatory = 0;
    expect(bundledSnapshotSchema.safeParse(optionalBrand).success).toBe(false);
  });

  it('is refused by the install schema when an id repeats or a leaf has children', () => {
    const snapshot = structuredClone(BUNDLED_TREE) as { tree: { category_id: number; leaf: boolean }[] };
    const [first, second] = snapshot.tree;
    second!.category_id = first!.category_id;
    expect(categoryTreeSchema.safeParse(snapshot).success).toBe(false);

    const withChildrenOnLeaf = structuredClone(BUNDLED_TREE) as { tree: Record<string, unknown>[] };
    withChildrenOnLeaf.tree[0]!['leaf'] = true;
    expect(categoryTreeSchema.safeParse(withChildrenOnLeaf).success).toBe(false);
  });
});

describe('compareTreeVersions', () => {
  it('orders by date, then by the counter of the day', () => {
    expect(compareTreeVersions('2026-11-27.1', '2026-11-27.1')).toBe(0);
    expect(compareTreeVersions('2026-11-27.2', '2026-11-27.10')).toBeLessThan(0);
    expect(compareTreeVersions('2026-12-01.1', '2026-11-27.9')).toBeGreaterThan(0);
    expect(compareTreeVersions('2025-01-01.1', '2026-01-01.1')).toBeLessThan(0);
  });
});
