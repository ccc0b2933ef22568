import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guessMapping } from '../../../electron/core/import/columns';
import type { ImportFile, ImportReport } from '../../../electron/shared/imports';
import { addProduct, addSeller, READY_CATEGORY_ID } from '../../support/catalogue';
import { dumpDatabase } from '../../support/db';
import { unwrap } from '../../support/results';
import { openTempCore, tempDir, type TempCore } from '../../support/temp';

let temp: TempCore;
beforeEach(() => {
  temp = openTempCore();
});
afterEach(() => temp.dispose());

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

async function open(file: string): Promise<ImportFile> {
  return unwrap(await temp.core.imports.open(file));
}

async function preview(file: ImportFile, sellerId: number, mapping = file.mapping): Promise<ImportReport> {
  return unwrap(await temp.core.imports.preview({ importId: file.importId, sellerId, mapping }));
}

async function commit(file: ImportFile, sellerId: number, mapping = file.mapping): Promise<ImportReport> {
  return unwrap(await temp.core.imports.commit({ importId: file.importId, sellerId, mapping }));
}

async function products(sellerId: number) {
  const list = unwrap(await temp.core.products.list({ sellerId }));
  const all = await Promise.all(list.map(async (p) => unwrap(await temp.core.products.get({ id: p.id }))));
  return all.sort((a, b) => a.id - b.id);
}

/** A seller's sheet the way Indonesian Excel saves it: semicolons, Indonesian numbers. */
const SARI_CSV = [
  'Nama Produk;Deskripsi;Harga;Stok;Berat;SKU;Rasa;Kategori',
  'Keripik Singkong;Renyah;Rp 15.000;10;250 gr;KS-ORI;Original;Keripik',
  'Keripik Singkong;Renyah;Rp 17.500;5;0,25 kg;KS-PDS;Pedas;Keripik',
  'Dodol Garut;Legit;25rb;1.250;1,5 kg;DG-1;;',
].join('\r\n');

