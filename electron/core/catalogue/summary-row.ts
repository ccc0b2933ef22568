import type { ProductStatus, ProductSummary } from '../../shared/catalogue';
import { problemsFromMask } from './readiness';

/** A product list row as the list and search queries select it (SKU figures aggregated). */
export interface SummaryRow {
  id: number;
  seller_id: number;
  name: string;
  brand: string;
  category_id: number | null;
  status: ProductStatus;
  problems: number;
  sku_count: number;
  min_price: number;
  max_price: number;
  total_stock: number;
  updated_at: string;
  /** Absent where the query returns live products only. */
  deleted_at?: string | null;
}

export function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    sellerId: row.seller_id,
    name: row.name,
    brand: row.brand,
    categoryId: row.category_id,
    status: row.status,
    problems: problemsFromMask(row.problems),
    skuCount: row.sku_count,
    minPrice: row.min_price,
    maxPrice: row.max_price,
    totalStock: row.total_stock,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at ?? null,
  };
}
