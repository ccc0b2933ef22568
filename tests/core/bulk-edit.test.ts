import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { BulkChange, BulkEditResult, Product } from '../../electron/shared/catalogue';
import { addProduct, addSeller, READY_CATEGORY_ID, READY_FIELDS, readySku } from '../support/catalogue';
import { dumpDatabase, tableRows } from '../support/db';
import { expectError, unwrap } from '../support/results';
import { steppingClock, tempCore } from '../support/temp';

/**
 * One change to many products in one transaction, the products it does not fit left alone
 * and reported, and an undo that restores what the change overwrote (and nothing newer).
 */

/** A leaf without Keripik's shelf_life attribute (Kerajinan Tangan > Anyaman > Anyaman Bambu). */
const ANYAMAN_BAMBU = 92373220;
const march = { specialFrom: '2025-03-01', specialTo: '2025-03-31' };

/**
 * Three products of one participant and one in the trash:
 * - kripik: two SKUs, the first with a special price; complete (could be ready);
 * - rempeyek: one cheap SKU without weight or package size;
 * - kopi: ready.
 */
async function catalogue(core: Core) {
  const sari = await addSeller(core);
  const kripik = await addProduct(
    core,
    sari.id,
    'Keripik Singkong',
    [
      readySku({ option1: '250 g', price: 10_000, specialPrice: 8_000, ...march }),
      readySku({ option1: '500 g', price: 15_000, stock: 4 }),
    ],
    { ...READY_FIELDS, variation1: 'Ukuran' },
  );
  const rempeyek = await addProduct(core, sari.id, 'Rempeyek Kacang', [{ price: 999, stock: 2 }], {
    categoryId: READY_CATEGORY_ID,
    attributes: { brand: 'No Brand' },
  });
  const kopi = await addProduct(core, sari.id, 'Kopi Bubuk', [readySku({ price: 20_000 })], { status: 'ready' });
  const trashed = await addProduct(core, sari.id, 'Dodol Lama', [{ price: 5_000 }]);
  unwrap(await core.products.delete({ id: trashed.id }));
  return { sari, kripik, rempeyek, kopi, trashed };
}

async function get(core: Core, id: number): Promise<Product> {
  return unwrap(await core.products.get({ id }));
}

async function bulk(core: Core, ids: number[], change: BulkChange): Promise<BulkEditResult> {
  return unwrap(await core.products.bulkEdit({ ids, change }));
}

const prices = (product: Product) => product.skus.map((s) => [s.price, s.specialPrice]);

/** A product as it reads, without the time of its last write. */
const content = ({ updatedAt: _updatedAt, ...rest }: Product) => rest;

