import { describe, expect, it } from 'vitest';
import { normalizeAttributes, validateAttributes } from '../../../electron/core/categories/attribute-values';
import { findCategory, getCategory, isLeafCategory, listChildren } from '../../../electron/core/categories/browse';
import { BUNDLED_TREE, ensureBundledTree } from '../../../electron/core/categories/bundled';
import { activeTree, installAttributes, installTree } from '../../../electron/core/categories/install';
import { recentCategories, recordCategoryUse } from '../../../electron/core/categories/recent';
import { searchCategories } from '../../../electron/core/categories/search';
import { suggestCategories } from '../../../electron/core/categories/suggest';
import type { Db } from '../../../electron/core/db/open';
import { CoreError } from '../../../electron/core/errors';
import {
  bundledCopy,
  bundledDb,
  bundledLeafId,
  bundledWithout,
  generatedTree,
  lazadaTree,
  tempDb,
  type RawNode,
} from './helpers';

const BUNDLED_VERSION = bundledCopy().snapshotVersion;

function count(db: Db, table: string): number {
  return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
}

function coreError(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return (error as CoreError).error;
  }
  throw new Error('expected a CoreError');
}

/** What a fetch would hand over: Lazada's responses as they come, extra fields and all. */
const FETCHED_TREE: RawNode[] = [
  {
    category_id: 62541004,
    name: 'Makanan Ringan',
    leaf: false,
    var: false,
    children: [
      { category_id: 62541010, name: 'Keripik Kentang', leaf: true, var: true },
      { category_id: 62541011, name: 'Kacang', leaf: true, var: false },
    ],
  },
];
const FETCHED_ATTRIBUTES = {
  '62541010': [
    {
      advanced: { is_key_prop: 0 },
      is_sale_prop: 0,
      name: 'name',
      input_type: 'text',
      options: [],
      is_mandatory: 1,
      attribute_type: 'normal',
      label: 'Name',
    },
    {
      advanced: { is_key_prop: 1 },
      is_sale_prop: 0,
      name: 'brand',
      input_type: 'singleSelect',
      options: [],
      is_mandatory: 1,
      attribute_type: 'normal',
      label: 'Brand',
      id: 100006,
    },
    {
      advanced: { is_key_prop: 0 },
      is_sale_prop: 1,
      name: 'color_family',
      input_type: 'multiEnumInput',
      options: [{ name: 'Black', id: 1 }, { name: 'White' }],
      is_mandatory: 0,
      attribute_type: 'sku',
      label: 'Color Family',
    },
    {
      is_sale_prop: 0,
      name: 'price',
      input_type: 'numeric',
      options: [],
      is_mandatory: 1,
      attribute_type: 'sku',
      label: 'Price',
    },
  ],
};

describe('ensureBundledTree', () => {
  it('installs the bundled snapshot on a new database, once', () => {
    const db = tempDb();
    expect(activeTree(db)).toBeNull();
    const first = ensureBundledTree(db);
    expect(first.installed).toBe(true);
    expect(first.tree).toMatchObject({ marketplace: 'lazada', version: BUNDLED_VERSION, source: 'bundled' });
    expect(first.tree.leafCount).toBeGreaterThanOrEqual(60);
    expect(activeTree(db)).toEqual(first.tree);
    expect(count(db, 'categories')).toBe(first.tree.categoryCount);

    const version = db.pragma('data_version', { simple: true });
    const changes = db.prepare('SELECT total_changes()').pluck().get();
    expect(ensureBundledTree(db)).toEqual({ installed: false, tree: first.tree });
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changes);
    expect(db.pragma('data_version', { simple: true })).toBe(version);
  });

  it('replaces an older bundled tree with a newer bundled one, never with an older one', () => {
    const db = bundledDb();
    const kopi = bundledLeafId('Kopi Bubuk');

    const newer = bundledCopy();
    newer.snapshotVersion = '2099-01-01.1';
    renameLeaf(newer.tree, kopi, 'Kopi Bubuk Murni');
    expect(ensureBundledTree(db, newer).installed).toBe(true);
    expect(getCategory(db, kopi, 'id').name).toBe('Kopi Bubuk Murni');
    expect(activeTree(db)?.version).toBe('2099-01-01.1');

    // Going back (an older Akar's snapshot, or the same one again) changes nothing.
    expect(ensureBundledTree(db, BUNDLED_TREE).installed).toBe(false);
    expect(getCategory(db, kopi, 'id').name).toBe('Kopi Bubuk Murni');
  });

  it('keeps a fetched tree, whatever the bundled version', () => {
    const db = tempDb();
    installTree(db, lazadaTree(FETCHED_TREE, FETCHED_ATTRIBUTES), {
      source: 'fetched',
      version: '2026-01-02.1',
      fetchedAt: '2026-01-02T03:04:05.000Z',
    });
    const newer = bundledCopy();
    newer.snapshotVersion = '2099-01-01.1';
    for (const bundled of [BUNDLED_TREE, newer]) {
      const result = ensureBundledTree(db, bundled);
      expect(result.installed).toBe(false);
      expect(result.tree).toMatchObject({ source: 'fetched', version: '2026-01-02.1' });
    }
    expect(listChildren(db, null, 'id').map((c) => c.name)).toEqual(['Makanan Ringan']);
  });
});

