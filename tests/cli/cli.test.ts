import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../electron/cli/run';
import { runAkar } from '../support/cli';

const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-cli-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the CLI in-process against the temp data dir, capturing what it prints. */
function akar(...args: string[]) {
  return runAkar(dataDir, ...args);
}

function tableCounts(): Record<string, number> {
  const db = new Database(path.join(dataDir, 'akar.db'), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { sellers: count('sellers'), products: count('products'), skus: count('skus') };
  } finally {
    db.close();
  }
}

describe('akar CLI', () => {
  it('adds and lists participants, in Indonesian by default', async () => {
    const added = await akar('seller', 'add', '--name', 'Ibu Siti', '--district', 'Garut', '--phone', '0812-3456-789');
    expect(added).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(added.stdout).toBe('Peserta ditambahkan: #1 Ibu Siti');

    const list = await akar('seller', 'list');
    expect(list.code).toBe(EXIT.ok);
    expect(list.stdout).toMatch(/^ID\s+Nama\s+Usaha\s+Kabupaten\s+Produk/);
    expect(list.stdout).toContain('Ibu Siti');
    expect(list.stdout).toContain('Garut');
  });

  it('prints JSON for scripts', async () => {
    await akar('seller', 'add', '--name', 'Pak Ujang');
    const list = await akar('--json', 'seller', 'list');
    const parsed = JSON.parse(list.stdout) as { ok: boolean; value: { name: string; productCount: number }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.value).toEqual([expect.objectContaining({ name: 'Pak Ujang', productCount: 0 })]);
  });

  it('adds a product with two variants and shows it, generating the blank SKU code', async () => {
    await akar('seller', 'add', '--name', 'Ibu Siti');
    const added = await akar(
      '--json',
      'product',
      'add',
      '--seller',
      '1',
      '--name',
      'Kripik Singkong Pedas',
      '--variant',
      'price=15000,stock=10,weight=0.25,name=250 g',
      '--variant',
      'price=25000,stock=4,weight=0.5,sku=KSP-BESAR,name=500 g,length=20,width=15,height=5',
    );
    expect(added.code).toBe(EXIT.ok);
    const product = JSON.parse(added.stdout).value;
    expect(product.skus.map((s: { sellerSku: string }) => s.sellerSku)).toEqual(['KSP-0001', 'KSP-BESAR']);
    expect(product.skus[1]).toMatchObject({ price: 25000, stock: 4, weightKg: 0.5, lengthCm: 20 });

    // A decimal comma is fine for weights and sizes.
    const comma = await akar(
      '--json',
      'product',
      'add',
      '--seller',
      '1',
      '--name',
      'Dodol',
      '--price',
      '20000',
      '--weight',
      '0,35',
    );
    expect(JSON.parse(comma.stdout).value.skus[0]).toMatchObject({ price: 20000, weightKg: 0.35 });

    const shown = await akar('product', 'show', String(product.id));
    expect(shown.code).toBe(EXIT.ok);
    expect(shown.stdout).toContain('Kripik Singkong Pedas');
    expect(shown.stdout).toContain('Rp 15.000');
    expect(shown.stdout).toContain('20x15x5');

    const list = await akar('product', 'list', '--seller', '1');
    expect(list.stdout).toContain('Rp 15.000 - Rp 25.000');
  });

  it('reads numbers the way sellers write them, as the form and the importer do', async () => {
    await akar('seller', 'add', '--name', 'Ibu Siti');
    // "15.000" is fifteen thousand rupiah, never Rp 15.
    const flags = await akar(
      '--json',
      'product',
      'add',
      '--seller',
      '1',
      '--name',
      'Kopi',
      '--price',
      'Rp 15.000',
      '--stock',
      '1.250',
      '--weight',
      '250 g',
    );
    expect(JSON.parse(flags.stdout).value.skus[0]).toMatchObject({ price: 15000, stock: 1250, weightKg: 0.25 });
    // In --variant only a comma before the next key separates, so decimal commas survive.
    const variant = await akar(
      '--json',
      'product',
      'add',
      '--seller',
      '1',
      '--name',
      'Teh',
      '--variant',
      'price=1,5jt,weight=0,5,length=1 m',
    );
    expect(JSON.parse(variant.stdout).value.skus[0]).toMatchObject({ price: 1500000, weightKg: 0.5, lengthCm: 100 });
  });

  it('rejects bad input with a clear message naming the field, writes nothing, exits non-zero', async () => {
    await akar('seller', 'add', '--name', 'Ibu Siti');
    const before = tableCounts();
    const cases: [string[], RegExp][] = [
      [
        ['product', 'add', '--seller', '1', '--name', 'X', '--price=-5'],
        /varian ke-1 \(price\): Tidak boleh kurang dari 1/,
      ],
      [
        ['product', 'add', '--seller', '1', '--name', 'X', '--price', 'murah'],
        /varian ke-1 \(price\): Harus berupa angka/,
      ],
      // Cents are refused, never rounded away; a price that could be a thousand times more
      // or less ("1.500rb": Rp 1.500 or Rp 1.500.000?) is refused with the hint.
      [
        ['product', 'add', '--seller', '1', '--name', 'X', '--price', '15.000,50'],
        /varian ke-1 \(price\): Harus angka bulat/,
      ],
      [
        ['product', 'add', '--seller', '1', '--name', 'X', '--price', '1500.5'],
        /varian ke-1 \(price\): Harus angka bulat/,
      ],
      [
        ['product', 'add', '--seller', '1', '--name', 'X', '--price', '1.500rb'],
        /varian ke-1 \(price\): Harus berupa angka\. Tulis angkanya saja/,
      ],
      [
        ['product', 'add', '--seller', '1', '--name', 'X', '--price', '15000', '--stock', '1,5'],
        /varian ke-1 \(stock\): Harus angka bulat/,
      ],
      [['product', 'add', '--seller', '1', '--name', 'X', '--price', '1', '--weight', 'setengah'], /Tulis seperti 0,5/],
      [['product', 'add', '--seller', '1', '--price', '1500'], /--name: Wajib diisi/],
      [['product', 'add', '--seller', '99', '--name', 'X', '--price', '1500'], /--seller: Data tidak ditemukan/],
      [['product', 'add', '--seller', 'abc', '--name', 'X', '--price', '1500'], /--seller: Harus berupa angka/],
      [
        ['product', 'add', '--seller', '1', '--name', 'x'.repeat(300), '--price', '1500'],
        /--name: Terlalu panjang: paling banyak 255/,
      ],
      [['seller', 'add', '--name', ''], /--name: Wajib diisi/],
      [['seller', 'add', '--name', 'A', '--phone', 'call me'], /--phone: Format tidak sesuai/],
      [['product', 'show', '12345'], /ID: Data tidak ditemukan/],
    ];
    for (const [args, message] of cases) {
      const result = await akar(...args);
      expect(result.code, args.join(' ')).toBe(EXIT.rejected);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stdout).toBe('');
    }
    expect(tableCounts()).toEqual(before);
  });

  it('moves participants and products to the trash and back', async () => {
    await akar('seller', 'add', '--name', 'Ibu Siti');
    await akar('seller', 'add', '--name', 'Pak Ujang');
    await akar('product', 'add', '--seller', '1', '--name', 'Kopi Cikajang', '--price', '15000');
    await akar('product', 'add', '--seller', '2', '--name', 'Teh Hijau', '--price', '5000');
    expect((await akar('trash', 'list')).stdout).toBe('Tempat sampah kosong.');

    const deleted = await akar('product', 'delete', '1');
    expect(deleted).toMatchObject({ code: EXIT.ok, stdout: expect.stringContaining('akar product restore 1') });
    expect((await akar('seller', 'delete', '2')).code).toBe(EXIT.ok);
    const trash = await akar('trash', 'list');
    expect(trash.stdout).toMatch(/Peserta di tempat sampah[^\n]*\n.*\n.*\n2\s+Pak Ujang\s+1/);
    expect(trash.stdout).toMatch(/1\s+Kopi Cikajang\s+Ibu Siti\s+Rp 15\.000/);
    expect((await akar('product', 'list', '--seller', '1')).stdout).toContain('Belum ada produk');

    // Deleting twice is refused, not silently repeated.
    expect(await akar('product', 'delete', '1')).toMatchObject({
      code: EXIT.rejected,
      stderr: expect.stringContaining('tempat sampah'),
    });
    expect((await akar('product', 'restore', '1')).stdout).toBe('Produk #1 Kopi Cikajang dipulihkan.');
    expect((await akar('seller', 'restore', '2')).stdout).toBe('Peserta #2 Pak Ujang dipulihkan.');
    expect((await akar('trash', 'list')).stdout).toBe('Tempat sampah kosong.');
    expect((await akar('product', 'list', '--seller', '2')).stdout).toContain('Teh Hijau');
    expect(await akar('product', 'restore', 'x')).toMatchObject({ code: EXIT.rejected });
  });

  it('treats usage mistakes as usage errors (exit 2)', async () => {
    expect(await akar('seller', 'lis')).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining('Perintah tidak dikenal'),
    });
    expect(await akar('seller', 'add', '--colour', 'red')).toMatchObject({
      code: EXIT.usage,
      stderr: 'Pilihan tidak dikenal: --colour. Ketik "akar help" untuk daftar pilihan.',
    });
    expect(await akar('seller', 'add', '--name')).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining('Pilihan --name perlu diisi'),
    });
    expect((await akar('seller', 'list', '--price', '5')).code).toBe(EXIT.usage);
    // Nothing was opened, let alone created, for a mistyped command.
    expect(fs.existsSync(path.join(dataDir, 'akar.db'))).toBe(false);
    const variant = await akar('product', 'add', '--seller', '1', '--name', 'X', '--variant', 'price=1,colour=red');
    expect(variant).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining('colour') });
    expect((await akar('product', 'add', '--seller', '1', '--name', 'X')).code).toBe(EXIT.usage);
  });

  it('speaks English with --lang en, and follows the language chosen in the app', async () => {
    const en = await akar('--lang', 'en', 'seller', 'add', '--name', '');
    expect(en.stderr).toBe('Error in --name: Required.');

    const db = new Database(path.join(dataDir, 'akar.db'));
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run();
    db.close();
    expect((await akar('seller', 'add', '--name', 'Dewi')).stdout).toBe('Participant added: #1 Dewi');
  });

  it('refuses a database from a newer Akar with exit 3 and leaves it alone', async () => {
    await akar('seller', 'add', '--name', 'Ibu Siti');
    const file = path.join(dataDir, 'akar.db');
    const db = new Database(file);
    db.pragma('user_version = 9990');
    db.close();
    const before = fs.readFileSync(file);
    const result = await akar('seller', 'list');
    expect(result.code).toBe(EXIT.cannotOpen);
    expect(result.stderr).toContain('versi yang lebih baru');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('runs as a real process through the bin entry, with AKAR_DATA_DIR', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, AKAR_DATA_DIR: dataDir, AKAR_LANG: 'en' };
    const added = await run(process.execPath, [path.join(root, 'bin/akar.js'), 'seller', 'add', '--name', 'Ibu Siti'], {
      env,
    });
    expect(added.stdout.trim()).toBe('Participant added: #1 Ibu Siti');
    const failed = await run(process.execPath, [path.join(root, 'bin/akar.js'), 'product', 'show', '7'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: EXIT.rejected, stderr: expect.stringContaining('Error in ID: Not found') });
  });
});
