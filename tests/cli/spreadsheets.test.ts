import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../electron/cli/run';
import { runAkar } from '../support/cli';
import { dumpDatabase } from '../support/db';

const root = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-cli-sheet-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function akar(...args: string[]) {
  return runAkar(dataDir, ...args);
}

function file(name: string, content: string): string {
  const target = path.join(dataDir, name);
  fs.writeFileSync(target, content);
  return target;
}

const SHEET = [
  'Nama Produk;Harga;Stok;Berat;SKU;Warna',
  'Kemeja Batik;Rp 150.000;5;250 gr;KB-1;Biru',
  'Kemeja Batik;Rp 155.000;3;0,3 kg;KB-2;Merah',
  'Dodol Garut;25rb;abc;1 kg;DD-1;',
].join('\n');

describe('akar import / export', () => {
  it('dry-runs without writing, lists problems by line and column, and fails the exit code', async () => {
    await akar('seller', 'add', '--name', 'Ibu Sari');
    const before = dumpDatabase(path.join(dataDir, 'akar.db'));
    const dry = await akar('import', file('a.csv', SHEET), '--seller', '1', '--dry-run');
    expect(dry.code).toBe(EXIT.rejected);
    expect(dry.stdout).toContain('1 produk baru, 0 diperbarui, 0 tidak berubah, 1 dilewati (1 baris)');
    expect(dry.stdout).toContain('Baris 4, kolom "Stok"');
    expect(dry.stdout).toContain('Uji coba: belum ada yang disimpan.');
    expect(dumpDatabase(path.join(dataDir, 'akar.db'))).toBe(before);
  });

  it('imports, then re-imports the same file without duplicating', async () => {
    await akar('seller', 'add', '--name', 'Ibu Sari');
    const clean = file('clean.csv', SHEET.split('\n').slice(0, 3).join('\n'));
    const first = await akar('import', clean, '--seller', '1');
    // The progress line ends on the last product written.
    expect(first.progress.at(-1)).toBe('Menyimpan 1 dari 1 produk (100%)');
    expect(first).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(first.stdout).toContain('1 produk baru');
    const again = await akar('--json', 'import', clean, '--seller', '1');
    expect(again.code).toBe(EXIT.ok);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, value: { created: 0, unchanged: 1, committed: true } });
    const list = await akar('--json', 'product', 'list', '--seller', '1');
    expect(JSON.parse(list.stdout).value).toHaveLength(1);
  });

  it('reports an unreadable file and a usage mistake with their own exit codes', async () => {
    await akar('seller', 'add', '--name', 'Ibu Sari');
    const pdf = await akar('import', file('x.pdf', '%PDF-1.4 nothing'), '--seller', '1');
    expect(pdf.code).toBe(EXIT.rejected);
    expect(pdf.stderr).toContain('File ini tidak bisa dibaca');
    expect((await akar('import', '--seller', '1')).code).toBe(EXIT.usage);
    expect((await akar('export', '--format', 'pdf', '--out', 'x.pdf')).code).toBe(EXIT.usage);
  });

  it('exports the whole catalogue to XLSX and one participant to CSV, in the chosen language', async () => {
    await akar('seller', 'add', '--name', 'Ibu Sari');
    await akar('import', file('clean.csv', SHEET.split('\n').slice(0, 3).join('\n')), '--seller', '1');
    const xlsx = path.join(dataDir, 'semua.xlsx');
    const all = await akar('--lang', 'en', 'export', '--format', 'xlsx', '--out', xlsx);
    expect(all).toMatchObject({ code: EXIT.ok });
    expect(all.stdout).toBe(`1 product (2 rows) saved to ${xlsx}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const header = workbook.worksheets[0]?.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Participant', 'Parent Key', 'Product Name']);

    const csv = path.join(dataDir, 'sari.csv');
    expect((await akar('export', '--format', 'csv', '--seller', '1', '--out', csv)).code).toBe(EXIT.ok);
    const lines = fs
      .readFileSync(csv, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]?.startsWith('Kode Induk,Nama Produk,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(11, 13))).toEqual([
      ['KB-1', '150000'],
      ['KB-2', '155000'],
    ]);
  });

  it('runs as a real process too', async () => {
    const run = promisify(execFile);
    await akar('seller', 'add', '--name', 'Ibu Sari');
    const target = file('clean.csv', SHEET.split('\n').slice(0, 3).join('\n'));
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'electron/cli/index.ts'),
        '--data',
        dataDir,
        'import',
        target,
        '--seller',
        '1',
      ],
      { cwd: root },
    );
    expect(stdout).toContain('Impor selesai.');
  });
});
