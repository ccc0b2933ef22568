import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppShell, readable } from './pages/AppShell';
import { ProductFormPage } from './pages/ProductFormPage';
import { ProductListPage } from './pages/ProductListPage';
import { SellerListPage } from './pages/SellerListPage';
import { openApp, startSuite, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';
import { seedProduct, seedSeller } from './support/seed';

/**
 * The product form for the marketplace's model: variations and their combinations,
 * promotion prices, highlights, the category picker (suggested, searched, browsed), the
 * category's own attributes and the readiness checklist. UI -> window.api -> main's
 * handler table -> core -> SQLite, all real; every flow checks what was stored.
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
  expect(problems).toEqual([]);
});

const KERIPIK = 13891072;
const KEMEJA_BATIK_PRIA = 45459280;
const TEH_CELUP = 53363260;

/** A participant with no products, their empty list open, and the new-product form opened. */
async function newProductForm(sellerName: string): Promise<{ sellerId: number; form: ProductFormPage }> {
  const seller = await seedSeller(app.core, { name: sellerName, district: 'Garut' });
  await app.page.reload();
  await new SellerListPage(app.page).open(sellerName);
  await shell
    .heading()
    .filter({ hasText: `Produk ${sellerName}` })
    .waitFor();
  await new ProductListPage(app.page).addButton.click();
  const form = new ProductFormPage(app.page);
  await form.field('Nama produk').waitFor();
  return { sellerId: seller.id, form };
}

async function storedProducts(sellerId: number) {
  const list = unwrap(await app.core.products.list({ sellerId }));
  return Promise.all(list.map(async (summary) => unwrap(await app.core.products.get({ id: summary.id }))));
}

describe('variations and promotion prices', () => {
  it('makes 2 colours x 2 sizes with "Buat semua kombinasi", with a promotion, and marks it ready', async () => {
    const { sellerId, form } = await newProductForm('Ibu Euis Komariah');
    // A simple product shows no variation boxes until "Tambah varian".
    expect(await form.variations.count()).toBe(0);
    expect(await form.variantCount()).toBe(1);

    await form.fillProduct({
      name: 'Kemeja Batik Pria Garutan Lengan Panjang',
      description: 'Batik cap Garutan, katun primisima.\nJahitan rapi, kancing batok.',
    });
    await form.fillHighlights(['Katun adem, tidak panas', 'Dijahit penjahit Garut']);

    // The category the name suggests, one press away.
    const suggestions = form.pickerSection('Saran dari nama produk');
    await form.categoryOption(suggestions, 'Kemeja Batik Pria').waitFor();
    await form.scrollTo(form.form.getByRole('heading', { name: 'Kategori', exact: true }));
    await app.screenshot('20-product-form-category-suggested');
    await form.categoryOption(suggestions, 'Kemeja Batik Pria').click();
    await expect.poll(() => form.chosenCategory()).toBe('Fashion Pria › Batik Pria › Kemeja Batik Pria');

    // Price and package first: new variants start from the first one.
    await form.fillVariant(1, {
      price: '185.000',
      stock: '4',
      weightKg: '0,4',
      lengthCm: '30',
      widthCm: '25',
      heightCm: '4',
    });

    await form.openVariations();
    await form.variations.waitFor();
    // The category's own variations are offered as names.
    const names = form.variations.getByRole('group', { name: 'Saran nama variasi 1' });
    expect(readable(await names.textContent())).toContain('Warna');
    await names.getByRole('button', { name: 'Warna', exact: true }).click();
    expect(await form.field('Nama variasi 1').inputValue()).toBe('Warna');
    // Known colours are buttons; pressing two fills the box.
    const colours = form.variations.getByRole('group', { name: 'Pilihan Warna yang umum' });
    await colours.getByRole('button', { name: 'Merah', exact: true }).click();
    // Lazada knows 27 colours: the list starts short, the rest one press away.
    expect(await colours.getByRole('button', { name: 'Biru', exact: true }).count()).toBe(0);
    await colours.getByRole('button', { name: 'Tampilkan semua (27)' }).click();
    await colours.getByRole('button', { name: 'Biru', exact: true }).click();
    expect(await form.optionsBox(1).inputValue()).toBe('Merah, Biru');
    // Folded again, a chosen colour stays in view.
    await colours.getByRole('button', { name: 'Tampilkan lebih sedikit' }).click();
    expect(await colours.getByRole('button', { name: 'Biru', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await form.nameVariation(2, 'Ukuran');
    await form.optionsBox(2).fill('M, L');
    expect(readable(await form.variations.textContent())).toContain('Akan jadi 4 varian');
    await form.combine();

    await expect.poll(() => form.variantCount()).toBe(4);
    expect(await form.combineMessage()).toContain('Sekarang ada 4 varian di bawah.');
    const options = [];
    for (const number of [1, 2, 3, 4]) {
      options.push([
        await form.optionField(number, 'Warna').inputValue(),
        await form.optionField(number, 'Ukuran').inputValue(),
        await form.variantField(number, 'price').inputValue(),
        await form.variantField(number, 'weightKg').inputValue(),
      ]);
    }
    expect(options).toEqual([
      ['Merah', 'M', '185.000', '0,4'],
      ['Merah', 'L', '185.000', '0,4'],
      ['Biru', 'M', '185.000', '0,4'],
      ['Biru', 'L', '185.000', '0,4'],
    ]);
    await form.fillVariant(2, { price: '195000', stock: '3' });
    await form.fillVariant(4, { price: '195000', stock: '2' });
    await form.fillVariant(1, { specialPrice: '165.000', specialFrom: '2026-12-01', specialTo: '2026-12-31' });
    await form.scrollTo(form.variations);
    await app.screenshot('21-product-form-variations');
    await form.variant(1).scrollIntoViewIfNeeded();
    await app.screenshot('22-product-form-variant-promo');

    // Batik needs only a brand, which the Merek field gives: nothing is missing.
    expect(await form.missing()).toEqual([]);
    expect(readable(await form.readiness.textContent())).toContain('Semua sudah lengkap.');
    await form.status('Siap jual');
    await form.save();

    const products = new ProductListPage(app.page);
    const name = 'Kemeja Batik Pria Garutan Lengan Panjang';
    await products.card(name).waitFor();
    expect(await products.price(name)).toBe('Rp 185.000 – Rp 195.000');
    expect(readable(await products.card(name).textContent())).toContain('Siap jual');
    expect(await products.readiness(name)).toBe('');

    const [stored] = await storedProducts(sellerId);
    expect(stored).toMatchObject({
      name,
      description: 'Batik cap Garutan, katun primisima.\nJahitan rapi, kancing batok.',
      highlights: ['Katun adem, tidak panas', 'Dijahit penjahit Garut'],
      categoryId: KEMEJA_BATIK_PRIA,
      attributes: { brand: 'No Brand' },
      condition: 'new',
      status: 'ready',
      variation1: 'Warna',
      variation2: 'Ukuran',
      problems: [],
    });
    expect(
      stored?.skus.map((sku) => [
        sku.variantName,
        sku.price,
        sku.stock,
        sku.specialPrice,
        sku.specialFrom,
        sku.specialTo,
      ]),
    ).toEqual([
      ['Merah / M', 185000, 4, 165000, '2026-12-01', '2026-12-31'],
      ['Merah / L', 195000, 3, null, null, null],
      ['Biru / M', 185000, 0, null, null, null],
      ['Biru / L', 195000, 2, null, null, null],
    ]);
    expect(stored?.skus.every((sku) => sku.weightKg === 0.4 && sku.heightCm === 4)).toBe(true);
  });
});

describe('category and its details', () => {
  it('finds the category by search and by browsing, asks what it needs, and the checklist shrinks to nothing', async () => {
    const { sellerId, form } = await newProductForm('Ibu Siti Aminah');
    await form.fillProduct({ name: 'Kripik Pedas Bu Siti' });
    await expect
      .poll(() => form.missing())
      .toEqual(['Tulis deskripsi', 'Pilih kategori', 'Isi berat paket', 'Isi ukuran paket (panjang, lebar, tinggi)']);

    // Search: every word as the start of a word, results with where they sit.
    await form.searchCategory('teh');
    const results = form.pickerSection('Hasil pencarian');
    await form.categoryOption(results, 'Teh Celup').waitFor();
    expect(readable(await form.categoryOption(results, 'Teh Celup').innerText())).toBe(
      'Teh Celup di Makanan & Minuman › Minuman › Teh Pilih',
    );
    expect(readable(await results.getByRole('status').textContent())).toMatch(/^\d+ kategori cocok/);
    await form.scrollTo(form.form.getByRole('heading', { name: 'Kategori', exact: true }));
    await app.screenshot('23-category-search');
    await form.categoryOption(results, 'Teh Celup').click();
    await expect.poll(() => form.chosenCategory()).toBe('Makanan & Minuman › Minuman › Teh › Teh Celup');
    // Tea has a required detail; the checklist names it.
    await expect.poll(() => form.missing()).toContain('Isi Masa Simpan');

    // Changing it: browsing starts beside the current one, and goes back up by the trail.
    await form.changeCategory();
    await expect.poll(() => form.trail()).toBe('Semua kategori › Makanan & Minuman › Minuman › Teh');
    await form.browser.getByRole('button', { name: 'Semua kategori', exact: true }).click();
    await form.browser.getByRole('button', { name: 'Buka Makanan & Minuman' }).click();
    await form.browser.getByRole('button', { name: 'Buka Makanan Ringan' }).click();
    await expect.poll(() => form.trail()).toBe('Semua kategori › Makanan & Minuman › Makanan Ringan');
    // Focus follows into the level just opened.
    await expect
      .poll(async () => readable(await app.page.evaluate(() => document.activeElement?.textContent ?? '')))
      .toContain('Keripik');
    await form.scrollTo(form.browser);
    await app.screenshot('24-category-browse');
    await form.categoryOption(form.browser, 'Keripik').click();
    await expect.poll(() => form.chosenCategory()).toBe('Makanan & Minuman › Makanan Ringan › Keripik');

    // The category's own details: the required one first, the rest folded away.
    const shelfLife = form.attribute('Masa Simpan');
    expect(await form.form.getByText('Masa Simpan (wajib sebelum siap jual)').count()).toBe(1);
    expect(await form.attribute('Merek').count()).toBe(0);
    await expect
      .poll(() => form.missing())
      .toEqual(['Tulis deskripsi', 'Isi Masa Simpan', 'Isi berat paket', 'Isi ukuran paket (panjang, lebar, tinggi)']);
    await form.scrollTo(form.readiness);
    await app.screenshot('25-readiness-checklist');
    await shelfLife.selectOption('6 Bulan');
    await form.form.getByText(/keterangan lain/).click();
    await form.attribute('Tingkat Kepedasan').selectOption('Pedas');
    await form.attribute('Berat Bersih (gram)').fill('250');
    await form.attribute('Kemasan').selectOption('Standing Pouch');
    await form.scrollTo(form.form.getByRole('heading', { name: /^Keterangan untuk kategori Keripik/ }));
    await app.screenshot('26-category-attributes');
    await expect
      .poll(() => form.missing())
      .toEqual(['Tulis deskripsi', 'Isi berat paket', 'Isi ukuran paket (panjang, lebar, tinggi)']);

    // A checklist line takes the seller to the field.
    await form.readiness.getByRole('button', { name: 'Isi berat paket' }).click();
    // The form may re-render once more as the checklist updates: wait for the focus to land.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id)).toBe('sku-0-weightKg');
    await form.fillVariant(1, { price: '18.000', stock: '30', weightKg: '0,25', lengthCm: '20', widthCm: '15' });
    // A detail main cannot read is refused next to it, in words, even for a draft.
    await form.attribute('Berat Bersih (gram)').fill('dua ratus');
    await form.save();
    await expect.poll(() => form.describe(form.attribute('Berat Bersih (gram)'))).toContain('Harus berupa angka.');
    expect(readable(await form.summary.textContent())).toContain('Berat Bersih (gram): Harus berupa angka.');
    await form.attribute('Berat Bersih (gram)').fill('250');
    await expect.poll(() => form.missing()).toEqual(['Tulis deskripsi', 'Isi ukuran paket (panjang, lebar, tinggi)']);
    await form.fillVariant(1, { heightCm: '5' });
    await form.fillProduct({ description: 'Keripik singkong pedas, digoreng tiap hari.' });
    await expect.poll(() => form.missing()).toEqual([]);
    await form.status('Siap jual');
    await form.scrollTo(form.readiness);
    await app.screenshot('27-readiness-complete');
    await form.save();

    const products = new ProductListPage(app.page);
    await products.card('Kripik Pedas Bu Siti').waitFor();
    expect(readable(await products.card('Kripik Pedas Bu Siti').textContent())).toContain('Siap jual');
    const [stored] = await storedProducts(sellerId);
    expect(stored).toMatchObject({
      categoryId: KERIPIK,
      status: 'ready',
      problems: [],
      variation1: '',
      attributes: {
        brand: 'No Brand',
        shelf_life: '6 Bulan',
        spiciness_level: 'Pedas',
        net_weight: '250',
        package_type: 'Standing Pouch',
      },
    });
    expect(stored?.skus).toMatchObject([
      { option1: '', variantName: '', price: 18000, stock: 30, weightKg: 0.25, heightCm: 5 },
    ]);
  });

  it('shows on each card what is still missing, and offers a recently used category first', async () => {
    const seller = await seedSeller(app.core, { name: 'Pak Ujang Suherman', businessName: 'Teh Cikajang' });
    await seedProduct(app.core, {
      sellerId: seller.id,
      name: 'Teh Celup Rosella',
      categoryId: TEH_CELUP,
      skus: [{ price: 22000, stock: 12 }],
    });
    await seedProduct(app.core, {
      sellerId: seller.id,
      name: 'Teh Daun Cikajang',
      description: 'Teh hijau petik pagi.',
      skus: [{ price: 30000, stock: 5, weightKg: 0.2, lengthCm: 15, widthCm: 10, heightCm: 5 }],
    });
    await app.page.reload();
    await new SellerListPage(app.page).open('Pak Ujang Suherman');
    const products = new ProductListPage(app.page);
    await products.card('Teh Celup Rosella').waitFor();
    expect(await products.readiness('Teh Celup Rosella')).toBe(
      '4 hal belum lengkap: Isi keterangan wajib, Isi berat paket, Isi ukuran paket (panjang, lebar, tinggi), Tulis deskripsi',
    );
    expect(await products.readiness('Teh Daun Cikajang')).toMatch(/^1 hal belum lengkap: Pilih kategori/);
    await app.screenshot('28-product-cards-readiness');

    // The form lists the same things, with the detail named.
    await products.edit('Teh Celup Rosella');
    const form = new ProductFormPage(app.page);
    await expect
      .poll(() => form.missing())
      .toEqual(['Tulis deskripsi', 'Isi Masa Simpan', 'Isi berat paket', 'Isi ukuran paket (panjang, lebar, tinggi)']);
    expect(await form.chosenCategory()).toBe('Makanan & Minuman › Minuman › Teh › Teh Celup');
    await shell.back();

    // A new product: the category used for the last one is one press away.
    await products.addButton.click();
    const recent = form.pickerSection('Terakhir dipakai');
    await form.categoryOption(recent, 'Teh Celup').click();
    await expect.poll(() => form.chosenCategory()).toBe('Makanan & Minuman › Minuman › Teh › Teh Celup');
  });
});

describe('refusals', () => {
  it('shows a promotion and readiness refusal next to each field, and stores nothing', async () => {
    const { sellerId, form } = await newProductForm('Ibu Neneng Rohayati');
    await form.fillProduct({ name: 'Dodol Garut Original', description: 'Dodol ketan asli Garut.' });
    await form.fillVariant(1, {
      price: '15000',
      specialPrice: '20.000',
      specialFrom: '2026-12-10',
      weightKg: '0,5',
      lengthCm: '20',
      widthCm: '10',
      heightCm: '5',
    });
    await form.status('Siap jual');
    await form.save();
    await form.summary.waitFor();

    expect(await form.describe(form.variantField(1, 'specialPrice'))).toContain(
      'Harga promo harus lebih murah dari harga biasa.',
    );
    expect(await form.describe(form.variantField(1, 'specialTo'))).toContain('Isi tanggal promo selesai.');
    expect(readable(await form.picker.locator('xpath=..').textContent())).toContain(
      'Pilih kategori dulu sebelum menandai siap jual.',
    );
    expect(readable(await form.summary.textContent())).toContain('Ada 3 isian yang perlu diperbaiki.');
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('29-product-form-refusals');
    expect(unwrap(await app.core.products.list({ sellerId, includeDeleted: true }))).toEqual([]);

    // Dates must run forwards; fixed, the draft saves with its promotion.
    await form.status('Draf');
    await form.fillVariant(1, { specialPrice: '12.000', specialTo: '2026-12-01' });
    await form.save();
    await expect
      .poll(() => form.describe(form.variantField(1, 'specialTo')))
      .toContain('Tanggal selesai tidak boleh sebelum tanggal mulai.');
    await form.fillVariant(1, { specialTo: '2026-12-31' });
    await form.save();
    await new ProductListPage(app.page).card('Dodol Garut Original').waitFor();
    const [stored] = await storedProducts(sellerId);
    expect(stored?.skus).toMatchObject([
      { price: 15000, specialPrice: 12000, specialFrom: '2026-12-10', specialTo: '2026-12-31' },
    ]);
  });

  it('asks to name the variation, and refuses the same combination twice', async () => {
    const { sellerId, form } = await newProductForm('Ibu Neneng Rohayati');
    await form.fillProduct({ name: 'Dodol Garut' });
    await form.fillVariant(1, { price: '15000' });
    await form.openVariations();
    await form.addVariant();
    await form.save();
    await expect
      .poll(() => form.describe(form.form.getByRole('textbox', { name: 'Nama variasi 1' })))
      .toContain('Beri nama variasinya, misalnya Warna');

    await form.nameVariation(1, 'Rasa');
    await form.optionField(1, 'Rasa').fill('Original');
    await form.optionField(2, 'Rasa').fill('original');
    await form.save();
    await expect.poll(() => form.describe(form.optionField(2, 'Rasa'))).toContain('Sama persis dengan varian lain.');
    await form.variant(2).scrollIntoViewIfNeeded();
    await app.screenshot('30-product-form-variant-refusal');
    expect(unwrap(await app.core.products.list({ sellerId, includeDeleted: true }))).toEqual([]);

    await form.optionField(2, 'Rasa').fill('Wijen');
    await form.save();
    await new ProductListPage(app.page).card('Dodol Garut').waitFor();
    const [stored] = await storedProducts(sellerId);
    expect(stored?.variation1).toBe('Rasa');
    expect(stored?.skus.map((sku) => [sku.variantName, sku.price])).toEqual([
      ['Original', 15000],
      ['Wijen', 15000],
    ]);
  });
});
