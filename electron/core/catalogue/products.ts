import { z } from 'zod';
import {
  attributeValues,
  DEFAULT_BRAND,
  type AttributeValues,
  type Product,
  type ProductCondition,
  type ProductCreateInput,
  type ProductListInput,
  type ProductStatus,
  type ProductSummary,
  type ProductUpdateInput,
  type Sku,
  type SkuInput,
  type TrashedProduct,
} from '../../shared/catalogue';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import type { FieldIssue } from '../../shared/result';
import { CoreError, notFound } from '../errors';
import { likePattern } from './like';
import { sanitizeDescription } from './description';
import { productRuleIssues } from './product-rules';
import { problemMask, problemsFromMask, readinessIssues, type CategoryCheck } from './readiness';
import type { SellerStore } from './sellers';
import { formatSku, skuPrefix } from './sku-codes';
import { toSummary, type SummaryRow } from './summary-row';

interface ProductRow {
  id: number;
  seller_id: number;
  name: string;
  description: string;
  highlights: string;
  category_id: number | null;
  attributes: string;
  brand: string;
  item_condition: ProductCondition;
  status: ProductStatus;
  variation1: string;
  variation2: string;
  problems: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface SkuRow {
  id: number;
  product_id: number;
  seller_sku: string;
  option1: string;
  option2: string;
  variant_name: string;
  price: number;
  special_price: number | null;
  special_from: string | null;
  special_to: string | null;
  stock: number;
  weight_g: number | null;
  length_cm: number | null;
  width_cm: number | null;
  height_cm: number | null;
}

function toSku(row: SkuRow): Sku {
  return {
    id: row.id,
    productId: row.product_id,
    sellerSku: row.seller_sku,
    option1: row.option1,
    option2: row.option2,
    variantName: row.variant_name,
    price: row.price,
    specialPrice: row.special_price,
    specialFrom: row.special_from,
    specialTo: row.special_to,
    stock: row.stock,
    // Weight is kept in whole grams so sums and comparisons stay exact.
    weightKg: row.weight_g === null ? null : row.weight_g / 1000,
    lengthCm: row.length_cm,
    widthCm: row.width_cm,
    heightCm: row.height_cm,
  };
}

/** JSON columns are read back through their schema: a damaged row fails loudly, not later. */
const highlightsColumn = z.array(z.string());

function toGrams(kg: number | null | undefined): number | null {
  return kg === null || kg === undefined ? null : Math.round(kg * 1000);
}

/** Products and their SKUs. Every write runs inside the caller's transaction. */
export class ProductStore {
  constructor(
    private readonly db: Db,
    private readonly sellers: SellerStore,
    private readonly categories: CategoryCheck,
    private readonly now: () => string,
  ) {}

  list(input: ProductListInput): ProductSummary[] {
    this.sellers.assertExists(input.sellerId, 'sellerId');
    return this.summaries(
      `p.seller_id = @sellerId
       AND (p.deleted_at IS NULL OR @includeDeleted)
       AND (@query IS NULL OR p.name LIKE @query ESCAPE '\\')`,
      { sellerId: input.sellerId, includeDeleted: input.includeDeleted ? 1 : 0, query: likePattern(input.query) },
    );
  }

  /**
   * Products deleted on their own, newest first. Products of a participant in the trash
   * are not listed: they come back with the participant.
   */
  listTrash(): TrashedProduct[] {
    const names = new Map<number, string>();
    return this.summaries(
      'p.deleted_at IS NOT NULL AND p.seller_id IN (SELECT id FROM sellers WHERE deleted_at IS NULL)',
      {},
      'p.deleted_at DESC, p.id DESC',
    ).map((product) => {
      if (!names.has(product.sellerId)) names.set(product.sellerId, this.sellers.get(product.sellerId).name);
      return { ...product, sellerName: names.get(product.sellerId) ?? '' };
    });
  }

