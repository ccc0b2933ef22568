import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { Product, ProductSearchInput } from '../../electron/shared/catalogue';
import { tableRows } from '../support/db';
import { errorOf, unwrap } from '../support/results';
import { tempDir } from '../support/temp';

/**
 * Migration 0040 on a catalogue written before variations existed (a database at migration
 * 30): products with several SKUs get a variation "Varian", each SKU's old variant name
 * (or, without one, its SellerSku) as its option, so they follow the new rule that several
 * SKUs need a named variation. The first open after the upgrade also installs the category
 * tree (migration 50) and works out every product's readiness problems.
 */

const AT = '2025-01-01T00:00:00.000Z';

/** A data dir holding a database as Akar left it at migration 30, with products of every kind. */
function oldCatalogue(): string {
  const dir = tempDir();
  const db = new Database(path.join(dir, DB_FILE));
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 30),
  );
  const product = db.prepare(
    `INSERT INTO products (id, seller_id, name, description, category_id, status, created_at, updated_at, deleted_at)
     VALUES (?, 1, ?, ?, ?, ?, '${AT}', '${AT}', ?)`,
  );
  const sku = db.prepare(
    `INSERT INTO skus (product_id, seller_id, seller_sku, variant_name, position, price, weight_g, length_cm,
                       width_cm, height_cm, created_at, updated_at, deleted_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '${AT}', '${AT}', ?)`,
  );
  const measured = [250, 10, 8, 4] as const;
  const none = [null, null, null, null] as const;
  db.transaction(() => {
    db.prepare(`INSERT INTO sellers (id, name, created_at, updated_at) VALUES (1, 'Ibu Sari', '${AT}', '${AT}')`).run();
    // 1: several SKUs with variant names (and a trashed one).
    product.run(1, 'Keripik Tempe', 'renyah', null, 'draft', null);
    sku.run(1, 'KT-1', 'Original', 0, 8000, ...none, null);
    sku.run(1, 'KT-2', 'Balado', 1, 9000, ...none, null);
    sku.run(1, 'KT-3', 'Keju', 2, 9500, ...none, AT);
    // 2: several SKUs without variant names.
    product.run(2, 'Sambal Bawang', '', null, 'draft', null);
    sku.run(2, 'SB-1', '', 0, 25000, ...none, null);
    sku.run(2, 'SB-2', '', 1, 30000, ...none, null);
    // 3: several SKUs, one named and one not.
    product.run(3, 'Kerupuk Udang', '', null, 'draft', null);
    sku.run(3, 'KU-1', 'Pedas', 0, 12000, ...none, null);
    sku.run(3, 'KU-2', '', 1, 12000, ...none, null);
    // 4: one SKU, no variant name, ready under the old rules (measurements only).
    product.run(4, 'Gula Aren', 'asli', null, 'ready', null);
    sku.run(4, 'GA-1', '', 0, 20000, ...measured, null);
    // 5: one SKU with a variant name.
    product.run(5, 'Kopi Bubuk', '', null, 'draft', null);
    sku.run(5, 'KB-1', '250 g', 0, 30000, ...none, null);
    // 6: two SKUs, one of them trashed: one live SKU, no variant name.
    product.run(6, 'Teh Melati', '', null, 'draft', null);
    sku.run(6, 'TM-1', '', 0, 5000, ...none, null);
    sku.run(6, 'TM-2', 'Besar', 1, 9000, ...none, AT);
    // 7: several SKUs whose variant names differ only in case.
    product.run(7, 'Kacang Atom', '', null, 'draft', null);
    sku.run(7, 'KA-1', 'Pedas', 0, 7000, ...none, null);
    sku.run(7, 'KA-2', 'pedas', 1, 7500, ...none, null);
    // 8: a category id from before the tree existed (not a leaf of it).
    product.run(8, 'Dodol Garut', 'legit', 7, 'draft', null);
    sku.run(8, 'DG-1', '', 0, 15000, ...measured, null);
  })();
  db.close();
  return dir;
}

