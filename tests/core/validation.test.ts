import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Seller } from '../../electron/shared/catalogue';
import type { AppError, Result } from '../../electron/shared/result';
import { addSeller, READY_CATEGORY_ID, READY_FIELDS, readySku, seedCatalogue } from '../support/catalogue';
import { dumpDatabase } from '../support/db';
import { expectError, unwrap } from '../support/results';
import { openTempCore, tempCore, type TempCore } from '../support/temp';

type Seed = Awaited<ReturnType<typeof seedCatalogue>> & { trashedSeller: Seller };

interface BadInput {
  readonly name: string;
  readonly call: (core: Core, seed: Seed) => Promise<Result<unknown>>;
  readonly expected: {
    code: AppError['code'];
    field?: string;
    reason?: AppError['reason'];
    params?: AppError['params'];
  };
}

const product = (seed: Seed, overrides: Record<string, unknown>) => ({
  sellerId: seed.sari.id,
  name: 'Gula Aren',
  skus: [{ price: 25_000 }],
  ...overrides,
});

/**
 * Every input here is wrong in exactly one way. Each must be refused with the code, field
 * and reason a form needs to point at the problem, and must leave no trace in the file.
 */
const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'negative price',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: -5000 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'too_small' },
  },
  {
    name: 'zero price',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 0 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'too_small' },
  },
  {
    name: 'decimal price (rupiah are whole)',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 12_500.5 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'not_whole' },
  },
  {
    name: 'absurd price (a typo, not a product)',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1e12 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'too_big' },
  },
  {
    name: 'price sent as text',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: '25000' }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'not_a_number' },
  },
  {
    name: 'price NaN',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: Number.NaN }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'not_a_number' },
  },
  {
    name: 'price Infinity',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: Number.POSITIVE_INFINITY }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'not_a_number' },
  },
  {
    name: 'missing price',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ stock: 3 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.price', reason: 'required' },
  },
  {
    name: 'negative stock',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, stock: -1 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.stock', reason: 'too_small' },
  },
  {
    name: 'weight with three decimals',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, weightKg: 0.125 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.weightKg', reason: 'too_many_decimals' },
  },
  {
    name: 'zero weight',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, weightKg: 0 }] })),
    expected: {
      code: 'invalid_input',
      field: 'skus.0.weightKg',
      reason: 'too_small_exclusive',
      params: { minimum: 0 },
    },
  },
  {
    name: 'empty product name',
    call: (core, seed) => core.products.create(product(seed, { name: '' })),
    expected: { code: 'invalid_input', field: 'name', reason: 'required' },
  },
  {
    name: 'product name of spaces only',
    call: (core, seed) => core.products.create(product(seed, { name: '    ' })),
    expected: { code: 'invalid_input', field: 'name', reason: 'required' },
  },
  {
    name: '256-character product name',
    call: (core, seed) => core.products.create(product(seed, { name: 'x'.repeat(256) })),
    expected: { code: 'invalid_input', field: 'name', reason: 'too_long' },
  },
  {
    name: '101-character seller name',
    call: (core) => core.sellers.create({ name: 'x'.repeat(101) }),
    expected: { code: 'invalid_input', field: 'name', reason: 'too_long' },
  },
  {
    name: 'seller phone with letters',
    call: (core) => core.sellers.create({ name: 'Ani', phone: '0812-ABC' }),
    expected: { code: 'invalid_input', field: 'phone', reason: 'invalid_format' },
  },
  {
    name: '10,000-character SellerSku',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, sellerSku: 'A'.repeat(10_000) }] })),
    expected: { code: 'invalid_input', field: 'skus.0.sellerSku', reason: 'too_long' },
  },
  {
    name: 'SellerSku with a space',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, sellerSku: 'GA 01' }] })),
    expected: { code: 'invalid_input', field: 'skus.0.sellerSku', reason: 'invalid_format' },
  },
  {
    name: 'unknown top-level field',
    call: (core, seed) => core.products.create(product(seed, { colour: 'merah' })),
    expected: { code: 'invalid_input', field: 'colour', reason: 'unknown_field' },
  },
  {
    name: 'unknown field inside a SKU',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, colour: 'merah' }] })),
    expected: { code: 'invalid_input', field: 'skus.0.colour', reason: 'unknown_field' },
  },
  {
    name: 'unknown field inside changes',
    call: (core, seed) => core.sellers.update({ id: seed.sari.id, changes: { nickname: 'Sari' } }),
    expected: { code: 'invalid_input', field: 'changes.nickname', reason: 'unknown_field' },
  },
  {
    name: 'unknown seller for a new product',
    call: (core, seed) => core.products.create(product(seed, { sellerId: 999_999 })),
    expected: { code: 'not_found', field: 'sellerId' },
  },
  {
    name: 'unknown product id',
    call: (core) => core.products.update({ id: 999_999, changes: { name: 'X' } }),
    expected: { code: 'not_found', field: 'id' },
  },
  {
    name: 'unknown seller id',
    call: (core) => core.sellers.update({ id: 999_999, changes: { name: 'X' } }),
    expected: { code: 'not_found', field: 'id' },
  },
  {
    name: 'SKU id that is not one of the product’s SKUs',
    call: (core, seed) =>
      core.products.update({ id: seed.kopi.id, changes: { skus: [{ id: seed.keripik.skus[0]!.id, price: 1 }] } }),
    expected: { code: 'not_found', field: 'changes.skus.0.id' },
  },
  {
    name: 'id sent as text',
    call: (core) => core.products.get({ id: '1' }),
    expected: { code: 'invalid_input', field: 'id', reason: 'not_a_number' },
  },
  {
    name: 'zero id',
    call: (core) => core.products.delete({ id: 0 }),
    expected: { code: 'invalid_input', field: 'id', reason: 'too_small_exclusive' },
  },
  {
    name: 'status outside the list',
    call: (core, seed) => core.products.create(product(seed, { status: 'live' })),
    expected: { code: 'invalid_input', field: 'status', reason: 'invalid_choice' },
  },
  {
    name: 'skus not a list',
    call: (core, seed) => core.products.create(product(seed, { skus: { price: 1 } })),
    expected: { code: 'invalid_input', field: 'skus', reason: 'wrong_type' },
  },
  {
    name: 'no SKUs',
    call: (core, seed) => core.products.create(product(seed, { skus: [] })),
    expected: { code: 'invalid_input', field: 'skus', reason: 'required' },
  },
  {
    name: '51 SKUs (marketplace limit is 50)',
    call: (core, seed) =>
      core.products.create(product(seed, { skus: Array.from({ length: 51 }, () => ({ price: 1000 })) })),
    expected: { code: 'invalid_input', field: 'skus', reason: 'too_big' },
  },
  {
    name: 'the whole input is not an object',
    call: (core) => core.sellers.create('Ibu Ani'),
    expected: { code: 'invalid_input', reason: 'wrong_type' },
  },
  {
    name: 'language outside the list',
    call: (core) => core.setLanguage({ language: 'jv' }),
    expected: { code: 'invalid_input', field: 'language', reason: 'invalid_choice' },
  },
  {
    name: 'SellerSku another product of the seller uses (different case)',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1, sellerSku: 'kopi-1' }] })),
    expected: { code: 'duplicate_sku', field: 'skus.0.sellerSku' },
  },
  {
    name: 'same SellerSku twice in one product',
    call: (core, seed) =>
      core.products.create(
        product(seed, {
          variation1: 'Ukuran',
          skus: [
            { price: 1, sellerSku: 'GA-1', option1: 'S' },
            { price: 1, sellerSku: 'ga-1', option1: 'M' },
          ],
        }),
      ),
    expected: { code: 'invalid_input', field: 'skus.1.sellerSku', reason: 'duplicate_in_product' },
  },
  {
    name: 'ready product missing a measurement',
    call: (core, seed) =>
      core.products.create(
        product(seed, {
          status: 'ready',
          ...READY_FIELDS,
          variation1: 'Ukuran',
          skus: [readySku({ option1: '250 g' }), readySku({ heightCm: null, sellerSku: 'GA-2', option1: '500 g' })],
        }),
      ),
    expected: { code: 'invalid_input', field: 'skus.1.heightCm', reason: 'required_when_ready' },
  },
  {
    name: 'a draft marked ready while it lacks category, description and measurements',
    call: (core, seed) => core.products.update({ id: seed.keripik.id, changes: { status: 'ready' } }),
    expected: { code: 'invalid_input', field: 'changes.categoryId', reason: 'required_when_ready' },
  },
  {
    name: 'several SKUs without a variation',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 1 }, { price: 2 }] })),
    expected: { code: 'invalid_input', field: 'variation1', reason: 'variation_needed' },
  },
  {
    name: 'a SKU without its option',
    call: (core, seed) =>
      core.products.create(product(seed, { variation1: 'Ukuran', skus: [{ price: 1, option1: 'S' }, { price: 2 }] })),
    expected: { code: 'invalid_input', field: 'skus.1.option1', reason: 'required' },
  },
  {
    name: 'two SKUs with the same option (different case), on update',
    call: (core, seed) =>
      core.products.update({
        id: seed.keripik.id,
        changes: {
          skus: [
            { id: seed.keripik.skus[0]!.id, price: 1 },
            { id: seed.keripik.skus[1]!.id, price: 2, option1: '100 G' },
          ],
        },
      }),
    expected: { code: 'invalid_input', field: 'changes.skus.1.option1', reason: 'duplicate_in_product' },
  },
  {
    name: 'a second variation without a first',
    call: (core, seed) => core.products.create(product(seed, { variation2: 'Warna' })),
    expected: { code: 'invalid_input', field: 'variation2', reason: 'variation2_without_1' },
  },
  {
    name: 'a special price not below the price',
    call: (core, seed) =>
      core.products.create(
        product(seed, {
          skus: [{ price: 25_000, specialPrice: 25_000, specialFrom: '2025-03-01', specialTo: '2025-03-31' }],
        }),
      ),
    expected: { code: 'invalid_input', field: 'skus.0.specialPrice', reason: 'special_not_below_price' },
  },
  {
    name: 'a special price without dates',
    call: (core, seed) => core.products.create(product(seed, { skus: [{ price: 25_000, specialPrice: 20_000 }] })),
    expected: { code: 'invalid_input', field: 'skus.0.specialFrom', reason: 'required' },
  },
  {
    name: 'a special price ending before it starts',
    call: (core, seed) =>
      core.products.create(
        product(seed, {
          skus: [{ price: 25_000, specialPrice: 20_000, specialFrom: '2025-03-31', specialTo: '2025-03-01' }],
        }),
      ),
    expected: { code: 'invalid_input', field: 'skus.0.specialTo', reason: 'ends_before_start' },
  },
  {
    name: 'a special price date that does not exist (30 February)',
    call: (core, seed) =>
      core.products.create(
        product(seed, {
          skus: [{ price: 25_000, specialPrice: 20_000, specialFrom: '2025-02-30', specialTo: '2025-03-31' }],
        }),
      ),
    expected: { code: 'invalid_input', field: 'skus.0.specialFrom', reason: 'invalid_format' },
  },
  {
    name: 'a category that is not a leaf',
    call: (core, seed) => core.products.create(product(seed, { categoryId: 74835 })),
    expected: { code: 'invalid_input', field: 'categoryId', reason: 'invalid_choice' },
  },
  {
    name: 'an attribute value outside its options',
    call: (core, seed) =>
      core.products.create(product(seed, { categoryId: READY_CATEGORY_ID, attributes: { shelf_life: '5 Tahun' } })),
    expected: { code: 'invalid_input', field: 'attributes.shelf_life', reason: 'invalid_choice' },
  },
  {
    name: 'condition outside the list',
    call: (core, seed) => core.products.create(product(seed, { condition: 'refurbished' })),
    expected: { code: 'invalid_input', field: 'condition', reason: 'invalid_choice' },
  },
  {
    name: 'nine highlights (eight at most)',
    call: (core, seed) =>
      core.products.create(product(seed, { highlights: Array.from({ length: 9 }, (_, i) => `Poin ${i}`) })),
    expected: { code: 'invalid_input', field: 'highlights', reason: 'too_big' },
  },
  {
    name: 'a bulk price change of zero',
    call: (core, seed) =>
      core.products.bulkEdit({ ids: [seed.kopi.id], change: { kind: 'price', mode: 'amount', value: 0 } }),
    expected: { code: 'invalid_input', field: 'change.value' },
  },
  {
    name: 'a bulk change of an unknown kind',
    call: (core, seed) => core.products.bulkEdit({ ids: [seed.kopi.id], change: { kind: 'name', name: 'X' } }),
    expected: { code: 'invalid_input', field: 'change.kind' },
  },
  {
    name: 'undoing a bulk edit that does not exist',
    call: (core) => core.products.bulkUndo({ editId: 999_999 }),
    expected: { code: 'not_found', field: 'editId' },
  },
  {
    name: 'editing a product in the trash',
    call: (core, seed) => core.products.update({ id: seed.batik.id, changes: { name: 'Batik Cap' } }),
    expected: { code: 'in_trash', field: 'id' },
  },
  {
    name: 'adding a product to a seller in the trash',
    call: (core, seed) => core.products.create(product(seed, { sellerId: seed.trashedSeller.id })),
    expected: { code: 'in_trash', field: 'sellerId' },
  },
  // Failures half-way through a multi-row write: earlier rows were already written inside
  // the transaction, and must be rolled back with it.
  {
    name: 'new product whose 3rd SKU duplicates another product (after a typed and a generated SKU)',
    call: (core, seed) =>
      core.products.create(
        product(seed, {
          variation1: 'Ukuran',
          skus: [
            { price: 1, sellerSku: 'GA-NEW', option1: 'S' },
            { price: 2, option1: 'M' },
            { price: 3, sellerSku: 'krp-100', option1: 'L' },
          ],
        }),
      ),
    expected: { code: 'duplicate_sku', field: 'skus.2.sellerSku' },
  },
  {
    name: 'update that trashes a SKU, edits one, adds one, then hits a duplicate',
    call: (core, seed) =>
      core.products.update({
        id: seed.keripik.id,
        changes: {
          name: 'Keripik Baru',
          skus: [
            { id: seed.keripik.skus[1]!.id, price: 99_000 },
            { price: 5000, option1: '500 g' },
            { price: 6000, sellerSku: 'KOPI-1', option1: '1 kg' },
          ],
        },
      }),
    expected: { code: 'duplicate_sku', field: 'changes.skus.2.sellerSku' },
  },
];

