import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Product, ProductSearchInput } from '../../electron/shared/catalogue';
import type { FieldIssue, Result } from '../../electron/shared/result';
import { addProduct, addSeller } from '../support/catalogue';
import { dumpDatabase, tableRows } from '../support/db';
import { errorOf, expectError, unwrap } from '../support/results';
import { tempCore } from '../support/temp';

/**
 * Variations (up to two sale properties, e.g. Warna × Ukuran), each SKU's options, special
 * prices, and the description's HTML: the rules a product must follow whatever its status.
 */

async function names(core: Core, input: ProductSearchInput) {
  return unwrap(await core.products.search(input)).items.map((p) => p.name);
}

/** Every issue of a refusal, as `field reason` lines (order kept). */
function issues(result: Result<unknown>): string[] {
  const error = errorOf(result);
  expect(error.code).toBe('invalid_input');
  return (error.issues ?? []).map((i: FieldIssue) => `${i.field} ${i.reason}`);
}

/** A T-shirt in two colours and two sizes. */
async function kaos(core: Core, sellerId: number): Promise<Product> {
  return addProduct(
    core,
    sellerId,
    'Kaos Polos Katun',
    [
      { sellerSku: 'KAOS-M-S', option1: 'Merah', option2: 'S', price: 50_000 },
      { sellerSku: 'KAOS-M-M', option1: 'Merah', option2: 'M', price: 52_000 },
      { sellerSku: 'KAOS-B-S', option1: 'Biru', option2: 'S', price: 50_000 },
      { sellerSku: 'KAOS-B-M', option1: 'Biru', option2: 'M', price: 52_000 },
    ],
    { variation1: 'Warna', variation2: 'Ukuran', description: 'Kaos nyaman untuk sehari-hari' },
  );
}

describe('two variations', () => {
  it('creates a product in every Warna × Ukuran combination, each SKU named by its options', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const product = await kaos(core, sari.id);

    expect(product).toMatchObject({ variation1: 'Warna', variation2: 'Ukuran' });
    expect(product.skus.map((s) => [s.sellerSku, s.option1, s.option2, s.variantName])).toEqual([
      ['KAOS-M-S', 'Merah', 'S', 'Merah / S'],
      ['KAOS-M-M', 'Merah', 'M', 'Merah / M'],
      ['KAOS-B-S', 'Biru', 'S', 'Biru / S'],
      ['KAOS-B-M', 'Biru', 'M', 'Biru / M'],
    ]);
    // Stored as the core derived it (the search index reads this column).
    expect(
      tableRows(
        dbPath,
        'SELECT option1, option2, variant_name FROM skus WHERE product_id = ? ORDER BY position',
        product.id,
      ),
    ).toEqual([
      { option1: 'Merah', option2: 'S', variant_name: 'Merah / S' },
      { option1: 'Merah', option2: 'M', variant_name: 'Merah / M' },
      { option1: 'Biru', option2: 'S', variant_name: 'Biru / S' },
      { option1: 'Biru', option2: 'M', variant_name: 'Biru / M' },
    ]);
    expect(unwrap(await core.products.get({ id: product.id }))).toEqual(product);
  });

  it('finds the product by an option, which appears nowhere else in it', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    await kaos(core, sari.id);
    await addProduct(core, sari.id, 'Kaos Polos Hitam', [{ price: 45_000 }]);

    expect(await names(core, { query: 'merah' })).toEqual(['Kaos Polos Katun']);
    expect(await names(core, { query: 'BIRU' })).toEqual(['Kaos Polos Katun']);
    expect(await names(core, { query: 'kaos merah' })).toEqual(['Kaos Polos Katun']);
    expect((await names(core, { query: 'kaos' })).sort()).toEqual(['Kaos Polos Hitam', 'Kaos Polos Katun']);
  });

  it('updates options in place and the search index with them', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const product = await kaos(core, sari.id);
    const [ms, mm, bs, bm] = product.skus;

    const updated = unwrap(
      await core.products.update({
        id: product.id,
        changes: {
          variation1: 'Corak',
          skus: [
            { id: ms!.id, price: 50_000, option1: 'Hijau' },
            { id: mm!.id, price: 52_000, option1: 'Hijau' },
            // Options left out keep their stored values.
            { id: bs!.id, price: 50_000 },
            { id: bm!.id, price: 52_000 },
          ],
        },
      }),
    );
    expect(updated.variation1).toBe('Corak');
    expect(updated.skus.map((s) => [s.id, s.variantName])).toEqual([
      [ms!.id, 'Hijau / S'],
      [mm!.id, 'Hijau / M'],
      [bs!.id, 'Biru / S'],
      [bm!.id, 'Biru / M'],
    ]);
    expect(await names(core, { query: 'merah' })).toEqual([]);
    expect(await names(core, { query: 'hijau' })).toEqual(['Kaos Polos Katun']);
    expect(await names(core, { query: 'biru' })).toEqual(['Kaos Polos Katun']);
  });
});

