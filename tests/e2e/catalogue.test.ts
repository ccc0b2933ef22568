import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppShell, description, readable } from './pages/AppShell';
import { ProductFormPage } from './pages/ProductFormPage';
import { ProductListPage } from './pages/ProductListPage';
import { SellerFormPage, SellerListPage } from './pages/SellerListPage';
import { TrashPage } from './pages/TrashPage';
import { openApp, startSuite, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';
import { seedProduct, seedSeller, seedWorkshop } from './support/seed';

/**
 * The catalogue as a participant and a trainer use it: UI -> window.api -> main's handler
 * table -> core -> SQLite, all real. Every flow checks what was stored, not only the DOM.
 */
let suite: Suite;
let app: AppSession;
let shell: AppShell;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.close();
});
beforeEach(async () => {
  app = await openApp(suite);
  shell = new AppShell(app.page);
});
afterEach(async () => {
  const problems = [...app.problems];
  await app.close();
  // A CSP violation or a React error shows up in the console: none is acceptable.
  expect(problems).toEqual([]);
});

/** Opens a participant's product list from the start screen. */
async function openSeller(name: string): Promise<ProductListPage> {
  await new SellerListPage(app.page).open(name);
  await shell
    .heading()
    .filter({ hasText: `Produk ${name}` })
    .waitFor();
  return new ProductListPage(app.page);
}

describe('participants', () => {
  it('guides a first-time user to add a participant, then lists and finds them', async () => {
    const sellers = new SellerListPage(app.page);
    await sellers.emptyState.waitFor();
    expect(readable(await sellers.emptyState.innerText())).toContain('Tekan “Tambah peserta”');
    await app.screenshot('01-seller-list-empty');

    await sellers.addButton.click();
    const form = new SellerFormPage(app.page);
    await form.fill({
      name: 'Ibu Euis Komariah',
      businessName: 'Batik Tulis Sukapura',
      phone: '0812 3456 7890',
      district: 'Tasikmalaya',
    });
    await form.save();

    // A new participant lands on their own (empty) product list: the next step.
    const products = new ProductListPage(app.page);
    await products.emptyState.waitFor();
    expect(readable(await products.emptyState.innerText())).toContain(
      'Belum ada produk Tekan “Tambah produk” untuk mulai.',
    );
    expect(await shell.toast.textContent()).toContain('Data “Ibu Euis Komariah” disimpan.');
    expect(readable(await shell.breadcrumb.textContent())).toContain('Peserta');
    await app.screenshot('03-product-list-empty');

    const stored = unwrap(await app.core.sellers.list({}));
    expect(stored).toMatchObject([
      {
        name: 'Ibu Euis Komariah',
        businessName: 'Batik Tulis Sukapura',
        phone: '0812 3456 7890',
        district: 'Tasikmalaya',
      },
    ]);

    await seedWorkshop(app.core);
    await shell.back();
    await sellers.list.waitFor();
    expect(await sellers.names()).toEqual([
      'Dewi Lestari',
      'Ibu Euis Komariah',
      'Ibu Neneng Rohayati',
      'Ibu Siti Aminah',
      'Pak Ujang Suherman',
    ]);
    expect(readable(await sellers.row('Dewi Lestari').innerText())).toContain('Belum ada produk');
    await app.screenshot('02-seller-list-filled');

    await sellers.search.fill('tasik');
    await expect.poll(() => sellers.names()).toEqual(['Ibu Euis Komariah', 'Ibu Neneng Rohayati']);
    await sellers.search.fill('tidak ada');
    await app.page.getByText('Tidak ada peserta yang cocok dengan “tidak ada”.').waitFor();
  });

  it('shows why a participant cannot be saved, next to the field, and saves nothing', async () => {
    await new SellerListPage(app.page).addButton.click();
    const form = new SellerFormPage(app.page);
    await form.fill({ name: '   ', phone: 'nomor saya' });
    await form.save();
    await app.page.getByTestId('error-summary').waitFor();
    expect(readable(await app.page.getByTestId('error-summary').innerText())).toContain(
      'Ada 2 isian yang perlu diperbaiki',
    );
    expect(await description(form.field('Nama peserta'))).toContain('Wajib diisi.');
    expect(await description(form.field('Nomor HP'))).toContain('Tulis nomor HP dengan angka saja');
    await app.screenshot('09-seller-form-errors');
    expect(unwrap(await app.core.sellers.list({ includeDeleted: true }))).toEqual([]);
  });

  it("edits a participant's details from their page", async () => {
    const seller = await seedSeller(app.core, { name: 'Pak Ujang', district: 'Garut' });
    await app.page.reload();
    await openSeller('Pak Ujang');
    await app.page.getByRole('button', { name: 'Ubah data peserta' }).click();
    const form = new SellerFormPage(app.page);
    expect(await form.field('Kabupaten/kota').inputValue()).toBe('Garut');
    await form.fill({ name: 'Pak Ujang Suherman', businessName: 'Kopi Arabika Cikajang' });
    await form.save();
    await shell.heading().filter({ hasText: 'Produk Pak Ujang Suherman' }).waitFor();
    expect(unwrap(await app.core.sellers.get({ id: seller.id }))).toMatchObject({
      name: 'Pak Ujang Suherman',
      businessName: 'Kopi Arabika Cikajang',
      district: 'Garut',
    });
  });

  it('deletes a participant without asking, and "Urungkan" brings them back', async () => {
    const [siti] = await seedWorkshop(app.core);
    await app.page.reload();
    const sellers = new SellerListPage(app.page);
    await sellers.row('Ibu Siti Aminah').waitFor();

    await sellers.delete('Ibu Siti Aminah');
    await shell.toast.filter({ hasText: '“Ibu Siti Aminah” dipindahkan ke tempat sampah.' }).waitFor();
    await sellers.row('Ibu Siti Aminah').waitFor({ state: 'detached' });
    expect(unwrap(await app.core.sellers.get({ id: siti?.id })).deletedAt).not.toBeNull();

    await shell.undo();
    await sellers.row('Ibu Siti Aminah').waitFor();
    await shell.toast.filter({ hasText: '“Ibu Siti Aminah” dipulihkan.' }).waitFor();
    expect(unwrap(await app.core.sellers.get({ id: siti?.id })).deletedAt).toBeNull();
  });
});

