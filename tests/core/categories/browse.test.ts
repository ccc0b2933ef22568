import { describe, expect, it } from 'vitest';
import { saleProperties } from '../../../electron/core/categories/attributes';
import { findCategory, getCategory, isLeafCategory, listChildren } from '../../../electron/core/categories/browse';
import { recentCategories, recordCategoryUse } from '../../../electron/core/categories/recent';
import { CoreError } from '../../../electron/core/errors';
import { bundledDb, bundledLeafId, sharedBundledDb } from './helpers';

function coreError(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return (error as CoreError).error;
  }
  throw new Error('expected a CoreError');
}

describe('browsing the tree', () => {
  const db = sharedBundledDb();

  it('starts from the top categories, in the marketplace order, in either language', () => {
    expect(listChildren(db(), null, 'id')).toEqual([
      { id: expect.any(Number), name: 'Makanan & Minuman', path: ['Makanan & Minuman'], leaf: false },
      expect.objectContaining({ name: 'Fashion Wanita' }),
      expect.objectContaining({ name: 'Fashion Pria' }),
      expect.objectContaining({ name: 'Kerajinan Tangan' }),
      expect.objectContaining({ name: 'Rumah & Gaya Hidup' }),
      expect.objectContaining({ name: 'Kesehatan & Kecantikan' }),
    ]);
    expect(listChildren(db(), null, 'en').map((c) => c.name)[0]).toBe('Food & Beverages');
  });

  it('goes down to a leaf: children, then the leaf with its breadcrumb and attributes', () => {
    const [food] = listChildren(db(), null, 'id');
    const drinks = getCategory(db(), food!.id, 'id').children.find((c) => c.name === 'Minuman');
    const coffee = getCategory(db(), drinks!.id, 'id').children.find((c) => c.name === 'Kopi');
    const detail = getCategory(db(), coffee!.id, 'id');
    expect(detail).toMatchObject({ name: 'Kopi', leaf: false, attributes: [], attributesKnown: false });
    expect(detail.children.map((c) => c.name)).toEqual([
      'Kopi Bubuk',
      'Kopi Biji',
      'Kopi Instan & Saset',
      'Kopi Drip Bag',
    ]);
    expect(listChildren(db(), coffee!.id, 'id')).toEqual(detail.children);

    const ground = getCategory(db(), detail.children[0]!.id, 'id');
    expect(ground.path).toEqual([
      { id: food!.id, name: 'Makanan & Minuman' },
      { id: drinks!.id, name: 'Minuman' },
      { id: coffee!.id, name: 'Kopi' },
      { id: ground.id, name: 'Kopi Bubuk' },
    ]);
    expect(ground).toMatchObject({ leaf: true, children: [], attributesKnown: true });
    expect(ground.attributes[0]).toEqual({
      name: 'brand',
      label: 'Merek',
      inputType: 'enumInput',
      isMandatory: true,
      isSaleProp: false,
      options: [{ value: 'No Brand', label: 'No Brand' }],
    });
    expect(listChildren(db(), ground.id, 'id')).toEqual([]);
  });

  it('labels attributes and options in the chosen language; the value stays what Lazada gets', () => {
    const id = bundledLeafId('Kemeja Batik Pria');
    const colour = (language: 'id' | 'en') =>
      getCategory(db(), id, language).attributes.find((a) => a.name === 'color_family');
    expect(colour('id')).toMatchObject({ label: 'Warna', isSaleProp: true, isMandatory: true });
    expect(colour('id')?.options).toContainEqual({ value: 'Hitam', label: 'Hitam' });
    expect(colour('en')).toMatchObject({ label: 'Colour' });
    expect(colour('en')?.options).toContainEqual({ value: 'Hitam', label: 'Black' });
    expect(getCategory(db(), id, 'en').path.map((c) => c.name)).toEqual([
      "Men's Fashion",
      "Men's Batik",
      "Men's Batik Shirts",
    ]);
  });

  it('offers the sale properties as variation names', () => {
    expect(saleProperties(db(), bundledLeafId('Kemeja Batik Pria'), 'id').map((a) => [a.name, a.label])).toEqual([
      ['color_family', 'Warna'],
      ['size', 'Ukuran'],
    ]);
    expect(saleProperties(db(), bundledLeafId('Keripik'), 'en').map((a) => [a.name, a.label])).toEqual([
      ['flavor', 'Flavour'],
      ['size', 'Pack Size'],
    ]);
    expect(saleProperties(db(), 1, 'id')).toEqual([]);
  });

  it('answers "not found" for an id the tree does not have', () => {
    expect(findCategory(db(), 1, 'id')).toBeNull();
    expect(coreError(() => getCategory(db(), 1, 'id'))).toMatchObject({ code: 'not_found', field: 'id' });
    expect(coreError(() => listChildren(db(), 1, 'id'))).toMatchObject({ code: 'not_found', field: 'parentId' });
  });

  it('tells leaves from the categories above them', () => {
    const [food] = listChildren(db(), null, 'id');
    expect(isLeafCategory(db(), bundledLeafId('Keripik'))).toBe(true);
    expect(isLeafCategory(db(), food!.id)).toBe(false);
    expect(isLeafCategory(db(), 1)).toBe(false);
  });
});

