import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { BUNDLED_TREE } from '../../electron/core/categories/bundled';
import { installTree, type InstallOptions } from '../../electron/core/categories/install';
import { openDatabase } from '../../electron/core/db/open';
import {
  READINESS_PROBLEMS,
  type ProblemFilter,
  type Product,
  type ReadinessProblem,
  type SkuInput,
} from '../../electron/shared/catalogue';
import type { FieldIssue, Result } from '../../electron/shared/result';
import { addProduct, addSeller, READY_CATEGORY_ID, READY_FIELDS, readySku } from '../support/catalogue';
import { dumpDatabase, tableRows } from '../support/db';
import { errorOf, expectError, unwrap } from '../support/results';
import { tempCore, type TempCore } from '../support/temp';

/**
 * Readiness: what a product still lacks before a marketplace would take it. Kept as a list
 * on every product (and a bit mask in `products.problems` for the filters), and checked in
 * full when a product is marked ready.
 */

/** A non-leaf of the bundled tree (Makanan & Minuman > Makanan Ringan) and its top. */
const PARENT_CATEGORY_ID = 23393508;
const TOP_CATEGORY_ID = 74835;

function issues(result: Result<unknown>): string[] {
  const error = errorOf(result);
  expect(error.code).toBe('invalid_input');
  return (error.issues ?? []).map((i: FieldIssue) => `${i.field} ${i.reason}`);
}

async function ids(core: Core, problem: ProblemFilter, sellerId?: number) {
  const page = unwrap(await core.products.search({ problem, limit: 200, ...(sellerId ? { sellerId } : {}) }));
  return page.items.map((p) => p.id).sort((a, b) => a - b);
}

/** The stored mask, read straight from the file: bit i is READINESS_PROBLEMS[i]. */
function storedMask(temp: TempCore, id: number): number {
  return tableRows(temp.dbPath, 'SELECT problems FROM products WHERE id = ?', id)[0]?.['problems'] as number;
}

const bits = (...problems: ReadinessProblem[]) =>
  problems.reduce((mask, p) => mask | (1 << READINESS_PROBLEMS.indexOf(p)), 0);

/** A product lacking exactly what `skip` names (draft: a draft may lack anything). */
function lacking(core: Core, sellerId: number, name: string, extra: Record<string, unknown>, sku?: SkuInput) {
  return addProduct(core, sellerId, name, [sku ?? readySku()], { ...READY_FIELDS, ...extra });
}

/** The bundled tree without one leaf, as a newer tree from Lazada could come. */
function bundledWithoutLeaf(id: number): unknown {
  interface Node {
    category_id: number;
    leaf: boolean;
    children?: Node[];
  }
  const tree = structuredClone(BUNDLED_TREE) as { tree: Node[]; attributes: Record<string, unknown> };
  const prune = (nodes: Node[]): Node[] =>
    nodes
      .filter((n) => !(n.leaf && n.category_id === id))
      .map((n) => (n.children ? { ...n, children: prune(n.children) } : n));
  tree.tree = prune(tree.tree);
  delete tree.attributes[String(id)];
  return tree;
}

/** Installs a category tree on the core's database through a second connection, as a fetch would. */
function installOnCore(temp: TempCore, tree: unknown, options: InstallOptions) {
  const db = openDatabase(temp.dbPath);
  try {
    installTree(db, tree, options);
  } finally {
    db.close();
  }
}

