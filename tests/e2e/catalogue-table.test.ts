import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/random';
import type { Core } from '../../electron/core';
import type { Product, ProductCreateInput, Seller } from '../../electron/shared/catalogue';
import { AppShell, readable } from './pages/AppShell';
import { CatalogueTablePage } from './pages/CatalogueTablePage';
import { SellerListPage } from './pages/SellerListPage';
import { openApp, startSuite, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';
import { seedProduct, seedWorkshop } from './support/seed';

/**
 * The product table ("Tabel produk") as a trainer and a participant use it: find many
 * products, fix them at once, undo, export. UI -> window.api -> main's handler table ->
 * core -> SQLite, all real; every change is checked in what was stored.
 */
let suite: Suite;
let app: AppSession;
let shell: AppShell;
let table: CatalogueTablePage;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.close();
});
beforeEach(async () => {
  app = await openApp(suite);
  shell = new AppShell(app.page);
  table = new CatalogueTablePage(app.page);
});
afterEach(async () => {
  const problems = [...app.problems];
  await app.close();
  // A CSP violation or a React error shows up in the console: none is acceptable.
  expect(problems).toEqual([]);
});

/** "Semua produk" in the header, from wherever the test is. */
async function openWholeCatalogue(): Promise<void> {
  await shell.header.getByRole('button', { name: 'Semua produk', exact: true }).click();
  await shell.heading().filter({ hasText: 'Semua produk' }).waitFor();
}

/** The UI answers within milliseconds, but these machines run other suites alongside. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

/**
 * Waits for a bulk dialog to close after "Terapkan"; if it shows why it could not save
 * instead, fails with that message rather than a bare timeout.
 */
async function closes(dialog: Locator): Promise<void> {
  const failure = dialog.getByRole('alert');
  await dialog.waitFor({ state: 'detached' }).catch(async (error: unknown) => {
    const why = (await failure.count()) > 0 ? await failure.innerText() : 'no message';
    throw new Error(`the dialog stayed open (${why}): ${String(error)}`);
  });
}

/** The row cap: a screenful of rows plus the overscan, nowhere near the catalogue's size. */
const MAX_ROWS_IN_DOM = 60;

