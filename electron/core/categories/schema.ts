import { z } from 'zod';
import { MAX_ATTRIBUTE_NAME, MAX_ATTRIBUTE_TEXT } from '../../shared/categories';

/**
 * The shape of a category tree as Akar installs it, bundled or fetched. It is Lazada's own
 * responses in an envelope, so a fetch can pass them in unchanged:
 *
 * - `tree` is the `data` of `GET /category/tree/get` (language_code=id_ID): nodes with
 *   `category_id`, `name`, `leaf`, `var` and `children`;
 * - `attributes[<leaf id>]` is the `data` of `GET /category/attributes/get` for that leaf:
 *   `name`, `label`, `is_mandatory`, `is_sale_prop`, `input_type`, `attribute_type`,
 *   `options[{name}]`. A fetch may bring only some leaves' attributes and add the rest
 *   later, one leaf at a time (`installAttributes`).
 *
 * Akar's own additions are optional: `name_en` / `label_en` / options' `name_en` (merged
 * in from a second call with language_code=en_US, or absent: the Indonesian text is then
 * shown in English too) and per-leaf `keywords` for search and suggestions. Objects are
 * loose: fields Lazada adds (`advanced`, `id`, ...) pass through and are ignored.
 */

export const TREE_SCHEMA_VERSION = 1;
export const TREE_SOURCES = ['bundled', 'fetched'] as const;
export type TreeSource = (typeof TREE_SOURCES)[number];

const MAX_NAME = 255;
const MAX_KEYWORDS = 50;

/** Lazada sends 0/1; a boolean is accepted as well, as other endpoints use them. */
const flag = z.union([z.literal(0), z.literal(1), z.boolean()]).transform((v) => v === 1 || v === true);
const displayText = z.string().trim().min(1).max(MAX_NAME);

export const attributeOptionSchema = z.looseObject({
  name: z.string().trim().min(1).max(MAX_ATTRIBUTE_TEXT),
  name_en: displayText.optional(),
});

export const lazadaAttributeSchema = z.looseObject({
  name: z.string().trim().min(1).max(MAX_ATTRIBUTE_NAME),
  label: displayText,
  label_en: displayText.optional(),
  is_mandatory: flag,
  is_sale_prop: flag.default(false),
  /**
   * Any text: an input type Lazada introduces later must not make a whole tree
   * uninstallable. Unknown types are treated as plain text when values are checked.
   */
  input_type: z.string().trim().min(1).max(50),
  attribute_type: z.string().trim().min(1).max(50).default('normal'),
  options: z.array(attributeOptionSchema).default([]),
});
export type LazadaAttribute = z.output<typeof lazadaAttributeSchema>;

/** The `data` array of `/category/attributes/get`. */
export const lazadaAttributesSchema = z.array(lazadaAttributeSchema).superRefine((attributes, ctx) => {
  const seen = new Set<string>();
  for (const [index, attribute] of attributes.entries()) {
    if (seen.has(attribute.name)) {
      ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `attribute ${attribute.name} appears twice` });
    }
    seen.add(attribute.name);
  }
});

export const lazadaCategoryIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const lazadaCategoryNodeSchema = z.looseObject({
  category_id: lazadaCategoryIdSchema,
  name: displayText,
  name_en: displayText.optional(),
  leaf: z.boolean(),
  /** Whether the category allows variations; kept as Lazada sends it. */
  var: z.boolean().default(false),
  keywords: z.array(z.string().trim().min(1).max(100)).max(MAX_KEYWORDS).default([]),
  get children() {
    return z.array(lazadaCategoryNodeSchema).optional();
  },
});
export type LazadaCategoryNode = z.output<typeof lazadaCategoryNodeSchema>;

export const categoryTreeSchema = z
  .looseObject({
    schemaVersion: z.literal(TREE_SCHEMA_VERSION),
    marketplace: z.literal('lazada'),
    country: z.literal('ID'),
    /** Where the data came from, in words (e.g. "hand-curated subset", "fetched from ..."). */
    source: z.string().max(1000).optional(),
    snapshotVersion: z.string().optional(),
    tree: z.array(lazadaCategoryNodeSchema).min(1),
    attributes: z.record(z.string().regex(/^[1-9][0-9]{0,15}$/), lazadaAttributesSchema).default({}),
  })
  .superRefine((snapshot, ctx) => {
    const leaves = new Set<number>();
    const seen = new Set<number>();
    const walk = (nodes: readonly LazadaCategoryNode[], path: (string | number)[]) => {
      for (const [index, node] of nodes.entries()) {
        const at = [...path, index];
        if (seen.has(node.category_id)) {
          ctx.addIssue({ code: 'custom', path: [...at, 'category_id'], message: `id ${node.category_id} repeated` });
        }
        seen.add(node.category_id);
        if (node.leaf) {
          leaves.add(node.category_id);
          if (node.children && node.children.length > 0) {
            ctx.addIssue({ code: 'custom', path: [...at, 'children'], message: 'a leaf has children' });
          }
        } else if (node.children) {
          walk(node.children, [...at, 'children']);
        }
      }
    };
    walk(snapshot.tree, ['tree']);
    for (const id of Object.keys(snapshot.attributes)) {
      if (!leaves.has(Number(id))) {
        ctx.addIssue({
          code: 'custom',
          path: ['attributes', id],
          message: `attributes for ${id}, not a leaf of the tree`,
        });
      }
    }
  });
export type CategoryTree = z.output<typeof categoryTreeSchema>;

/**
 * Versions are `YYYY-MM-DD.N` (the data's date and a counter for that day), so they
 * compare by date first; anything else compares as plain text after them.
 */
export const TREE_VERSION_PATTERN = /^(\d{4})-(\d{2})-(\d{2})\.(\d{1,6})$/;

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareTreeVersions(a: string, b: string): number {
  const ma = TREE_VERSION_PATTERN.exec(a);
  const mb = TREE_VERSION_PATTERN.exec(b);
  if (ma && mb) {
    const date = `${ma[1]}${ma[2]}${ma[3]}`.localeCompare(`${mb[1]}${mb[2]}${mb[3]}`);
    return date !== 0 ? date : Number(ma[4]) - Number(mb[4]);
  }
  if (ma) return 1;
  if (mb) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
