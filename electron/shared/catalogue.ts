import { z } from 'zod';
import {
  LANGUAGES,
  MAX_BRAND_LENGTH,
  MAX_DIMENSION_CM,
  MAX_HIGHLIGHTS,
  MAX_OFFSET,
  MAX_PAGE_SIZE,
  MAX_PRICE_RUPIAH,
  MAX_SKUS_PER_PRODUCT,
  MAX_STOCK,
  MAX_WEIGHT_KG,
  type Language,
} from './plain/limits';
import { jobIdSchema } from './jobs';
import { PROBLEM_FILTERS, type ReadinessProblem } from './plain/readiness';
import type { FieldIssue } from './result';

/**
 * Catalogue v1: the shapes that cross every boundary (IPC, CLI, core). The core validates
 * with these same schemas, so a form, a script and the database agree on what is valid.
 * Limits follow what marketplaces accept (see docs: name ≤ 255, description ≤ 25,000,
 * ≤ 50 SKUs per request, weight and dimensions with at most 2 decimals) and reject the
 * absurd (a price of a trillion rupiah is a typo, not a product).
 */

export {
  DEFAULT_BRAND,
  DEFAULT_LANGUAGE,
  DEFAULT_PAGE_SIZE,
  LANGUAGES,
  MAX_DIMENSION_CM,
  MAX_HIGHLIGHTS,
  MAX_OFFSET,
  MAX_PAGE_SIZE,
  MAX_PRICE_RUPIAH,
  MAX_SKUS_PER_PRODUCT,
  MAX_STOCK,
  MAX_WEIGHT_KG,
  type Language,
} from './plain/limits';
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

/** Calendar days as `YYYY-MM-DD` that exist (no 31 February). */
export const isoDateSchema = z.iso.date();

/** An option of a sale property ("Merah", "XL"); empty when the product has no such variation. */
const optionText = text(60);

export const skuInput = z.strictObject({
  /** Present when editing an existing SKU; absent for a new one. */
  id: idSchema.optional(),
  sellerSku: sellerSkuSchema.optional(),
  /** This SKU's value of the product's first and second variation (e.g. Warna: "Merah"). */
  option1: optionText.optional(),
  option2: optionText.optional(),
  price: whole().min(1).max(MAX_PRICE_RUPIAH),
  /** A discounted price for a period; marketplaces need both dates with it. */
  specialPrice: whole().min(1).max(MAX_PRICE_RUPIAH).nullable().optional(),
  specialFrom: isoDateSchema.nullable().optional(),
  specialTo: isoDateSchema.nullable().optional(),
  stock: whole().min(0).max(MAX_STOCK).optional(),
  weightKg: measure(MAX_WEIGHT_KG).optional(),
  lengthCm: measure(MAX_DIMENSION_CM).optional(),
  widthCm: measure(MAX_DIMENSION_CM).optional(),
  heightCm: measure(MAX_DIMENSION_CM).optional(),
});

export const PRODUCT_CONDITIONS = ['new', 'used'] as const;
export type ProductCondition = (typeof PRODUCT_CONDITIONS)[number];

/**
 * Category attribute values by the marketplace's attribute key (`material`, `flavor`...):
 * text for text/number/single choice, a list for multiple choice. Checked against the
 * product's category by the core.
 */
export const attributeValues = z.record(
  z.string().trim().min(1).max(60),
  z.union([text(1000), z.array(text(255)).max(50)]),
);
export type AttributeValues = z.infer<typeof attributeValues>;