async function names(core: Core, input: ProductSearchInput) {
  return unwrap(await core.products.search(input))
    .items.map((p) => p.name)
    .sort();
}

function withCore(dir: string, fn: (core: Core) => Promise<void>) {
  const core = createCore({ dataDir: dir });
  return fn(core).finally(() => core.close());
}

const options = (product: Product) => product.skus.map((s) => [s.sellerSku, s.option1, s.option2]);

describe('migration 0040 on a catalogue from before variations', () => {
  it('gives products with several SKUs the variation "Varian" and each SKU an option', async () => {
    const dir = oldCatalogue();
    await withCore(dir, async (core) => {
      const get = async (id: number) => unwrap(await core.products.get({ id }));

      const named = await get(1);
      expect(named.variation1).toBe('Varian');
      expect(options(named)).toEqual([
        ['KT-1', 'Original', ''],
        ['KT-2', 'Balado', ''],
      ]);
      expect(named.skus.map((s) => s.variantName)).toEqual(['Original', 'Balado']);
      // Without variant names, the SellerSku tells the SKUs apart.
      const unnamed = await get(2);
      expect(unnamed.variation1).toBe('Varian');
      expect(options(unnamed)).toEqual([
        ['SB-1', 'SB-1', ''],
        ['SB-2', 'SB-2', ''],
      ]);
      expect(options(await get(3))).toEqual([
        ['KU-1', 'Pedas', ''],
        ['KU-2', 'KU-2', ''],
      ]);
      for (const id of [1, 2, 3, 7]) expect((await get(id)).variation2, `product ${id}`).toBe('');

      // Such a product can be saved right away (it follows the new rules).
      const saved = unwrap(await core.products.update({ id: 2, changes: { name: 'Sambal Bawang Pedas' } }));
      expect(options(saved)).toEqual(options(unnamed));
    });
    // The trashed SKU of product 1 got its option too (it comes back as it was if revived).
    expect(tableRows(path.join(dir, DB_FILE), "SELECT option1 FROM skus WHERE seller_sku = 'KT-3'")).toEqual([
      { option1: 'Keju' },
    ]);
  });

  it('leaves single-SKU products without a variant name untouched', async () => {
    const dir = oldCatalogue();
    await withCore(dir, async (core) => {
      for (const id of [4, 6, 8]) {
        const product = unwrap(await core.products.get({ id }));
        expect(product, `product ${id}`).toMatchObject({ variation1: '', variation2: '' });
        expect(
          product.skus.map((s) => [s.option1, s.option2, s.variantName]),
          `product ${id}`,
        ).toEqual([['', '', '']]);
      }
      // A single SKU with a variant name keeps it as an option of "Varian": the core derives
      // the variant name from the options on every save, so it would be lost otherwise.
      const kopi = unwrap(await core.products.get({ id: 5 }));
      expect(kopi.variation1).toBe('Varian');
      expect(kopi.skus.map((s) => [s.option1, s.variantName])).toEqual([['250 g', '250 g']]);
      const saved = unwrap(await core.products.update({ id: 5, changes: { name: 'Kopi Robusta' } }));
      expect(saved.skus[0]!.variantName).toBe('250 g');
    });
    // Every other column of those rows is as it was.
    const rows = tableRows(
      path.join(dir, DB_FILE),
      'SELECT product_id, seller_sku, variant_name, price, weight_g, special_price FROM skus WHERE product_id IN (4, 6) ORDER BY id',
    );
    expect(rows).toEqual([
      { product_id: 4, seller_sku: 'GA-1', variant_name: '', price: 20000, weight_g: 250, special_price: null },
      { product_id: 6, seller_sku: 'TM-1', variant_name: '', price: 5000, weight_g: null, special_price: null },
      { product_id: 6, seller_sku: 'TM-2', variant_name: 'Besar', price: 9000, weight_g: null, special_price: null },
    ]);
  });

  it('keeps variant names searchable, and a trashed SKU’s name out of the index', async () => {
    await withCore(oldCatalogue(), async (core) => {
      expect(await names(core, { query: 'balado' })).toEqual(['Keripik Tempe']);
      expect(await names(core, { query: 'original' })).toEqual(['Keripik Tempe']);
      expect(await names(core, { query: 'pedas' })).toEqual(['Kacang Atom', 'Kerupuk Udang']);
      expect(await names(core, { query: 'keju' })).toEqual([]);
      expect(await names(core, { query: 'besar' })).toEqual([]);
      // And they stay searchable after a save rewrites the SKUs.
      unwrap(await core.products.update({ id: 1, changes: { description: 'renyah dan gurih' } }));
      const first = unwrap(await core.products.get({ id: 1 })).skus;
      unwrap(
        await core.products.update({
          id: 1,
          changes: { skus: first.map((s) => ({ id: s.id, price: s.price + 500 })) },
        }),
      );
      expect(await names(core, { query: 'balado' })).toEqual(['Keripik Tempe']);
    });
  });

  it('works out the readiness of every old product on the first open', async () => {
    const dir = oldCatalogue();
    await withCore(dir, async (core) => {
      const problems = async (id: number) => unwrap(await core.products.get({ id })).problems;
      // Ready under the old rules (measurements only); now it lacks a category.
      expect(await problems(4)).toEqual(['no_category']);
      expect(unwrap(await core.products.get({ id: 4 })).status).toBe('ready');
      expect(await problems(1)).toEqual(['no_category', 'no_weight', 'no_package_size']);
      expect(await problems(2)).toEqual(['no_category', 'no_weight', 'no_package_size', 'no_description']);
      // A category id from before the tree is not one of its leaves.
      expect(await problems(8)).toEqual(['category_gone']);
      const none = unwrap(await core.products.search({ problem: 'none' }));
      expect(none.total).toBe(0);
    });
    // Stored, not only computed on read: the mask column was written.
    expect(
      tableRows(path.join(dir, DB_FILE), 'SELECT id, problems FROM products WHERE id IN (4, 8) ORDER BY id'),
    ).toEqual([
      { id: 4, problems: 1 },
      { id: 8, problems: 2 },
    ]);
  });

  /**
   * The migration writes option1 from the SellerSku but leaves `variant_name` empty, and the
   * core reads `variantName` from that column: until the product is saved again its SKUs
   * show no variant name (and an export or the list shows "Varian: " with nothing) although
   * their option is "SB-1". Expected: the migration sets variant_name = option1 too. Reported.
   */
  it('gives every migrated SKU the variant name its option says', async () => {
    await withCore(oldCatalogue(), async (core) => {
      for (const id of [2, 3]) {
        const product = unwrap(await core.products.get({ id }));
        for (const sku of product.skus) expect(sku.variantName, `${product.name} ${sku.sellerSku}`).toBe(sku.option1);
      }
    });
  });

  /**
   * Old variant names were free text: two SKUs could share one ("Pedas" and "pedas"). The
   * migration copies them as options, which the new rules refuse as the same combination,
   * so the product cannot be saved at all (not even renamed, nor changed by a bulk edit)
   * until the seller finds and fixes the option. Expected: the migration makes the options
   * unique (e.g. adds the SellerSku to a repeated one). Reported.
   */
  it('leaves products whose old SKUs shared a variant name editable', async () => {
    await withCore(oldCatalogue(), async (core) => {
      const result = await core.products.update({ id: 7, changes: { name: 'Kacang Atom Pedas' } });
      if (!result.ok) {
        expect(errorOf(result).issues).toEqual([]); // shows changes.skus.1.option1 duplicate_in_product
      }
      expect(result.ok).toBe(true);
    });
  });
});
