import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SkuInput } from '../../electron/shared/catalogue';
import { addProduct, addSeller, READY_CATEGORY_ID, READY_FIELDS, readySku } from '../support/catalogue';
import { dumpDatabase, tableRows } from '../support/db';
import { expectError, unwrap } from '../support/results';
import { steppingClock, tempCore } from '../support/temp';

/** Timestamps the stepping clock hands out: 08:00:00, 08:00:01, ... */
const at = (second: number) => `2025-03-01T08:00:${String(second).padStart(2, '0')}.000Z`;

function skuRows(dbPath: string, productId: number) {
  return tableRows(
    dbPath,
    'SELECT id, seller_sku, position, price, stock, weight_g, deleted_at FROM skus WHERE product_id = ? ORDER BY id',
    productId,
  );
}

describe('sellers', () => {
  it('creates a seller with trimmed fields, defaults and clock timestamps', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const seller = unwrap(
      await core.sellers.create({ name: '  Ibu Sari  ', businessName: 'Keripik Sari', phone: '+62 812-3456' }),
    );
    expect(seller).toEqual({
      id: 1,
      name: 'Ibu Sari',
      businessName: 'Keripik Sari',
      phone: '+62 812-3456',
      district: '',
      notes: '',
      productCount: 0,
      createdAt: at(0),
      updatedAt: at(0),
      deletedAt: null,
    });
    expect(unwrap(await core.sellers.get({ id: seller.id }))).toEqual(seller);
  });

  it('updates only the fields given and moves updatedAt, not createdAt', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const seller = await addSeller(core, 'Ibu Sari', { district: 'Wonosari', notes: 'kelas pagi' });
    const updated = unwrap(await core.sellers.update({ id: seller.id, changes: { district: 'Playen' } }));
    expect(updated).toEqual({ ...seller, district: 'Playen', updatedAt: at(1) });
  });

  it('reports an unknown seller as not_found on the id field', async () => {
    const { core } = tempCore();
    const error = expectError(await core.sellers.get({ id: 999_999 }), { code: 'not_found', field: 'id' });
    expect(error.params).toEqual({ id: 999_999 });
    expectError(await core.sellers.update({ id: 999_999, changes: { name: 'X' } }), {
      code: 'not_found',
      field: 'id',
    });
    expectError(await core.sellers.delete({ id: 999_999 }), { code: 'not_found', field: 'id' });
    expectError(await core.sellers.restore({ id: 999_999 }), { code: 'not_found', field: 'id' });
  });

  it('lists by name, ignoring case, and searches name, business name and district', async () => {
    const { core } = tempCore();
    await addSeller(core, 'pak Budi', { district: 'Playen' });
    await addSeller(core, 'Ibu Sari', { businessName: 'Keripik Sari' });
    await addSeller(core, 'Andi', { district: 'Wonosari' });
    const names = async (query?: string) =>
      unwrap(await core.sellers.list(query === undefined ? {} : { query })).map((s) => s.name);

    expect(await names()).toEqual(['Andi', 'Ibu Sari', 'pak Budi']);
    expect(await names('SARI')).toEqual(['Andi', 'Ibu Sari']); // district "Wonosari", name "Ibu Sari"
    expect(await names('keripik')).toEqual(['Ibu Sari']);
    expect(await names('playen')).toEqual(['pak Budi']);
    expect(await names('nobody')).toEqual([]);
  });

  it('takes % and _ in a search literally, not as wildcards', async () => {
    const { core } = tempCore();
    await addSeller(core, 'Diskon 100% Jaya');
    await addSeller(core, 'Toko 1000 Jaya');
    await addSeller(core, 'Toko_Baru');
    await addSeller(core, 'Toko Baru');
    await addSeller(core, 'Back\\slash');
    const names = async (query: string) => unwrap(await core.sellers.list({ query })).map((s) => s.name);

    // As wildcards, "%" would match every seller and "_" any single character.
    expect(await names('%')).toEqual(['Diskon 100% Jaya']);
    expect(await names('0%')).toEqual(['Diskon 100% Jaya']);
    expect(await names('_')).toEqual(['Toko_Baru']);
    expect(await names('o_B')).toEqual(['Toko_Baru']);
    expect(await names('\\')).toEqual(['Back\\slash']);
  });

  it('moves a seller to the trash and back, keeping their products', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const sari = await addSeller(core, 'Ibu Sari');
    await addSeller(core, 'Pak Budi');
    await addProduct(core, sari.id, 'Kopi');

    const trashed = unwrap(await core.sellers.delete({ id: sari.id }));
    expect(trashed.deletedAt).toBe(at(3));
    expect(unwrap(await core.sellers.list({})).map((s) => s.name)).toEqual(['Pak Budi']);
    expect(unwrap(await core.sellers.list({ includeDeleted: true })).map((s) => s.name)).toEqual([
      'Ibu Sari',
      'Pak Budi',
    ]);
    // Still readable (the trash view shows it), but not editable.
    expect(unwrap(await core.sellers.get({ id: sari.id })).deletedAt).toBe(at(3));
    expectError(await core.sellers.update({ id: sari.id, changes: { name: 'X' } }), {
      code: 'in_trash',
      field: 'id',
    });
    expectError(await core.sellers.delete({ id: sari.id }), { code: 'in_trash', field: 'id' });
    expectError(await core.products.create({ sellerId: sari.id, name: 'Teh', skus: [{ price: 1 }] }), {
      code: 'in_trash',
      field: 'sellerId',
    });

    const restored = unwrap(await core.sellers.restore({ id: sari.id }));
    expect(restored).toMatchObject({ deletedAt: null, productCount: 1, updatedAt: at(4) });
    expect(unwrap(await core.products.list({ sellerId: sari.id })).map((p) => p.name)).toEqual(['Kopi']);
  });

  it('counts only products that are not in the trash', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const kopi = await addProduct(core, sari.id, 'Kopi');
    await addProduct(core, sari.id, 'Teh');
    await core.products.delete({ id: kopi.id });
    expect(unwrap(await core.sellers.get({ id: sari.id })).productCount).toBe(1);
  });

  it('keeps everything across a restart', async () => {
    const temp = tempCore();
    const sari = await addSeller(temp.core, 'Ibu Sari', { notes: 'Ikut kelas foto produk' });
    // Every field of the product model set, so a column that is written but not read back
    // (or read back differently after a restart) shows.
    const kopi = await addProduct(
      temp.core,
      sari.id,
      'Kopi',
      [
        readySku({
          option1: 'Hitam',
          option2: '250 g',
          specialPrice: 12_000,
          specialFrom: '2025-03-01',
          specialTo: '2025-03-31',
        }),
        readySku({ option1: 'Susu', option2: '250 g' }),
      ],
      {
        status: 'ready',
        highlights: ['Biji pilihan', 'Sangrai sendiri'],
        condition: 'used',
        variation1: 'Rasa',
        variation2: 'Ukuran',
      },
    );
    const before = unwrap(await temp.core.products.list({ sellerId: sari.id }));

    const core = temp.reopen();
    expect(unwrap(await core.sellers.get({ id: sari.id }))).toEqual({ ...sari, productCount: 1 });
    expect(unwrap(await core.products.list({ sellerId: sari.id }))).toEqual(before);
    expect(unwrap(await core.products.get({ id: kopi.id }))).toEqual(kopi);
    expect(kopi).toMatchObject({ highlights: ['Biji pilihan', 'Sangrai sendiri'], condition: 'used', problems: [] });
    expect(kopi.skus[0]).toMatchObject({ variantName: 'Hitam / 250 g', specialPrice: 12_000, specialTo: '2025-03-31' });
  });
});