describe('bulk changes', () => {
  it('moves prices by an amount, special prices along with them', async () => {
    const { core } = tempCore();
    const { kripik, rempeyek, kopi } = await catalogue(core);
    const result = await bulk(core, [kripik.id, rempeyek.id, kopi.id], { kind: 'price', mode: 'amount', value: 1_500 });
    expect(result).toEqual({ editId: expect.any(Number), changed: 3, skipped: [] });
    expect(prices(await get(core, kripik.id))).toEqual([
      [11_500, 9_500],
      [16_500, null],
    ]);
    expect(prices(await get(core, rempeyek.id))).toEqual([[2_499, null]]);
    expect(prices(await get(core, kopi.id))).toEqual([[21_500, null]]);
    // The special price keeps its dates; nothing else moved.
    const after = await get(core, kripik.id);
    expect(after.skus[0]).toMatchObject(march);
    expect(content({ ...after, skus: kripik.skus })).toEqual(content(kripik));
  });

  it('moves prices by a percentage, rounding each to whole rupiah', async () => {
    const { core } = tempCore();
    const { sari, kripik, rempeyek } = await catalogue(core);
    const odd = await addProduct(core, sari.id, 'Emping', [{ price: 1_005 }]);
    const down = await bulk(core, [kripik.id, rempeyek.id], { kind: 'price', mode: 'percent', value: -15 });
    expect(down.changed).toBe(2);
    // 10,000 → 8,500; 8,000 → 6,800; 15,000 → 12,750; 999 × 0.85 = 849.15 → 849.
    expect(prices(await get(core, kripik.id))).toEqual([
      [8_500, 6_800],
      [12_750, null],
    ]);
    expect(prices(await get(core, rempeyek.id))).toEqual([[849, null]]);
    // 1,005 × 1.1 = 1,105.5: half a rupiah rounds up.
    expect((await bulk(core, [odd.id], { kind: 'price', mode: 'percent', value: 10 })).changed).toBe(1);
    expect(prices(await get(core, odd.id))).toEqual([[1_106, null]]);
  });

  it('sets weight and stock on every SKU, and brand, category and status on the product', async () => {
    const { core } = tempCore();
    const { kripik, rempeyek } = await catalogue(core);
    const both = [kripik.id, rempeyek.id];

    await bulk(core, both, { kind: 'weight', weightKg: 0.35 });
    await bulk(core, both, { kind: 'stock', stock: 12 });
    expect((await get(core, kripik.id)).skus.map((s) => [s.weightKg, s.stock])).toEqual([
      [0.35, 12],
      [0.35, 12],
    ]);
    expect((await get(core, rempeyek.id)).skus.map((s) => [s.weightKg, s.stock])).toEqual([[0.35, 12]]);
    expect(tableRows(core.dbPath, 'SELECT DISTINCT weight_g FROM skus WHERE product_id IN (?, ?)', ...both)).toEqual([
      { weight_g: 350 },
    ]);

    await bulk(core, both, { kind: 'brand', brand: 'Dapur Sari' });
    expect((await get(core, rempeyek.id)).brand).toBe('Dapur Sari');

    await bulk(core, both, { kind: 'category', categoryId: ANYAMAN_BAMBU });
    const moved = await get(core, kripik.id);
    // Attribute values the new category does not have are dropped, as a form save does; the
    // brand attribute follows the product's brand.
    expect(moved).toMatchObject({ categoryId: ANYAMAN_BAMBU, attributes: { brand: 'Dapur Sari' } });
    await bulk(core, both, { kind: 'category', categoryId: null });
    expect((await get(core, kripik.id)).problems).toEqual(['no_category']);

    await bulk(core, both, { kind: 'category', categoryId: READY_CATEGORY_ID });
    unwrap(await core.products.update({ id: kripik.id, changes: { attributes: READY_FIELDS.attributes } }));
    const ready = await bulk(core, both, { kind: 'status', status: 'ready' });
    expect(ready.changed).toBe(1);
    expect((await get(core, kripik.id)).status).toBe('ready');
  });

  it('leaves alone the products a change does not fit, and says why, in form field names', async () => {
    const { core } = tempCore();
    const { kripik, rempeyek, kopi } = await catalogue(core);

    // Marked ready without measurements, shelf life or description.
    const ready = await bulk(core, [kripik.id, rempeyek.id], { kind: 'status', status: 'ready' });
    expect(ready.changed).toBe(1);
    expect(ready.skipped).toEqual([
      {
        id: rempeyek.id,
        name: 'Rempeyek Kacang',
        issues: [
          { field: 'attributes.shelf_life', reason: 'required_when_ready' },
          { field: 'description', reason: 'required_when_ready' },
          { field: 'skus.0.weightKg', reason: 'required_when_ready' },
          { field: 'skus.0.lengthCm', reason: 'required_when_ready' },
          { field: 'skus.0.widthCm', reason: 'required_when_ready' },
          { field: 'skus.0.heightCm', reason: 'required_when_ready' },
        ],
      },
    ]);
    // Not written at all: not even its updatedAt moved.
    expect(await get(core, rempeyek.id)).toEqual(rempeyek);

    // A price cut below Rp 1 (999 - 1,000), and a special price that would reach the price.
    const cut = await bulk(core, [rempeyek.id], { kind: 'price', mode: 'amount', value: -1_000 });
    expect(cut.skipped).toEqual([
      {
        id: rempeyek.id,
        name: 'Rempeyek Kacang',
        issues: [expect.objectContaining({ field: 'skus.0.price', reason: 'too_small' })],
      },
    ]);
    const cheap = await addProduct(core, kopi.sellerId, 'Permen', [{ price: 10, specialPrice: 9, ...march }]);
    // -90%: 10 → 1 and 9 → 0.9 → 1, no longer below the price.
    const deep = await bulk(core, [cheap.id, kripik.id], { kind: 'price', mode: 'percent', value: -90 });
    expect(deep.changed).toBe(1);
    expect(deep.skipped).toEqual([
      { id: cheap.id, name: 'Permen', issues: [{ field: 'skus.0.specialPrice', reason: 'special_not_below_price' }] },
    ]);
    expect(await get(core, rempeyek.id)).toEqual(rempeyek);
    expect(await get(core, cheap.id)).toEqual(cheap);
    expect(prices(await get(core, kripik.id))).toEqual([
      [1_000, 800],
      [1_500, null],
    ]);
  });

  it('skips trashed and unknown products, and counts a product named twice once', async () => {
    const { core } = tempCore();
    const { kripik, trashed } = await catalogue(core);
    const result = await bulk(core, [kripik.id, trashed.id, 999_999, kripik.id], { kind: 'stock', stock: 1 });
    expect(result.changed).toBe(1);
    expect(result.skipped).toEqual([
      { id: trashed.id, name: 'Dodol Lama', issues: [{ field: 'id', reason: 'invalid' }] },
      { id: 999_999, name: '', issues: [{ field: 'id', reason: 'invalid' }] },
    ]);
    expect((await get(core, trashed.id)).skus[0]!.stock).toBe(0);
  });

  it('is one transaction: a failure half-way leaves every product as it was', async () => {
    const logs: string[] = [];
    const { core, dbPath } = tempCore({ log: (m) => logs.push(m) });
    const { kripik, rempeyek, kopi } = await catalogue(core);
    // A failure SQLite raises (disk full, I/O error) on the third product, after the first two were written.
    const db = new Database(dbPath);
    db.exec(`CREATE TRIGGER fail_third BEFORE UPDATE OF brand ON products WHEN NEW.id = ${kopi.id}
             BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);
    db.close();
    const before = dumpDatabase(dbPath);

    const result = await core.products.bulkEdit({
      ids: [kripik.id, rempeyek.id, kopi.id],
      change: { kind: 'brand', brand: 'Dapur Sari' },
    });
    expectError(result, { code: 'internal' });
    expect(logs.join('\n')).toMatch(/simulated disk failure/);
    // Not even the record of the edit (there is nothing to undo).
    expect(dumpDatabase(dbPath)).toBe(before);
    expect((await get(core, kripik.id)).brand).toBe('No Brand');
  });
});

describe('undoing a bulk change', () => {
  it('restores every product exactly as it was', async () => {
    const { core, dbPath } = tempCore({ clock: steppingClock() });
    const { kripik, rempeyek, kopi } = await catalogue(core);
    const ids = [kripik.id, rempeyek.id, kopi.id];
    const skuRows = () => tableRows(dbPath, 'SELECT * FROM skus WHERE deleted_at IS NULL ORDER BY id');

    for (const change of [
      { kind: 'price', mode: 'percent', value: 12.5 },
      { kind: 'weight', weightKg: 2 },
      { kind: 'stock', stock: 0 },
      { kind: 'brand', brand: 'Dapur Sari' },
      // Drops Keripik's shelf life from the two drafts; undo must bring it back.
      { kind: 'category', categoryId: ANYAMAN_BAMBU },
      { kind: 'status', status: 'draft' },
    ] as const) {
      const before = await Promise.all(ids.map((id) => get(core, id)));
      const rowsBefore = skuRows();
      const edit = await bulk(core, ids, change);
      expect(edit.changed, change.kind).toBeGreaterThan(0);
      const changed = await Promise.all(ids.map((id) => get(core, id)));
      expect(changed.map(content), change.kind).not.toEqual(before.map(content));

      expect(unwrap(await core.products.bulkUndo({ editId: edit.editId })), change.kind).toEqual({
        restored: edit.changed,
        keptNewer: 0,
      });
      const after = await Promise.all(ids.map((id) => get(core, id)));
      // Everything as it was, SKU ids included; only the time of the last write moved on.
      expect(after.map(content), change.kind).toEqual(before.map(content));
      for (const [i, product] of after.entries()) expect(product.updatedAt > before[i]!.updatedAt).toBe(true);
      // No SKU row added or trashed on the way: the same rows, only updated_at differs.
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _u, ...row }) => row);
      expect(strip(skuRows()), change.kind).toEqual(strip(rowsBefore));
    }
  });

  it('keeps products edited (or trashed) since the change as they are now', async () => {
    const { core } = tempCore({ clock: steppingClock() });
    const { kripik, rempeyek, kopi } = await catalogue(core);
    const edit = await bulk(core, [kripik.id, rempeyek.id, kopi.id], { kind: 'price', mode: 'amount', value: 500 });
    const renamed = unwrap(await core.products.update({ id: rempeyek.id, changes: { name: 'Rempeyek Teri' } }));
    unwrap(await core.products.delete({ id: kopi.id }));

    expect(unwrap(await core.products.bulkUndo({ editId: edit.editId }))).toEqual({ restored: 1, keptNewer: 2 });
    expect(prices(await get(core, kripik.id))).toEqual([
      [10_000, 8_000],
      [15_000, null],
    ]);
    // The newer edit, and the bulk price it was made on top of, stay.
    expect(await get(core, rempeyek.id)).toEqual(renamed);
    expect(prices(renamed)).toEqual([[1_499, null]]);
    expect(await get(core, kopi.id)).toMatchObject({ deletedAt: expect.any(String), skus: [{ price: 20_500 }] });
  });

  it('does nothing the second time', async () => {
    const { core, dbPath } = tempCore();
    const { kripik } = await catalogue(core);
    const edit = await bulk(core, [kripik.id], { kind: 'stock', stock: 99 });
    expect(unwrap(await core.products.bulkUndo({ editId: edit.editId }))).toEqual({ restored: 1, keptNewer: 0 });
    const before = dumpDatabase(dbPath);
    expect(unwrap(await core.products.bulkUndo({ editId: edit.editId }))).toEqual({ restored: 0, keptNewer: 0 });
    expect(dumpDatabase(dbPath)).toBe(before);
    expectError(await core.products.bulkUndo({ editId: edit.editId + 1 }), { code: 'not_found', field: 'editId' });
  });

  it('works after the app was closed and opened again', async () => {
    const temp = tempCore();
    const { kripik, rempeyek } = await catalogue(temp.core);
    const before = await Promise.all([kripik.id, rempeyek.id].map((id) => get(temp.core, id)));
    const edit = await bulk(temp.core, [kripik.id, rempeyek.id], { kind: 'brand', brand: 'Sari Rasa' });

    const core = temp.reopen();
    expect(unwrap(await core.products.bulkUndo({ editId: edit.editId }))).toEqual({ restored: 2, keptNewer: 0 });
    const after = await Promise.all([kripik.id, rempeyek.id].map((id) => get(core, id)));
    expect(after.map(content)).toEqual(before.map(content));
  });

  /**
   * "Edited since" is told by `updated_at`: a product saved again within the same
   * millisecond as the bulk change (or with the clock set back to that instant) looks
   * untouched, and undo overwrites that newer edit. A counter, or the rowid of a change
   * log, would not depend on the clock. Minor; reported.
   */
  it.fails('keeps a newer edit made at the same clock reading as the bulk change', async () => {
    const { core } = tempCore({ clock: () => new Date('2025-03-01T08:00:00.000Z') });
    const { rempeyek } = await catalogue(core);
    const edit = await bulk(core, [rempeyek.id], { kind: 'stock', stock: 50 });
    unwrap(await core.products.update({ id: rempeyek.id, changes: { name: 'Rempeyek Teri' } }));
    expect(unwrap(await core.products.bulkUndo({ editId: edit.editId }))).toEqual({ restored: 0, keptNewer: 1 });
    expect((await get(core, rempeyek.id)).name).toBe('Rempeyek Teri');
  });
});

describe('bulk change input', () => {
  /**
   * The schema documents a percentage "from -90 to +1000" but only refuses 0: +5000% is
   * taken and multiplies every price by 51 (a slip of the keyboard away from "50"), and
   * -100% makes every product a refusal instead of one clear input error. Reported.
   */
  it('refuses a percentage outside -90…+1000 as invalid input', async () => {
    const { core, dbPath } = tempCore();
    const { kripik } = await catalogue(core);
    const before = dumpDatabase(dbPath);
    for (const value of [5_000, -100]) {
      expectError(
        await core.products.bulkEdit({ ids: [kripik.id], change: { kind: 'price', mode: 'percent', value } }),
        {
          code: 'invalid_input',
          field: 'change.value',
        },
      );
    }
    expect(dumpDatabase(dbPath)).toBe(before);
  });
});