describe('variation rules', () => {
  it('needs a variation for several SKUs, on create and on update', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    expectError(await core.products.create({ sellerId: sari.id, name: 'Kopi', skus: [{ price: 1 }, { price: 2 }] }), {
      code: 'invalid_input',
      field: 'variation1',
      reason: 'variation_needed',
    });
    const product = await kaos(core, sari.id);
    // Removing the only variation a four-SKU product has... (the second alone is refused too).
    const result = await core.products.update({ id: product.id, changes: { variation1: '', variation2: '' } });
    expect(issues(result)).toEqual(['changes.variation1 variation_needed']);
    expectError(await core.products.update({ id: product.id, changes: { variation1: '' } }), {
      code: 'invalid_input',
      field: 'changes.variation2',
      reason: 'variation2_without_1',
    });
  });

  it('refuses a second variation without a first, and the same variation twice', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    expect(
      issues(
        await core.products.create({
          sellerId: sari.id,
          name: 'Kopi',
          variation2: 'Ukuran',
          skus: [{ price: 1, option2: 'M' }],
        }),
      ),
    ).toEqual(['variation2 variation2_without_1']);
    expect(
      issues(
        await core.products.create({
          sellerId: sari.id,
          name: 'Kopi',
          variation1: 'Warna',
          variation2: ' WARNA ',
          skus: [{ price: 1, option1: 'Merah', option2: 'Hitam' }],
        }),
      ),
    ).toEqual(['variation2 duplicate_in_product']);
  });

  it('needs each SKU’s option(s), and no combination twice (case ignored), all reported at once', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const before = dumpDatabase(dbPath);
    const result = await core.products.create({
      sellerId: sari.id,
      name: 'Kaos',
      variation1: 'Warna',
      variation2: 'Ukuran',
      skus: [
        { price: 1, option1: 'Merah', option2: 'S' },
        { price: 1, option2: 'M' },
        { price: 1, option1: 'Biru' },
        { price: 1, option1: 'merah', option2: 's' },
        { price: 1, option1: 'Merah', option2: 'M' },
      ],
    });
    expect(issues(result)).toEqual([
      'skus.1.option1 required',
      'skus.2.option2 required',
      'skus.3.option2 duplicate_in_product',
    ]);
    expect(dumpDatabase(dbPath)).toBe(before);

    // With one variation, the duplicate is on option1.
    expect(
      issues(
        await core.products.create({
          sellerId: sari.id,
          name: 'Kopi',
          variation1: 'Ukuran',
          skus: [
            { price: 1, option1: '250 g' },
            { price: 2, option1: '250 G' },
          ],
        }),
      ),
    ).toEqual(['skus.1.option1 duplicate_in_product']);
  });

  it('reports the same rules under changes. on update', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const product = await kaos(core, sari.id);
    const [ms, mm] = product.skus;
    const result = await core.products.update({
      id: product.id,
      changes: {
        skus: [
          { id: ms!.id, price: 50_000 },
          { id: mm!.id, price: 52_000, option2: 'S' },
          { price: 1, option1: 'Kuning' },
        ],
      },
    });
    expect(issues(result)).toEqual(['changes.skus.1.option2 duplicate_in_product', 'changes.skus.2.option2 required']);
    // Nothing of it was saved.
    expect(unwrap(await core.products.get({ id: product.id }))).toEqual(product);
  });

  it('drops the options of a variation that is removed, and of one the product never had', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const product = await addProduct(
      core,
      sari.id,
      'Sarung Tenun',
      [
        { option1: 'Merah', option2: 'Dewasa', price: 90_000 },
        { option1: 'Biru', option2: 'Dewasa', price: 90_000 },
      ],
      { variation1: 'Warna', variation2: 'Ukuran' },
    );
    const noSecond = unwrap(await core.products.update({ id: product.id, changes: { variation2: '' } }));
    expect(noSecond.variation2).toBe('');
    expect(noSecond.skus.map((s) => [s.option1, s.option2, s.variantName])).toEqual([
      ['Merah', '', 'Merah'],
      ['Biru', '', 'Biru'],
    ]);
    expect(tableRows(dbPath, 'SELECT option2 FROM skus WHERE product_id = ?', product.id)).toEqual([
      { option2: '' },
      { option2: '' },
    ]);
    // The option left the search index with its variation.
    expect(await names(core, { query: 'dewasa' })).toEqual([]);

    // A single SKU may drop its variation too: its option goes with it.
    const single = await addProduct(core, sari.id, 'Peci', [{ option1: 'Hitam', price: 30_000 }], {
      variation1: 'Warna',
    });
    const plain = unwrap(await core.products.update({ id: single.id, changes: { variation1: '' } }));
    expect(plain.skus[0]).toMatchObject({ option1: '', option2: '', variantName: '' });

    // Options sent for a variation the product does not have are not stored.
    const stray = await addProduct(core, sari.id, 'Tikar', [{ option1: 'Pandan', option2: 'Besar', price: 1 }]);
    expect(stray.skus[0]).toMatchObject({ option1: '', option2: '', variantName: '' });
  });

  it('refuses removing the variation that kept two SKUs apart', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const product = await kaos(core, sari.id);
    // Without Ukuran, "Merah / S" and "Merah / M" are both just "Merah".
    expect(issues(await core.products.update({ id: product.id, changes: { variation2: '' } }))).toEqual([
      'changes.skus.1.option1 duplicate_in_product',
      'changes.skus.3.option1 duplicate_in_product',
    ]);
  });
});