  private summaries(
    where: string,
    params: Record<string, unknown>,
    orderBy = 'p.updated_at DESC, p.id DESC',
  ): ProductSummary[] {
    const rows = cached<Record<string, unknown>, SummaryRow>(
      this.db,
      `SELECT p.id, p.seller_id, p.name, p.brand, p.category_id, p.status, p.problems, p.updated_at, p.deleted_at,
                COUNT(s.id) AS sku_count,
                COALESCE(MIN(s.price), 0) AS min_price,
                COALESCE(MAX(s.price), 0) AS max_price,
                COALESCE(SUM(s.stock), 0) AS total_stock
         FROM products p
         LEFT JOIN skus s ON s.product_id = p.id AND s.deleted_at IS NULL
         WHERE ${where}
         GROUP BY p.id
         ORDER BY ${orderBy}`,
    ).all(params);
    return rows.map(toSummary);
  }

  get(id: number): Product {
    const row = cached<[number], ProductRow>(this.db, 'SELECT * FROM products WHERE id = ?').get(id);
    if (!row) throw notFound('Product', id);
    const skus = cached<[number], SkuRow>(
      this.db,
      'SELECT * FROM skus WHERE product_id = ? AND deleted_at IS NULL ORDER BY position, id',
    )
      .all(id)
      .map(toSku);
    return {
      id: row.id,
      sellerId: row.seller_id,
      name: row.name,
      description: row.description,
      highlights: highlightsColumn.parse(JSON.parse(row.highlights)),
      categoryId: row.category_id,
      attributes: attributeValues.parse(JSON.parse(row.attributes)),
      brand: row.brand,
      condition: row.item_condition,
      status: row.status,
      variation1: row.variation1,
      variation2: row.variation2,
      problems: problemsFromMask(row.problems),
      skus,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  /**
   * A new product as it would be stored, checked (throws CoreError like `create`); nothing
   * is written. The import's preview uses it to tell what a commit would do.
   */
  planCreate(input: ProductCreateInput): PreparedProduct {
    const draft = this.draftCreate(input);
    this.checkSkus(null, input.sellerId, draft, '');
    return draft;
  }

  private draftCreate(input: ProductCreateInput): PreparedProduct {
    this.sellers.assertExists(input.sellerId, 'sellerId', true);
    const draft = this.prepare(
      {
        name: input.name,
        description: input.description ?? '',
        highlights: input.highlights ?? [],
        categoryId: input.categoryId ?? null,
        attributes: input.attributes ?? {},
        brand: input.brand ?? DEFAULT_BRAND,
        condition: input.condition ?? 'new',
        status: input.status ?? 'draft',
        variation1: input.variation1 ?? '',
        variation2: input.variation2 ?? '',
        skus: resolveSkus(input.skus, [], ''),
      },
      '',
      input.categoryId !== undefined && input.categoryId !== null,
    );
    return draft;
  }

  create(input: ProductCreateInput): Product {
    return this.get(this.createId(input));
  }

  /**
   * Creates a product and returns its id only: an import creating thousands does not need
   * each one read back. (Its SellerSkus are checked as they are written.)
   */
  createId(input: ProductCreateInput): number {
    const draft = this.draftCreate(input);
    const at = this.now();
    // The product goes in as not yet live (`deleted_at` set) and comes alive once its SKUs
    // are written, all in this transaction: the search index triggers (migration 0020) then
    // index it once, instead of once for the product and again for every SKU added.
    const info = cached(
      this.db,
      `INSERT INTO products (seller_id, name, description, highlights, category_id, attributes, brand,
           item_condition, status, variation1, variation2, problems, created_at, updated_at, deleted_at)
         VALUES (@sellerId, @name, @description, @highlights, @categoryId, @attributes, @brand,
           @condition, @status, @variation1, @variation2, @problems, @at, @at, @at)`,
    ).run({ ...productColumns(draft), sellerId: input.sellerId, at });
    const productId = Number(info.lastInsertRowid);
    this.writeSkus(productId, input.sellerId, draft, at, '');
    cached(this.db, 'UPDATE products SET deleted_at = NULL WHERE id = ?').run(productId);
    if (draft.usedCategory !== null) this.categories.recordUse(draft.usedCategory);
    return productId;
  }

  /**
   * An update as it would be stored, checked, with the product as it is now; nothing is
   * written (see `planCreate`).
   */
  planUpdate({ id, changes }: ProductUpdateInput): { current: Product; draft: PreparedProduct } {
    const current = this.getActive(id);
    // Update inputs carry their fields under `changes`, so problems are reported there too.
    const prefix = 'changes.';
    const draft = this.prepare(
      {
        name: changes.name ?? current.name,
        description: changes.description ?? current.description,
        highlights: changes.highlights ?? current.highlights,
        categoryId: changes.categoryId === undefined ? current.categoryId : changes.categoryId,
        attributes: changes.attributes ?? current.attributes,
        brand: changes.brand ?? current.brand,
        condition: changes.condition ?? current.condition,
        status: changes.status ?? current.status,
        variation1: changes.variation1 ?? current.variation1,
        variation2: changes.variation2 ?? current.variation2,
        skus: changes.skus ? resolveSkus(changes.skus, current.skus, prefix) : current.skus,
      },
      prefix,
      changes.categoryId !== undefined && changes.categoryId !== null && changes.categoryId !== current.categoryId,
    );
    this.checkSkus(id, current.sellerId, draft, prefix);
    return { current, draft };
  }

  /**
   * The product an update would leave, without writing it: what `update` would return,
   * except for new SKUs' generated codes and the timestamps.
   */
  previewUpdate(input: ProductUpdateInput): { before: Product; after: Product } {
    const { current, draft } = this.planUpdate(input);
    const after: Product = {
      ...current,
      ...productFields(draft),
      problems: problemsFromMask(draft.problems),
      skus: draft.skus.map((sku, index) => ({
        ...sku,
        id: sku.id ?? -1 - index,
        productId: current.id,
        variantName: [sku.option1, sku.option2].filter(Boolean).join(' / '),
        // Stored in whole grams: read back the way the database would give it.
        weightKg: sku.weightKg === null ? null : (toGrams(sku.weightKg) ?? 0) / 1000,
      })),
    };
    return { before: current, after };
  }

  update(input: ProductUpdateInput): Product {
    const { id, changes } = input;
    const { current, draft } = this.planUpdate(input);
    const at = this.now();
    cached(
      this.db,
      `UPDATE products SET name = @name, description = @description, highlights = @highlights,
           category_id = @categoryId, attributes = @attributes, brand = @brand, item_condition = @condition,
           status = @status, variation1 = @variation1, variation2 = @variation2, problems = @problems,
           updated_at = @at
         WHERE id = @id`,
    ).run({ ...productColumns(draft), id, at });
    // SKUs are rewritten when they changed, and also when the variations did: the options a
    // SKU keeps depend on which variations the product has.
    if (changes.skus || changes.variation1 !== undefined || changes.variation2 !== undefined) {
      this.writeSkus(id, current.sellerId, draft, at, 'changes.');
    }
    if (draft.usedCategory !== null) this.categories.recordUse(draft.usedCategory);
    return this.get(id);
  }

  /**
   * Cleans a product as it will be stored (description tags, options of unused variations,
   * attribute spelling) and checks it: field rules always, the category when it changed,
   * attribute values whenever there is a category, and readiness when it is marked ready.
   * Returns it with its readiness problem mask.
   */
  private prepare(draft: Draft, prefix: string, categoryChanged: boolean): PreparedProduct {
    const { categoryId } = draft;
    const known = categoryId !== null && this.categories.isLeaf(categoryId);
    const product: Draft = {
      ...draft,
      description: sanitizeDescription(draft.description),
      // Lazada asks for the brand as a category attribute; the product's own brand field is
      // the one place a seller sets it, so the attribute always follows it.
      attributes: known
        ? this.categories.normalizeAttributes(categoryId, { ...draft.attributes, brand: draft.brand })
        : draft.attributes,
      skus: draft.skus.map((sku) => ({
        ...sku,
        option1: draft.variation1 ? sku.option1 : '',
        option2: draft.variation2 ? sku.option2 : '',
        specialFrom: sku.specialPrice === null ? null : sku.specialFrom,
        specialTo: sku.specialPrice === null ? null : sku.specialTo,
      })),
    };
    const issues = productRuleIssues(product, prefix);
    if (categoryChanged && !known) issues.push({ field: `${prefix}categoryId`, reason: 'invalid_choice' });
    if (known) issues.push(...this.categories.attributeIssues(categoryId, product.attributes, false, prefix));
    const readiness = readinessIssues(product, this.categories, prefix);
    if (product.status === 'ready') {
      for (const issue of readiness) {
        if (!issues.some((i) => i.field === issue.field)) issues.push(issue);
      }
    }
    const first = issues[0];
    if (first) throw invalid(first.field, first.reason, issues);
    return {
      ...product,
      problems: problemMask(readiness, prefix),
      usedCategory: known && categoryChanged ? categoryId : null,
    };
  }

  /**
   * Works out every live product's readiness problems again. Needed when the category tree
   * changes under them (a newer snapshot or a fetch): a category may be gone, or gain a
   * mandatory attribute. Writes only the rows whose problems changed, and leaves
   * `updated_at` alone: the seller did not change those products.
   */
  recomputeProblems(): number {
    const ids = this.db.prepare<[], number>('SELECT id FROM products WHERE deleted_at IS NULL').pluck().all();
    const store = cached(this.db, 'UPDATE products SET problems = ? WHERE id = ? AND problems <> ?');
    let changed = 0;
    for (const id of ids) {
      const mask = problemMask(readinessIssues(this.get(id), this.categories));
      changed += store.run(mask, id, mask).changes;
    }
    return changed;
  }

  delete(id: number): Product {
    this.getActive(id);
    const at = this.now();
    cached(this.db, 'UPDATE products SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
    return this.get(id);
  }

  /** Brings a product back (its participant must be out of the trash); a live one is left as is. */
  restore(id: number): Product {
    const product = this.get(id);
    this.sellers.assertExists(product.sellerId, 'sellerId', true);
    if (!product.deletedAt) return product;
    cached(this.db, 'UPDATE products SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(this.now(), id);
    return this.get(id);
  }

  private getActive(id: number): Product {
    const product = this.get(id);
    if (product.deletedAt) {
      throw new CoreError({ code: 'in_trash', message: `Product ${id} is in the trash`, field: 'id', params: { id } });
    }
    this.sellers.assertExists(product.sellerId, 'sellerId', true);
    return product;
  }

  /**
   * Makes the product's live SKUs exactly `skus`: updates those with an id, inserts the
   * rest, and moves SKUs no longer listed to the trash (their SellerSku stays reserved).
   */
  private writeSkus(productId: number, sellerId: number, product: PreparedProduct, at: string, prefix: string): void {
    const { skus } = product;
    const kept = new Set(skus.map((sku) => sku.id));
    const live = cached<[number], { id: number }>(
      this.db,
      'SELECT id FROM skus WHERE product_id = ? AND deleted_at IS NULL',
    ).all(productId);
    // Trash removed SKUs first, so their rows no longer count as this product's live SKUs.
    const trash = cached(this.db, 'UPDATE skus SET deleted_at = ?, updated_at = ? WHERE id = ?');
    for (const { id } of live) if (!kept.has(id)) trash.run(at, at, id);

    const columns = `seller_sku = @sellerSku, option1 = @option1, option2 = @option2, variant_name = @variantName,
         position = @position, price = @price, special_price = @specialPrice, special_from = @specialFrom,
         special_to = @specialTo, stock = @stock, weight_g = @weightG, length_cm = @lengthCm,
         width_cm = @widthCm, height_cm = @heightCm`;
    const update = cached(this.db, `UPDATE skus SET ${columns}, updated_at = @at, deleted_at = NULL WHERE id = @id`);
    const insert = cached(
      this.db,
      `INSERT INTO skus (product_id, seller_id, seller_sku, option1, option2, variant_name, position, price,
         special_price, special_from, special_to, stock, weight_g, length_cm, width_cm, height_cm,
         created_at, updated_at)
       VALUES (@productId, @sellerId, @sellerSku, @option1, @option2, @variantName, @position, @price,
         @specialPrice, @specialFrom, @specialTo, @stock, @weightG, @lengthCm, @widthCm, @heightCm, @at, @at)`,
    );
    // A code removed from this product and typed in again (same save or later) brings its
    // old row back: the code belongs to this product, and marketplaces know it by it.
    const trashedHere = cached<[number, string], { id: number }>(
      this.db,
      'SELECT id FROM skus WHERE product_id = ? AND seller_sku = ? COLLATE NOCASE AND deleted_at IS NOT NULL',
    );
    for (const [index, sku] of skus.entries()) {
      const sellerSku = sku.sellerSku || this.generateSku(sellerId, product.name);
      const rowId = sku.id ?? (sku.sellerSku ? trashedHere.get(productId, sku.sellerSku)?.id : undefined);
      this.assertSkuFree(sellerId, sellerSku, rowId ?? null, `${prefix}skus.${index}.sellerSku`);
      const values = {
        sellerSku,
        option1: sku.option1,
        option2: sku.option2,
        variantName: [sku.option1, sku.option2].filter(Boolean).join(' / '),
        position: index,
        price: sku.price,
        specialPrice: sku.specialPrice,
        specialFrom: sku.specialFrom,
        specialTo: sku.specialTo,
        stock: sku.stock,
        weightG: toGrams(sku.weightKg),
        lengthCm: sku.lengthCm,
        widthCm: sku.widthCm,
        heightCm: sku.heightCm,
        at,
      };
      if (rowId === undefined) insert.run({ ...values, productId, sellerId });
      else update.run({ ...values, id: rowId });
    }
  }

  /**
   * The SellerSku checks `writeSkus` makes, without writing: each code typed must be free
   * for this participant or already this product's (live, or removed and typed again).
   */
  private checkSkus(productId: number | null, sellerId: number, product: PreparedProduct, prefix: string): void {
    const ownRow = cached<[number, string], { id: number }>(
      this.db,
      'SELECT id FROM skus WHERE product_id = ? AND seller_sku = ? COLLATE NOCASE',
    );
    for (const [index, sku] of product.skus.entries()) {
      if (!sku.sellerSku) continue;
      const rowId = sku.id ?? (productId === null ? undefined : ownRow.get(productId, sku.sellerSku)?.id);
      this.assertSkuFree(sellerId, sku.sellerSku, rowId ?? null, `${prefix}skus.${index}.sellerSku`);
    }
  }

  private assertSkuFree(sellerId: number, sellerSku: string, ownId: number | null, field: string): void {
    const clash = cached<[number, string], { id: number; product_id: number; deleted_at: string | null }>(
      this.db,
      'SELECT id, product_id, deleted_at FROM skus WHERE seller_id = ? AND seller_sku = ? COLLATE NOCASE',
    ).get(sellerId, sellerSku);
    if (clash && clash.id !== ownId) {
      throw new CoreError({
        code: 'duplicate_sku',
        message: `SellerSku "${sellerSku}" is already used by product ${clash.product_id}${clash.deleted_at ? ' (in the trash)' : ''}`,
        field,
        params: { sku: sellerSku, productId: clash.product_id },
      });
    }
  }

  private generateSku(sellerId: number, productName: string): string {
    const prefix = skuPrefix(productName);
    const taken = cached(this.db, 'SELECT 1 FROM skus WHERE seller_id = ? AND seller_sku = ? COLLATE NOCASE');
    // A seller may have typed codes that look generated; skip numbers already taken. The
    // bound turns a logic error into a clear failure instead of a frozen app.
    for (let attempt = 0; attempt < MAX_SKU_ATTEMPTS; attempt++) {
      const candidate = formatSku(prefix, this.sellers.takeSkuNumber(sellerId));
      if (!taken.get(sellerId, candidate)) return candidate;
    }
    throw new Error(`No free SellerSku for seller ${sellerId} after ${MAX_SKU_ATTEMPTS} attempts`);
  }
}

const MAX_SKU_ATTEMPTS = 10_000;

/**
 * A SKU as it will be stored: the input laid over what is stored for its id. No id means
 * a new SKU; an empty sellerSku means "generate one".
 */
type ResolvedSku = Omit<Sku, 'id' | 'productId' | 'variantName'> & { readonly id: number | undefined };

/** A product as it will be stored, before its checks. */
interface Draft {
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
  readonly skus: readonly ResolvedSku[];
}

/** The product-level fields of a draft, as a Product has them. */
function productFields(draft: Draft) {
  return {
    name: draft.name,
    description: draft.description,
    highlights: draft.highlights,
    categoryId: draft.categoryId,
    attributes: draft.attributes,
    brand: draft.brand,
    condition: draft.condition,
    status: draft.status,
    variation1: draft.variation1,
    variation2: draft.variation2,
  };
}

export interface PreparedProduct extends Draft {
  readonly problems: number;
  /** A category newly given to the product, for the picker's "recently used". */
  readonly usedCategory: number | null;
}

function productColumns(product: PreparedProduct) {
  return {
    name: product.name,
    description: product.description,
    highlights: JSON.stringify(product.highlights),
    categoryId: product.categoryId,
    attributes: JSON.stringify(product.attributes),
    brand: product.brand,
    condition: product.condition,
    status: product.status,
    variation1: product.variation1,
    variation2: product.variation2,
    problems: product.problems,
  };
}

/**
 * Merges SKU inputs with the stored SKUs they name: a field left out keeps its stored value
 * (so a price change need not resend the package size). Ids must be this product's live
 * SKUs, each named once.
 */
function resolveSkus(inputs: readonly SkuInput[], stored: readonly Sku[], prefix: string): ResolvedSku[] {
  const byId = new Map(stored.map((sku) => [sku.id, sku]));
  const named = new Set<number>();
  return inputs.map((sku, index) => {
    const previous = sku.id === undefined ? undefined : byId.get(sku.id);
    if (sku.id !== undefined) {
      if (!previous) throw notFound('SKU', sku.id, `${prefix}skus.${index}.id`);
      if (named.has(sku.id)) throw invalid(`${prefix}skus.${index}.id`, 'duplicate_in_product');
      named.add(sku.id);
    }
    const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
    return {
      id: previous?.id,
      sellerSku: sku.sellerSku || previous?.sellerSku || '',
      option1: keep(sku.option1, previous?.option1 ?? ''),
      option2: keep(sku.option2, previous?.option2 ?? ''),
      price: sku.price,
      specialPrice: keep(sku.specialPrice, previous?.specialPrice ?? null),
      specialFrom: keep(sku.specialFrom, previous?.specialFrom ?? null),
      specialTo: keep(sku.specialTo, previous?.specialTo ?? null),
      stock: keep(sku.stock, previous?.stock ?? 0),
      weightKg: keep(sku.weightKg, previous?.weightKg ?? null),
      lengthCm: keep(sku.lengthCm, previous?.lengthCm ?? null),
      widthCm: keep(sku.widthCm, previous?.widthCm ?? null),
      heightCm: keep(sku.heightCm, previous?.heightCm ?? null),
    };
  });
}

function invalid(field: string, reason: FieldIssue['reason'], issues: readonly FieldIssue[] = [{ field, reason }]) {
  return new CoreError({
    code: 'invalid_input',
    message: `Invalid input at "${field}": ${reason}`,
    field,
    reason,
    issues,
  });
}
