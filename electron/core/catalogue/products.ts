import {
  DEFAULT_BRAND,
  productRuleIssue,
  type Product,
  type ProductCreateInput,
  type ProductListInput,
  type ProductStatus,
  type ProductSummary,
  type ProductUpdateInput,
  type Sku,
  type SkuInput,
} from '../../shared/catalogue';
import type { Db } from '../db/open';
import { CoreError, notFound } from '../errors';
import { likePattern } from './like';
import type { SellerStore } from './sellers';
import { formatSku, skuPrefix } from './sku-codes';

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

interface SummaryRow {
  id: number;
  seller_id: number;
  name: string;
  brand: string;
  status: ProductStatus;
  sku_count: number;
  min_price: number;
  max_price: number;
  total_stock: number;
  updated_at: string;
  deleted_at: string | null;
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
    const rows = this.db
      .prepare<{ sellerId: number; includeDeleted: number; query: string | null }, SummaryRow>(
        `SELECT p.id, p.seller_id, p.name, p.brand, p.status, p.updated_at, p.deleted_at,
                COUNT(s.id) AS sku_count,
                COALESCE(MIN(s.price), 0) AS min_price,
                COALESCE(MAX(s.price), 0) AS max_price,
                COALESCE(SUM(s.stock), 0) AS total_stock
         FROM products p
         LEFT JOIN skus s ON s.product_id = p.id AND s.deleted_at IS NULL
         WHERE p.seller_id = @sellerId
           AND (p.deleted_at IS NULL OR @includeDeleted)
           AND (@query IS NULL OR p.name LIKE @query ESCAPE '\\')
         GROUP BY p.id
         ORDER BY p.updated_at DESC, p.id DESC`,
      )
      .all({ sellerId: input.sellerId, includeDeleted: input.includeDeleted ? 1 : 0, query: likePattern(input.query) });
    return rows.map((row) => ({
      id: row.id,
      sellerId: row.seller_id,
      name: row.name,
      brand: row.brand,
      status: row.status,
      skuCount: row.sku_count,
      minPrice: row.min_price,
      maxPrice: row.max_price,
      totalStock: row.total_stock,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    }));
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
    assertRules(status, input.skus);
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
    this.writeSkus(productId, input.sellerId, input.name, input.skus, at);
    return this.get(productId);
  }

  update({ id, changes }: ProductUpdateInput): Product {
    const current = this.getActive(id);
    const status = changes.status ?? current.status;
    // Check the SKUs as they will be stored: a field omitted for an existing SKU keeps its value.
    const stored = new Map(current.skus.map((sku) => [sku.id, sku]));
    const skus =
      changes.skus?.map((sku, index) => {
        if (sku.id === undefined) return sku;
        const previous = stored.get(sku.id);
        if (!previous) throw notFound('SKU', sku.id, `skus.${index}.id`);
        return mergeSku(sku, previous);
      }) ?? current.skus;
    assertRules(status, skus);
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
    if (changes.skus) this.writeSkus(id, current.sellerId, name, changes.skus, at);
    return this.get(id);
  }

  delete(id: number): Product {
    this.getActive(id);
    const at = this.now();
    this.db.prepare('UPDATE products SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
    return this.get(id);
  }

  restore(id: number): Product {
    const product = this.get(id);
    this.sellers.getActive(product.sellerId, 'sellerId');
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
    skus: readonly SkuInput[],
    at: string,
  ): void {
    const existing = new Map(
      this.db
        .prepare<[number], SkuRow>('SELECT * FROM skus WHERE product_id = ? AND deleted_at IS NULL')
        .all(productId)
        .map((row) => [row.id, row]),
    );
    const kept = new Set<number>();
    for (const [index, sku] of skus.entries()) {
      if (sku.id !== undefined && !existing.has(sku.id)) throw notFound('SKU', sku.id, `skus.${index}.id`);
      if (sku.id !== undefined) kept.add(sku.id);
    }
    // Trash removed SKUs first, so their rows no longer count as this product's live SKUs.
    const trash = this.db.prepare('UPDATE skus SET deleted_at = ?, updated_at = ? WHERE id = ?');
    for (const id of existing.keys()) if (!kept.has(id)) trash.run(at, at, id);

    const update = this.db.prepare(
      `UPDATE skus SET seller_sku = @sellerSku, variant_name = @variantName, position = @position, price = @price,
         stock = @stock, weight_g = @weightG, length_cm = @lengthCm, width_cm = @widthCm, height_cm = @heightCm,
         updated_at = @at WHERE id = @id`,
    );
    const insert = this.db.prepare(
      `INSERT INTO skus (product_id, seller_id, seller_sku, variant_name, position, price, stock, weight_g,
         length_cm, width_cm, height_cm, created_at, updated_at)
       VALUES (@productId, @sellerId, @sellerSku, @variantName, @position, @price, @stock, @weightG,
         @lengthCm, @widthCm, @heightCm, @at, @at)`,
    );
    for (const [index, sku] of skus.entries()) {
      const previous = sku.id === undefined ? undefined : existing.get(sku.id);
      const sellerSku = sku.sellerSku || previous?.seller_sku || this.generateSku(sellerId, productName);
      this.assertSkuFree(sellerId, sellerSku, sku.id ?? null, `skus.${index}.sellerSku`);
      const values = {
        sellerSku,
        variantName: sku.variantName ?? previous?.variant_name ?? '',
        position: index,
        price: sku.price,
        stock: sku.stock ?? previous?.stock ?? 0,
        weightG: sku.weightKg === undefined ? (previous?.weight_g ?? null) : toGrams(sku.weightKg),
        lengthCm: sku.lengthCm === undefined ? (previous?.length_cm ?? null) : sku.lengthCm,
        widthCm: sku.widthCm === undefined ? (previous?.width_cm ?? null) : sku.widthCm,
        heightCm: sku.heightCm === undefined ? (previous?.height_cm ?? null) : sku.heightCm,
        at,
      };
      if (previous) update.run({ ...values, id: previous.id });
      else insert.run({ ...values, productId, sellerId });
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
    // A seller may have typed a code that looks generated; skip numbers already taken.
    for (;;) {
      const candidate = formatSku(prefix, this.sellers.takeSkuNumber(sellerId));
      const taken = this.db
        .prepare('SELECT 1 FROM skus WHERE seller_id = ? AND seller_sku = ? COLLATE NOCASE')
        .get(sellerId, candidate);
      if (!taken) return candidate;
    }
  }
}

function mergeSku(input: SkuInput, previous: Sku): SkuInput {
  return {
    ...input,
    sellerSku: input.sellerSku || previous.sellerSku,
    weightKg: input.weightKg === undefined ? previous.weightKg : input.weightKg,
    lengthCm: input.lengthCm === undefined ? previous.lengthCm : input.lengthCm,
    widthCm: input.widthCm === undefined ? previous.widthCm : input.widthCm,
    heightCm: input.heightCm === undefined ? previous.heightCm : input.heightCm,
  };
}

function assertRules(status: ProductStatus, skus: Parameters<typeof productRuleIssue>[1]): void {
  const issue = productRuleIssue(status, skus);
  if (issue) {
    throw new CoreError({
      code: 'invalid_input',
      message: `Invalid input at "${issue.field}": ${issue.reason}`,
      field: issue.field,
      reason: issue.reason,
      issues: [issue],
    });
  }
}