describe('special prices', () => {
  const march = { specialFrom: '2025-03-01', specialTo: '2025-03-31' };

  it('stores a special price with its dates and reads it back', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const product = await addProduct(core, sari.id, 'Kopi', [{ price: 20_000, specialPrice: 17_500, ...march }]);
    expect(product.skus[0]).toMatchObject({ price: 20_000, specialPrice: 17_500, ...march });
    expect(tableRows(dbPath, 'SELECT special_price, special_from, special_to FROM skus')).toEqual([
      { special_price: 17_500, special_from: '2025-03-01', special_to: '2025-03-31' },
    ]);
    // One day is a period too.
    const oneDay = await addProduct(core, sari.id, 'Teh', [
      { price: 10_000, specialPrice: 9_999, specialFrom: '2025-03-08', specialTo: '2025-03-08' },
    ]);
    expect(oneDay.skus[0]).toMatchObject({ specialPrice: 9_999, specialFrom: '2025-03-08', specialTo: '2025-03-08' });

    // Clearing the price clears its dates; a price change alone keeps the special price.
    const [sku] = product.skus;
    const kept = unwrap(
      await core.products.update({ id: product.id, changes: { skus: [{ id: sku!.id, price: 21_000 }] } }),
    );
    expect(kept.skus[0]).toMatchObject({ price: 21_000, specialPrice: 17_500, ...march });
    const cleared = unwrap(
      await core.products.update({
        id: product.id,
        changes: { skus: [{ id: sku!.id, price: 21_000, specialPrice: null }] },
      }),
    );
    expect(cleared.skus[0]).toMatchObject({ specialPrice: null, specialFrom: null, specialTo: null });
    expect(tableRows(dbPath, 'SELECT special_from, special_to FROM skus WHERE id = ?', sku!.id)).toEqual([
      { special_from: null, special_to: null },
    ]);
  });

  it('refuses a special price not below the price, without its dates, or ending before it starts', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const result = await core.products.create({
      sellerId: sari.id,
      name: 'Kopi',
      variation1: 'Ukuran',
      skus: [
        { option1: 'S', price: 20_000, specialPrice: 20_000, ...march },
        { option1: 'M', price: 20_000, specialPrice: 25_000, ...march },
        { option1: 'L', price: 20_000, specialPrice: 15_000 },
        { option1: 'XL', price: 20_000, specialPrice: 15_000, specialFrom: '2025-03-01' },
        { option1: 'XXL', price: 20_000, specialPrice: 15_000, specialFrom: '2025-03-31', specialTo: '2025-03-30' },
      ],
    });
    expect(issues(result)).toEqual([
      'skus.0.specialPrice special_not_below_price',
      'skus.1.specialPrice special_not_below_price',
      'skus.2.specialFrom required',
      'skus.2.specialTo required',
      'skus.3.specialTo required',
      'skus.4.specialTo ends_before_start',
    ]);
  });

  it('checks the stored special price against a new price on update, under changes.', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const product = await addProduct(core, sari.id, 'Kopi', [{ price: 20_000, specialPrice: 17_500, ...march }]);
    const id = product.skus[0]!.id;
    // The price drops below the special price it keeps.
    expect(issues(await core.products.update({ id: product.id, changes: { skus: [{ id, price: 15_000 }] } }))).toEqual([
      'changes.skus.0.specialPrice special_not_below_price',
    ]);
    expect(
      issues(
        await core.products.update({
          id: product.id,
          changes: { skus: [{ id, price: 20_000, specialTo: '2025-02-01' }] },
        }),
      ),
    ).toEqual(['changes.skus.0.specialTo ends_before_start']);
    expect(
      issues(
        await core.products.update({ id: product.id, changes: { skus: [{ id, price: 20_000, specialFrom: null }] } }),
      ),
    ).toEqual(['changes.skus.0.specialFrom required']);
  });
});

