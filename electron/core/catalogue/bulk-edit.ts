import { z } from 'zod';
import {
  productUpdateInput,
  type BulkChange,
  type BulkEditResult,
  type BulkSkipped,
  type BulkUndoResult,
  type Product,
  type ProductBulkEditInput,
  type ProductUpdateInput,
} from '../../shared/catalogue';
import type { FieldIssue } from '../../shared/result';
import { fieldIssues } from '../../shared/validation';
import type { Db } from '../db/open';
import { CoreError, notFound } from '../errors';
import { NO_JOB, type JobControl } from '../jobs/jobs';
import type { ProductStore } from './products';

/**
 * One change to many products, and its undo.
 *
 * Each product goes through the same `ProductStore.update` a form save uses (after the same
 * zod check of the changes), so a bulk change can never store what a form would refuse.
 * Products the change does not fit (marked ready without a weight, a price cut below Rp 1)
 * are left as they were and reported; the rest are changed, all in the caller's single
 * transaction. Each product is saved under a savepoint, so one refusal halfway through its
 * SKUs leaves no trace of it.
 *
 * What every product was before is stored, so the change can be undone later, even after a
 * restart. Undo restores only products nobody has edited since: newer work is never lost to
 * an undo.
 */
export class BulkEditor {
  constructor(
    private readonly db: Db,
    private readonly products: ProductStore,
    private readonly now: () => string,
  ) {}

  apply({ ids, change }: ProductBulkEditInput, job: JobControl = NO_JOB): BulkEditResult {
    const editId = Number(
      this.db
        .prepare('INSERT INTO bulk_edits (change, created_at) VALUES (?, ?)')
        .run(JSON.stringify(change), this.now()).lastInsertRowid,
    );
    const remember = this.db.prepare(
      'INSERT INTO bulk_edit_items (edit_id, product_id, before, after_updated_at) VALUES (?, ?, ?, ?)',
    );
    const skipped: BulkSkipped[] = [];
    let changed = 0;
    const unique = [...new Set(ids)];
    for (const [index, id] of unique.entries()) {
      job.step(index, unique.length);
      const before = this.current(id);
      if ('issues' in before) {
        skipped.push(before);
        continue;
      }
      const outcome = this.save(id, changesFor(before, change));
      if ('issues' in outcome) {
        skipped.push({ id, name: before.name, issues: outcome.issues });
        continue;
      }
      remember.run(editId, id, JSON.stringify(before), outcome.updatedAt);
      changed++;
    }
    job.step(unique.length, unique.length);
    return { editId, changed, skipped };
  }

  undo(editId: number, job: JobControl = NO_JOB): BulkUndoResult {
    const edit = this.db
      .prepare<[number], { undone_at: string | null }>('SELECT undone_at FROM bulk_edits WHERE id = ?')
      .get(editId);
    if (!edit) throw notFound('Bulk edit', editId, 'editId');
    // A second undo (a double click, or a retry after a lost reply) changes nothing.
    if (edit.undone_at) return { restored: 0, keptNewer: 0 };
    const items = this.db
      .prepare<[number], { product_id: number; before: string; after_updated_at: string }>(
        'SELECT product_id, before, after_updated_at FROM bulk_edit_items WHERE edit_id = ?',
      )
      .all(editId);
    let restored = 0;
    let keptNewer = 0;
    for (const [index, item] of items.entries()) {
      job.step(index, items.length);
      const now = this.current(item.product_id);
      if ('issues' in now || now.updatedAt !== item.after_updated_at) {
        keptNewer++;
        continue;
      }
      const before = storedProduct.parse(JSON.parse(item.before));
      if ('issues' in this.save(item.product_id, restoreChanges(before))) keptNewer++;
      else restored++;
    }
    job.step(items.length, items.length);
    this.db.prepare('UPDATE bulk_edits SET undone_at = ? WHERE id = ?').run(this.now(), editId);
    return { restored, keptNewer };
  }

  /** The live product, or why it cannot take part (gone, or in the trash). */
  private current(id: number): Product | BulkSkipped {
    try {
      const product = this.products.get(id);
      if (product.deletedAt) return { id, name: product.name, issues: [{ field: 'id', reason: 'invalid' }] };
      return product;
    } catch (error) {
      if (error instanceof CoreError && error.error.code === 'not_found') {
        return { id, name: '', issues: [{ field: 'id', reason: 'invalid' }] };
      }
      throw error;
    }
  }

  /** Saves one product under a savepoint; a refusal is returned, not thrown. */
  private save(id: number, changes: ProductUpdateInput['changes']): Product | { issues: FieldIssue[] } {
    const parsed = productUpdateInput.safeParse({ id, changes });
    if (!parsed.success) return { issues: withoutPrefix(fieldIssues(parsed.error.issues)) };
    try {
      return this.db.transaction(() => this.products.update(parsed.data))();
    } catch (error) {
      if (error instanceof CoreError && error.error.code !== 'internal') {
        const { issues, field, reason } = error.error;
        return { issues: withoutPrefix(issues ?? [{ field: field ?? 'id', reason: reason ?? 'invalid' }]) };
      }
      throw error;
    }
  }
}

/** Reports use the product's own field names ("skus.0.price"), as a form would. */
function withoutPrefix(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: issue.field.replace(/^changes\./, '') }));
}

/** The update that makes `change` to `product`. Prices move with their special price. */
export function changesFor(product: Product, change: BulkChange): ProductUpdateInput['changes'] {
  switch (change.kind) {
    case 'category':
      return { categoryId: change.categoryId };
    case 'brand':
      return { brand: change.brand };
    case 'status':
      return { status: change.status };
    case 'weight':
      return { skus: product.skus.map((sku) => ({ id: sku.id, price: sku.price, weightKg: change.weightKg })) };
    case 'stock':
      return { skus: product.skus.map((sku) => ({ id: sku.id, price: sku.price, stock: change.stock })) };
    case 'price': {
      const move = (price: number) =>
        change.mode === 'amount' ? price + change.value : Math.round((price * (100 + change.value)) / 100);
      return {
        skus: product.skus.map((sku) => ({
          id: sku.id,
          price: move(sku.price),
          specialPrice: sku.specialPrice === null ? null : move(sku.specialPrice),
        })),
      };
    }
  }
}

function restoreChanges(before: z.infer<typeof storedProduct>): ProductUpdateInput['changes'] {
  const { skus, ...fields } = before;
  return { ...fields, skus: skus.map((sku) => ({ ...sku })) };
}

/**
 * A product as stored before a bulk change, read back through a schema (rows read back are
 * a boundary too). Only what an update can set; SKUs keep their ids.
 */
const storedProduct = z.object({
  name: z.string(),
  description: z.string(),
  highlights: z.array(z.string()),
  categoryId: z.number().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  brand: z.string(),
  condition: z.enum(['new', 'used']),
  status: z.enum(['draft', 'ready']),
  variation1: z.string(),
  variation2: z.string(),
  skus: z.array(
    z.object({
      id: z.number(),
      sellerSku: z.string(),
      option1: z.string(),
      option2: z.string(),
      price: z.number(),
      specialPrice: z.number().nullable(),
      specialFrom: z.string().nullable(),
      specialTo: z.string().nullable(),
      stock: z.number(),
      weightKg: z.number().nullable(),
      lengthCm: z.number().nullable(),
      widthCm: z.number().nullable(),
      heightCm: z.number().nullable(),
    }),
  ),
});