export const productFields = z.strictObject({
  name: requiredText(255),
  /** Plain text or simple HTML; the core keeps only the tags marketplaces accept. */
  description: z.string().max(25_000),
  /** Short selling points, one per line on the marketplace (Lazada's short description). */
  highlights: z.array(requiredText(250)).max(MAX_HIGHLIGHTS),
  /** A leaf of the category tree; the core checks it exists. */
  categoryId: idSchema.nullable(),
  attributes: attributeValues,
  brand: requiredText(MAX_BRAND_LENGTH),
  condition: z.enum(PRODUCT_CONDITIONS),
  status: z.enum(PRODUCT_STATUSES),
  /** Names of up to two sale properties ("Warna", "Ukuran"); empty when not used. */
  variation1: text(40),
  variation2: text(40),
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

/**
 * What the core checks before a product can go to a marketplace, kept per product as a bit
 * mask (see ./plain/readiness.ts, shared with the renderer). Append only: the bits are stored.
 */
export { PROBLEM_FILTERS, READINESS_PROBLEMS, type ProblemFilter, type ReadinessProblem } from './plain/readiness';

/** How a product page can be ordered; "price" is the lowest price among its live SKUs. */
export const PRODUCT_SORTS = ['updated', 'name', 'price'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

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
  problem: z.enum(PROBLEM_FILTERS).optional(),
  sort: z.enum(PRODUCT_SORTS).optional(),
  /** Defaults to newest first for "updated", A-Z and cheapest first otherwise. */
  direction: z.enum(SORT_DIRECTIONS).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  offset: z.number().int().min(0).max(MAX_OFFSET).optional(),
});

/** Far more than one selection can hold (50,000 products), still a bounded message. */
export const MAX_BULK_IDS = 100_000;

/**
 * One change applied to many products at once, in one transaction. A price change by
 * percent rounds each SKU's new price to whole rupiah; weight and stock apply to every SKU.
 */
export const bulkChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('category'), categoryId: idSchema.nullable() }),
  z.strictObject({ kind: z.literal('brand'), brand: requiredText(MAX_BRAND_LENGTH) }),
  z.strictObject({ kind: z.literal('weight'), weightKg: measure(MAX_WEIGHT_KG).unwrap() }),
  z.strictObject({ kind: z.literal('stock'), stock: whole().min(0).max(MAX_STOCK) }),
  z
    .strictObject({
      kind: z.literal('price'),
      mode: z.enum(['amount', 'percent']),
      /** Whole rupiah to add (negative to take off), or a percentage from -90 to +1000. */
      value: z.number().refine((v) => v !== 0),
    })
    .superRefine(({ mode, value }, ctx) => {
      const [min, max] = mode === 'percent' ? [-90, 1000] : [-MAX_PRICE_RUPIAH, MAX_PRICE_RUPIAH];
      if (value < min)
        ctx.addIssue({
          code: 'too_small',
          origin: 'number',
          minimum: min,
          inclusive: true,
          path: ['value'],
          input: value,
        });
      if (value > max)
        ctx.addIssue({
          code: 'too_big',
          origin: 'number',
          maximum: max,
          inclusive: true,
          path: ['value'],
          input: value,
        });
      if (mode === 'amount' && !Number.isInteger(value)) {
        ctx.addIssue({ code: 'invalid_type', expected: 'int', path: ['value'], input: value });
      }
    }),
  z.strictObject({ kind: z.literal('status'), status: z.enum(PRODUCT_STATUSES) }),
]);
export type BulkChange = z.infer<typeof bulkChange>;

export const productBulkEditInput = z.strictObject({
  ids: z.array(idSchema).min(1).max(MAX_BULK_IDS),
  change: bulkChange,
  jobId: jobIdSchema.optional(),
});
export type ProductBulkEditInput = z.infer<typeof productBulkEditInput>;

/** A product the bulk change left as it was, and why (the same issues a form would show). */
export interface BulkSkipped {
  readonly id: number;
  readonly name: string;
  readonly issues: readonly FieldIssue[];
}

export interface BulkEditResult {
  /** Identifies the change for `products:bulkUndo`. */
  readonly editId: number;
  readonly changed: number;
  readonly skipped: readonly BulkSkipped[];
}

export const bulkUndoInput = z.strictObject({ editId: idSchema, jobId: jobIdSchema.optional() });

export interface BulkUndoResult {
  readonly restored: number;
  /** Products edited again after the bulk change keep their newer values. */
  readonly keptNewer: number;
}

export type SkuInput = z.infer<typeof skuInput>;
export type ProductCreateInput = z.infer<typeof productCreateInput>;
export type ProductUpdateInput = z.infer<typeof productUpdateInput>;
export type ProductListInput = z.infer<typeof productListInput>;
export type ProductSearchInput = z.infer<typeof productSearchInput>;

export interface Sku {
  readonly id: number;
  readonly productId: number;
  readonly sellerSku: string;
  readonly option1: string;
  readonly option2: string;
  /** The options joined for display ("Merah / XL"); empty for a product without variations. */
  readonly variantName: string;
  readonly price: number;
  readonly specialPrice: number | null;
  readonly specialFrom: string | null;
  readonly specialTo: string | null;
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
  readonly highlights: readonly string[];
  readonly categoryId: number | null;
  readonly attributes: AttributeValues;
  readonly brand: string;
  readonly condition: ProductCondition;
  readonly status: ProductStatus;
  readonly variation1: string;
  readonly variation2: string;
  /** What still stands between this product and the marketplace (empty when none). */
  readonly problems: readonly ReadinessProblem[];
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
  readonly categoryId: number | null;
  readonly status: ProductStatus;
  readonly problems: readonly ReadinessProblem[];
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

export const languageSchema = z.enum(LANGUAGES);
export const languageInput = z.strictObject({ language: languageSchema });

export interface AppInfo {
  readonly version: string;
  readonly dataDir: string;
  readonly language: Language;
}
