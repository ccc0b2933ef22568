import type { CategoryAttribute } from '../../../../electron/shared/categories';
import { skuLike, type SkuValues } from './productValues';

/**
 * Variations as a seller thinks of them: "Warna: Merah, Biru" and "Ukuran: S, M, L" make
 * six variants. Pure functions, so the combinations can be tested without a browser.
 */

/** Option text compared the way main compares it: case and outer spaces do not count. */
export function optionKey(text: string): string {
  return text.trim().toUpperCase();
}

/** "Merah, biru ,, Merah" -> ["Merah", "biru"]: trimmed, blanks and repeats dropped. */
export function parseOptions(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const option = part.trim();
    if (!option || seen.has(optionKey(option))) continue;
    seen.add(optionKey(option));
    out.push(option);
  }
  return out;
}

export function joinOptions(options: readonly string[]): string {
  return options.join(', ');
}

/** The options the variants already use for one variation, in order of first use. */
export function usedOptions(skus: readonly SkuValues[], field: 'option1' | 'option2'): string[] {
  return parseOptions(skus.map((sku) => sku[field]).join(','));
}

/** Adds `option` to a typed list, or takes it out when it is already there (a chip toggles). */
export function toggleOption(text: string, option: string): string {
  const options = parseOptions(text);
  const at = options.findIndex((existing) => optionKey(existing) === optionKey(option));
  if (at >= 0) options.splice(at, 1);
  else options.push(option);
  return joinOptions(options);
}

export type CombineResult =
  | {
      readonly kind: 'done';
      readonly skus: SkuValues[];
      /** Variants made new (the others kept their price, stock and code). */
      readonly created: number;
      /** Earlier variants none of the combinations matched: no longer in the list. */
      readonly dropped: readonly SkuValues[];
    }
  | { readonly kind: 'no_options' }
  | { readonly kind: 'too_many'; readonly count: number };

/**
 * Every combination of `first` x `second` (or just `first` when `second` is empty), in
 * that order, reusing what the seller already typed:
 *
 * 1. a variant with exactly that combination keeps it (its id, code, price, stock...);
 * 2. a variant with the right first option and no second one yet takes the combination
 *    (adding "Ukuran" to a product sold by "Warna" keeps each colour's price);
 * 3. a variant with no options yet (the single variant of a simple product) takes it;
 * 4. anything else is a new variant priced and packed like the first one.
 *
 * More than `max` variants is refused rather than cut short.
 */
export function combineVariants(
  current: readonly SkuValues[],
  first: readonly string[],
  second: readonly string[],
  max: number,
): CombineResult {
  if (first.length === 0) return { kind: 'no_options' };
  const seconds = second.length > 0 ? second : [''];
  const combinations = first.flatMap((option1) => seconds.map((option2) => ({ option1, option2 })));
  if (combinations.length > max) return { kind: 'too_many', count: combinations.length };

  const used = new Set<number>();
  const take = (test: (sku: SkuValues) => boolean): number => {
    const index = current.findIndex((sku, at) => !used.has(at) && test(sku));
    if (index >= 0) used.add(index);
    return index;
  };
  const chosen: number[] = combinations.map(({ option1, option2 }) =>
    take((sku) => optionKey(sku.option1) === optionKey(option1) && optionKey(sku.option2) === optionKey(option2)),
  );
  for (const [at, { option1 }] of combinations.entries()) {
    if (chosen[at] === -1) {
      chosen[at] = take((sku) => optionKey(sku.option1) === optionKey(option1) && optionKey(sku.option2) === '');
    }
  }
  for (const at of combinations.keys()) {
    if (chosen[at] === -1) chosen[at] = take((sku) => optionKey(sku.option1) === '' && optionKey(sku.option2) === '');
  }

  const template = current[0];
  let created = 0;
  const skus = combinations.map(({ option1, option2 }, at) => {
    const existing = current[chosen[at] ?? -1];
    if (existing) return { ...existing, option1, option2 };
    created += 1;
    return { ...skuLike(template), option1, option2 };
  });
  return { kind: 'done', skus, created, dropped: current.filter((_, index) => !used.has(index)) };
}

/**
 * Names to offer for a variation: the category's own sale properties first (Lazada shows
 * buyers those), then the common ones, each once whatever its case.
 */
export function variationNames(saleProperties: readonly CategoryAttribute[], common: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of [...saleProperties.map((attribute) => attribute.label), ...common]) {
    const trimmed = name.trim();
    if (!trimmed || seen.has(optionKey(trimmed))) continue;
    seen.add(optionKey(trimmed));
    out.push(trimmed);
  }
  return out;
}

/**
 * The options Lazada knows for a variation named like one of the category's sale
 * properties. Their marketplace values, not their labels: an option is what buyers read on
 * the listing, whatever language the seller runs Akar in.
 */
export function optionsFor(name: string, saleProperties: readonly CategoryAttribute[]): string[] {
  const key = optionKey(name);
  if (!key) return [];
  const property = saleProperties.find((attribute) => optionKey(attribute.label) === key);
  return property ? property.options.map((option) => option.value) : [];
}