describe('recently used categories', () => {
  it('lists the newest first, each once', () => {
    const db = bundledDb();
    const [keripik, sambal, kopi] = ['Keripik', 'Sambal', 'Kopi Bubuk'].map(bundledLeafId);
    expect(recentCategories(db, 'id')).toEqual([]);
    recordCategoryUse(db, keripik!, '2026-11-01T08:00:00.000Z');
    recordCategoryUse(db, sambal!, '2026-11-01T09:00:00.000Z');
    recordCategoryUse(db, kopi!, '2026-11-01T10:00:00.000Z');
    recordCategoryUse(db, keripik!, '2026-11-01T11:00:00.000Z');
    expect(recentCategories(db, 'id')).toEqual([
      { id: keripik, name: 'Keripik', path: ['Makanan & Minuman', 'Makanan Ringan', 'Keripik'], leaf: true },
      expect.objectContaining({ name: 'Kopi Bubuk' }),
      expect.objectContaining({ name: 'Sambal' }),
    ]);
    expect(recentCategories(db, 'en', 2).map((c) => c.name)).toEqual(['Chips & Crisps', 'Ground Coffee']);
  });

  it('shows 5 by default and keeps a bounded history', () => {
    const db = bundledDb();
    const leaves = listLeaves(db).slice(0, 40);
    leaves.forEach((id, i) => recordCategoryUse(db, id, `2026-11-01T08:${String(i).padStart(2, '0')}:00.000Z`));
    const recent = recentCategories(db, 'id');
    expect(recent.map((c) => c.id)).toEqual(leaves.slice(-5).reverse());
    expect(db.prepare('SELECT COUNT(*) FROM category_recent').pluck().get()).toBe(30);
  });

  it('refuses a category the tree does not have or one that is not a leaf', () => {
    const db = bundledDb();
    const [food] = listChildren(db, null, 'id');
    expect(coreError(() => recordCategoryUse(db, 1, '2026-11-01T08:00:00.000Z'))).toMatchObject({
      code: 'not_found',
      field: 'categoryId',
    });
    expect(coreError(() => recordCategoryUse(db, food!.id, '2026-11-01T08:00:00.000Z'))).toMatchObject({
      code: 'invalid_input',
      field: 'categoryId',
      reason: 'category_not_leaf',
    });
    expect(recentCategories(db, 'id')).toEqual([]);
  });
});

function listLeaves(db: ReturnType<typeof bundledDb>): number[] {
  return db.prepare('SELECT id FROM categories WHERE leaf = 1 ORDER BY id').pluck().all() as number[];
}
