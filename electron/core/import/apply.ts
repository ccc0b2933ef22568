import {
  productCreateInput,
  productUpdateInput,
  type Product,
  type ProductCreateInput,
  type ProductUpdateInput,
  type SkuInput,
} from '../../shared/catalogue';
import { MAX_SKUS_PER_PRODUCT } from '../../shared/plain/limits';
import type { FieldIssue } from '../../shared/result';
import { fieldIssues } from '../../shared/validation';
import type { ProductStore } from '../catalogue/products';
import type { Db } from '../db/open';
import { cached } from '../db/statements';
import { CoreError } from '../errors';
import { NO_JOB, type JobControl } from '../jobs/jobs';
import type { ColumnMapping } from './columns';
import type { ProductGroup, RowSku } from './interpret';
import type { ImportIssue, ImportOutcome } from '../../shared/imports';

/** What a category cell names: a leaf id, or why it names none. */
export type CategoryMatch = { readonly id: number } | { readonly problem: 'unknown_category' | 'ambiguous_category' };

export interface ImportTarget {
  readonly db: Db;
  readonly products: ProductStore;
  /** Finds the category a cell names (an id, a name or a path). */
  readonly findCategory: (text: string) => CategoryMatch;
}

/** What happened to one group: the outcome the import screen shows. */
export type GroupOutcome = ImportOutcome;

/**
 * Writes the groups into one participant's catalogue, each under a savepoint: a group with
 * any problem leaves no trace and is reported line by line, the others are written. The
 * caller holds the transaction around all of it: the preview rolls it back, the commit
 * keeps it, so both see exactly the same outcome.
 *
 * A group updates the product that owns its SellerSkus (so importing the same file again
 * updates instead of duplicating); a group without any SellerSku updates the participant's
 * product of the same name, if there is one. Everything else creates a product.
 */
export function applyGroups(
  target: ImportTarget,
  sellerId: number,
  headers: readonly string[],
  mappings: readonly ColumnMapping[],
  groups: readonly ProductGroup[],
  mode: 'check' | 'write',
  job: JobControl = NO_JOB,
): GroupOutcome[] {
  const columnOf = columnLocator(headers, mappings);
  // Name matching looks only at products that were there before this import, so a later
  // group never "updates" a product an earlier group of the same file created: checking
  // (which creates nothing) and writing then agree.
  const lastIdBefore = cached<[], number | null>(target.db, 'SELECT MAX(id) AS id FROM products').pluck().get() ?? 0;
  // A file names the same few categories on thousands of rows: look each text up once.
  const categories = new Map<string, CategoryMatch>();
  const findCategory = (text: string): CategoryMatch => {
    let match = categories.get(text);
    if (!match) categories.set(text, (match = target.findCategory(text)));
    return match;
  };
  const skuOwners = new Map<string, number>();
  return groups.map((group, index) => {
    job.step(index, groups.length);
    const name = group.product.name ?? '';
    const skip = (issues: readonly ImportIssue[]): GroupOutcome => ({
      action: 'skipped',
      lines: group.lines,
      name,
      issues,
    });
    if (group.issues.length > 0) return skip(group.issues);
    if (group.skus.length > MAX_SKUS_PER_PRODUCT) {
      return skip([{ line: group.lines[0] ?? 0, reason: 'too_many_variants', params: { max: MAX_SKUS_PER_PRODUCT } }]);
    }
    const fileDuplicates = claimSkus(group, skuOwners, columnOf('sellerSku'));
    if (fileDuplicates.length > 0) return skip(fileDuplicates);

    const category = resolveCategory(findCategory, group, columnOf('category'));
    if ('issues' in category) return skip(category.issues);
    const existing = findExisting(target.db, sellerId, group, columnOf('sellerSku'), lastIdBefore);
    if ('issues' in existing) return skip(existing.issues);

    const located = (issues: readonly FieldIssue[], skuLines: readonly number[]) =>
      issues.map((issue) => locate(issue, group, skuLines, columnOf));
    if (existing.id === null) {
      const input = createInput(sellerId, group, category.id);
      const parsed = productCreateInput.safeParse(input);
      if (!parsed.success) return skip(located(fieldIssues(parsed.error.issues), lineList(group.skus)));
      const saved = savepoint(target.db, () =>
        mode === 'write' ? target.products.createId(parsed.data) : (target.products.planCreate(parsed.data), 0),
      );
      if (typeof saved !== 'number') return skip(located(saved.issues, lineList(group.skus)));
      return { action: 'created', lines: group.lines, name, ...(saved ? { productId: saved } : {}), issues: [] };
    }

    const before = target.products.get(existing.id);
    const { input, skuLines } = updateInput(before, group, category.id);
    const parsed = productUpdateInput.safeParse(input);
    if (!parsed.success) return skip(located(fieldIssues(parsed.error.issues), skuLines));
    // Checked first without writing: an unchanged product (the usual case when a file comes
    // again) is never written, so its "last changed" stays true and nothing is undone.
    const checked = savepoint(target.db, () => target.products.previewUpdate(parsed.data).after);
    if ('issues' in checked) return skip(located(checked.issues, skuLines));
    if (sameContent(before, checked)) {
      return { action: 'unchanged', lines: group.lines, name: before.name, productId: before.id, issues: [] };
    }
    const saved = mode === 'write' ? savepoint(target.db, () => target.products.update(parsed.data)) : checked;
    if ('issues' in saved) return skip(located(saved.issues, skuLines));
    return { action: 'updated', lines: group.lines, name: before.name, productId: before.id, issues: [] };
  });
}