describe('products', () => {
  it('creates a product with several SKUs, in order, with defaults', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const sari = await addSeller(core);
    const product = unwrap(
      await core.products.create({
        sellerId: sari.id,
        name: 'Keripik Singkong',
        variation1: 'Rasa',
        skus: [
          { sellerSku: 'KS-PEDAS', option1: 'Pedas', price: 12_000, stock: 5 },
          { sellerSku: 'KS-ORI', option1: 'Original', price: 11_000 },
          { option1: 'Jumbo', price: 20_000, weightKg: 0.5 },
        ],
      }),
    );
    expect(product).toMatchObject({
      sellerId: sari.id,
      name: 'Keripik Singkong',
      description: '',
      highlights: [],
      categoryId: null,
      attributes: {},
      brand: 'No Brand',
      condition: 'new',
      status: 'draft',
      variation1: 'Rasa',
      variation2: '',
      // A draft may lack all of it; the list says what is still missing.
      problems: ['no_category', 'no_weight', 'no_package_size', 'no_description'],
      createdAt: at(1),
      updatedAt: at(1),
      deletedAt: null,
    });
    expect(
      product.skus.map((s) => [
        s.sellerSku,
        s.option1,
        s.option2,
        s.variantName,
        s.price,
        s.specialPrice,
        s.stock,
        s.weightKg,
      ]),
    ).toEqual([
      ['KS-PEDAS', 'Pedas', '', 'Pedas', 12_000, null, 5, null],
      ['KS-ORI', 'Original', '', 'Original', 11_000, null, 0, null],
      ['KS-0001', 'Jumbo', '', 'Jumbo', 20_000, null, 0, 0.5],
    ]);
    expect(skuRows(core.dbPath, product.id).map((r) => r['position'])).toEqual([0, 1, 2]);
    expect(unwrap(await core.products.get({ id: product.id }))).toEqual(product);
  });

  it('refuses a product for an unknown seller on the sellerId field', async () => {
    const { core } = tempCore();
    expectError(await core.products.create({ sellerId: 999_999, name: 'Kopi', skus: [{ price: 1 }] }), {
      code: 'not_found',
      field: 'sellerId',
    });
    expectError(await core.products.list({ sellerId: 999_999 }), { code: 'not_found', field: 'sellerId' });
  });

  describe('generated SellerSkus', () => {
    it('use a readable prefix from the product name and the seller’s counter', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core, 'Ibu Sari');
      const budi = await addSeller(core, 'Pak Budi');
      const codes = async (sellerId: number, name: string, count = 1) =>
        (
          await addProduct(
            core,
            sellerId,
            name,
            Array.from({ length: count }, (_, i) => ({ price: 1000, option1: `Varian ${i}` })),
            { variation1: 'Varian' },
          )
        ).skus.map((s) => s.sellerSku);

      expect(await codes(sari.id, 'Keripik Singkong Pedas', 2)).toEqual(['KSP-0001', 'KSP-0002']);
      expect(await codes(sari.id, 'Kopi')).toEqual(['KOP-0003']);
      expect(await codes(sari.id, 'Émping Melinjo')).toEqual(['EM-0004']);
      expect(await codes(sari.id, '100% 2024')).toEqual(['SKU-0005']);
      // Each seller counts separately.
      expect(await codes(budi.id, 'Batik Tulis Tangan Solo')).toEqual(['BTT-0001']);
    });

    it('are never handed out again, even after the product or SKU is deleted', async () => {
      const { core, dbPath } = tempCore();
      const sari = await addSeller(core);
      const first = await addProduct(
        core,
        sari.id,
        'Kopi',
        [
          { price: 1000, option1: 'Kecil' },
          { price: 2000, option1: 'Besar' },
        ],
        { variation1: 'Ukuran' },
      );
      expect(first.skus.map((s) => s.sellerSku)).toEqual(['KOP-0001', 'KOP-0002']);

      // Drop KOP-0002 from the product, then trash the whole product.
      unwrap(await core.products.update({ id: first.id, changes: { skus: [{ id: first.skus[0]!.id, price: 1000 }] } }));
      unwrap(await core.products.delete({ id: first.id }));

      const second = await addProduct(core, sari.id, 'Kopi', [{ price: 1000 }]);
      expect(second.skus.map((s) => s.sellerSku)).toEqual(['KOP-0003']);
      expect(tableRows(dbPath, 'SELECT seller_sku FROM skus ORDER BY id').map((r) => r['seller_sku'])).toEqual([
        'KOP-0001',
        'KOP-0002',
        'KOP-0003',
      ]);
    });

    it('skip a code the seller already typed by hand, whatever its case', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      await addProduct(
        core,
        sari.id,
        'Teh',
        [
          { sellerSku: 'KOP-0001', price: 1000, option1: 'Melati' },
          { sellerSku: 'kop-0002', price: 1000, option1: 'Hijau' },
        ],
        { variation1: 'Rasa' },
      );
      const kopi = await addProduct(core, sari.id, 'Kopi', [{ price: 1000 }]);
      expect(kopi.skus.map((s) => s.sellerSku)).toEqual(['KOP-0003']);
    });
  });

  describe('SellerSku uniqueness', () => {
    it('refuses a code another product of the same seller uses, ignoring case', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi', [{ sellerSku: 'ABC-1', price: 1000 }]);
      const error = expectError(
        await core.products.create({
          sellerId: sari.id,
          name: 'Teh',
          variation1: 'Rasa',
          skus: [
            { sellerSku: 'T-1', price: 1, option1: 'Melati' },
            { sellerSku: 'abc-1', price: 1, option1: 'Hijau' },
          ],
        }),
        { code: 'duplicate_sku', field: 'skus.1.sellerSku' },
      );
      expect(error.params).toEqual({ sku: 'abc-1', productId: kopi.id });
    });

    it('refuses the same code twice within one product as invalid_input', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      expectError(
        await core.products.create({
          sellerId: sari.id,
          name: 'Teh',
          variation1: 'Rasa',
          skus: [
            { sellerSku: 'T-1', price: 1, option1: 'Melati' },
            { sellerSku: 't-1', price: 1, option1: 'Hijau' },
          ],
        }),
        { code: 'invalid_input', field: 'skus.1.sellerSku', reason: 'duplicate_in_product' },
      );
    });

    it('keeps a trashed product’s codes reserved', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi', [{ sellerSku: 'KOPI-1', price: 1000 }]);
      unwrap(await core.products.delete({ id: kopi.id }));
      const error = expectError(
        await core.products.create({ sellerId: sari.id, name: 'Kopi Baru', skus: [{ sellerSku: 'KOPI-1', price: 1 }] }),
        { code: 'duplicate_sku', field: 'skus.0.sellerSku' },
      );
      expect(error.params).toEqual({ sku: 'KOPI-1', productId: kopi.id });
    });

    it('keeps a removed SKU’s code reserved and says it is in the trash', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(
        core,
        sari.id,
        'Kopi',
        [
          { sellerSku: 'KOPI-1', price: 1000, option1: 'Robusta' },
          { sellerSku: 'KOPI-2', price: 1000, option1: 'Arabika' },
        ],
        { variation1: 'Jenis' },
      );
      unwrap(await core.products.update({ id: kopi.id, changes: { skus: [{ id: kopi.skus[0]!.id, price: 1000 }] } }));
      const error = expectError(
        await core.products.create({ sellerId: sari.id, name: 'Teh', skus: [{ sellerSku: 'kopi-2', price: 1 }] }),
        { code: 'duplicate_sku', field: 'skus.0.sellerSku' },
      );
      expect(error.message).toMatch(/in the trash/);
    });

    it('allows the same code for different sellers', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core, 'Ibu Sari');
      const budi = await addSeller(core, 'Pak Budi');
      await addProduct(core, sari.id, 'Kopi', [{ sellerSku: 'KOPI-1', price: 1000 }]);
      const other = await addProduct(core, budi.id, 'Kopi', [{ sellerSku: 'kopi-1', price: 1000 }]);
      expect(other.skus[0]!.sellerSku).toBe('kopi-1');
    });
  });

  describe('update', () => {
    it('replaces the SKU set: updates by id in place, inserts new ones, trashes removed ones', async () => {
      const { core, dbPath } = tempCore({ clock: steppingClock() });
      const sari = await addSeller(core);
      const product = await addProduct(
        core,
        sari.id,
        'Kopi',
        [
          { sellerSku: 'K-A', price: 1000, stock: 3, option1: '100 g' },
          { sellerSku: 'K-B', price: 2000, stock: 4, weightKg: 0.2, option1: '200 g' },
        ],
        { variation1: 'Ukuran' },
      );
      const [a, b] = product.skus;

      const updated = unwrap(
        await core.products.update({
          id: product.id,
          changes: {
            skus: [
              { id: b!.id, price: 2500 },
              { sellerSku: 'K-C', price: 3000, option1: '300 g' },
            ],
          },
        }),
      );

      // B keeps its id, code, option, stock and weight (omitted fields keep their value); C is new; A is gone.
      expect(updated.skus.map((s) => [s.id, s.sellerSku, s.option1, s.price, s.stock, s.weightKg])).toEqual([
        [b!.id, 'K-B', '200 g', 2500, 4, 0.2],
        [expect.any(Number), 'K-C', '300 g', 3000, 0, null],
      ]);
      expect(updated.updatedAt).toBe(at(2));
      expect(skuRows(dbPath, product.id)).toEqual([
        { id: a!.id, seller_sku: 'K-A', position: 0, price: 1000, stock: 3, weight_g: null, deleted_at: at(2) },
        { id: b!.id, seller_sku: 'K-B', position: 0, price: 2500, stock: 4, weight_g: 200, deleted_at: null },
        {
          id: updated.skus[1]!.id,
          seller_sku: 'K-C',
          position: 1,
          price: 3000,
          stock: 0,
          weight_g: null,
          deleted_at: null,
        },
      ]);

      // The removed code stays reserved: another product of this seller cannot take it.
      expectError(
        await core.products.create({ sellerId: sari.id, name: 'Teh', skus: [{ sellerSku: 'k-a', price: 1 }] }),
        { code: 'duplicate_sku', field: 'skus.0.sellerSku' },
      );
    });

    it('takes back a code removed from the same product, in the same save or later', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(
        core,
        sari.id,
        'Kopi',
        [
          { sellerSku: 'K-A', price: 1000, option1: 'Kecil' },
          { sellerSku: 'K-B', price: 2000, option1: 'Besar' },
        ],
        { variation1: 'Ukuran' },
      );
      const [a, b] = kopi.skus;
      // Removed and typed in again as a "new" variant in one save: the old row comes back,
      // with what the new entry says (its option included).
      const same = unwrap(
        await core.products.update({
          id: kopi.id,
          changes: {
            skus: [
              { id: a!.id, price: 1000 },
              { sellerSku: 'k-b', price: 2500, option1: 'Jumbo' },
            ],
          },
        }),
      );
      expect(same.skus.map((s) => [s.id, s.sellerSku, s.price, s.variantName])).toEqual([
        [a!.id, 'K-A', 1000, 'Kecil'],
        [b!.id, 'k-b', 2500, 'Jumbo'],
      ]);
      // Removed in one save, re-added in the next.
      unwrap(await core.products.update({ id: kopi.id, changes: { skus: [{ id: a!.id, price: 1000 }] } }));
      const later = unwrap(
        await core.products.update({
          id: kopi.id,
          changes: {
            skus: [
              { id: a!.id, price: 1000 },
              { sellerSku: 'K-B', price: 3000, option1: 'Besar' },
            ],
          },
        }),
      );
      expect(later.skus.map((s) => s.id)).toEqual([a!.id, b!.id]);
      // Another product still cannot take it.
      expectError(
        await core.products.create({ sellerId: sari.id, name: 'Teh', skus: [{ sellerSku: 'K-B', price: 1 }] }),
        { code: 'duplicate_sku', field: 'skus.0.sellerSku' },
      );
    });

    it('refuses a SKU id that belongs to another product', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi');
      const teh = await addProduct(core, sari.id, 'Teh');
      expectError(await core.products.update({ id: teh.id, changes: { skus: [{ id: kopi.skus[0]!.id, price: 5 }] } }), {
        code: 'not_found',
        field: 'changes.skus.0.id',
      });
    });

    it('changes product fields without touching SKUs when skus is omitted', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi', [{ sellerSku: 'K1', price: 1000 }], {
        categoryId: READY_CATEGORY_ID,
      });
      const updated = unwrap(
        await core.products.update({ id: kopi.id, changes: { name: 'Kopi Robusta', categoryId: null, brand: 'Sari' } }),
      );
      expect(updated).toMatchObject({ name: 'Kopi Robusta', categoryId: null, brand: 'Sari', description: '' });
      expect(updated.skus).toEqual(kopi.skus);
    });
  });

  describe('ready status', () => {
    const missing: (keyof SkuInput)[] = ['weightKg', 'lengthCm', 'widthCm', 'heightCm'];

    for (const key of missing) {
      it(`needs ${key} on every SKU`, async () => {
        const { core } = tempCore();
        const sari = await addSeller(core);
        const second = readySku({ sellerSku: 'B' });
        delete second[key];
        expectError(
          await core.products.create({
            sellerId: sari.id,
            name: 'Kopi',
            status: 'ready',
            ...READY_FIELDS,
            variation1: 'Ukuran',
            skus: [readySku({ sellerSku: 'A', option1: 'Kecil' }), { ...second, option1: 'Besar' }],
          }),
          { code: 'invalid_input', field: `skus.1.${key}`, reason: 'required_when_ready' },
        );
      });
    }

    it('reports every missing measurement at once, so the seller fixes them in one go', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const result = await core.products.create({
        sellerId: sari.id,
        name: 'Kopi',
        status: 'ready',
        ...READY_FIELDS,
        variation1: 'Ukuran',
        skus: [
          { price: 1000, weightKg: 0.25, option1: 'S' },
          readySku({ option1: 'M' }),
          { price: 2000, lengthCm: 10, option1: 'L' },
        ],
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ field: 'skus.0.lengthCm', reason: 'required_when_ready' });
      expect(result.error.issues?.map((i) => i.field)).toEqual([
        'skus.0.lengthCm',
        'skus.0.widthCm',
        'skus.0.heightCm',
        'skus.2.weightKg',
        'skus.2.widthCm',
        'skus.2.heightCm',
      ]);
    });

    it('refuses naming the same SKU twice in one update', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi');
      const id = kopi.skus[0]!.id;
      expectError(
        await core.products.update({
          id: kopi.id,
          changes: {
            skus: [
              { id, price: 1 },
              { id, price: 2 },
            ],
          },
        }),
        { code: 'invalid_input', field: 'changes.skus.1.id', reason: 'duplicate_in_product' },
      );
    });

    it('accepts a product whose SKUs all have weight and dimensions', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const product = await addProduct(
        core,
        sari.id,
        'Kopi',
        [readySku({ option1: 'Kecil' }), readySku({ option1: 'Besar' })],
        { status: 'ready', variation1: 'Ukuran' },
      );
      expect(product.status).toBe('ready');
      expect(product.problems).toEqual([]);
    });

    it('checks the stored SKUs when only the status changes to ready', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      // Complete but for the second SKU's measurements.
      const draft = await addProduct(
        core,
        sari.id,
        'Kopi',
        [readySku({ option1: 'Kecil' }), { price: 1000, option1: 'Besar' }],
        { ...READY_FIELDS, variation1: 'Ukuran' },
      );
      expectError(await core.products.update({ id: draft.id, changes: { status: 'ready' } }), {
        code: 'invalid_input',
        field: 'changes.skus.1.weightKg',
        reason: 'required_when_ready',
      });
    });

    it('lets a ready product change a price without resending the measurements it already has', async () => {
      // Omitted SKU fields keep their stored values, so the rule must look at the merged SKU.
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi', [readySku()], { status: 'ready' });
      const updated = unwrap(
        await core.products.update({ id: kopi.id, changes: { skus: [{ id: kopi.skus[0]!.id, price: 17_500 }] } }),
      );
      expect(updated.skus[0]).toMatchObject({ price: 17_500, weightKg: 0.25, lengthCm: 10, widthCm: 8, heightCm: 4 });
      expect(updated.status).toBe('ready');
    });

    it('refuses clearing a measurement of a ready product', async () => {
      const { core } = tempCore();
      const sari = await addSeller(core);
      const kopi = await addProduct(core, sari.id, 'Kopi', [readySku()], { status: 'ready' });
      expectError(
        await core.products.update({
          id: kopi.id,
          changes: { skus: [{ id: kopi.skus[0]!.id, price: 1000, widthCm: null }] },
        }),
        { code: 'invalid_input', field: 'changes.skus.0.widthCm', reason: 'required_when_ready' },
      );
    });
  });

  it('stores weight exactly: 0.29 kg is 290 g and reads back as 0.29', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    // 2.01 * 1000 is 2009.9999999999998 in floating point: truncating instead of rounding
    // would store 2009 g.
    const weights = [0.29, 1.15, 0.07, 2.01, 8.03, 999.99];
    const product = await addProduct(
      core,
      sari.id,
      'Kopi',
      weights.map((weightKg, i) => ({ price: 1, weightKg, option1: `Pak ${i}` })),
      { variation1: 'Kemasan' },
    );
    expect(product.skus.map((s) => s.weightKg)).toEqual(weights);
    expect(skuRows(dbPath, product.id).map((r) => r['weight_g'])).toEqual([290, 1150, 70, 2010, 8030, 999_990]);
  });

  it('round-trips every weight with up to two decimals (property)', async () => {
    const { core, dbPath } = tempCore();
    const sari = await addSeller(core);
    // Weights are typed as text with ≤ 2 decimals; the UI turns "0.29" into Number("0.29").
    const hundredthsOfKg = fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 50, size: 'max' });
    await fc.assert(
      fc.asyncProperty(hundredthsOfKg, async (hundredths) => {
        const weights = hundredths.map((h) => Number((h / 100).toFixed(2)));
        const skus = weights.map((weightKg, i) => ({ price: 1, weightKg, option1: `Pak ${i}` }));
        const product = await addProduct(core, sari.id, 'Kopi', skus, { variation1: 'Kemasan' });
        expect(product.skus.map((s) => s.weightKg)).toEqual(weights);
        // Grams computed with integers only, independent of the code under test.
        expect(skuRows(dbPath, product.id).map((r) => r['weight_g'])).toEqual(hundredths.map((h) => h * 10));
      }),
      { numRuns: 25, seed: 20250301 },
    );
  });

  it('summarises live SKUs only: price range, stock and count', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const product = await addProduct(
      core,
      sari.id,
      'Kopi',
      [
        { price: 1000, stock: 1, option1: 'Kecil' },
        { price: 50_000, stock: 100, option1: 'Jumbo' }, // removed below: must not count
        { price: 3000, stock: 2, option1: 'Sedang' },
      ],
      { variation1: 'Ukuran' },
    );
    const [cheap, , mid] = product.skus;
    unwrap(
      await core.products.update({
        id: product.id,
        changes: { skus: [cheap!, mid!].map((s) => ({ id: s.id, price: s.price })) },
      }),
    );
    const [summary] = unwrap(await core.products.list({ sellerId: sari.id }));
    expect(summary).toMatchObject({ skuCount: 2, minPrice: 1000, maxPrice: 3000, totalStock: 3 });
  });

  it('lists newest first, hides the trash unless asked, and searches names literally', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const sari = await addSeller(core);
    await addProduct(core, sari.id, 'Kopi 100% Arabika');
    await addProduct(core, sari.id, 'Kopi 1000 Robusta');
    const teh = await addProduct(core, sari.id, 'Teh Melati');
    unwrap(await core.products.delete({ id: teh.id }));
    const names = async (input: { query?: string; includeDeleted?: boolean }) =>
      unwrap(await core.products.list({ sellerId: sari.id, ...input })).map((p) => p.name);

    expect(await names({})).toEqual(['Kopi 1000 Robusta', 'Kopi 100% Arabika']);
    expect(await names({ includeDeleted: true })).toEqual(['Teh Melati', 'Kopi 1000 Robusta', 'Kopi 100% Arabika']);
    expect(await names({ query: '0%' })).toEqual(['Kopi 100% Arabika']);
    expect(await names({ query: 'kopi' })).toEqual(['Kopi 1000 Robusta', 'Kopi 100% Arabika']);
  });

  it('moves a product to the trash and back; a trashed product cannot be edited', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const sari = await addSeller(core);
    const kopi = await addProduct(core, sari.id, 'Kopi');

    expect(unwrap(await core.products.delete({ id: kopi.id }))).toMatchObject({ deletedAt: at(2), updatedAt: at(2) });
    expectError(await core.products.update({ id: kopi.id, changes: { name: 'X' } }), { code: 'in_trash', field: 'id' });
    expectError(await core.products.delete({ id: kopi.id }), { code: 'in_trash', field: 'id' });

    const restored = unwrap(await core.products.restore({ id: kopi.id }));
    expect(restored).toEqual({ ...kopi, updatedAt: at(3) });
  });

  it('refuses to restore a product while its seller is in the trash', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const kopi = await addProduct(core, sari.id, 'Kopi');
    unwrap(await core.products.delete({ id: kopi.id }));
    unwrap(await core.sellers.delete({ id: sari.id }));

    expectError(await core.products.restore({ id: kopi.id }), { code: 'in_trash' });
    expect(unwrap(await core.products.get({ id: kopi.id })).deletedAt).not.toBeNull();

    unwrap(await core.sellers.restore({ id: sari.id }));
    expect(unwrap(await core.products.restore({ id: kopi.id })).deletedAt).toBeNull();
  });

  it('refuses edits to a live product of a trashed seller', async () => {
    const { core } = tempCore();
    const sari = await addSeller(core);
    const kopi = await addProduct(core, sari.id, 'Kopi');
    unwrap(await core.sellers.delete({ id: sari.id }));
    expectError(await core.products.update({ id: kopi.id, changes: { name: 'X' } }), { code: 'in_trash' });
  });

  it('gives deterministic timestamps from the injected clock', async () => {
    const { core } = tempCore({ clock: () => new Date('2025-07-17T03:04:05.678Z') });
    const sari = await addSeller(core);
    const kopi = await addProduct(core, sari.id, 'Kopi');
    expect([sari.createdAt, sari.updatedAt, kopi.createdAt, kopi.updatedAt]).toEqual(
      Array(4).fill('2025-07-17T03:04:05.678Z'),
    );
  });
});

