import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { readTable } from '../../electron/core/spreadsheet';
import type { Product, Seller } from '../../electron/shared/catalogue';
import type { AkarApi } from '../../electron/shared/contract';
import { AppShell, readable } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { SellerListPage } from './pages/SellerListPage';
import { openApp, startSuite, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';
import { seedSeller } from './support/seed';

/**
 * "Impor dari Excel/CSV" as a trainer uses it with a participant's file: real files
 * written here, read by main's real reader, previewed and committed into a real SQLite
 * catalogue. Every flow checks what was stored, not only what the screen says.
 */
let suite: Suite;
let app: AppSession;
let shell: AppShell;
let dir: string;
let seller: Seller;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-import-'));
  app = await openApp(suite);
  shell = new AppShell(app.page);
  seller = await seedSeller(app.core, {
    name: 'Ibu Siti Aminah',
    businessName: 'Dodol Garut Bu Siti',
    district: 'Garut',
  });
  await app.page.reload();
});
afterEach(async () => {
  const problems = [...app.problems];
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // A CSP violation or a React error shows up in the console: none is acceptable.
  expect(problems).toEqual([]);
});

/** From the start screen to the participant's import screen, the way a trainer goes. */
async function openImport(): Promise<ImportPage> {
  await new SellerListPage(app.page).open('Ibu Siti Aminah');
  await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();
  await app.page.getByRole('main').getByRole('button', { name: 'Impor Excel/CSV' }).click();
  const page = new ImportPage(app.page, app);
  await page.waitForStep('Pilih file daftar produk');
  return page;
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Every stored product of the participant, in full, by name. */
async function stored(core: Core): Promise<Map<string, Product>> {
  const out = new Map<string, Product>();
  for (const summary of unwrap(await core.products.list({ sellerId: seller.id }))) {
    out.set(summary.name, unwrap(await core.products.get({ id: summary.id })));
  }
  return out;
}

const skuRows = (product: Product | undefined) =>
  (product?.skus ?? []).map((sku) => [sku.option1, sku.sellerSku, sku.price, sku.stock, sku.weightKg]);

/** A participant's own sheet: semicolons (Excel in Indonesian), Indonesian headers and numbers. */
const SEMICOLON_CSV = [
  'Nama Produk;Warna;Harga;Stok;Berat;SKU;Deskripsi',
  'Kemeja Batik Garut;Merah;Rp 185.000;10;1,5 kg;BTK-M;Katun primisima, motif merak',
  'Kemeja Batik Garut;Biru;Rp 185.000;6;1,5 kg;BTK-B;Katun primisima, motif merak',
  'Dodol Wijen;;25rb;40;250 gr;DDL-1;Dodol ketan hitam dengan wijen sangrai',
  'Kopi Arabika Cikajang;;Rp 75.000;12;0,5;KOPI-250;Biji kopi sangrai 250 gram',
].join('\r\n');

describe('importing a participant’s spreadsheet', () => {
  it('reads a semicolon CSV with Indonesian headers and numbers, groups variants by name, and stores it', async () => {
    const file = write('produk bu siti.csv', SEMICOLON_CSV);
    const page = await openImport();
    expect(readable(await page.currentStep.locator('.import-steps__text').innerText())).toBe('LANGKAH 1 Pilih file');
    await app.screenshot('import-01-choose');

    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    expect(await page.page.getByTestId('file-name').textContent()).toBe('produk bu siti.csv');
    // Akar's guesses from the Indonesian headers.
    expect(await page.columnMeaning('Nama Produk')).toBe('Nama produk');
    expect(await page.columnMeaning('Warna')).toBe('Varian 1 (mis. Warna)');
    expect(await page.columnMeaning('Harga')).toBe('Harga');
    expect(await page.columnMeaning('Stok')).toBe('Stok');
    expect(await page.columnMeaning('Berat')).toBe('Berat (kg)');
    expect(await page.columnMeaning('SKU')).toBe('SKU (kode barang)');
    expect(await page.warnings.count()).toBe(0);
    // "0,5" without a unit is kilograms under "Berat": no warning about grams.
    expect(await page.main.getByText('terlalu besar untuk kilogram').count()).toBe(0);
    await page.settled();
    expect(await page.counts()).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    await app.screenshot('import-02-match');

    await page.next();
    expect(await page.countsSentence()).toBe('3 produk baru, 0 diperbarui, 0 tidak berubah, 0 dilewati');
    expect(await page.listed('created')).toEqual(['Kemeja Batik Garut', 'Dodol Wijen', 'Kopi Arabika Cikajang']);
    expect(await page.problems.count()).toBe(0);
    expect(await page.importButton.textContent()).toBe('Impor 3 produk');
    // The preview wrote nothing.
    expect(unwrap(await app.core.products.list({ sellerId: seller.id }))).toEqual([]);
    await app.screenshot('import-03-check');

    await page.commit();
    expect(readable(await page.resultHeadline.textContent())).toBe('3 produk tersimpan di katalog Ibu Siti Aminah.');
    await app.screenshot('import-04-done');

    const products = await stored(app.core);
    expect([...products.keys()].sort()).toEqual(['Dodol Wijen', 'Kemeja Batik Garut', 'Kopi Arabika Cikajang']);
    const shirt = products.get('Kemeja Batik Garut');
    expect(shirt).toMatchObject({ variation1: 'Warna', description: 'Katun primisima, motif merak' });
    expect(skuRows(shirt)).toEqual([
      ['Merah', 'BTK-M', 185000, 10, 1.5],
      ['Biru', 'BTK-B', 185000, 6, 1.5],
    ]);
    expect(skuRows(products.get('Dodol Wijen'))).toEqual([['', 'DDL-1', 25000, 40, 0.25]]);
    expect(skuRows(products.get('Kopi Arabika Cikajang'))).toEqual([['', 'KOPI-250', 75000, 12, 0.5]]);

    // "Lihat produk …" leads back to the participant's list, which now has them.
    await page.main.getByRole('button', { name: 'Lihat produk Ibu Siti Aminah' }).click();
    await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();
  });

  it('updates by SKU when the same file comes again: unchanged products say so, nothing is duplicated', async () => {
    const file = write('produk.csv', SEMICOLON_CSV);
    const page = await openImport();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    await page.next();
    await page.commit();
    const first = await stored(app.core);

    // The same file again: nothing to do, and the button says so instead of importing.
    await page.main.getByRole('button', { name: 'Impor file lain' }).click();
    await page.waitForStep('Pilih file daftar produk');
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    await page.next();
    expect(await page.counts()).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(await page.importButton.isDisabled()).toBe(true);
    expect(readable(await page.page.getByTestId('nothing-to-import').textContent())).toBe(
      'Semua produk di file ini sudah sama dengan di katalog. Tidak ada yang perlu diimpor.',
    );
    await app.screenshot('import-05-reimport-unchanged');

    // The participant changes one price in Excel and imports again.
    write('produk.csv', SEMICOLON_CSV.replace('Dodol Wijen;;25rb', 'Dodol Wijen;;27.500'));
    await page.main.getByRole('button', { name: 'Kembali ke kolom' }).click();
    await page.main.getByRole('button', { name: 'Pilih file lain' }).click();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    await page.next();
    expect(await page.counts()).toEqual({ created: 0, updated: 1, unchanged: 2, skipped: 0 });
    expect(await page.listed('updated')).toEqual(['Dodol Wijen']);
    expect(await page.importButton.textContent()).toBe('Impor 1 produk');
    await page.commit();

    const second = await stored(app.core);
    expect(second.size).toBe(3);
    expect(unwrap(await app.core.products.list({ sellerId: seller.id }))).toHaveLength(3);
    expect(second.get('Dodol Wijen')?.skus[0]?.price).toBe(27500);
    expect(second.get('Dodol Wijen')?.id).toBe(first.get('Dodol Wijen')?.id);
    // The products that did not change were not touched.
    expect(second.get('Kopi Arabika Cikajang')?.updatedAt).toBe(first.get('Kopi Arabika Cikajang')?.updatedAt);
  });

  it('reads an Excel workbook: other headers, numbers and grams, a formula, and a second sheet it says it skipped', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Produk');
    sheet.addRow(['Nama Barang', 'Ukuran', 'Harga Jual', 'Jumlah Stok', 'Berat (gram)', 'Keterangan']);
    sheet.addRow(['Hijab Segi Empat Voal', 'S', 45000, 20, 120, 'Voal premium, tidak menerawang']);
    sheet.addRow(['Hijab Segi Empat Voal', 'L', 55000, 15, 150, 'Voal premium, tidak menerawang']);
    sheet.addRow(['Tas Anyaman Pandan', '', { formula: '2*60000', result: 120000 }, 4, 400, 'Anyaman Rajapolah']);
    workbook.addWorksheet('Catatan').addRow(['Harga naik bulan depan']);
    const file = path.join(dir, 'produk dewi.xlsx');
    await workbook.xlsx.writeFile(file);

    const page = await openImport();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    const notes = readable(await page.fileNotes.textContent());
    expect(notes).toContain('Hanya lembar “Produk” yang dibaca. 1 lembar lain tidak ikut: Catatan.');
    expect(notes).toContain('1 sel berisi rumus. Akar memakai hasil hitungan yang terakhir disimpan Excel.');
    expect(await page.columnMeaning('Harga Jual')).toBe('Harga');
    expect(await page.columnMeaning('Jumlah Stok')).toBe('Stok');
    expect(await page.columnMeaning('Berat (gram)')).toBe('Berat (gram)');
    expect(await page.columnMeaning('Ukuran')).toBe('Varian 1 (mis. Warna)');
    expect(await page.columnMeaning('Keterangan')).toBe('Deskripsi');
    await page.settled();
    await app.screenshot('import-06-xlsx-match');

    await page.next();
    expect(await page.counts()).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0 });
    await page.commit();
    const products = await stored(app.core);
    expect(products.get('Hijab Segi Empat Voal')?.variation1).toBe('Ukuran');
    expect(
      skuRows(products.get('Hijab Segi Empat Voal')).map(([option, , price, stock, weight]) => [
        option,
        price,
        stock,
        weight,
      ]),
    ).toEqual([
      ['S', 45000, 20, 0.12],
      ['L', 55000, 15, 0.15],
    ]);
    expect(skuRows(products.get('Tas Anyaman Pandan')).map(([, , price, , weight]) => [price, weight])).toEqual([
      [120000, 0.4],
    ]);
  });

  it('shows each problem with its row and column, imports the rest, and the summary file lists them', async () => {
    const file = write(
      'produk bermasalah.csv',
      [
        'Nama Produk;Harga;Stok;SKU',
        'Keripik Singkong Pedas;dua puluh ribu;30;KRP-1',
        'Keripik Pisang;Rp 18.000;25;KRP-2',
        'Sale Pisang;Rp 22.000;10;KRP-2',
        'Opak Ketan;Rp 12.500;abc;OPK-1',
        'Rengginang;15000;12;RGN-1',
      ].join('\n'),
    );
    const page = await openImport();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    await page.next();

    expect(await page.counts()).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 3 });
    expect(await page.countsSentence()).toBe('2 produk baru, 0 diperbarui, 0 tidak berubah, 3 dilewati (3 baris)');
    expect(await page.problemTexts()).toEqual([
      'Baris 2, kolom “Harga”: Bukan angka. Tulis angkanya saja, misalnya 25000, Rp 25.000 atau 25rb.',
      'Baris 4, kolom “SKU”: SKU ini sudah dipakai di baris 3. Setiap varian perlu SKU sendiri.',
      'Baris 5, kolom “Stok”: Bukan angka. Tulis angkanya saja, misalnya 10.',
    ]);
    const problems = readable(await page.problems.textContent());
    expect(problems).toContain('Keripik Singkong Pedas · baris 2');
    expect(readable(await page.main.textContent())).toContain(
      'Cara memperbaiki: buka file di Excel, perbaiki baris yang disebut, simpan, lalu impor file itu lagi. Produk yang sudah masuk akan diperbarui, tidak dobel.',
    );
    expect(await page.listed('created')).toEqual(['Keripik Pisang', 'Rengginang']);
    expect(await page.importButton.textContent()).toBe('Impor 2 produk');
    await app.screenshot('import-07-check-problems');
    // The problems further down, as the seller scrolls to them (the import button stays in view).
    await page.problems.evaluate((list) => list.scrollIntoView({ block: 'start' }));
    await app.screenshot('import-07b-check-problems-scrolled');

    await page.commit();
    expect(readable(await page.main.textContent())).toContain(
      '3 produk belum diimpor karena ada masalah. Lihat daftarnya di bawah.',
    );
    expect([...(await stored(app.core)).keys()].sort()).toEqual(['Keripik Pisang', 'Rengginang']);
    await app.screenshot('import-08-done-with-problems', { fullPage: true });

    const target = path.join(dir, 'ringkasan.csv');
    expect(await page.downloadSummary(target)).toBe('Ringkasan disimpan sebagai ringkasan.csv.');
    const summary = await readTable(target);
    if (!summary.ok) throw new Error(`summary unreadable: ${summary.error.reason}`);
    expect(summary.table.headers).toEqual(['Baris', 'Produk', 'Hasil', 'Masalah']);
    expect(summary.table.rows.map((row) => row.cells)).toEqual([
      [
        '2',
        'Keripik Singkong Pedas',
        'Dilewati',
        'Harga: Bukan angka. Tulis angkanya saja, misalnya 25000, Rp 25.000 atau 25rb.',
      ],
      ['3', 'Keripik Pisang', 'Baru', ''],
      ['4', 'Sale Pisang', 'Dilewati', 'SKU: SKU ini sudah dipakai di baris 3. Setiap varian perlu SKU sendiri.'],
      ['5', 'Opak Ketan', 'Dilewati', 'Stok: Bukan angka. Tulis angkanya saja, misalnya 10.'],
      ['6', 'Rengginang', 'Baru', ''],
    ]);
    await app.screenshot('import-09-summary-saved');

    // The problems are worded again in English when the language changes.
    await shell.language('English').click();
    await app.page.getByRole('heading', { level: 2, name: 'Import finished' }).waitFor();
    expect(readable(await page.problems.locator('.import-problems__issues > li').first().textContent())).toBe(
      'Row 2, column “Harga”: Not a number. Write the number only, for example 25000, Rp 25.000 or 25rb.',
    );
    await app.screenshot('import-16-done-english');
  });

  it('changing what a column means changes the preview', async () => {
    const file = write(
      'daftar.csv',
      [
        'Nama Produk,Harga Eceran (Rp),Harga Grosir,Stok,Berat',
        'Batik Cap Tasik,"150.000","135.000",8,250',
        'Batik Tulis Tasik,"450.000","420.000",3,400',
      ].join('\n'),
    );
    const page = await openImport();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    // Neither price heading is one Akar knows: it says so before anything is imported.
    expect(await page.columnMeaning('Harga Eceran (Rp)')).toBe('Abaikan');
    expect(readable(await page.warnings.textContent())).toBe(
      'Belum ada kolom yang dipilih sebagai “Harga”. Produk baru butuh harga.',
    );
    await page.settled();
    expect(await page.counts()).toEqual({ created: 0, updated: 0, unchanged: 0, skipped: 2 });
    await page.warnings.scrollIntoViewIfNeeded();
    await app.screenshot('import-10-match-no-price');

    await page.setColumn('Harga Eceran (Rp)', 'Harga');
    await page.settled();
    expect(await page.counts()).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(await page.warnings.count()).toBe(0);

    // One column per field: choosing the wholesale price as "Harga" frees the retail one.
    await page.setColumn('Harga Grosir', 'Harga');
    expect(await page.columnMeaning('Harga Eceran (Rp)')).toBe('Abaikan');
    expect(readable(await page.main.getByRole('status').filter({ hasText: 'sekarang diabaikan' }).textContent())).toBe(
      'Kolom “Harga Eceran (Rp)” sekarang diabaikan, karena Harga cukup satu kolom.',
    );
    await page.settled();
    await app.screenshot('import-11-match-changed');

    // A category attribute needs its name before the file can be checked.
    await page.setColumn('Harga Eceran (Rp)', 'Atribut kategori…');
    const next = page.main.getByRole('button', { name: 'Lanjut: periksa hasil' });
    expect(await next.isDisabled()).toBe(true);
    const attribute = page.main.getByLabel('Nama atribut untuk kolom “Harga Eceran (Rp)”');
    expect(await attribute.getAttribute('aria-invalid')).toBe('true');
    await attribute.fill('harga_eceran');
    expect(await next.isEnabled()).toBe(true);
    await page.setColumn('Harga Eceran (Rp)', 'Abaikan');

    // Weights written in grams under a plain "Berat" heading: Akar reads them as grams...
    const gramsHint = page.main.getByRole('status').filter({ hasText: 'untuk kilogram' });
    expect(await page.columnMeaning('Berat')).toBe('Berat (gram)');
    expect(await gramsHint.count()).toBe(0);
    // ...and if the user insists on kilograms, the screen says what that would mean.
    await page.setColumn('Berat', 'Berat (kg)');
    expect(readable(await gramsHint.textContent())).toBe(
      'Angka seperti 250 terlalu besar untuk kilogram. Kalau maksudnya gram, pilih “Berat (gram)”.',
    );
    await page.setColumn('Berat', 'Berat (gram)');
    expect(await gramsHint.count()).toBe(0);
    await page.next();
    await page.commit();
    const products = await stored(app.core);
    expect(products.get('Batik Cap Tasik')?.skus[0]).toMatchObject({ price: 135000, weightKg: 0.25 });
    expect(products.get('Batik Tulis Tasik')?.skus[0]).toMatchObject({ price: 420000, weightKg: 0.4 });
  });

  it('cancelling at any step writes nothing', async () => {
    const file = write('produk.csv', SEMICOLON_CSV);
    const page = await openImport();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    await page.next();
    await page.main.getByRole('button', { name: 'Kembali ke kolom' }).click();
    await page.waitForStep('Cocokkan kolom');
    await page.main.getByRole('button', { name: 'Batal impor' }).click();
    await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();
    expect(unwrap(await app.core.products.list({ sellerId: seller.id }))).toEqual([]);

    // The breadcrumb's "Kembali" leaves the same way.
    await app.page.getByRole('main').getByRole('button', { name: 'Impor Excel/CSV' }).click();
    await page.waitForStep('Pilih file daftar produk');
    await shell.back();
    await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();
    expect(unwrap(await app.core.products.list({ sellerId: seller.id }))).toEqual([]);
  });
});