describe('readiness problems', () => {
  it('lists what each product lacks, keeps it as a bit mask, and search filters by each kind', async () => {
    const temp = tempCore();
    const { core } = temp;
    const sari = await addSeller(core);
    const complete = await lacking(core, sari.id, 'Lengkap', {});
    const noCategory = await lacking(core, sari.id, 'Tanpa Kategori', { categoryId: null, attributes: {} });
    const noAttributes = await lacking(core, sari.id, 'Tanpa Masa Simpan', { attributes: { brand: 'No Brand' } });
    const noWeight = await lacking(core, sari.id, 'Tanpa Berat', {}, readySku({ weightKg: null }));
    const noSize = await lacking(core, sari.id, 'Tanpa Ukuran Paket', {}, readySku({ heightCm: null }));
    const noDescription = await lacking(core, sari.id, 'Tanpa Deskripsi', { description: '   ' });
    const nothing = await addProduct(core, sari.id, 'Belum Apa-apa', [{ price: 1000 }]);

    const expected: [Product, ReadinessProblem[]][] = [
      [complete, []],
      [noCategory, ['no_category']],
      [noAttributes, ['missing_attributes']],
      [noWeight, ['no_weight']],
      [noSize, ['no_package_size']],
      [noDescription, ['no_description']],
      [nothing, ['no_category', 'no_weight', 'no_package_size', 'no_description']],
    ];
    for (const [product, problems] of expected) {
      expect(product.problems, product.name).toEqual(problems);
      expect(unwrap(await core.products.get({ id: product.id })).problems, product.name).toEqual(problems);
      expect(storedMask(temp, product.id), product.name).toBe(bits(...problems));
    }
    // The summaries of a page carry the same list.
    const page = unwrap(await core.products.search({ sellerId: sari.id, limit: 50 }));
    expect(new Map(page.items.map((p) => [p.id, p.problems]))).toEqual(
      new Map(expected.map(([p, problems]) => [p.id, problems])),
    );

    const idsWith = (problem: ReadinessProblem) =>
      expected.filter(([, problems]) => problems.includes(problem)).map(([p]) => p.id);
    for (const problem of READINESS_PROBLEMS) {
      expect(await ids(core, problem), problem).toEqual(idsWith(problem));
      // The same within a participant (a different SQL shape).
      expect(await ids(core, problem, sari.id), `${problem} in a seller`).toEqual(idsWith(problem));
    }
    expect(await ids(core, 'none')).toEqual([complete.id]);
    expect(await ids(core, 'any')).toEqual(expected.slice(1).map(([p]) => p.id));
    expect(unwrap(await core.products.search({ problem: 'any', limit: 2 })).total).toBe(6);
    // "Select all" follows the filter too.
    expect(unwrap(await core.products.searchIds({ problem: 'no_weight' })).sort((a, b) => a - b)).toEqual(
      idsWith('no_weight'),
    );
  });

  it('follows every write: fixing one thing after another empties the list', async () => {
    const temp = tempCore();
    const { core } = temp;
    const sari = await addSeller(core);
    const product = await addProduct(core, sari.id, 'Keripik Tempe', [{ price: 12_000 }]);
    const sku = product.skus[0]!.id;
    const step = async (changes: Record<string, unknown>) =>
      unwrap(await core.products.update({ id: product.id, changes })).problems;

    expect(await step({ categoryId: READY_CATEGORY_ID })).toEqual([
      'missing_attributes',
      'no_weight',
      'no_package_size',
      'no_description',
    ]);
    expect(await step({ attributes: READY_FIELDS.attributes })).toEqual([
      'no_weight',
      'no_package_size',
      'no_description',
    ]);
    expect(await step({ skus: [{ id: sku, price: 12_000, weightKg: 0.2 }] })).toEqual([
      'no_package_size',
      'no_description',
    ]);
    expect(await step({ skus: [{ id: sku, price: 12_000, lengthCm: 20, widthCm: 15, heightCm: 5 }] })).toEqual([
      'no_description',
    ]);
    expect(await ids(core, 'none')).toEqual([]);
    expect(await step({ description: 'Tempe pilihan, digoreng tipis.' })).toEqual([]);
    expect(await ids(core, 'none')).toEqual([product.id]);
    // And back: clearing the category brings the problem back (and drops nothing else).
    expect(await step({ categoryId: null })).toEqual(['no_category']);
    expect(storedMask(temp, product.id)).toBe(bits('no_category'));
  });
});