describe('spreadsheet import', () => {
  it('guesses the columns of an Indonesian sheet', async () => {
    const file = await open(writeFile('sari.csv', SARI_CSV));
    expect(file.rowCount).toBe(3);
    expect(file.mapping).toEqual([
      { field: 'name' },
      { field: 'description' },
      { field: 'price' },
      { field: 'stock' },
      { field: 'weight', unit: 'kg' },
      { field: 'sellerSku' },
      { field: 'option1' },
      { field: 'category' },
    ]);
  });

  it('takes a "Berat" column of bare whole numbers of 20 or more as grams, anything else as kilograms', async () => {
    const weightUnit = async (values: string[]) => {
      const csv = ['Nama Produk;Harga;Berat', ...values.map((v, i) => `Produk ${i};10000;${v}`)].join('\n');
      return (await open(writeFile(`w-${values.join('-')}.csv`, csv))).mapping[2];
    };
    expect(await weightUnit(['250', '1000', '500'])).toEqual({ field: 'weight', unit: 'g' });
    expect(await weightUnit(['250', '1000', '500', '750', '0,5'])).toEqual({ field: 'weight', unit: 'g' });
    expect(await weightUnit(['0,25', '1', '1,5'])).toEqual({ field: 'weight', unit: 'kg' });
    expect(await weightUnit(['2', '5', '250 gr'])).toEqual({ field: 'weight', unit: 'kg' });
    const sari = await addSeller(temp.core);
    const file = await open(writeFile('gram.csv', 'Nama Produk;Harga;Berat\nKaos;10000;250'));
    await commit(file, sari.id);
    expect((await products(sari.id))[0]?.skus[0]?.weightKg).toBe(0.25);
  });

  it('previews without writing, then commits exactly what the preview promised', async () => {
    const sari = await addSeller(temp.core);
    const file = await open(writeFile('sari.csv', SARI_CSV));
    const before = dumpDatabase(temp.dbPath);
    const report = await preview(file, sari.id);
    expect(report).toMatchObject({ committed: false, created: 2, updated: 0, skipped: 0, rows: 3 });
    expect(dumpDatabase(temp.dbPath)).toBe(before);

    const done = await commit(file, sari.id);
    expect({ ...done, committed: false }).toEqual({ ...report, outcomes: done.outcomes });
    expect(done.committed).toBe(true);

    const [keripik, dodol] = await products(sari.id);
    expect(keripik).toMatchObject({ name: 'Keripik Singkong', variation1: 'Rasa', categoryId: READY_CATEGORY_ID });
    expect(keripik?.skus.map((s) => [s.sellerSku, s.option1, s.price, s.stock, s.weightKg])).toEqual([
      ['KS-ORI', 'Original', 15_000, 10, 0.25],
      ['KS-PDS', 'Pedas', 17_500, 5, 0.25],
    ]);
    expect(dodol?.skus.map((s) => [s.sellerSku, s.price, s.stock, s.weightKg])).toEqual([['DG-1', 25_000, 1250, 1.5]]);
  });

  it('checks in the preview exactly what the commit then does, for every kind of outcome', async () => {
    const sari = await addSeller(temp.core);
    await addProduct(temp.core, sari.id, 'Kopi Arabika', [{ sellerSku: 'KP-1', price: 45_000, weightKg: 0.25 }]);
    await addProduct(temp.core, sari.id, 'Gula Aren', [{ sellerSku: 'GA-1', price: 20_000 }]);
    await addProduct(temp.core, sari.id, 'Teh Hijau', [{ price: 15_000 }]);
    const csv = [
      'Kode Induk;Nama Produk;Harga;SKU;Berat;Warna',
      'A;Kopi Arabika;Rp 45.000;KP-1;0,25 kg;', // unchanged
      'B;Gula Aren;Rp 22.000;GA-1;;', // updated: price
      'C;Teh Hijau;Rp 16.000;;;', // updated by name: no code
      'D;Kaos;50000;KA-1;;Merah', // created, two variants
      'D;Kaos;50000;KA-2;;Biru',
      'E;Kaos Anak;;KA-3;;', // skipped: no price
      'F;Madu;30000;;;', // created without a code...
      'G;Madu;35000;;;', // ...and another "Madu" with another key is created too, not matched by name
      'H;Batik;abc;BT-1;;', // skipped: not a number
    ].join('\n');
    const file = await open(writeFile('mixed.csv', csv));
    const summary = (report: ImportReport) =>
      report.outcomes.map((o) => [o.lines, o.action, o.issues.map((i) => [i.line, i.reason])]);
    const checked = await preview(file, sari.id);
    const done = await commit(file, sari.id);
    expect(summary(done)).toEqual(summary(checked));
    expect(checked).toMatchObject({ created: 3, updated: 2, unchanged: 1, skipped: 2 });
    expect(
      unwrap(await temp.core.products.list({ sellerId: sari.id }))
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Gula Aren', 'Kaos', 'Kopi Arabika', 'Madu', 'Madu', 'Teh Hijau']);
  });

  it('updates by SellerSku when the same file comes again, and says what did not change', async () => {
    const sari = await addSeller(temp.core);
    await commit(await open(writeFile('sari.csv', SARI_CSV)), sari.id);
    const afterFirst = dumpDatabase(temp.dbPath);

    const again = await commit(await open(writeFile('sari.csv', SARI_CSV)), sari.id);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    // Nothing changed: not even a "last changed" time.
    expect(dumpDatabase(temp.dbPath)).toBe(afterFirst);

    const cheaper = SARI_CSV.replace('Rp 17.500', 'Rp 16.000');
    const changed = await commit(await open(writeFile('sari-2.csv', cheaper)), sari.id);
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const list = await products(sari.id);
    expect(list).toHaveLength(2);
    expect(list.flatMap((p) => p.skus).find((s) => s.sellerSku === 'KS-PDS')?.price).toBe(16_000);
  });

  it('reports each problem on its line and column, skips those products and imports the rest', async () => {
    const sari = await addSeller(temp.core);
    const csv = [
      'Nama Produk,Harga,SKU,Berat',
      'Kopi Arabika,"Rp 45.000",KP-1,250 gr',
      'Teh Hijau,"25.000,50",TH-1,100 gr', // cents in a price
      'Gula Aren,abc,GA-1,1 kg', // not a number
      'Madu Hutan,60000,KP-1,500 gr', // the SKU of an earlier row
      'Sambal Roa,20000,SR-1,2 lusin', // an unknown unit
      ',15000,XX-1,', // no name
    ].join('\n');
    const file = await open(writeFile('problems.csv', csv));
    const report = await preview(file, sari.id);
    expect(report).toMatchObject({ created: 1, skipped: 5, skippedRows: 5 });
    const issues = report.outcomes.flatMap((o) => o.issues.map((i) => [i.line, i.column, i.reason]));
    expect(issues).toEqual([
      [3, 'Harga', 'has_decimals'],
      [4, 'Harga', 'not_a_number'],
      [5, 'SKU', 'duplicate_sku_in_file'],
      [6, 'Berat', 'unknown_unit'],
      [7, 'Nama Produk', 'required'],
    ]);
    await commit(file, sari.id);
    expect((await products(sari.id)).map((p) => p.name)).toEqual(['Kopi Arabika']);
  });

  it('refuses SellerSkus that belong to another product or to the trash', async () => {
    const sari = await addSeller(temp.core);
    await addProduct(temp.core, sari.id, 'Batik Tulis', [{ sellerSku: 'BT-1', price: 300_000 }]);
    const old = await addProduct(temp.core, sari.id, 'Batik Cap', [{ sellerSku: 'BC-1', price: 150_000 }]);
    await temp.core.products.delete({ id: old.id });
    const csv = [
      'Kode Induk,Nama Produk,Harga,SKU,Warna',
      'A,Kemeja Batik,200000,BT-1,Biru', // BT-1 is Batik Tulis's
      'A,Kemeja Batik,200000,KM-2,Merah',
      'B,Sarung Batik,90000,BC-1,', // BC-1 is in the trash
    ].join('\n');
    const report = await preview(await open(writeFile('clash.csv', csv)), sari.id);
    // The group of A has one row naming Batik Tulis: it updates it... unless another row
    // names a different product. Here A's rows name Batik Tulis and a new code: an update.
    expect(report.outcomes.find((o) => o.name === 'Sarung Batik')?.issues).toEqual([
      { line: 4, column: 'SKU', reason: 'sku_in_trash', params: { sku: 'BC-1' } },
    ]);
    expect(report).toMatchObject({ updated: 1, skipped: 1 });
  });

  it('groups variant rows by the product key, with two variations and special prices', async () => {
    const sari = await addSeller(temp.core);
    const csv = [
      'Kode Induk;Nama Produk;Warna;Ukuran;Harga;Harga Promo;Promo Mulai;Promo Sampai;Stok',
      'K1;Kaos Polos;Hitam;M;Rp 50.000;Rp 45.000;01/12/2026;31/12/2026;3',
      'K1;Kaos Polos;Hitam;L;Rp 55.000;;;;2',
      'K1;Kaos Polos;Putih;M;Rp 50.000;;;;4',
    ].join('\n');
    await commit(await open(writeFile('kaos.csv', csv)), sari.id);
    const [kaos] = await products(sari.id);
    expect(kaos).toMatchObject({ variation1: 'Warna', variation2: 'Ukuran' });
    expect(
      kaos?.skus.map((s) => [s.variantName, s.price, s.specialPrice, s.specialFrom, s.specialTo, s.stock]),
    ).toEqual([
      ['Hitam / M', 50_000, 45_000, '2026-12-01', '2026-12-31', 3],
      ['Hitam / L', 55_000, null, null, null, 2],
      ['Putih / M', 50_000, null, null, null, 4],
    ]);
  });

  it('commits all or nothing: a failure in the middle leaves the catalogue as it was', async () => {
    const sari = await addSeller(temp.core);
    const file = await open(writeFile('sari.csv', SARI_CSV));
    const before = dumpDatabase(temp.dbPath);
    // A disk-level failure on the second product (a trigger stands in for it).
    const db = new Database(temp.dbPath);
    db.exec(`CREATE TRIGGER fail_dodol BEFORE INSERT ON products WHEN new.name = 'Dodol Garut'
             BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    db.close();
    const beforeWithTrigger = dumpDatabase(temp.dbPath);
    const result = await temp.core.imports.commit({
      importId: file.importId,
      sellerId: sari.id,
      mapping: file.mapping,
    });
    expect(result.ok).toBe(false);
    expect(dumpDatabase(temp.dbPath)).toBe(beforeWithTrigger);
    expect(before).not.toBe(beforeWithTrigger);
  });

  it('refuses a mapping that does not fit the file, and an unknown import', async () => {
    const sari = await addSeller(temp.core);
    const file = await open(writeFile('sari.csv', SARI_CSV));
    const short = await temp.core.imports.preview({ importId: file.importId, sellerId: sari.id, mapping: [] });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mapping' } });
    const unknown = await temp.core.imports.preview({
      importId: 'no-such-import',
      sellerId: sari.id,
      mapping: file.mapping,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'importId' } });
  });

  it('reports a file it cannot read as file_unreadable with the reason', async () => {
    const result = await temp.core.imports.open(writeFile('report.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj'));
    expect(result).toMatchObject({ ok: false, error: { code: 'file_unreadable' } });
    if (!result.ok) expect(result.error.params?.['reason']).toBe('not_a_spreadsheet');
  });
});

describe('export', () => {
  const HOSTILE = [
    '=HYPERLINK("http://x","klik")',
    '+62 812 3456',
    '-5 cm',
    '@SUM(A1)',
    "'=sudah",
    'Kopi "Luwak", asli',
  ];

  for (const format of ['csv', 'xlsx'] as const) {
    it(`writes ${format} that imports back unchanged, hostile text included`, async () => {
      const sari = await addSeller(temp.core);
      for (const [index, text] of HOSTILE.entries()) {
        await addProduct(
          temp.core,
          sari.id,
          `${text} ${index}`,
          [
            { sellerSku: `H-${index}`, price: 10_000 + index, stock: index, weightKg: 0.25, option1: 'Merah' },
            {
              price: 12_000,
              option1: 'Biru',
              specialPrice: 11_000,
              specialFrom: '2026-12-01',
              specialTo: '2026-12-31',
            },
          ],
          {
            description: `${text}\nbaris kedua`,
            variation1: 'Warna',
            highlights: [text, 'Awet'],
            categoryId: READY_CATEGORY_ID,
            attributes: { shelf_life: '3 Bulan', package_type: 'Toples' },
            condition: 'used',
          },
        );
      }
      const before = await products(sari.id);
      const target = path.join(tempDir(), `export.${format}`);
      const saved = unwrap(await temp.core.exportTo(target, { format, sellerId: sari.id }));
      expect(saved).toMatchObject({ products: HOSTILE.length, rows: HOSTILE.length * 2 });

      if (format === 'csv') {
        const text = fs.readFileSync(target, 'utf8');
        // Formula cells are neutralised for Excel: no line starts a cell with "=" unescaped.
        expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")`);
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(target);
        const cells: unknown[] = [];
        workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell.formula ?? cell.value)));
        expect(cells.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
      }

      const file = await open(target);
      expect(file.mapping).toEqual(guessMapping(file.headers));
      expect(file.mapping.filter((m) => m.field === 'ignore')).toEqual([]);
      const report = await commit(file, sari.id);
      expect(await products(sari.id)).toEqual(before);
      expect(report).toMatchObject({ created: 0, updated: 0, unchanged: HOSTILE.length, skipped: 0 });
      expect(await products(sari.id)).toEqual(before);
    });
  }
});