describe('files that cannot be imported', () => {
  it('says a file is too large, with both sizes and what to do', async () => {
    const file = path.join(dir, 'semua produk.csv');
    fs.writeFileSync(file, 'Nama Produk;Harga\n');
    // Sparse: 31 MB on paper, refused before a byte of it is read.
    fs.truncateSync(file, 31 * 1024 * 1024);
    const page = await openImport();
    await page.choose(file);
    await page.fileProblem.waitFor();
    expect(readable(await page.fileProblem.textContent())).toBe(
      'File ini belum bisa diimpor' +
        'File ini 31 MB; batasnya 30 MB.' +
        'Bagi menjadi beberapa file yang lebih kecil, lalu impor satu per satu.',
    );
    // Still on step 1, with the button right there for the next try.
    expect(await page.chooseButton.isEnabled()).toBe(true);
    await app.screenshot('import-12-too-large');
  });

  it('says what a file is when it is not a spreadsheet, and how to save an old .xls', async () => {
    const page = await openImport();
    await page.choose(write('katalog.xlsx', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)])));
    await page.fileProblem.waitFor();
    expect(readable(await page.fileProblem.textContent())).toContain(
      'Ini bukan file Excel atau CSV, melainkan file PDF.Pilih file daftar produk yang namanya berakhiran .xlsx atau .csv.',
    );
    await app.screenshot('import-13-not-a-spreadsheet');

    const ole2 = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
    await page.choose(write('produk lama.xls', ole2));
    await page.fileProblem.filter({ hasText: 'XLS' }).waitFor();
    expect(readable(await page.fileProblem.textContent())).toContain(
      'File XLS belum bisa dibaca Akar.Simpan ulang sebagai .xlsx atau CSV dari Excel',
    );

    await page.choose(write('kutip.csv', 'Nama Produk;Harga\nKaos;10000\n"Kaos Polos;20000\nTopi;5000\n'));
    await page.fileProblem.filter({ hasText: 'kutip' }).waitFor();
    expect(readable(await page.fileProblem.textContent())).toContain(
      'Ada tanda kutip (") yang tidak ditutup, mulai baris 3.',
    );
    await app.screenshot('import-14-unbalanced-quote');
  });

  it('shows a progress bar with time left while a large file is read', async () => {
    // A slow USB stick: the core's reader waits until the test lets it go on, and meanwhile
    // the test reports progress under the job id the screen gave, as the reader does.
    const imports = app.core.imports;
    const open = imports.open.bind(imports);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let jobId = '';
    imports.open = async (filePath, options) => {
      jobId = options?.jobId ?? '';
      await gate;
      return open(filePath, options);
    };
    const rows = [
      'Nama Produk;Harga;Stok',
      ...Array.from({ length: 6000 }, (_, i) => `Produk ${i + 1};Rp ${10 + (i % 90)}.000;${i % 50}`),
    ];
    const file = write('besar.csv', rows.join('\n'));
    const page = await openImport();
    await app.page.evaluate(() => {
      const page = window as unknown as { seen: unknown[]; api: AkarApi };
      page.seen = [];
      page.api.on('progress', (event) => page.seen.push(event));
    });

    await page.choose(file);
    await expect.poll(() => jobId).toMatch(/^import-read-/);
    const total = 24 * 1024 * 1024;
    await app.emit('progress', { jobId, kind: 'import-read', done: 2 * 1024 * 1024, total });
    // Another job's progress never moves this bar.
    await app.emit('progress', { jobId: 'import-read-other', kind: 'import-read', done: total, total });
    await app.emit('progress', { jobId, kind: 'import-read', done: 9 * 1024 * 1024, total, etaMs: 14_200 });
    await page.readProgress.waitFor();
    const text = readable(await page.readProgress.textContent());
    expect(text).toContain('Membaca file…');
    expect(text).toContain('9 dari 24 MB (37%)');
    expect(text).toContain('sekitar 15 detik lagi');
    await app.screenshot('import-15-reading-progress');

    release();
    await page.waitForStep('Cocokkan kolom');
    expect(readable(await page.main.textContent())).toContain('6.000 baris');
    // Too many rows to check again after every change of a column: it is checked once, next.
    expect(readable(await app.page.getByTestId('large-file').textContent())).toBe(
      'File ini besar, jadi hasilnya dihitung sekali saja di langkah berikutnya.',
    );
    // The real reader reported its own progress too (bytes of the file, to the end).
    const seen = (await app.page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)) as {
      kind: string;
      done: number;
      total: number;
    }[];
    const real = seen.filter((event) => event.kind === 'import-read' && event.total === fs.statSync(file).size);
    expect(real.length).toBeGreaterThan(1);
    expect(real.at(-1)?.done).toBe(real.at(-1)?.total);
  });

  it('shows how far a large import is, and stopping it keeps nothing', async () => {
    const rows = [
      'Nama Produk;SKU;Harga;Stok;Berat',
      ...Array.from({ length: 20_000 }, (_, i) => `Keripik Rasa ${i + 1};KR-${i + 1};Rp 12.000;5;250`),
    ];
    const file = write('banyak.csv', rows.join('\n'));
    const page = await openImport();
    await page.choose(file);
    await page.waitForStep('Cocokkan kolom');
    await page.next();
    await page.importButton.click();

    // The bar counts products as the core writes them, then "Hentikan" rolls it all back.
    const bar = page.commitProgress;
    await bar.locator('progress').waitFor();
    const text = readable(await bar.textContent());
    expect(text).toContain('Menyimpan 20.000 produk…');
    expect(text).toMatch(/[\d.]+ dari 20\.000 \(\d+%\)/);
    await app.screenshot('import-16-commit-progress');
    await bar.getByRole('button', { name: 'Hentikan' }).click();

    await page.stoppedNote.waitFor();
    expect(readable(await page.stoppedNote.textContent())).toBe(
      'Impor dihentikan. Belum ada produk yang disimpan; Anda bisa mengimpor lagi kapan saja.',
    );
    await expect.poll(() => app.page.getByTestId('commit-progress').count()).toBe(0);
    expect(unwrap(await app.core.products.searchIds({ sellerId: seller.id }))).toEqual([]);
    await app.screenshot('import-17-commit-stopped');

    // The file is still there: importing it after all writes every product.
    await page.commit();
    expect(unwrap(await app.core.products.search({ sellerId: seller.id })).total).toBe(20_000);
  });
});