describe('marking a product ready', () => {
  it('is refused with every missing item at once, and changes nothing', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const before = dumpDatabase(dbPath);
    const bare = await core.products.create({
      sellerId: sari.id,
      name: 'Keripik',
      status: 'ready',
      variation1: 'Ukuran',
      skus: [{ price: 1, option1: 'S', weightKg: 0.1 }, readySku({ option1: 'M' })],
    });
    expect(issues(bare)).toEqual([
      'categoryId required_when_ready',
      'description required_when_ready',
      'skus.0.lengthCm required_when_ready',
      'skus.0.widthCm required_when_ready',
      'skus.0.heightCm required_when_ready',
    ]);
    // With the category, its mandatory attributes are asked for too.
    expect(
      issues(
        await core.products.create({
          sellerId: sari.id,
          name: 'Keripik',
          status: 'ready',
          categoryId: READY_CATEGORY_ID,
          attributes: { brand: 'No Brand' },
          skus: [readySku({ weightKg: null })],
        }),
      ),
    ).toEqual([
      'attributes.shelf_life required_when_ready',
      'description required_when_ready',
      'skus.0.weightKg required_when_ready',
    ]);
    expect(dumpDatabase(dbPath)).toBe(before);
  });

  it('is refused on update under changes., and accepted once everything is there', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const draft = await addProduct(core, sari.id, 'Keripik Pisang', [{ price: 15_000 }]);
    expect(issues(await core.products.update({ id: draft.id, changes: { status: 'ready' } }))).toEqual([
      'changes.categoryId required_when_ready',
      'changes.description required_when_ready',
      'changes.skus.0.weightKg required_when_ready',
      'changes.skus.0.lengthCm required_when_ready',
      'changes.skus.0.widthCm required_when_ready',
      'changes.skus.0.heightCm required_when_ready',
    ]);
    expect(unwrap(await core.products.get({ id: draft.id }))).toEqual(draft);

    // The same call with what was missing goes through.
    const ready = unwrap(
      await core.products.update({
        id: draft.id,
        changes: {
          status: 'ready',
          ...READY_FIELDS,
          skus: [{ id: draft.skus[0]!.id, price: 15_000, weightKg: 0.2, lengthCm: 20, widthCm: 15, heightCm: 5 }],
        },
      }),
    );
    expect(ready).toMatchObject({ status: 'ready', problems: [], categoryId: READY_CATEGORY_ID });
    // A ready product cannot lose what made it ready.
    expectError(await core.products.update({ id: draft.id, changes: { description: '' } }), {
      code: 'invalid_input',
      field: 'changes.description',
      reason: 'required_when_ready',
    });
    expectError(await core.products.update({ id: draft.id, changes: { attributes: { brand: 'No Brand' } } }), {
      code: 'invalid_input',
      field: 'changes.attributes.shelf_life',
      reason: 'required_when_ready',
    });
  });

  /**
   * Every leaf of the bundled tree has Lazada's mandatory `brand` attribute, and readiness
   * asks for it as `attributes.brand` although the product has its own brand (default
   * "No Brand"): a seller types the brand twice, and the two can disagree in an export.
   * Expected: the product's brand counts for the attribute (or `brand` is a product field
   * like `name` and `price`, see PRODUCT_FIELD_ATTRIBUTES). Reported.
   */
  it('takes the product’s own brand for the category’s mandatory brand attribute', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const result = await core.products.create({
      sellerId: sari.id,
      name: 'Keripik Sari',
      brand: 'Sari Rasa',
      status: 'ready',
      ...READY_FIELDS,
      attributes: { shelf_life: '3 Bulan' },
      skus: [readySku()],
    });
    expect(unwrap(result).status).toBe('ready');
  });

  /**
   * Readiness looks for any non-blank text in the description, and markup counts: an empty
   * paragraph (what a rich-text box leaves when cleared) or a lone line break passes as a
   * description. Reported.
   */
  it('does not take empty markup for a description', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    for (const description of ['<p></p>', '<p> </p><br>']) {
      const product = await addProduct(core, sari.id, 'Keripik', [readySku()], { ...READY_FIELDS, description });
      expect(product.problems, description).toEqual(['no_description']);
    }
  });
});

describe('categories and their attributes', () => {
  it('refuses a category that is not a leaf of the tree, or not in it, on create and update', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const before = dumpDatabase(dbPath);
    for (const categoryId of [PARENT_CATEGORY_ID, TOP_CATEGORY_ID, 424242]) {
      expectError(
        await core.products.create({ sellerId: sari.id, name: 'Keripik', categoryId, skus: [{ price: 1 }] }),
        {
          code: 'invalid_input',
          field: 'categoryId',
          reason: 'invalid_choice',
        },
      );
    }
    expect(dumpDatabase(dbPath)).toBe(before);
    const product = await addProduct(core, sari.id, 'Keripik', [{ price: 1 }], { categoryId: READY_CATEGORY_ID });
    expectError(await core.products.update({ id: product.id, changes: { categoryId: PARENT_CATEGORY_ID } }), {
      code: 'invalid_input',
      field: 'changes.categoryId',
      reason: 'invalid_choice',
    });
  });

  it('stores attribute values in the option’s own spelling and drops names the category does not have', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const product = await addProduct(core, sari.id, 'Keripik Balado', [{ price: 1 }], {
      categoryId: READY_CATEGORY_ID,
      attributes: {
        brand: 'no brand',
        shelf_life: '3 months', // the English label of "3 Bulan"
        spiciness_level: 'sangat pedas',
        package_type: ' toples ',
        net_weight: '1.000', // a thousand grams, written the Indonesian way
        expiry_date: '31-12-2026',
        flavor: 'Balado', // a sale property: its values belong to the SKUs
        warna_favorit: 'Merah', // not an attribute of Keripik
      },
    });
    expect(product.attributes).toEqual({
      brand: 'No Brand',
      shelf_life: '3 Bulan',
      spiciness_level: 'Sangat Pedas',
      package_type: 'Toples',
      net_weight: '1000',
      expiry_date: '2026-12-31',
    });
    expect(unwrap(await core.products.get({ id: product.id })).attributes).toEqual(product.attributes);
  });

  it('refuses values outside an attribute’s options or type, every one at once', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const before = dumpDatabase(dbPath);
    const result = await core.products.create({
      sellerId: sari.id,
      name: 'Keripik',
      categoryId: READY_CATEGORY_ID,
      attributes: { shelf_life: '5 Tahun', net_weight: 'seberat-beratnya', expiry_date: '30-02-2026' },
      skus: [{ price: 1 }],
    });
    expect(issues(result)).toEqual([
      'attributes.net_weight not_a_number',
      'attributes.shelf_life invalid_choice',
      'attributes.expiry_date not_a_date',
    ]);
    expect(errorOf(result).issues?.find((i) => i.field === 'attributes.shelf_life')?.params).toEqual({
      value: '5 Tahun',
    });
    expect(dumpDatabase(dbPath)).toBe(before);
  });
});

