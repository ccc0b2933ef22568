import { z } from 'zod';

/**
 * Catalogue v1: the shapes that cross every boundary (IPC, CLI, core). The core validates
 * with these same schemas, so a form, a script and the database agree on what is valid.
 * Limits follow what marketplaces accept (see docs: name ≤ 255, description ≤ 25,000,
 * ≤ 50 SKUs per request, weight and dimensions with at most 2 decimals) and reject the
 * absurd (a price of a trillion rupiah is a typo, not a product).
 */

export const MAX_PRICE_RUPIAH = 1_000_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_WEIGHT_KG = 1000;
export const MAX_DIMENSION_CM = 1000;
export const MAX_SKUS_PER_PRODUCT = 50;
export const DEFAULT_BRAND = 'No Brand';
export const PRODUCT_STATUSES = ['draft', 'ready'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Whole numbers through `multipleOf(1)`, so the UI can say "no decimals" rather than "wrong type". */
const whole = () => z.number().multipleOf(1);
const measure = (max: number) => z.number().multipleOf(0.01).gt(0).max(max).nullable();

// ---------- sellers (workshop participants) ----------

export const sellerFields = z.strictObject({
  name: requiredText(100),
  businessName: text(100),
  phone: text(20).regex(/^[0-9+\-\s()]*$/),
  district: text(100),
  notes: text(2000),
});

export const sellerCreateInput = sellerFields.partial().required({ name: true });
export const sellerUpdateInput = z.strictObject({ id: idSchema, changes: sellerFields.partial() });
export const sellerListInput = z.strictObject({
  query: text(100).optional(),
  includeDeleted: z.boolean().optional(),
});

export type SellerCreateInput = z.infer<typeof sellerCreateInput>;
export type SellerUpdateInput = z.infer<typeof sellerUpdateInput>;
export type SellerListInput = z.infer<typeof sellerListInput>;

export interface Seller {
  readonly id: number;
  readonly name: string;
  readonly businessName: string;
  readonly phone: string;
  readonly district: string;
  readonly notes: string;
  readonly productCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

// ---------- products and SKUs ----------

/** SellerSku: what the seller and the marketplace use to tell SKUs apart. Empty = generate one. */
export const sellerSkuSchema = text(50).regex(/^[A-Za-z0-9._-]*$/);

export const skuInput = z.strictObject({
  /** Present when editing an existing SKU; absent for a new one. */
  id: idSchema.optional(),
  sellerSku: sellerSkuSchema.optional(),
  variantName: text(60).optional(),
  price: whole().min(1).max(MAX_PRICE_RUPIAH),
  stock: whole().min(0).max(MAX_STOCK).optional(),
  weightKg: measure(MAX_WEIGHT_KG).optional(),
  lengthCm: measure(MAX_DIMENSION_CM).optional(),
  widthCm: measure(MAX_DIMENSION_CM).optional(),
  heightCm: measure(MAX_DIMENSION_CM).optional(),
});

export const productFields = z.strictObject({
  name: requiredText(255),
  description: z.string().max(25_000),
  /** Placeholder until the category tree arrives; any positive id is accepted. */
  categoryId: idSchema.nullable(),
  brand: requiredText(100),
  status: z.enum(PRODUCT_STATUSES),
  skus: z.array(skuInput).min(1).max(MAX_SKUS_PER_PRODUCT),
});

export const productCreateInput = productFields
  .partial()
  .required({ name: true, skus: true })
  .extend({ sellerId: idSchema });
export const productUpdateInput = z.strictObject({ id: idSchema, changes: productFields.partial() });
export const productListInput = z.strictObject({
  sellerId: idSchema,
  query: text(100).optional(),
  includeDeleted: z.boolean().optional(),
});

/** How a product page can be ordered; "price" is the lowest price among its live SKUs. */
export const PRODUCT_SORTS = ['updated', 'name', 'price'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Far beyond any real catalogue; only keeps the number an ordinary integer for SQLite. */
export const MAX_OFFSET = 1_000_000_000;

/**
 * Finding products: full-text `query` (name, description, SellerSku, variant names; a blank
 * query filters nothing), filters, a sort and a page. Without `sellerId` it searches the whole
 * catalogue, as a trainer does. Live products only: the trash has its own view.
 */
export const productSearchInput = z.strictObject({
  sellerId: idSchema.optional(),
  query: text(200).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  categoryId: idSchema.optional(),
  sort: z.enum(PRODUCT_SORTS).optional(),
  /** Defaults to newest first for "updated", A-Z and cheapest first otherwise. */
  direction: z.enum(SORT_DIRECTIONS).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.number().int().min(0).max(MAX_OFFSET).optional(),
});

export type SkuInput = z.infer<typeof skuInput>;
export type ProductCreateInput = z.infer<typeof productCreateInput>;
export type ProductUpdateInput = z.infer<typeof productUpdateInput>;
export type ProductListInput = z.infer<typeof productListInput>;
export type ProductSearchInput = z.infer<typeof productSearchInput>;

export interface Sku {
  readonly id: number;
  readonly productId: number;
  readonly sellerSku: string;
  readonly variantName: string;
  readonly price: number;
  readonly stock: number;
  readonly weightKg: number | null;
  readonly lengthCm: number | null;
  readonly widthCm: number | null;
  readonly heightCm: number | null;
}

export interface Product {
  readonly id: number;
  readonly sellerId: number;
  readonly name: string;
  readonly description: string;
  readonly categoryId: number | null;
  readonly brand: string;
  readonly status: ProductStatus;
  readonly skus: readonly Sku[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

export interface ProductSummary {
  readonly id: number;
  readonly sellerId: number;
  readonly name: string;
  readonly brand: string;
  readonly status: ProductStatus;
  readonly skuCount: number;
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly totalStock: number;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** One page of search results and how many match in all (for "1-50 of 1,234"). */
export interface ProductPage {
  readonly items: readonly ProductSummary[];
  readonly total: number;
}

/** A product deleted on its own, with its participant's name for the trash view. */
export interface TrashedProduct extends ProductSummary {
  readonly sellerName: string;
}

/** What the trash holds: participants (with their products) and single products. */
export interface TrashContents {
  readonly sellers: readonly Seller[];
  readonly products: readonly TrashedProduct[];
}

/** For channels that take nothing: `{}` or nothing at all, and no stray keys. */
export const emptyInput = z.strictObject({}).optional();

/** The id-only input shared by get/delete/restore channels. */
export const byIdInput = z.strictObject({ id: idSchema });
export type ByIdInput = z.infer<typeof byIdInput>;

// ---------- settings ----------

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);
export const DEFAULT_LANGUAGE: Language = 'id';
export const languageInput = z.strictObject({ language: languageSchema });

export interface AppInfo {
  readonly version: string;
  readonly dataDir: string;
  readonly language: Language;
}