describe('validation errors leave the database unchanged', () => {
  let temp: TempCore;
  let seed: Seed;

  beforeAll(async () => {
    temp = openTempCore();
    const catalogue = await seedCatalogue(temp.core);
    const gone = unwrap(await temp.core.sellers.create({ name: 'Peserta Lama' }));
    seed = { ...catalogue, trashedSeller: unwrap(await temp.core.sellers.delete({ id: gone.id })) };
  });
  afterAll(() => temp.dispose());

  for (const bad of BAD_INPUTS) {
    it(`refuses ${bad.name}`, async () => {
      const before = dumpDatabase(temp.dbPath);
      expectError(await bad.call(temp.core, seed), bad.expected);
      expect(dumpDatabase(temp.dbPath)).toBe(before);
    });
  }

  it('still accepts a valid write afterwards (the connection is not stuck in a transaction)', async () => {
    const before = dumpDatabase(temp.dbPath);
    const created = unwrap(await temp.core.products.create(product(seed, {})));
    expect(created.skus[0]!.sellerSku).toMatch(/^GA-\d{4}$/);
    expect(dumpDatabase(temp.dbPath)).not.toBe(before);
  });
});

describe('unexpected failures inside a write', () => {
  it('roll back everything, report `internal` without internals, and log the cause', async () => {
    const logs: string[] = [];
    const temp = tempCore({ log: (m) => logs.push(m) });
    const seed = { ...(await seedCatalogue(temp.core)), trashedSeller: await addSeller(temp.core, 'Unused') };
    // A trigger stands in for a failure SQLite raises mid-write (disk full, I/O error):
    // it fires on the 2nd SKU, after the product row and the 1st SKU were inserted.
    const db = new Database(temp.dbPath);
    db.exec(`CREATE TRIGGER fail_second_sku BEFORE INSERT ON skus WHEN NEW.seller_sku = 'BOOM'
             BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);
    db.close();
    const before = dumpDatabase(temp.dbPath);

    const result = await temp.core.products.create(
      product(seed, {
        variation1: 'Ukuran',
        skus: [
          { price: 1, sellerSku: 'OK-1', option1: 'S' },
          { price: 2, sellerSku: 'BOOM', option1: 'M' },
        ],
      }),
    );

    const error = expectError(result, { code: 'internal' });
    expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    expect(error.message).not.toMatch(/simulated|sqlite|at \w+ \(/i);
    expect(logs.join('\n')).toMatch(/simulated disk failure/);
    expect(dumpDatabase(temp.dbPath)).toBe(before);
  });
});