function lineList(skus: readonly RowSku[]): number[] {
  return skus.map((sku) => sku.line);
}

/** Runs `write` under a savepoint; a refusal undoes it and comes back as issues. */
function savepoint<T>(db: Db, write: () => T): T | { issues: FieldIssue[] } {
  try {
    return db.transaction(write)();
  } catch (error) {
    if (error instanceof CoreError && error.error.code !== 'internal') {
      const { issues, field, reason, code } = error.error;
      if (issues && issues.length > 0) return { issues: [...issues] };
      if (code === 'duplicate_sku')
        return { issues: [{ field: field ?? 'sellerSku', reason: 'duplicate_in_product' }] };
      return { issues: [{ field: field ?? 'name', reason: reason ?? 'invalid' }] };
    }
    throw error;
  }
}

/** Finds the header of the column mapped to a field, for pointing the user at a cell. */
function columnLocator(headers: readonly string[], mappings: readonly ColumnMapping[]) {
  return (field: ColumnMapping['field'], attribute?: string): string | undefined => {
    const index = mappings.findIndex(
      (m) => m.field === field && (attribute === undefined || (m.field === 'attribute' && m.attribute === attribute)),
    );
    return index < 0 ? undefined : headers[index];
  };
}

type ColumnOf = ReturnType<typeof columnLocator>;

const FIELD_COLUMNS: Readonly<Record<string, ColumnMapping['field']>> = {
  name: 'name',
  description: 'description',
  highlights: 'highlights',
  brand: 'brand',
  categoryId: 'category',
  condition: 'condition',
  variation1: 'variation1',
  variation2: 'variation2',
  sellerSku: 'sellerSku',
  option1: 'option1',
  option2: 'option2',
  price: 'price',
  specialPrice: 'specialPrice',
  specialFrom: 'specialFrom',
  specialTo: 'specialTo',
  stock: 'stock',
  weightKg: 'weight',
  lengthCm: 'length',
  widthCm: 'width',
  heightCm: 'height',
};

/** A form issue (`skus.2.price`, `changes.name`) as a line and column of the sheet. */
function locate(issue: FieldIssue, group: ProductGroup, skuLines: readonly number[], columnOf: ColumnOf): ImportIssue {
  const path = issue.field.replace(/^changes\./, '').split('.');
  const first = group.lines[0] ?? 0;
  let line = first;
  let field = path[0] ?? '';
  if (field === 'skus' && path.length >= 3) {
    line = skuLines[Number(path[1])] ?? first;
    field = path[2] ?? '';
  }
  const column = field === 'attributes' ? columnOf('attribute', path[1]) : columnOf(FIELD_COLUMNS[field] ?? 'ignore');
  // Without a column to point at (the file has none for it), say which field is meant.
  const params = column
    ? issue.params
    : { ...issue.params, field, ...(field === 'attributes' && path[1] ? { attribute: path[1] } : {}) };
  return { line, ...(column ? { column } : {}), reason: issue.reason, ...(params ? { params } : {}) };
}

