import type { ProductStatus } from '../../shared/catalogue';
import type { FieldIssue } from '../../shared/result';

const MEASUREMENTS = ['weightKg', 'lengthCm', 'widthCm', 'heightCm'] as const;

export interface RuleSku {
  readonly sellerSku: string;
  readonly weightKg: number | null;
  readonly lengthCm: number | null;
  readonly widthCm: number | null;
  readonly heightCm: number | null;
}

/**
 * Rules that span several fields, checked on the SKUs as they will be stored: a product
 * marked ready needs weight and package size on every SKU (couriers price by them), and a
 * SellerSku may appear only once within a product. Every problem is reported, so a seller
 * fixes them all in one go.
 */
export function productRuleIssues(status: ProductStatus, skus: readonly RuleSku[], prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [index, sku] of skus.entries()) {
    const code = sku.sellerSku.trim().toUpperCase();
    if (code && seen.has(code)) {
      issues.push({ field: `${prefix}skus.${index}.sellerSku`, reason: 'duplicate_in_product' });
    }
    if (code) seen.add(code);
    if (status !== 'ready') continue;
    for (const key of MEASUREMENTS) {
      if (sku[key] === null) issues.push({ field: `${prefix}skus.${index}.${key}`, reason: 'required_when_ready' });
    }
  }
  return issues;
}
