import type { ReadinessProblem } from '../../../../electron/shared/catalogue';
import type { CategoryDetail } from '../../../../electron/shared/categories';
import { parseMeasure } from '../../lib/numbers';
import { BRAND_ATTRIBUTE, isFilled, SIZE_FIELDS, type ProductValues } from './productValues';

/**
 * The readiness checklist as the seller types: the same rules main applies before a
 * product may be marked ready (electron/core/catalogue/readiness.ts), run on the form's
 * text so each line disappears the moment its field is filled. Main stays the judge: a
 * product marked ready is checked again there, and its answer is shown on the fields.
 */

/** The checklist line of each problem (ui.json `readiness.check`), shared with the product card. */
export const PROBLEM_KEYS = {
  no_category: 'readiness.check.no_category',
  category_gone: 'readiness.check.category_gone',
  missing_attributes: 'readiness.check.missing_attributes',
  no_weight: 'readiness.check.no_weight',
  no_package_size: 'readiness.check.no_package_size',
  no_description: 'readiness.check.no_description',
} as const satisfies Record<ReadinessProblem, string>;

/** What the form knows about the chosen category (see useCategoryDetail). */
export type CategoryKnowledge =
  | { readonly state: 'none' }
  | { readonly state: 'loading' }
  | { readonly state: 'gone' }
  | { readonly state: 'known'; readonly detail: CategoryDetail };

export interface ReadinessItem {
  readonly problem: ReadinessProblem;
  /** The field to jump to (the first one that needs filling). */
  readonly field: string;
  /** For missing attributes: their labels, so the line says which. */
  readonly names?: readonly string[];
}

/**
 * What is missing, in the order the form asks for it. `stored` are the stored product's
 * problems, used for the attributes while the category's details are still loading, so
 * the list does not flicker.
 */
export function readinessItems(
  values: ProductValues,
  category: CategoryKnowledge,
  stored: readonly ReadinessProblem[] = [],
): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  // `?? ''`: while the form rebuilds a list (variants replaced), a watched value can be missing for a moment.
  if (!(values.description ?? '').trim()) items.push({ problem: 'no_description', field: 'description' });

  if (values.categoryId === null || category.state === 'none') {
    items.push({ problem: 'no_category', field: 'categoryId' });
  } else if (category.state === 'gone' || (category.state === 'known' && !category.detail.leaf)) {
    items.push({ problem: 'category_gone', field: 'categoryId' });
  } else if (category.state === 'known' && category.detail.attributesKnown) {
    const missing = category.detail.attributes.filter(
      (attribute) =>
        attribute.isMandatory &&
        !attribute.isSaleProp &&
        !(attribute.name === BRAND_ATTRIBUTE
          ? (values.brand ?? '').trim()
          : isFilled(values.attributes?.[attribute.name])),
    );
    const first = missing[0];
    if (first) {
      items.push({
        problem: 'missing_attributes',
        field: first.name === BRAND_ATTRIBUTE ? 'brand' : `attributes.${first.name}`,
        names: missing.map((attribute) => attribute.label),
      });
    }
  } else if (category.state === 'loading' && stored.includes('missing_attributes')) {
    items.push({ problem: 'missing_attributes', field: 'categoryId' });
  }

  // Text that is not a number is an error of its own (shown on save), not a missing value.
  const empty = (text: string | undefined) => parseMeasure(text ?? '') === null;
  const skus = values.skus ?? [];
  const noWeight = skus.findIndex((sku) => empty(sku?.weightKg));
  if (noWeight >= 0) items.push({ problem: 'no_weight', field: `skus.${noWeight}.weightKg` });
  for (const [index, sku] of skus.entries()) {
    const size = SIZE_FIELDS.find((field) => empty(sku?.[field]));
    if (size) {
      items.push({ problem: 'no_package_size', field: `skus.${index}.${size}` });
      break;
    }
  }
  return items;
}