/** The same SellerSku on two products of the file: the later rows are reported. */
function claimSkus(group: ProductGroup, owners: Map<string, number>, column: string | undefined): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const firstLine = group.lines[0] ?? 0;
  for (const sku of group.skus) {
    const code = sku.sellerSku.toUpperCase();
    if (!code) continue;
    const owner = owners.get(code);
    if (owner !== undefined && owner !== firstLine) {
      issues.push({
        line: sku.line,
        ...(column ? { column } : {}),
        reason: 'duplicate_sku_in_file',
        params: { line: owner },
      });
    } else owners.set(code, firstLine);
  }
  return issues;
}

function resolveCategory(
  findCategory: (text: string) => CategoryMatch,
  group: ProductGroup,
  column: string | undefined,
): { id: number | null | undefined } | { issues: ImportIssue[] } {
  const text = group.product.category;
  if (text === undefined) return { id: undefined };
  const match = findCategory(text);
  if ('id' in match) return { id: match.id };
  return {
    issues: [
      { line: group.lines[0] ?? 0, ...(column ? { column } : {}), reason: match.problem, params: { value: text } },
    ],
  };
}

/** The live product this group updates, if any (by SellerSku, else by name). */
function findExisting(
  db: Db,
  sellerId: number,
  group: ProductGroup,
  column: string | undefined,
  lastIdBefore: number,
): { id: number | null } | { issues: ImportIssue[] } {
  const owner = cached<[number, string], { product_id: number; trashed: number }>(
    db,
    `SELECT s.product_id, p.deleted_at IS NOT NULL AS trashed
     FROM skus s JOIN products p ON p.id = s.product_id
     WHERE s.seller_id = ? AND s.seller_sku = ? COLLATE NOCASE`,
  );
  let id: number | null = null;
  const issues: ImportIssue[] = [];
  for (const sku of group.skus) {
    if (!sku.sellerSku) continue;
    const found = owner.get(sellerId, sku.sellerSku);
    if (!found) continue;
    const at = { line: sku.line, ...(column ? { column } : {}) };
    if (found.trashed) issues.push({ ...at, reason: 'sku_in_trash', params: { sku: sku.sellerSku } });
    else if (id === null) id = found.product_id;
    else if (id !== found.product_id) {
      issues.push({ ...at, reason: 'sku_of_other_product', params: { sku: sku.sellerSku } });
    }
  }
  if (issues.length > 0) return { issues };
  if (id !== null || group.skus.some((sku) => sku.sellerSku) || !group.product.name) return { id };
  const byName = cached<[number, string, number], { id: number }>(
    db,
    `SELECT id FROM products WHERE seller_id = ? AND name = ? COLLATE NOCASE AND deleted_at IS NULL AND id <= ?
       ORDER BY id LIMIT 1`,
  ).get(sellerId, group.product.name, lastIdBefore);
  return { id: byName?.id ?? null };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function skuFields(sku: RowSku): Omit<SkuInput, 'id' | 'price'> {
  const out: Mutable<Omit<SkuInput, 'id' | 'price'>> = {};
  if (sku.sellerSku) out.sellerSku = sku.sellerSku;
  if (sku.option1) out.option1 = sku.option1;
  if (sku.option2) out.option2 = sku.option2;
  if (sku.specialPrice !== undefined) out.specialPrice = sku.specialPrice;
  if (sku.specialFrom !== undefined) out.specialFrom = sku.specialFrom;
  if (sku.specialTo !== undefined) out.specialTo = sku.specialTo;
  if (sku.stock !== undefined) out.stock = sku.stock;
  if (sku.weightKg !== undefined) out.weightKg = sku.weightKg;
  if (sku.lengthCm !== undefined) out.lengthCm = sku.lengthCm;
  if (sku.widthCm !== undefined) out.widthCm = sku.widthCm;
  if (sku.heightCm !== undefined) out.heightCm = sku.heightCm;
  return out;
}

/** Product fields the file gives; the rest are left out (defaults on create, kept on update). */
function productFields(group: ProductGroup, categoryId: number | null | undefined) {
  const p = group.product;
  const attributes = Object.keys(p.attributes).length > 0 ? { ...p.attributes } : undefined;
  return {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.highlights !== undefined ? { highlights: [...p.highlights] } : {}),
    ...(p.brand !== undefined ? { brand: p.brand } : {}),
    ...(categoryId !== undefined ? { categoryId } : {}),
    ...(p.condition !== undefined ? { condition: p.condition } : {}),
    ...(p.variation1 !== undefined ? { variation1: p.variation1 } : {}),
    ...(p.variation2 !== undefined ? { variation2: p.variation2 } : {}),
    ...(attributes ? { attributes } : {}),
  };
}