describe('product table at 50,000 products', () => {
  it('keeps only the rows in view in the page, reaches the last product, sorts and searches', async () => {
    const { products } = seedBigCatalogue(app.core, 50_000);
    await app.page.reload();
    await openWholeCatalogue();
    await table.settled();
    expect(await table.totalText()).toBe('50.000 produk');
    expect(await table.grid.getAttribute('aria-rowcount')).toBe('50001');
    expect(await table.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);

    // Count the search requests the table sends while it is flung from top to bottom.
    await app.page.evaluate(() => {
      const host = window as unknown as { __akarInvoke(c: string, i: unknown): Promise<unknown>; __searches: number };
      const invoke = host.__akarInvoke.bind(host);
      host.__searches = 0;
      host.__akarInvoke = (channel, input) => {
        if (channel === 'products:search') host.__searches++;
        return invoke(channel, input);
      };
    });
    const flingMs = await table.scroller.evaluate(async (element) => {
      const start = performance.now();
      for (let step = 1; step <= 40; step++) {
        element.scrollTop = ((element.scrollHeight - element.clientHeight) * step) / 40;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return performance.now() - start;
    });
    await table.settled();
    const searches = await app.page.evaluate(() => (window as unknown as { __searches: number }).__searches);
    // 40 frames across 500 pages of rows: while moving, at most one request a quarter
    // second (however slow the frames), then the one where it came to rest.
    expect(searches).toBeGreaterThan(0);
    expect(searches).toBeLessThanOrEqual(Math.ceil(flingMs / 250) + 2);

    // The end: the very last product (oldest change first, as "Terakhir diubah" sorts).
    await table.scrollTo(1);
    expect(await table.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    const last = unwrap(await app.core.products.search({ sort: 'updated', limit: 1, offset: products - 1 }));
    const lastRow = table.rowAt(products - 1);
    await lastRow.waitFor();
    expect(await lastRow.getAttribute('aria-rowindex')).toBe(String(products + 1));
    expect(await lastRow.locator('.catalogue-name').textContent()).toBe(last.items[0]?.name);

    // The middle.
    await table.scrollTo(0.5);
    expect(await table.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    const middle = await table.rows.evaluateAll((rows) =>
      rows.map((row) => Number((row as HTMLElement).dataset['index'])),
    );
    expect(Math.min(...middle)).toBeGreaterThan(24_000);
    expect(Math.max(...middle)).toBeLessThan(26_000);

    // Sorting by price starts again at the top, with the cheapest product first.
    await table.scrollTo(0);
    const newestFirst = await table.firstName();
    await table.sortBy('Harga');
    const cheapest = unwrap(await app.core.products.search({ sort: 'price', limit: 1 })).items[0];
    await eventually(() => table.firstName()).toBe(cheapest?.name);
    expect(cheapest?.name).not.toBe(newestFirst);
    expect(await table.columnHeader('Harga').getAttribute('aria-sort')).toBe('ascending');
    expect(await table.columnHeader('Terakhir diubah').getAttribute('aria-sort')).toBe('none');
    await table.sortBy('Harga');
    expect(await table.columnHeader('Harga').getAttribute('aria-sort')).toBe('descending');
    const dearest = unwrap(await app.core.products.search({ sort: 'price', direction: 'desc', limit: 1 })).items[0];
    await eventually(() => table.firstName()).toBe(dearest?.name);

    // The search box narrows the total (full-text, as the core counts it).
    await table.search.fill('kopi luwak');
    const luwak = unwrap(await app.core.products.search({ query: 'kopi luwak' })).total;
    expect(luwak).toBeGreaterThan(0);
    expect(luwak).toBeLessThan(products);
    await eventually(() => table.totalText()).toBe(`${luwak.toLocaleString('id-ID')} produk`);
    await table.settled();
    expect((await table.names()).every((name) => /kop[ií]/i.test(name) && /luwak/i.test(name))).toBe(true);
  });
});

describe('finding and fixing many products at once', () => {
  it("opens a participant's table from their products, filters by readiness, and opens a product", async () => {
    const workshop = await seedTrainingCatalogue(app.core);
    await app.page.reload();
    await new SellerListPage(app.page).open('Ibu Siti Aminah');
    await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();
    const main = app.page.getByRole('main');
    for (const label of ['Impor Excel/CSV', 'Tabel', 'Ekspor']) {
      await main.getByRole('button', { name: label, exact: true }).waitFor();
    }
    await main.getByRole('button', { name: 'Tabel', exact: true }).click();
    await shell.heading().filter({ hasText: 'Tabel produk Ibu Siti Aminah' }).waitFor();
    await table.settled();
    expect(await table.totalText()).toBe(`${workshop.bySeller('Ibu Siti Aminah').length} produk`);
    expect(await table.columnHeader('Peserta').count()).toBe(0);
    expect(readable(await shell.breadcrumb.textContent())).toContain('Ibu Siti Aminah');

    // The whole catalogue, narrowed to what lacks a weight.
    await openWholeCatalogue();
    await table.settled();
    expect(await table.totalText()).toBe(`${workshop.all.length} produk`);
    await table.problemFilter.selectOption({ label: 'Berat belum diisi' });
    const noWeight = workshop.all.filter((product) => product.problems.includes('no_weight'));
    await eventually(() => table.totalText()).toBe(`${noWeight.length} produk`);
    await table.settled();
    for (const name of await table.names()) expect(noWeight.map((product) => product.name)).toContain(name);
    expect(readable(await table.rows.first().innerText())).toContain('Berat belum diisi');
    await table.sellerFilter.selectOption({ label: 'Ibu Neneng Rohayati' });
    const nenengNoWeight = noWeight.filter((product) => product.sellerId === workshop.seller('Ibu Neneng Rohayati').id);
    await eventually(() => table.totalText()).toBe(`${nenengNoWeight.length} produk`);
    await table.settled();
    await app.screenshot('catalogue-table-filters');

    // The category filter uses the category picker: search, then choose.
    await table.sellerFilter.selectOption({ label: 'Semua peserta' });
    await table.problemFilter.selectOption({ label: 'Semua' });
    await table.categoryFilter.click();
    const picker = app.page.getByRole('dialog', { name: 'Kategori' });
    await picker.getByLabel('Cari kategori').fill('keripik');
    await picker.getByRole('button', { name: /^Keripik\b/ }).waitFor();
    await app.screenshot('catalogue-category-filter');
    await picker.getByRole('button', { name: /^Keripik\b/ }).click();
    await picker.waitFor({ state: 'detached' });
    const keripik = workshop.all.filter((product) => product.categoryId === KERIPIK);
    await eventually(() => table.totalText()).toBe(`${keripik.length} produk`);
    expect(await table.categoryFilter.getAttribute('aria-label')).toBe('Kategori: Keripik');
    await table.settled();
    expect(readable(await table.rows.first().innerText())).toContain('Keripik');
    await table.clearFilters.click();
    await eventually(() => table.totalText()).toBe(`${workshop.all.length} produk`);

    // "Sudah lengkap": only the complete products.
    await table.sellerFilter.selectOption({ label: 'Semua peserta' });
    await table.problemFilter.selectOption({ label: 'Sudah lengkap' });
    const complete = workshop.all.filter((product) => product.problems.length === 0);
    await eventually(() => table.totalText()).toBe(`${complete.length} produk`);
    await table.settled();
    expect(readable(await table.rows.first().innerText())).toContain('Lengkap');

    // A name opens the product; "Kembali" returns to the same filtered table.
    const first = await table.firstName();
    await table.rows.first().getByRole('button', { name: first, exact: true }).click();
    await shell.heading().filter({ hasText: 'Ubah produk' }).waitFor();
    expect(readable(await shell.breadcrumb.textContent())).toContain('Semua produk');
    await shell.back();
    await shell.heading().filter({ hasText: 'Semua produk' }).waitFor();
    expect(await table.problemFilter.inputValue()).toBe('none');
    await eventually(() => table.totalText()).toBe(`${complete.length} produk`);
  });

  it('raises the price of every match by 10%, undoes it exactly, and lists what a change skipped', async () => {
    const workshop = await seedTrainingCatalogue(app.core);
    await app.page.reload();
    await openWholeCatalogue();
    await table.settled();

    // Ticking by keyboard and Shift+click: four rows, then a fifth with Space.
    await table.sortBy('Nama produk');
    await table.settled();
    const names = await table.names();
    await table.tick(names[0] ?? '');
    await table.tick(names[3] ?? '', { shift: true });
    await eventually(() => table.selectedText()).toBe('4 produk dipilih');
    await table.row(names[3] ?? '').focus();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Space');
    await eventually(() => table.selectedText()).toBe('5 produk dipilih');
    expect(await table.row(names[4] ?? '').getAttribute('aria-selected')).toBe('true');
    await table.clearSelection();
    await table.bulkBar.waitFor({ state: 'detached' });

    // Every "keripik", loaded or not: "Pilih semua ... yang cocok".
    await table.search.fill('keripik');
    const keripik = workshop.all.filter((product) => /keripik/i.test(product.name));
    await eventually(() => table.totalText()).toBe(`${keripik.length} produk`);
    await table.settled();
    await table.tick(await table.firstName());
    await table.selectAllMatching();
    await eventually(() => table.selectedText()).toBe(`Semua ${keripik.length} produk yang cocok dipilih`);

    const before = await storedPrices(app.core, keripik);
    await table.bulk('Ubah harga');
    const dialog = app.page.getByRole('dialog', { name: `Ubah harga ${keripik.length} produk` });
    await dialog.waitFor();
    // Focus starts in the amount; a wrong entry is explained under it.
    await app.page.keyboard.type('sepuluh');
    await dialog.getByRole('button', { name: `Terapkan ke ${keripik.length} produk` }).click();
    await dialog.getByText('Tulis angka saja, misalnya 10.').waitFor();
    await dialog.getByLabel('Berapa persen?').fill('10');
    // The live example uses a ticked product's own lowest price.
    const example = readable(await dialog.getByTestId('price-example').textContent());
    const [, sampleName, shownBefore, shownAfter] =
      /^Contoh untuk “(.+)”: Rp ([\d.]+) menjadi Rp ([\d.]+)$/.exec(example) ?? [];
    const sample = keripik.find((product) => product.name === sampleName);
    const lowest = Math.min(...(sample?.skus.map((sku) => sku.price) ?? [0]));
    expect(shownBefore).toBe(lowest.toLocaleString('id-ID'));
    expect(shownAfter).toBe(Math.round(lowest * 1.1).toLocaleString('id-ID'));
    await app.screenshot('catalogue-bulk-price-dialog');
    await dialog.getByRole('button', { name: `Terapkan ke ${keripik.length} produk` }).click();
    await closes(dialog);
    await eventually(() => table.outcomeText()).toContain(`${keripik.length} produk diubah: harga naik 10%.`);
    const raised = await storedPrices(app.core, keripik);
    for (const [id, prices] of before) {
      expect(raised.get(id)).toEqual(prices.map((price) => Math.round((price * 110) / 100)));
    }
    // The table shows the stored prices again (its pages were fetched afresh).
    const sampleRow = table.row(sampleName ?? '');
    await eventually(async () => readable(await sampleRow.innerText())).toContain(
      `Rp ${Math.round(lowest * 1.1).toLocaleString('id-ID')}`,
    );

    await table.undo();
    await eventually(() => table.outcomeText()).toContain(`${keripik.length} produk dikembalikan seperti semula.`);
    expect(await storedPrices(app.core, keripik)).toEqual(before);

    // A category for one product, chosen with the category picker.
    await table.search.fill('voal');
    await eventually(() => table.totalText()).toBe('1 produk');
    await table.settled();
    const voal = workshop.all.find((product) => product.name === 'Hijab Segi Empat Voal');
    await table.tick('Hijab Segi Empat Voal');
    await table.bulk('Ubah kategori');
    const categoryDialog = app.page.getByRole('dialog', { name: 'Ubah kategori 1 produk' });
    await categoryDialog.getByLabel('Cari kategori').fill('segi empat');
    await categoryDialog.getByRole('button', { name: /^Hijab Segi Empat\b/ }).click();
    await categoryDialog.getByTestId('category-chosen').waitFor();
    await app.screenshot('catalogue-bulk-category-dialog');
    await categoryDialog.getByRole('button', { name: 'Terapkan ke 1 produk' }).click();
    await closes(categoryDialog);
    await eventually(() => table.outcomeText()).toContain('1 produk diubah: kategori jadi “Hijab Segi Empat”.');
    expect(unwrap(await app.core.products.get({ id: voal?.id ?? 0 })).categoryId).toBe(HIJAB_SEGI_EMPAT);
    await eventually(async () => readable(await table.row('Hijab Segi Empat Voal').innerText())).toContain(
      'Hijab Segi Empat',
    );

    // Marking a participant's products ready: those without weight or category are skipped, with reasons.
    await table.search.fill('');
    await table.sellerFilter.selectOption({ label: 'Ibu Siti Aminah' });
    const siti = workshop.bySeller('Ibu Siti Aminah');
    await eventually(() => table.totalText()).toBe(`${siti.length} produk`);
    await table.settled();
    await table.tick(await table.firstName());
    await table.selectAllMatching();
    await eventually(() => table.selectedText()).toBe(`Semua ${siti.length} produk yang cocok dipilih`);
    await table.bulk('Tandai siap jual');
    const incomplete = siti.filter((product) => product.problems.length > 0);
    await eventually(() => table.outcomeText()).toContain(
      `${siti.length - incomplete.length} produk diubah: ditandai siap jual.`,
    );
    expect(await table.outcomeText()).toContain(`${incomplete.length} produk tidak diubah`);
    const dodol = incomplete.find((product) => product.name.startsWith('Dodol'));
    const dodolLine = readable(
      await table.skippedList
        .getByRole('listitem')
        .filter({ hasText: dodol?.name ?? '' })
        .innerText(),
    );
    // One sentence for every field it concerns, not one per field and variant.
    expect(dodolLine).toBe(
      `${dodol?.name} Kategori, Berat paket, Panjang paket, Lebar paket, Tinggi paket: ` +
        'Wajib diisi sebelum produk ditandai siap jual.',
    );
    await table.outcome.scrollIntoViewIfNeeded();
    await app.screenshot('catalogue-bulk-outcome-skipped');
    for (const product of incomplete) {
      expect(unwrap(await app.core.products.get({ id: product.id })).status).toBe('draft');
    }
    // Someone edits one of the changed products before "Urungkan": their edit is kept.
    const complete = siti.filter((product) => product.problems.length === 0);
    const editedSince = complete[0];
    unwrap(await app.core.products.update({ id: editedSince?.id ?? 0, changes: { brand: 'Bu Siti' } }));
    await table.undo();
    await eventually(() => table.outcomeText()).toContain(`${complete.length - 1} produk dikembalikan seperti semula.`);
    expect(await table.outcomeText()).toContain(
      '1 produk sudah diubah lagi sesudahnya, jadi isinya yang terbaru tetap disimpan.',
    );
    expect(unwrap(await app.core.products.get({ id: editedSince?.id ?? 0 })).brand).toBe('Bu Siti');

    // A price cut below Rp 1 is refused per product, in plain words.
    await table.sellerFilter.selectOption({ label: 'Semua peserta' });
    await table.search.fill('permen');
    const permen = workshop.all.filter((product) => /permen/i.test(product.name));
    await eventually(() => table.totalText()).toBe(`${permen.length} produk`);
    await table.settled();
    await table.tick(await table.firstName());
    await table.selectAllMatching();
    await table.bulk('Ubah harga');
    await dialog.or(app.page.getByRole('dialog')).first().waitFor();
    const cut = app.page.getByRole('dialog');
    await cut.getByRole('radio', { name: 'Turunkan' }).check();
    await cut.getByRole('radio', { name: 'Rupiah (Rp)' }).check();
    await cut.getByLabel('Berapa rupiah?').fill('Rp 6.000');
    await cut.getByRole('button', { name: /^Terapkan ke/ }).click();
    await closes(cut);
    await eventually(() => table.outcomeText()).toContain('Harga: jadi kurang dari Rp 1 kalau diubah sebanyak itu.');
  });

  it("exports a participant's products as CSV and Excel, and says nothing when the save is cancelled", async () => {
    const workshop = await seedTrainingCatalogue(app.core);
    const siti = workshop.bySeller('Ibu Siti Aminah');
    await app.page.reload();
    await new SellerListPage(app.page).open('Ibu Siti Aminah');
    await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();

    const csv = path.join(app.dataDir, 'produk-siti.csv');
    app.dialogs.nextSave.push(csv);
    await table.export('CSV (.csv)');
    await shell.toast.filter({ hasText: `Tersimpan: produk-siti.csv (${siti.length} produk).` }).waitFor();
    const lines = fs
      .readFileSync(csv, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    const skus = siti.reduce((sum, product) => sum + product.skus.length, 0);
    // A header, then one line per SKU (a product with variants takes one line each).
    expect(lines.length).toBe(skus + 1);
    expect(lines.slice(1).some((line) => line.includes(siti[0]?.name ?? '???'))).toBe(true);
    await shell.dismissToast();

    app.dialogs.nextSave.push(null);
    await table.export('Excel (.xlsx)');
    // Cancelled: no toast, no file, no error.
    await app.page.waitForTimeout(300);
    expect(await shell.toast.count()).toBe(0);

    // The whole catalogue from the table, as Excel (a zip: starts with "PK").
    await openWholeCatalogue();
    const xlsx = path.join(app.dataDir, 'semua-produk.xlsx');
    app.dialogs.nextSave.push(xlsx);
    await table.export('Excel (.xlsx)');
    await shell.toast.filter({ hasText: `Tersimpan: semua-produk.xlsx (${workshop.all.length} produk).` }).waitFor();
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');

    // A folder that does not exist: what happened and what to do.
    app.dialogs.nextSave.push(path.join(app.dataDir, 'tidak-ada', 'x.csv'));
    await table.export('CSV (.csv)');
    await shell.toast
      .filter({ hasText: 'File belum tersimpan. Foldernya tidak ditemukan. Pilih folder lain, lalu coba lagi.' })
      .waitFor();
  });

  it('guides an empty catalogue and a search that matches nothing', async () => {
    await openWholeCatalogue();
    const empty = app.page.getByRole('region', { name: 'Belum ada produk' });
    await empty.waitFor();
    expect(readable(await empty.innerText())).toContain('Buka salah satu peserta untuk menambah produk.');
    await app.screenshot('catalogue-empty');

    const [siti] = await seedWorkshop(app.core);
    await seedProduct(app.core, {
      sellerId: siti?.id ?? 0,
      name: 'Dodol Garut Wijen',
      description: 'Dodol ketan dengan wijen sangrai.',
      skus: [{ price: 18_000, stock: 20 }],
    });
    await app.page.reload();
    await openWholeCatalogue();
    await table.settled();
    await table.search.fill('rendang');
    const noMatch = app.page.getByRole('region', { name: 'Tidak ada produk yang cocok' });
    await noMatch.waitFor();
    await app.screenshot('catalogue-no-match');
    await noMatch.getByRole('button', { name: 'Hapus filter' }).click();
    await table.settled();
    expect(await table.names()).toEqual(['Dodol Garut Wijen']);
    expect(await table.search.inputValue()).toBe('');
  });
});

// ---------- data ----------

/** The prices of each product's SKUs, as stored. */
async function storedPrices(core: Core, products: readonly Product[]): Promise<Map<number, number[]>> {
  const prices = new Map<number, number[]>();
  for (const product of products) {
    prices.set(
      product.id,
      unwrap(await core.products.get({ id: product.id })).skus.map((sku) => sku.price),
    );
  }
  return prices;
}

interface Workshop {
  readonly sellers: readonly Seller[];
  readonly all: readonly Product[];
  seller(name: string): Seller;
  bySeller(name: string): Product[];
}

const KERIPIK = 13891072;
const KOPI_BUBUK = 46210424;
const HIJAB_SEGI_EMPAT = 78982542;
const COMPLETE_PACKAGE = { weightKg: 0.25, lengthCm: 20, widthCm: 15, heightCm: 5 };

/**
 * A workshop day through the core's own API (so every product is valid and its readiness
 * problems are the core's): complete keripik, dodol without weight or category, coffee
 * without package sizes, crafts with almost nothing, hijabs without a category, and a few
 * cheap sweets.
 */
async function seedTrainingCatalogue(core: Core): Promise<Workshop> {
  const sellers = await seedWorkshop(core);
  const byName = (name: string) => {
    const found = sellers.find((seller) => seller.name === name);
    if (!found) throw new Error(`no seller ${name}`);
    return found;
  };
  const siti = byName('Ibu Siti Aminah').id;
  const ujang = byName('Pak Ujang Suherman').id;
  const neneng = byName('Ibu Neneng Rohayati').id;
  const dewi = byName('Dewi Lestari').id;
  const inputs: ProductCreateInput[] = [];
  const flavours = ['Pedas', 'Original', 'Balado', 'Keju', 'Jagung Bakar', 'Daun Jeruk'];
  for (const [index, base] of ['Keripik Singkong', 'Keripik Pisang', 'Keripik Tempe', 'Keripik Talas'].entries()) {
    for (const [step, flavour] of flavours.entries()) {
      const price = 12_000 + 1_500 * ((index * 6 + step) % 9);
      inputs.push({
        sellerId: siti,
        name: `${base} ${flavour}`,
        description: `${base} rasa ${flavour.toLowerCase()}, renyah dan tanpa pengawet.`,
        categoryId: KERIPIK,
        attributes: { brand: 'No Brand', shelf_life: '1 Bulan' },
        status: 'ready',
        ...(step % 3 === 0
          ? {
              variation1: 'Ukuran',
              skus: [
                { option1: '100 g', price, stock: 20, ...COMPLETE_PACKAGE },
                { option1: '250 g', price: price * 2 + 500, stock: 12, ...COMPLETE_PACKAGE, weightKg: 0.3 },
              ],
            }
          : { skus: [{ price, stock: 15 + step, ...COMPLETE_PACKAGE }] }),
      });
    }
  }
  for (const flavour of ['Wijen', 'Durian', 'Nangka', 'Sirsak', 'Stroberi', 'Kacang', 'Original', 'Ketan Hitam']) {
    inputs.push({
      sellerId: siti,
      name: `Dodol Garut ${flavour}`,
      description: `Dodol ketan khas Garut rasa ${flavour.toLowerCase()}.`,
      skus: [{ price: 15_000 + flavour.length * 500, stock: 30 }],
    });
  }
  for (const [index, kind] of ['Arabika Cikajang', 'Robusta Garut', 'Luwak Papandayan', 'Arabika Natural'].entries()) {
    for (const grind of ['Bubuk Halus', 'Bubuk Kasar', 'Biji Sangrai']) {
      inputs.push({
        sellerId: ujang,
        name: `Kopi ${kind} ${grind} 200 g`,
        description: `Kopi ${kind.toLowerCase()}, disangrai sedang.`,
        categoryId: KOPI_BUBUK,
        attributes: { brand: 'No Brand', shelf_life: '1 Bulan' },
        skus: [{ price: 45_000 + index * 10_000, stock: 10, weightKg: 0.25 }],
      });
    }
  }
  for (const item of ['Tas Anyaman Pandan', 'Dompet Anyaman Mendong', 'Topi Anyaman Bambu', 'Tikar Pandan Motif']) {
    for (const colour of ['Natural', 'Merah', 'Hitam']) {
      inputs.push({ sellerId: neneng, name: `${item} ${colour}`, skus: [{ price: 35_000, stock: 4 }] });
    }
  }
  for (const item of ['Hijab Segi Empat Voal', 'Pashmina Ceruti', 'Bergo Instan Jersey']) {
    inputs.push({
      sellerId: dewi,
      name: item,
      description: 'Bahan adem, tidak menerawang.',
      variation1: 'Warna',
      skus: ['Hitam', 'Navy', 'Mocca'].map((colour) => ({
        option1: colour,
        price: 39_000,
        stock: 8,
        ...COMPLETE_PACKAGE,
      })),
    });
  }
  for (const flavour of ['Jahe', 'Asam', 'Kopi']) {
    inputs.push({
      sellerId: dewi,
      name: `Permen ${flavour} Tradisional`,
      description: 'Permen gula aren.',
      skus: [{ price: 5_000, stock: 50 }],
    });
  }
  const all: Product[] = [];
  for (const input of inputs) all.push(await seedProduct(core, input));
  return {
    sellers,
    all,
    seller: byName,
    bySeller: (name) => all.filter((product) => product.sellerId === byName(name).id),
  };
}

const GOODS = [
  'Kripik Singkong',
  'Keripik Pisang',
  'Kopi Bubuk',
  'Kopí Luwak',
  'Teh Melati',
  'Gula Aren',
  'Dodol Garut',
];
const MORE_GOODS = ['Batik Tulis', 'Tas Anyaman', 'Madu Hutan', 'Abon Sapi', 'Emping Melinjo', 'Sambal Bawang'];
const TRAITS = ['Pedas', 'Manis', 'Original', 'Balado', 'Jumbo', 'Premium', 'Asli', 'Khas Garut', 'Renyah', 'Gurih'];
const VARIANTS = ['100 g', '250 g', '500 g', 'Kecil', 'Sedang', 'Besar'];

/**
 * A catalogue of `count` products written straight into SQLite, as bench/catalogue.ts does
 * (one transaction, prepared statements), since 50,000 products through the API would take
 * minutes. The rows keep the core's invariants, so nothing here is a product the app could
 * not have made: drafts without a category or package (and the readiness mask saying so),
 * several SKUs only under a named variation.
 *
 * One difference from the benchmark, for time: its triggers re-index a product on every
 * row (FTS5 then flushes its pending terms for each delete-and-insert), about 30 s for
 * 50,000 products on these machines. Here the three insert triggers are set aside inside
 * the same transaction, the search index is filled with migration 0020's own backfill
 * statement and `min_price` written with the row, the triggers are put back exactly as
 * stored, and both are checked before the app sees anything.
 */
function seedBigCatalogue(core: Core, count: number): { products: number } {
  const db = new Database(core.dbPath);
  db.pragma('busy_timeout = 10000');
  const rnd = seededRandom(20250301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 61_000).toISOString();
  // no_category | no_weight | no_package_size (bits of READINESS_PROBLEMS).
  const problems = (1 << 0) | (1 << 3) | (1 << 4);
  const sellers = 40;
  const seller = db.prepare(
    'INSERT INTO sellers (id, name, business_name, next_sku_number, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
  );
  const product = db.prepare(
    `INSERT INTO products (id, seller_id, name, description, status, variation1, problems, min_price, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
  );
  const sku = db.prepare(
    `INSERT INTO skus (product_id, seller_id, seller_sku, option1, variant_name, position, price, stock, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setAside = ['products_search_insert', 'skus_search_insert', 'skus_min_price_insert'];
  const triggers = db
    .prepare<string[], string>(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${setAside.map(() => '?').join(', ')})`,
    )
    .pluck()
    .all(...setAside);
  expect(triggers).toHaveLength(setAside.length);
  db.transaction(() => {
    for (const name of setAside) db.exec(`DROP TRIGGER ${name}`);
    for (let s = 1; s <= sellers; s++) seller.run(s, `Peserta ${s}`, `Usaha ${s}`, at(0), at(0));
    for (let p = 1; p <= count; p++) {
      const sellerId = 1 + Math.floor(rnd() * sellers);
      const name = `${pick(rnd() < 0.5 ? GOODS : MORE_GOODS)} ${pick(TRAITS)}`;
      const prices = Array.from({ length: rnd() < 0.3 ? 2 : 1 }, () => 1000 * (5 + Math.floor(rnd() * 200)));
      const named = prices.length > 1;
      product.run(
        p,
        sellerId,
        name,
        `${name}, buatan rumahan.`,
        named ? 'Varian' : '',
        problems,
        Math.min(...prices),
        at(p),
        at(p),
      );
      prices.forEach((price, v) => {
        const option = named ? (VARIANTS[v] ?? '') : '';
        sku.run(p, sellerId, `P${p}-${v + 1}`, option, option, v, price, Math.floor(rnd() * 100), at(p), at(p));
      });
    }
    // Migration 0020's backfill, word for word.
    db.exec(`INSERT INTO product_search (rowid, name, description, skus)
      SELECT p.id, p.name, p.description,
             COALESCE((SELECT group_concat(s.seller_sku || ' ' || s.variant_name, ' ')
                       FROM skus s WHERE s.product_id = p.id AND s.deleted_at IS NULL), '')
      FROM products p WHERE p.deleted_at IS NULL`);
    for (const sql of triggers) db.exec(sql);
  })();
  const check = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM product_search) AS indexed,
              (SELECT COUNT(*) FROM products p
               WHERE p.min_price <> (SELECT MIN(price) FROM skus s WHERE s.product_id = p.id)) AS wrongPrice,
              (SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger') AS triggers,
              (SELECT SUM(live) FROM product_problem_counts) AS tallied`,
    )
    .get();
  // The readiness tallies' triggers (migration 0060) stayed on, so they counted every row.
  expect(check).toEqual({ indexed: count, wrongPrice: 0, triggers: 12, tallied: count });
  db.close();
  return { products: count };
}