describe('installTree', () => {
  it('takes Lazada responses unchanged: English optional, product fields dropped, attributes loadable later', () => {
    const db = tempDb();
    const tree = installTree(db, lazadaTree(FETCHED_TREE, FETCHED_ATTRIBUTES), {
      source: 'fetched',
      version: '2026-01-02.1',
      fetchedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(tree).toEqual({
      marketplace: 'lazada',
      version: '2026-01-02.1',
      source: 'fetched',
      fetchedAt: '2026-01-02T03:04:05.000Z',
      categoryCount: 3,
      leafCount: 2,
    });

    // No English names: the Indonesian ones are shown in English too.
    const keripik = getCategory(db, 62541010, 'en');
    expect(keripik.path).toEqual([
      { id: 62541004, name: 'Makanan Ringan' },
      { id: 62541010, name: 'Keripik Kentang' },
    ]);
    expect(keripik.attributesKnown).toBe(true);
    // `name` and `price` are the product's and the SKU's own fields, not category attributes.
    expect(keripik.attributes.map((a) => a.name)).toEqual(['brand', 'color_family']);
    expect(keripik.attributes[1]).toEqual({
      name: 'color_family',
      label: 'Color Family',
      inputType: 'multiEnumInput',
      isMandatory: false,
      isSaleProp: true,
      options: [
        { value: 'Black', label: 'Black' },
        { value: 'White', label: 'White' },
      ],
    });
    // Brand is a select whose list Lazada keeps elsewhere: any brand passes offline.
    expect(validateAttributes(db, 62541010, { brand: 'Sari Rasa' }, { requireMandatory: true })).toEqual([]);

    // The other leaf came without attributes: nothing to check yet, values kept as they are.
    expect(getCategory(db, 62541011, 'id')).toMatchObject({ attributesKnown: false, attributes: [] });
    expect(validateAttributes(db, 62541011, {}, { requireMandatory: true })).toEqual([]);
    expect(normalizeAttributes(db, 62541011, { rasa: ' Asin ' })).toEqual({ rasa: ' Asin ' });

    installAttributes(db, 62541011, [
      { name: 'brand', label: 'Brand', input_type: 'singleSelect', is_mandatory: 1, is_sale_prop: 0, options: [] },
    ]);
    expect(getCategory(db, 62541011, 'id').attributesKnown).toBe(true);
    expect(validateAttributes(db, 62541011, {}, { requireMandatory: true })).toEqual([
      { field: 'attributes.brand', reason: 'required' },
    ]);
    expect(coreError(() => installAttributes(db, 62541004, []))).toMatchObject({ reason: 'category_not_leaf' });
    expect(coreError(() => installAttributes(db, 1, []))).toMatchObject({ code: 'not_found' });
  });

  it('refuses a tree or options that do not validate, leaving the installed tree as it was', () => {
    const db = bundledDb();
    const before = count(db, 'categories');
    const duplicate = lazadaTree([
      { category_id: 5, name: 'A', leaf: true },
      { category_id: 5, name: 'B', leaf: true },
    ]);
    expect(coreError(() => installTree(db, duplicate, { source: 'fetched', version: '2099-01-01.1' }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(
      coreError(() => installTree(db, { tree: 'nope' }, { source: 'fetched', version: '2099-01-01.1' })),
    ).toMatchObject({
      code: 'invalid_input',
    });
    expect(
      coreError(() => installTree(db, lazadaTree(FETCHED_TREE), { source: 'fetched', version: 'yesterday' })),
    ).toMatchObject({ code: 'invalid_input', field: 'version' });
    expect(count(db, 'categories')).toBe(before);
    expect(activeTree(db)?.source).toBe('bundled');
  });

  it('rolls back entirely when writing fails half-way', () => {
    const db = bundledDb();
    const before = db.prepare('SELECT * FROM categories ORDER BY id').all();
    const terms = count(db, 'category_terms');
    // Fails on the last category written, after everything else of the new tree went in.
    db.exec(`CREATE TEMP TRIGGER fail_late BEFORE INSERT ON main.categories WHEN new.id = 62541011
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => installTree(db, lazadaTree(FETCHED_TREE), { source: 'fetched', version: '2099-01-01.1' })).toThrow(
      /disk trouble/,
    );
    expect(db.prepare('SELECT * FROM categories ORDER BY id').all()).toEqual(before);
    expect(count(db, 'category_terms')).toBe(terms);
    expect(activeTree(db)).toMatchObject({ source: 'bundled', version: BUNDLED_VERSION });
  });

  it('installs a 10,000-node tree in one go and still searches through the index (timings printed, not asserted)', () => {
    const db = tempDb();
    const big = generatedTree();
    let started = performance.now();
    const tree = installTree(db, big, { source: 'fetched', version: '2026-12-01.1' });
    const installMs = performance.now() - started;
    expect(tree.categoryCount).toBeGreaterThanOrEqual(10_000);

    const median = (fn: () => unknown) => {
      const runs = Array.from({ length: 5 }, () => {
        started = performance.now();
        fn();
        return performance.now() - started;
      }).sort((a, b) => a - b);
      return `${runs[2]!.toFixed(2)} ms`;
    };
    const timings = ['k', 'ka', 'kasi', 'salian', 'kasi ngbi', 'salian kasi tititi', 'tidakada'].map(
      (query) => `"${query}" ${median(() => searchCategories(db, { query, language: 'id' }))}`,
    );
    timings.push(`suggest ${median(() => suggestCategories(db, 'Salian Kasi Ngbi Gama Casi 250 gr', 'id'))}`);
    console.log(
      `10k tree: ${tree.categoryCount} categories, ${tree.leafCount} leaves, ${count(db, 'category_terms')} terms, ` +
        `installed in ${installMs.toFixed(0)} ms; median of 5: ${timings.join('; ')}`,
    );
  });
});

describe('a product whose category a new tree no longer has', () => {
  it('keeps its category id and attributes; lookups say "not found" until a tree brings it back', () => {
    const db = bundledDb();
    const keripik = bundledLeafId('Keripik');
    db.prepare("INSERT INTO sellers (id, name, created_at, updated_at) VALUES (1, 'Ibu Sari', 'x', 'x')").run();
    db.prepare(
      "INSERT INTO products (id, seller_id, name, category_id, created_at, updated_at) VALUES (1, 1, 'Keripik Pedas', ?, 'x', 'x')",
    ).run(keripik);
    recordCategoryUse(db, keripik, '2026-11-01T00:00:00.000Z');
    recordCategoryUse(db, bundledLeafId('Sambal'), '2026-11-02T00:00:00.000Z');

    installTree(db, bundledWithout('Keripik'), { source: 'bundled', version: '2099-01-01.1' });

    expect(db.prepare('SELECT category_id FROM products WHERE id = 1').pluck().get()).toBe(keripik);
    expect(findCategory(db, keripik, 'id')).toBeNull();
    expect(coreError(() => getCategory(db, keripik, 'id'))).toMatchObject({ code: 'not_found', field: 'id' });
    expect(isLeafCategory(db, keripik)).toBe(false);
    expect(validateAttributes(db, keripik, { brand: 'Sari' }, { requireMandatory: true })).toEqual([
      { field: 'categoryId', reason: 'category_unknown', params: { id: keripik } },
    ]);
    // The seller's values stay, to carry over to the category picked next.
    expect(normalizeAttributes(db, keripik, { brand: 'Sari', rasa: 'Pedas' })).toEqual({
      brand: 'Sari',
      rasa: 'Pedas',
    });
    expect(searchCategories(db, { query: 'keripik', language: 'id' }).map((c) => c.id)).not.toContain(keripik);
    expect(recentCategories(db, 'id').map((c) => c.name)).toEqual(['Sambal']);

    // A later tree that has it again: everything works as before.
    installTree(db, BUNDLED_TREE, { source: 'bundled', version: '2099-01-02.1' });
    expect(getCategory(db, keripik, 'id').name).toBe('Keripik');
    expect(recentCategories(db, 'id').map((c) => c.name)).toEqual(['Sambal', 'Keripik']);
  });
});

function renameLeaf(nodes: RawNode[], id: number, name: string): void {
  for (const node of nodes) {
    if (node.category_id === id) node.name = name;
    if (node.children) renameLeaf(node.children, id, name);
  }
}