describe('description HTML', () => {
  it('keeps paragraphs, lists and bold, and drops scripts, styles, images and handlers', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const pasted =
      '<p>Kopi <b>arabika</b> pilihan</p><script>alert("curi")</script><style>p { color: red }</style>' +
      '<img src="https://pelacak.example/x.gif"><ul><li onclick="curi()">Sangrai sedang</li><li>Giling halus</li></ul>';
    const product = await addProduct(core, sari.id, 'Kopi', [{ price: 1 }], { description: pasted });
    expect(product.description).toBe(
      '<p>Kopi <b>arabika</b> pilihan</p><ul><li>Sangrai sedang</li><li>Giling halus</li></ul>',
    );
    // What was dropped is not searchable either; the text kept is.
    expect(await names(core, { query: 'curi' })).toEqual([]);
    expect(await names(core, { query: 'pelacak' })).toEqual([]);
    expect(await names(core, { query: 'sangrai' })).toEqual(['Kopi']);

    // And on update.
    const updated = unwrap(
      await core.products.update({
        id: product.id,
        changes: { description: '<p style="color:red" onmouseover="x()">Baru</p><iframe src="x"></iframe>' },
      }),
    );
    expect(updated.description).toBe('<p>Baru</p>');
  });

  it('stores plain text exactly as typed, "<" and "&" included', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    const plain = 'Isi < 5 kg & tahan lama.\n\nCocok untuk 2-3 orang; harga > modal  ';
    const product = await addProduct(core, sari.id, 'Beras', [{ price: 1 }], { description: plain });
    expect(product.description).toBe(plain);
    expect(tableRows(dbPath, 'SELECT description FROM products WHERE id = ?', product.id)).toEqual([
      { description: plain },
    ]);
  });

  /**
   * Plain text is recognised by the absence of "<" before a letter, "!" or "/"; a size chart
   * or a comparison typed without spaces ("S<M<L", "<Rp 10.000") is taken for HTML and its
   * text after "<" is dropped (stored "Tersedia ukuran S"). Reported.
   */
  it('keeps plain text whose "<" comes right before a letter', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const plain = 'Tersedia ukuran S<M<L, harga <Rp 50.000';
    const product = await addProduct(core, sari.id, 'Kaos', [{ price: 1 }], { description: plain });
    expect(product.description).toBe(plain);
  });
});