function createInput(sellerId: number, group: ProductGroup, categoryId: number | null | undefined): unknown {
  return {
    sellerId,
    ...productFields(group, categoryId),
    // An empty name or price is left out, so zod reports it as "required" on its cell.
    skus: group.skus.map((sku) => ({ ...skuFields(sku), ...(sku.price !== undefined ? { price: sku.price } : {}) })),
  } satisfies Partial<Record<keyof ProductCreateInput, unknown>>;
}

/**
 * The update for an existing product: its SKUs stay, in their order, with the file's rows
 * laid over the ones they name (by SellerSku, or by their options when the row has no
 * code); rows naming none are added at the end. `skuLines` maps each SKU back to its row.
 */
function updateInput(
  before: Product,
  group: ProductGroup,
  categoryId: number | null | undefined,
): { input: ProductUpdateInput; skuLines: number[] } {
  const first = group.lines[0] ?? 0;
  const skus: SkuInput[] = before.skus.map((sku) => ({ id: sku.id, price: sku.price }));
  const skuLines = before.skus.map(() => first);
  const fold = (text: string) => text.trim().toUpperCase();
  for (const row of group.skus) {
    const index = before.skus.findIndex((sku) =>
      row.sellerSku
        ? fold(sku.sellerSku) === fold(row.sellerSku)
        : fold(sku.option1) === fold(row.option1) && fold(sku.option2) === fold(row.option2),
    );
    const fields = skuFields(row);
    if (index >= 0) {
      const current = skus[index];
      skus[index] = { ...current, ...fields, id: before.skus[index]?.id, price: row.price ?? current?.price ?? 0 };
      skuLines[index] = row.line;
    } else {
      skus.push({ ...fields, ...(row.price !== undefined ? { price: row.price } : {}) } as SkuInput);
      skuLines.push(row.line);
    }
  }
  return { input: { id: before.id, changes: { ...productFields(group, categoryId), skus } }, skuLines };
}

/**
 * Whether an update changed anything a seller would see (timestamps aside). Compared field
 * by field in a fixed order, because a checked update is built in memory, not read back.
 */
function sameContent(before: Product, after: Product): boolean {
  return contentKey(before) === contentKey(after);
}

function contentKey(p: Product): string {
  const attributes = Object.keys(p.attributes)
    .sort()
    .map((key) => [key, p.attributes[key]]);
  const skus = p.skus.map((s) => [
    s.id,
    s.sellerSku,
    s.option1,
    s.option2,
    s.price,
    s.specialPrice,
    s.specialFrom,
    s.specialTo,
    s.stock,
    s.weightKg,
    s.lengthCm,
    s.widthCm,
    s.heightCm,
  ]);
  return JSON.stringify([
    p.name,
    p.description,
    p.highlights,
    p.categoryId,
    attributes,
    p.brand,
    p.condition,
    p.status,
    p.variation1,
    p.variation2,
    [...p.problems].sort(),
    skus,
  ]);
}