describe('trash', () => {
  it('lists trashed participants and products deleted on their own, newest first', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const sari = await addSeller(core, 'Ibu Sari');
    const budi = await addSeller(core, 'Pak Budi');
    const kopi = await addProduct(core, sari.id, 'Kopi');
    const teh = await addProduct(
      core,
      sari.id,
      'Teh',
      [
        { price: 5000, option1: 'Melati' },
        { price: 9000, stock: 3, option1: 'Hijau' },
      ],
      { variation1: 'Rasa' },
    );
    const batik = await addProduct(core, budi.id, 'Batik');
    await core.products.delete({ id: kopi.id });
    await core.products.delete({ id: teh.id });
    await core.products.delete({ id: batik.id });
    await core.sellers.delete({ id: budi.id });

    const trash = unwrap(await core.trash());
    expect(trash.sellers.map((s) => s.name)).toEqual(['Pak Budi']);
    // Batik belongs to a participant in the trash: it comes back with him, so it is not listed alone.
    expect(trash.products.map((p) => [p.name, p.sellerName])).toEqual([
      ['Teh', 'Ibu Sari'],
      ['Kopi', 'Ibu Sari'],
    ]);
    expect(trash.products[0]).toMatchObject({ skuCount: 2, minPrice: 5000, maxPrice: 9000, totalStock: 3 });

    await core.products.restore({ id: teh.id });
    await core.sellers.restore({ id: budi.id });
    const after = unwrap(await core.trash());
    expect(after.sellers).toEqual([]);
    expect(after.products.map((p) => p.name)).toEqual(['Batik', 'Kopi']);
  });

  it('leaves something that is not in the trash untouched when asked to restore it', async () => {
    const { core, dbPath } = tempCore({ clock: steppingClock() });
    const sari = await addSeller(core);
    const kopi = await addProduct(core, sari.id, 'Kopi');
    const before = dumpDatabase(dbPath);
    expect(unwrap(await core.sellers.restore({ id: sari.id }))).toEqual(
      unwrap(await core.sellers.get({ id: sari.id })),
    );
    expect(unwrap(await core.products.restore({ id: kopi.id }))).toEqual(kopi);
    // Not even updated_at moves, so the product list keeps its order.
    expect(dumpDatabase(dbPath)).toEqual(before);
  });

  it('is empty for a new catalogue and refuses stray input', async () => {
    const { core } = tempCore();
    expect(unwrap(await core.trash({}))).toEqual({ sellers: [], products: [] });
    expectError(await core.trash({ all: true }), { code: 'invalid_input', field: 'all', reason: 'unknown_field' });
  });
});

describe('settings', () => {
  it('defaults to Bahasa Indonesia and remembers English across a restart', async () => {
    const temp = tempCore({ version: '1.2.3' });
    expect(unwrap(await temp.core.appInfo())).toEqual({ version: '1.2.3', dataDir: temp.dataDir, language: 'id' });
    expect(unwrap(await temp.core.setLanguage({ language: 'en' }))).toBe('en');
    const core = temp.reopen({ version: '1.2.3' });
    expect(unwrap(await core.appInfo()).language).toBe('en');
  });

  it('falls back to the default for a language value it does not know', async () => {
    const temp = tempCore();
    // As if a future version (or a hand edit) stored something this version cannot show.
    const db = new Database(temp.dbPath);
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'jv')").run();
    db.close();
    const core = temp.reopen();
    expect(unwrap(await core.appInfo()).language).toBe('id');
  });
});
