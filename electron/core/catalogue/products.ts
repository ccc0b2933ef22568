import {
  DEFAULT_BRAND,
  type Product,
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
import type { FieldIssue } from '../../shared/result';
import { CoreError, notFound } from '../errors';
import { likePattern } from './like';
import { productRuleIssues } from './product-rules';
import type { SellerStore } from './sellers';
import { formatSku, skuPrefix } from './sku-codes';
import { toSummary, type SummaryRow } from './summary-row';

interface ProductRow {
  id: number;
  seller_id: number;
  name: string;
  description: string;
  category_id: number | null;
  brand: string;
  status: ProductStatus;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface SkuRow {
  id: number;
  product_id: number;
  seller_sku: string;
  variant_name: string;
  price: number;
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
    variantName: row.variant_name,
    price: row.price,
    stock: row.stock,
    // Weight is kept in whole grams so sums and comparisons stay exact.
    weightKg: row.weight_g === null ? null : row.weight_g / 1000,
    lengthCm: row.length_cm,
    widthCm: row.width_cm,
    heightCm: row.height_cm,
  };
}

function toGrams(kg: number | null | undefined): number | null {
  return kg === null || kg === undefined ? null : Math.round(kg * 1000);
}

/** Products and their SKUs. Every write runs inside the caller's transaction. */
export class ProductStore {
  constructor(
    private readonly db: Db,
    private readonly sellers: SellerStore,
    private readonly now: () => string,
  ) {}

  list(input: ProductListInput): ProductSummary[] {
    this.sellers.get(input.sellerId, 'sellerId');
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
    const rows = this.db
      .prepare<Record<string, unknown>, SummaryRow>(
        `SELECT p.id, p.seller_id, p.name, p.brand, p.status, p.updated_at, p.deleted_at,
                COUNT(s.id) AS sku_count,
                COALESCE(MIN(s.price), 0) AS min_price,
                COALESCE(MAX(s.price), 0) AS max_price,
                COALESCE(SUM(s.stock), 0) AS total_stock
         FROM products p
         LEFT JOIN skus s ON s.product_id = p.id AND s.deleted_at IS NULL
         WHERE ${where}
         GROUP BY p.id
         ORDER BY ${orderBy}`,
      )
      .all(params);
    return rows.map(toSummary);
  }

  get(id: number): Product {
    const row = this.db.prepare<[number], ProductRow>('SELECT * FROM products WHERE id = ?').get(id);
    if (!row) throw notFound('Product', id);
    const skus = this.db
      .prepare<[number], SkuRow>('SELECT * FROM skus WHERE product_id = ? AND deleted_at IS NULL ORDER BY position, id')
      .all(id)
      .map(toSku);
    return {
      id: row.id,
      sellerId: row.seller_id,
      name: row.name,
      description: row.description,
      categoryId: row.category_id,
      brand: row.brand,
      status: row.status,
      skus,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    };
  }

  create(input: ProductCreateInput): Product {
    this.sellers.getActive(input.sellerId, 'sellerId');
    const status = input.status ?? 'draft';
    const skus = resolveSkus(input.skus, [], '');
    assertRules(status, skus, '');
    const at = this.now();
    const info = this.db
      .prepare(
        `INSERT INTO products (seller_id, name, description, category_id, brand, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.sellerId,
        input.name,
        input.description ?? '',
        input.categoryId ?? null,
        input.brand ?? DEFAULT_BRAND,
        status,
        at,
        at,
      );
    const productId = Number(info.lastInsertRowid);
    this.writeSkus(productId, input.sellerId, input.name, skus, at, '');
    return this.get(productId);
  }

  update({ id, changes }: ProductUpdateInput): Product {
    const current = this.getActive(id);
    const status = changes.status ?? current.status;
    // Update inputs carry their fields under `changes`, so problems are reported there too.
    const prefix = 'changes.';
    const skus = changes.skus ? resolveSkus(changes.skus, current.skus, prefix) : current.skus;
    assertRules(status, skus, prefix);
    const at = this.now();
    const name = changes.name ?? current.name;
    this.db
      .prepare(
        `UPDATE products SET name = ?, description = ?, category_id = ?, brand = ?, status = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        name,
        changes.description ?? current.description,
        changes.categoryId === undefined ? current.categoryId : changes.categoryId,
        changes.brand ?? current.brand,
        status,
        at,
        id,
      );
    if (changes.skus) this.writeSkus(id, current.sellerId, name, skus, at, prefix);
    return this.get(id);
  }

  delete(id: number): Product {
    this.getActive(id);
    const at = this.now();
    this.db.prepare('UPDATE products SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
    return this.get(id);
  }

  /** Brings a product back (its participant must be out of the trash); a live one is left as is. */
  restore(id: number): Product {
    const product = this.get(id);
    this.sellers.getActive(product.sellerId, 'sellerId');
    if (!product.deletedAt) return product;
    this.db.prepare('UPDATE products SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(this.now(), id);
    return this.get(id);
  }

  private getActive(id: number): Product {
    const product = this.get(id);
    if (product.deletedAt) {
      throw new CoreError({ code: 'in_trash', message: `Product ${id} is in the trash`, field: 'id', params: { id } });
    }
    this.sellers.getActive(product.sellerId, 'sellerId');
    return product;
  }

  /**
   * Makes the product's live SKUs exactly `skus`: updates those with an id, inserts the
   * rest, and moves SKUs no longer listed to the trash (their SellerSku stays reserved).
   */
  private writeSkus(
    productId: number,
    sellerId: number,
    productName: string,
    skus: readonly ResolvedSku[],
    at: string,
    prefix: string,
  ): void {
    const kept = new Set(skus.map((sku) => sku.id));
    const live = this.db
      .prepare<[number], { id: number }>('SELECT id FROM skus WHERE product_id = ? AND deleted_at IS NULL')
      .all(productId);
    // Trash removed SKUs first, so their rows no longer count as this product's live SKUs.
    const trash = this.db.prepare('UPDATE skus SET deleted_at = ?, updated_at = ? WHERE id = ?');
    for (const { id } of live) if (!kept.has(id)) trash.run(at, at, id);

    const update = this.db.prepare(
      `UPDATE skus SET seller_sku = @sellerSku, variant_name = @variantName, position = @position, price = @price,
         stock = @stock, weight_g = @weightG, length_cm = @lengthCm, width_cm = @widthCm, height_cm = @heightCm,
         updated_at = @at, deleted_at = NULL WHERE id = @id`,
    );
    const insert = this.db.prepare(
      `INSERT INTO skus (product_id, seller_id, seller_sku, variant_name, position, price, stock, weight_g,
         length_cm, width_cm, height_cm, created_at, updated_at)
       VALUES (@productId, @sellerId, @sellerSku, @variantName, @position, @price, @stock, @weightG,
         @lengthCm, @widthCm, @heightCm, @at, @at)`,
    );
    // A code removed from this product and typed in again (same save or later) brings its
    // old row back: the code belongs to this product, and marketplaces know it by it.
    const trashedHere = this.db.prepare<[number, string], { id: number }>(
      'SELECT id FROM skus WHERE product_id = ? AND seller_sku = ? COLLATE NOCASE AND deleted_at IS NOT NULL',
    );
    for (const [index, sku] of skus.entries()) {
      const sellerSku = sku.sellerSku || this.generateSku(sellerId, productName);
      const rowId = sku.id ?? (sku.sellerSku ? trashedHere.get(productId, sku.sellerSku)?.id : undefined);
      this.assertSkuFree(sellerId, sellerSku, rowId ?? null, `${prefix}skus.${index}.sellerSku`);
      const values = {
        sellerSku,
        variantName: sku.variantName,
        position: index,
        price: sku.price,
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

  private assertSkuFree(sellerId: number, sellerSku: string, ownId: number | null, field: string): void {
    const clash = this.db
      .prepare<[number, string], { id: number; product_id: number; deleted_at: string | null }>(
        'SELECT id, product_id, deleted_at FROM skus WHERE seller_id = ? AND seller_sku = ? COLLATE NOCASE',
      )
      .get(sellerId, sellerSku);
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
    const taken = this.db.prepare('SELECT 1 FROM skus WHERE seller_id = ? AND seller_sku = ? COLLATE NOCASE');
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
type ResolvedSku = Omit<Sku, 'id' | 'productId'> & { readonly id: number | undefined };

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
      variantName: keep(sku.variantName, previous?.variantName ?? ''),
      price: sku.price,
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

function assertRules(status: ProductStatus, skus: readonly ResolvedSku[], prefix: string): void {
  const issues = productRuleIssues(status, skus, prefix);
  const first = issues[0];
  if (first) throw invalid(first.field, first.reason, issues);
}