describe('products', () => {
  it('adds a product in two colours; a blank SKU code is generated', async () => {
    const seller = await seedSeller(app.core, { name: 'Ibu Siti Aminah', district: 'Garut' });
    await app.page.reload();
    const products = await openSeller('Ibu Siti Aminah');
    await products.addButton.click();

    const form = new ProductFormPage(app.page);
    await form.fillProduct({ name: 'Batik Tulis Garut Merak', description: 'Kain katun primisima, 2 x 1,15 m.' });
    expect(await form.field('Merek').inputValue()).toBe('No Brand');
    await form.fillVariant(1, { price: '150.000', stock: '5', weightKg: '0,3' });
    await form.openVariations();
    await form.nameVariation(1, 'Warna');
    await form.optionField(1, 'Warna').fill('Biru');
    await form.addVariant();
    // A variant added by hand starts with the price and package of the one before.
    expect(await form.variantField(2, 'weightKg').inputValue()).toBe('0,3');
    await form.optionField(2, 'Warna').fill('Merah');
    await form.fillVariant(2, { sellerSku: 'BTK-MERAH', price: 'Rp 175000', stock: '3' });
    // The price is echoed as rupiah, so a missing zero is caught before saving.
    expect(readable(await form.variant(1).getByText('= Rp').textContent())).toBe('= Rp 150.000');
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('05-product-form-top');
    await form.variant(2).scrollIntoViewIfNeeded();
    await app.screenshot('05b-product-form-variants');
    await form.save();

    await products.card('Batik Tulis Garut Merak').waitFor();
    expect(await products.price('Batik Tulis Garut Merak')).toBe('Rp 150.000 – Rp 175.000');
    expect(await products.stock('Batik Tulis Garut Merak')).toBe('Stok 8');
    expect(readable(await products.card('Batik Tulis Garut Merak').textContent())).toContain('Draf');

    const [summary] = unwrap(await app.core.products.list({ sellerId: seller.id }));
    const stored = unwrap(await app.core.products.get({ id: summary?.id ?? 0 }));
    expect(stored).toMatchObject({
      name: 'Batik Tulis Garut Merak',
      brand: 'No Brand',
      status: 'draft',
      variation1: 'Warna',
      variation2: '',
    });
    expect(stored.skus.map((sku) => [sku.option1, sku.variantName, sku.price, sku.stock, sku.weightKg])).toEqual([
      ['Biru', 'Biru', 150000, 5, 0.3],
      ['Merah', 'Merah', 175000, 3, 0.3],
    ]);
    const generated = stored.skus[0]?.sellerSku ?? '';
    expect(generated).toMatch(/^BTG-\d{4}$/);
    expect(stored.skus[1]?.sellerSku).toBe('BTK-MERAH');

    // The generated code is shown when the product is opened again.
    await products.edit('Batik Tulis Garut Merak');
    expect(await form.variantField(1, 'sellerSku').inputValue()).toBe(generated);
    expect(await shell.currentCrumb.textContent()).toBe('Batik Tulis Garut Merak');
  });

  it('explains invalid input in Bahasa Indonesia next to each field and writes nothing', async () => {
    const seller = await seedSeller(app.core, { name: 'Pak Ujang Suherman' });
    await seedProduct(app.core, {
      sellerId: seller.id,
      name: 'Kopi Arabika',
      skus: [{ sellerSku: 'KOPI-01', price: 45000 }],
    });
    await app.page.reload();
    const products = await openSeller('Pak Ujang Suherman');
    await products.addButton.click();

    const form = new ProductFormPage(app.page);
    await form.fillVariant(1, { price: '-5000', stock: '2,5', weightKg: 'setengah' });
    await form.openVariations();
    await form.addVariant();
    await form.fillVariant(2, { price: '15000,5', weightKg: '0', lengthCm: '10,125', sellerSku: 'KODE SAYA' });
    await form.save();
    await form.summary.waitFor();

    expect(readable(await form.summary.textContent())).toContain('Ada 8 isian yang perlu diperbaiki.');
    expect(await form.describe(form.field('Nama produk'))).toContain('Wajib diisi.');
    expect(await form.describe(form.variantField(1, 'price'))).toContain('Tidak boleh kurang dari 1.');
    expect(await form.describe(form.variantField(1, 'stock'))).toContain('Harus angka bulat, tanpa koma.');
    expect(await form.describe(form.variantField(1, 'weightKg'))).toContain('Tulis angka saja, misalnya 0,5.');
    expect(await form.describe(form.variantField(2, 'price'))).toContain('Harus angka bulat, tanpa koma.');
    expect(await form.describe(form.variantField(2, 'weightKg'))).toContain('Harus lebih dari 0.');
    expect(await form.describe(form.variantField(2, 'lengthCm'))).toContain('Paling banyak 2 angka di belakang koma.');
    expect(await form.describe(form.variantField(2, 'sellerSku'))).toContain('Pakai huruf, angka, titik');
    // Fields without a problem carry only their hint.
    expect(await form.describe(form.variantField(2, 'stock'))).toBe('Jumlah barang yang ada');
    expect(await form.variantField(1, 'price').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot('06-product-form-errors');
    await form.variant(2).scrollIntoViewIfNeeded();
    await app.screenshot('06b-product-form-errors-variants');

    // The summary entries jump to the field.
    await form.summary.getByRole('button', { name: /Varian 2 · Harga/ }).click();
    expect(await form.variantField(2, 'price').evaluate((el) => el === document.activeElement)).toBe(true);

    // Rules main checks after the fields are valid: ready needs package sizes and a
    // description; SKU codes are unique.
    await form.fillProduct({ name: 'Kopi Robusta' });
    await form.fillVariant(1, { price: '30000', stock: '2', weightKg: '0,25', sellerSku: 'kopi-01' });
    await form.removeVariant(2);
    // Removing a variant drops the old messages: they would point at the wrong card.
    expect(await form.summary.count()).toBe(0);
    await form.status('Siap jual');
    await form.save();
    await expect
      .poll(() => form.describe(form.variantField(1, 'lengthCm')))
      .toContain('Wajib diisi sebelum produk ditandai siap jual.');
    expect(await form.describe(form.field('Deskripsi'))).toContain('Wajib diisi sebelum produk ditandai siap jual.');

    await form.status('Draf');
    await form.fillVariant(1, { lengthCm: '20', widthCm: '10', heightCm: '5' });
    await form.save();
    await expect
      .poll(() => form.describe(form.variantField(1, 'sellerSku')))
      .toContain('Kode SKU "kopi-01" sudah dipakai produk lain.');

    const stored = unwrap(await app.core.products.list({ sellerId: seller.id, includeDeleted: true }));
    expect(stored.map((product) => product.name)).toEqual(['Kopi Arabika']);

    // Clearing the code lets Akar generate one, and the product saves.
    await form.fillVariant(1, { sellerSku: '' });
    await form.save();
    await products.card('Kopi Robusta').waitFor();
    expect(readable(await products.card('Kopi Robusta').textContent())).toContain('Draf');
    expect(await products.readiness('Kopi Robusta')).toBe('2 hal belum lengkap: Pilih kategori, Tulis deskripsi');
  });

  it('edits a product: changes a price and removes a variant', async () => {
    const seller = await seedSeller(app.core, { name: 'Ibu Neneng Rohayati' });
    const bag = await seedProduct(app.core, {
      sellerId: seller.id,
      name: 'Tas Anyaman Pandan',
      variation1: 'Ukuran',
      skus: [
        { option1: 'Kecil', price: 85000, stock: 1250, weightKg: 0.25 },
        { option1: 'Besar', price: 120000, stock: 2 },
      ],
    });
    await app.page.reload();
    const products = await openSeller('Ibu Neneng Rohayati');
    expect(await products.price('Tas Anyaman Pandan')).toBe('Rp 85.000 – Rp 120.000');

    await products.edit('Tas Anyaman Pandan');
    const form = new ProductFormPage(app.page);
    expect(await form.optionField(2, 'Ukuran').inputValue()).toBe('Besar');
    expect(await form.variantField(1, 'weightKg').inputValue()).toBe('0,25');
    await form.fillVariant(1, { price: '90.000' });
    await form.removeVariant(2);
    await form.save();

    await shell.toast.filter({ hasText: 'Produk “Tas Anyaman Pandan” disimpan.' }).waitFor();
    await expect.poll(() => products.price('Tas Anyaman Pandan')).toBe('Rp 90.000');
    expect(await products.stock('Tas Anyaman Pandan')).toBe('Stok 1.250');
    expect(readable(await products.card('Tas Anyaman Pandan').textContent())).toContain('1 varian');

    const stored = unwrap(await app.core.products.get({ id: bag.id }));
    expect(stored.skus).toMatchObject([
      { id: bag.skus[0]?.id, option1: 'Kecil', variantName: 'Kecil', price: 90000, stock: 1250, weightKg: 0.25 },
    ]);
  });

  it('deletes a product without asking, and "Urungkan" brings it back', async () => {
    const seller = await seedSeller(app.core, { name: 'Ibu Siti Aminah', businessName: 'Dodol Garut Bu Siti' });
    const catalogue = [
      { name: 'Dodol Garut Original 250 g', price: 15000, stock: 40, status: 'draft' as const },
      { name: 'Dodol Wijen', price: 18000, stock: 25, status: 'draft' as const },
      { name: 'Kripik Pisang Cokelat', price: 12500, stock: 60, status: 'draft' as const },
      { name: 'Dodol Sirsak Kotak Kayu', price: 45000, stock: 8, status: 'draft' as const },
    ];
    for (const item of catalogue) {
      await seedProduct(app.core, {
        sellerId: seller.id,
        name: item.name,
        status: item.status,
        skus: [{ price: item.price, stock: item.stock }],
      });
    }
    const ready = await seedProduct(app.core, {
      sellerId: seller.id,
      name: 'Paket Oleh-oleh Garut',
      description: 'Dodol, kerupuk, dan keripik khas Garut dalam satu besek.',
      // Dodol & Jenang, which asks for the shelf life before a product is ready.
      categoryId: 83390543,
      attributes: { brand: 'No Brand', shelf_life: '1 Bulan' },
      status: 'ready',
      variation1: 'Ukuran',
      skus: [
        { option1: 'Kecil', price: 55000, stock: 10, weightKg: 0.8, lengthCm: 20, widthCm: 15, heightCm: 8 },
        { option1: 'Besar', price: 95000, stock: 6, weightKg: 1.6, lengthCm: 30, widthCm: 20, heightCm: 10 },
      ],
    });
    await app.page.reload();
    const products = await openSeller('Ibu Siti Aminah');
    await products.card('Paket Oleh-oleh Garut').waitFor();
    await app.screenshot('04-product-list-filled');

    await products.delete('Paket Oleh-oleh Garut');
    await shell.toast.filter({ hasText: '“Paket Oleh-oleh Garut” dipindahkan ke tempat sampah.' }).waitFor();
    await products.card('Paket Oleh-oleh Garut').waitFor({ state: 'detached' });
    expect(unwrap(await app.core.products.get({ id: ready.id })).deletedAt).not.toBeNull();
    await app.screenshot('07-undo-toast');

    await shell.undo();
    await products.card('Paket Oleh-oleh Garut').waitFor();
    expect(unwrap(await app.core.products.get({ id: ready.id })).deletedAt).toBeNull();
    expect(await products.names()).toHaveLength(5);
  });
});

describe('trash', () => {
  it('brings back a product and a participant long after the undo toast has gone', async () => {
    const [siti, ujang] = await seedWorkshop(app.core);
    const wijen = await seedProduct(app.core, {
      sellerId: siti?.id ?? 0,
      name: 'Dodol Wijen',
      variation1: 'Ukuran',
      skus: [
        { option1: 'Kecil', price: 18000, stock: 25 },
        { option1: 'Besar', price: 32000, stock: 10 },
      ],
    });
    await seedProduct(app.core, { sellerId: siti?.id ?? 0, name: 'Dodol Garut Original', skus: [{ price: 15000 }] });
    const kopi = await seedProduct(app.core, {
      sellerId: ujang?.id ?? 0,
      name: 'Kopi Arabika Cikajang 200 g',
      skus: [{ price: 65000, stock: 12 }],
    });
    await app.page.reload();

    // Delete a product, then its toast goes; delete a participant on another screen.
    const products = await openSeller('Ibu Siti Aminah');
    await products.delete('Dodol Wijen');
    await shell.toast.filter({ hasText: '“Dodol Wijen” dipindahkan ke tempat sampah.' }).waitFor();
    await shell.dismissToast();
    await shell.back();
    const sellers = new SellerListPage(app.page);
    await sellers.delete('Pak Ujang Suherman');
    await shell.toast.filter({ hasText: '“Pak Ujang Suherman” dipindahkan ke tempat sampah.' }).waitFor();
    await sellers.row('Pak Ujang Suherman').waitFor({ state: 'detached' });
    await shell.dismissToast();

    await shell.openTrash();
    const trash = new TrashPage(app.page);
    await trash.sellers.waitFor();
    expect(await shell.heading().textContent()).toBe('Tempat sampah');
    expect(await shell.currentCrumb.textContent()).toBe('Tempat sampah');
    expect(await shell.trashButton().getAttribute('aria-current')).toBe('page');
    await trash.intro.waitFor();
    expect(await trash.names(trash.sellers)).toEqual(['Pak Ujang Suherman']);
    // Products of a participant in the trash come back with them, not on their own.
    expect(await trash.names(trash.products)).toEqual(['Dodol Wijen']);
    expect(await trash.text('Pak Ujang Suherman')).toContain('Kopi Arabika Cikajang · Garut');
    expect(await trash.text('Pak Ujang Suherman')).toContain(
      '1 produk ikut kembali saat dipulihkan · Dihapus hari ini',
    );
    expect(await trash.text('Dodol Wijen')).toContain('Milik Ibu Siti Aminah');
    expect(await trash.text('Dodol Wijen')).toContain('Rp 18.000 – Rp 32.000 · Dihapus hari ini');
    await app.screenshot('10-trash-filled');

    // Restoring a product: the row goes, the toast offers to open it.
    await trash.restore('Dodol Wijen');
    await shell.toast.filter({ hasText: '“Dodol Wijen” dipulihkan.' }).waitFor();
    await trash.row('Dodol Wijen').waitFor({ state: 'detached' });
    expect(unwrap(await app.core.products.get({ id: wijen.id })).deletedAt).toBeNull();
    expect(await trash.products.count()).toBe(0);
    await shell.toastAction('Buka');
    await app.page.getByRole('button', { name: 'Simpan produk' }).waitFor();
    expect(await new ProductFormPage(app.page).field('Nama produk').inputValue()).toBe('Dodol Wijen');
    expect(readable(await shell.breadcrumb.textContent())).toContain('Ibu Siti Aminah');

    // Restoring a participant brings their products back with them.
    await shell.openTrash();
    await trash.restore('Pak Ujang Suherman');
    await shell.toast.filter({ hasText: '“Pak Ujang Suherman” dipulihkan.' }).waitFor();
    await trash.emptyState.waitFor();
    expect(unwrap(await app.core.sellers.get({ id: ujang?.id })).deletedAt).toBeNull();
    expect(unwrap(await app.core.products.get({ id: kopi.id })).deletedAt).toBeNull();
    expect(unwrap(await app.core.trash())).toEqual({ sellers: [], products: [] });

    await shell.toastAction('Buka');
    await shell.heading().filter({ hasText: 'Produk Pak Ujang Suherman' }).waitFor();
    await new ProductListPage(app.page).card('Kopi Arabika Cikajang 200 g').waitFor();

    // Both are back in their lists.
    await shell.back();
    await sellers.row('Pak Ujang Suherman').waitFor();
    expect(await sellers.names()).toContain('Pak Ujang Suherman');
    const siti2 = await openSeller('Ibu Siti Aminah');
    await siti2.card('Dodol Wijen').waitFor();
    expect(await siti2.price('Dodol Wijen')).toBe('Rp 18.000 – Rp 32.000');
  });

  it('says plainly when the trash is empty, and is one click away from any screen', async () => {
    await seedSeller(app.core, { name: 'Dewi Lestari', businessName: 'Hijab Dewi' });
    await app.page.reload();
    await openSeller('Dewi Lestari');
    await shell.openTrash();
    const trash = new TrashPage(app.page);
    await trash.emptyState.waitFor();
    expect(readable(await trash.emptyState.innerText())).toBe(
      'Tempat sampah kosong Yang Anda hapus akan muncul di sini dan bisa dipulihkan.',
    );
    // Nothing to press here: in particular no way to delete anything for good.
    expect(await app.page.getByRole('main').getByRole('button').count()).toBe(0);
    await app.screenshot('11-trash-empty');

    await shell.back();
    await shell.heading().filter({ hasText: 'Peserta' }).waitFor();
    expect(await shell.trashButton().getAttribute('aria-current')).toBeNull();
  });
});

describe('language', () => {
  it('switches to English, and the choice survives a reload and a restart', async () => {
    const seller = await seedSeller(app.core, {
      name: 'Dewi Lestari',
      businessName: 'Hijab Dewi',
      district: 'Bandung',
    });
    await seedProduct(app.core, {
      sellerId: seller.id,
      name: 'Hijab Segi Empat Voal',
      variation1: 'Warna',
      skus: [{ option1: 'Navy', price: 35000, stock: 1250, weightKg: 0.5 }],
    });
    await app.page.reload();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('id');

    // A toast written in Indonesian goes away on the switch rather than linger in the old language.
    await app.page.getByRole('button', { name: 'Hapus Dewi Lestari' }).click();
    await shell.toast.waitFor();
    await shell.language('English').click();
    // Well before the toast's own ten seconds run out.
    await shell.toast.waitFor({ state: 'detached', timeout: 2000 });
    unwrap(await app.core.sellers.restore({ id: seller.id }));
    await app.page.reload();

    await shell.language('English').click();
    await shell.heading().filter({ hasText: 'Participants' }).waitFor();
    expect(await shell.language('English').getAttribute('aria-pressed')).toBe('true');
    expect(unwrap(await app.core.appInfo()).language).toBe('en');

    await app.page.reload();
    await shell.heading().filter({ hasText: 'Participants' }).waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');

    await app.restart();
    await shell.heading().filter({ hasText: 'Participants' }).waitFor();
    await app.page.getByRole('button', { name: 'Open products of Dewi Lestari' }).click();
    await shell.heading().filter({ hasText: 'Products of Dewi Lestari' }).waitFor();
    const card = app.page.getByRole('listitem', { name: 'Hijab Segi Empat Voal' });
    expect(readable(await card.textContent())).toContain('Draft');
    // Counts follow the language; prices stay in rupiah's own form.
    expect(readable(await card.textContent())).toContain('Stock 1,250');
    expect(readable(await card.getByTestId('price').textContent())).toBe('Rp 35.000');
    await app.screenshot('08a-english-product-list');
    expect(await app.page.getByRole('button', { name: 'Add product' }).count()).toBe(1);
    expect(await shell.back('Back').then(() => shell.heading().textContent())).toBe('Participants');
    await app.page.getByRole('button', { name: 'Open products of Dewi Lestari' }).click();
    await card.getByRole('button', { name: 'Edit Hijab Segi Empat Voal' }).click();
    await app.page.getByRole('button', { name: 'Save product' }).waitFor();
    const weight = app.page.getByLabel('Package weight (kg)');
    expect(await weight.inputValue()).toBe('0.5');
    expect(await description(weight)).toBe('For example: 0.5');
    await app.page.getByLabel('Product name').fill('');
    await app.page.getByRole('button', { name: 'Save product' }).click();
    await app.page.getByTestId('error-summary').waitFor();
    expect(readable(await app.page.getByTestId('error-summary').textContent())).toContain('1 entry needs fixing.');
    await app.screenshot('08b-english-product-form');
    await weight.scrollIntoViewIfNeeded();
    await app.screenshot('08c-english-product-variant');

    await shell.language('Bahasa Indonesia').click();
    await app.page.getByRole('button', { name: 'Simpan produk' }).waitFor();
    // Messages already on screen change language too.
    expect(readable(await app.page.getByTestId('error-summary').textContent())).toContain('Wajib diisi.');
  });
});

describe('shell and security', () => {
  it('serves the page with its CSP and exposes nothing but window.api', async () => {
    const response = await app.page.reload();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    const probe = await app.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { api: object };
      return {
        apiKeys: Object.keys(w.api),
        require: typeof w['require'],
        process: typeof w['process'],
        ipcRenderer: typeof w['ipcRenderer'],
        electron: typeof w['electron'],
        apiIpc: typeof (w.api as Record<string, unknown>)['ipcRenderer'],
        frozen: Object.isFrozen(w.api),
      };
    });
    expect(probe).toEqual({
      apiKeys: ['invoke', 'importDroppedPhotos', 'on'],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      apiIpc: 'undefined',
      frozen: true,
    });

    // The CSP really applies: an inline script is refused.
    const inlineRan = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(inlineRan).toBe(false);
    // That refusal is logged by Chromium; it is this test's own doing, not the app's.
    app.problems.splice(0, app.problems.length);

    // Unknown channels are refused by the same allowlist the preload uses.
    const unknown = await app.page.evaluate(() =>
      (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke('fs:read', {}),
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('shows the network state quietly once main reports it', async () => {
    expect(await shell.connectivity.count()).toBe(0);
    await app.emit('connectivity', { online: false });
    await shell.connectivity.filter({ hasText: 'Tanpa internet' }).waitFor();
    await app.emit('connectivity', { online: true });
    await shell.connectivity.filter({ hasText: 'Ada internet' }).waitFor();
  });
});
