import type { ProductStatus } from '../../shared/catalogue';
import type { FieldIssue } from '../../shared/result';

export interface RuleSku {
  readonly sellerSku: string;
  readonly option1: string;
  readonly option2: string;
  readonly price: number;
  readonly specialPrice: number | null;
  readonly specialFrom: string | null;
  readonly specialTo: string | null;
}

export interface RuleProduct {
  readonly status: ProductStatus;
  readonly variation1: string;
  readonly variation2: string;
  readonly skus: readonly RuleSku[];
}

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * Rules that span several fields, checked on the product as it will be stored. Every
 * problem is reported, so a seller fixes them all in one go.
 *
 * - A SellerSku appears once within a product.
 * - Several SKUs need a named variation (marketplaces show buyers "Warna: Merah"), each SKU
 *   its option(s), and no two SKUs the same combination.
 * - A special price is below the normal price and runs between two dates.
 *
 * Readiness (what a product needs before upload) is separate: see readiness.ts.
 */
export function productRuleIssues(product: RuleProduct, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { variation1, variation2, skus } = product;
  if (variation2 && !variation1) issues.push({ field: `${prefix}variation2`, reason: 'variation2_without_1' });
  if (variation1 && variation2 && same(variation1, variation2)) {
    issues.push({ field: `${prefix}variation2`, reason: 'duplicate_in_product' });
  }
  if (skus.length > 1 && !variation1) issues.push({ field: `${prefix}variation1`, reason: 'variation_needed' });

  const codes = new Set<string>();
  const combinations = new Set<string>();
  for (const [index, sku] of skus.entries()) {
    const at = `${prefix}skus.${index}`;
    const code = sku.sellerSku.trim().toUpperCase();
    if (code && codes.has(code)) issues.push({ field: `${at}.sellerSku`, reason: 'duplicate_in_product' });
    if (code) codes.add(code);

    if (variation1 && !sku.option1) issues.push({ field: `${at}.option1`, reason: 'required' });
    if (variation2 && !sku.option2) issues.push({ field: `${at}.option2`, reason: 'required' });
    if (variation1 && sku.option1 && (!variation2 || sku.option2)) {
      const combination = `${sku.option1.trim().toUpperCase()}\u0000${sku.option2.trim().toUpperCase()}`;
      if (combinations.has(combination)) {
        issues.push({ field: `${at}.${variation2 ? 'option2' : 'option1'}`, reason: 'duplicate_in_product' });
      }
      combinations.add(combination);
    }

    if (sku.specialPrice !== null) {
      if (sku.specialPrice >= sku.price) {
        issues.push({ field: `${at}.specialPrice`, reason: 'special_not_below_price' });
      }
      if (!sku.specialFrom) issues.push({ field: `${at}.specialFrom`, reason: 'required' });
      if (!sku.specialTo) issues.push({ field: `${at}.specialTo`, reason: 'required' });
      if (sku.specialFrom && sku.specialTo && sku.specialTo < sku.specialFrom) {
        issues.push({ field: `${at}.specialTo`, reason: 'ends_before_start' });
      }
    }
  }
  return issues;
}