describe('a category that leaves the tree', () => {
  /** A complete draft in Keripik, then a tree without Keripik installed under the core. */
  async function orphaned() {
    const temp = tempCore();
    const sari = await addSeller(temp.core);
    const product = await lacking(temp.core, sari.id, 'Keripik Singkong', {});
    expect(product.problems).toEqual([]);
    installOnCore(temp, bundledWithoutLeaf(READY_CATEGORY_ID), {
      source: 'fetched',
      version: '2099-01-01.1',
      fetchedAt: '2099-01-01T00:00:00.000Z',
    });
    return { temp, product };
  }

  it('is reported as category_gone from the next write of the product, and filtered by it', async () => {
    const { temp, product } = await orphaned();
    const { core } = temp;
    // The product keeps its category id and its attributes: nothing is lost.
    const renamed = unwrap(await core.products.update({ id: product.id, changes: { name: 'Keripik Singkong Asin' } }));
    expect(renamed).toMatchObject({ categoryId: READY_CATEGORY_ID, attributes: product.attributes });
    expect(renamed.problems).toEqual(['category_gone']);
    expect(storedMask(temp, product.id)).toBe(bits('category_gone'));
    expect(await ids(core, 'category_gone')).toEqual([product.id]);
    // It cannot be marked ready until a category of the tree is chosen.
    expectError(await core.products.update({ id: product.id, changes: { status: 'ready' } }), {
      code: 'invalid_input',
      field: 'changes.categoryId',
      reason: 'invalid_choice',
    });
  });

  it('is worked out again for every product when the app opens with a newer bundled tree', async () => {
    const temp = tempCore();
    const sari = await addSeller(temp.core);
    const product = await lacking(temp.core, sari.id, 'Keripik Singkong', {});
    // An older bundled tree without Keripik, then a write: the product now lacks its category.
    installOnCore(temp, bundledWithoutLeaf(READY_CATEGORY_ID), { source: 'bundled', version: '2000-01-01.1' });
    const renamed = unwrap(await temp.core.products.update({ id: product.id, changes: { name: 'Keripik Asin' } }));
    expect(renamed.problems).toEqual(['category_gone']);
    // On open, the shipped (newer) snapshot replaces it and brings Keripik back.
    const core = temp.reopen();
    expect(unwrap(await core.products.get({ id: product.id })).problems).toEqual([]);
    expect(storedMask(temp, product.id)).toBe(0);
    expect(await ids(core, 'none')).toEqual([product.id]);
  });

  /**
   * Installing a tree (what a fetch from Lazada will do) does not recompute the stored
   * masks: `ProductStore.recomputeProblems` runs only when the app opens and installs the
   * bundled snapshot. Until the product is saved again, it still shows no problem and the
   * "category gone" filter misses it; a reopen does not help, as a fetched tree is kept.
   * Expected: installing a tree recomputes readiness in the same transaction. Reported.
   */
  it.fails('is reported as category_gone as soon as the tree changes, without a write', async () => {
    const { temp, product } = await orphaned();
    expect(unwrap(await temp.core.products.get({ id: product.id })).problems).toEqual(['category_gone']);
    expect(await ids(temp.core, 'category_gone')).toEqual([product.id]);
  });

  it('keeps the stale mask as it was across a reopen (what the it.fails above is about)', async () => {
    const { temp, product } = await orphaned();
    const core = temp.reopen();
    expect(unwrap(await core.products.get({ id: product.id })).problems).toEqual([]);
    expect(await ids(core, 'category_gone')).toEqual([]);
  });
});
