import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadResult, type SheetTable } from '../../../electron/core/spreadsheet';
import { tempFolder, writeRawXlsx } from './files';

const dir = tempFolder('xlsx');
let counter = 0;
const next = (): string => path.join(dir, `book-${++counter}.bin`);

function table(result: ReadResult): SheetTable {
  if (!result.ok) throw new Error(`expected a table, got ${JSON.stringify(result.error)}`);
  return result.table;
}

describe('readTable: XLSX written by exceljs', () => {
  it('reads the first visible sheet with cached formula results, dates, numbers, rich text, links and merges', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Rahasia', { state: 'hidden' }).addRow(['secret', 1]);
    const sheet = book.addWorksheet('Produk');
    book.addWorksheet('Catatan').addRow(['other']);
    sheet.addRow(['SKU', 'Nama', 'Harga', 'Total', 'Tanggal', 'Aktif', 'Toko', 'Cek']);
    sheet.addRow([
      'KRP-1',
      { richText: [{ text: 'Kripik ', font: { bold: true } }, { text: 'Pedas' }] },
      12500,
      { formula: 'C2*2', result: 25000 },
      new Date(Date.UTC(2024, 7, 17)),
      true,
      { text: 'Toko Sari', hyperlink: 'https://toko.invalid/sari' },
      { error: '#N/A' },
    ]);
    sheet.getCell('E2').numFmt = 'dd/mm/yyyy';
    sheet.addRow(['KRP-2', 'Dodol', 0.1 + 0.2, { formula: 'C3*2' }, null, false, null, 0.25]);
    sheet.addRow(['KRP-3', 'Kopi', 1e21, null, null, null, null, -5]);
    sheet.getCell('B5').value = 'Paket hemat';
    sheet.getCell('C5').value = 'not shown by Excel';
    sheet.mergeCells('B5:D6');
    sheet.getCell('A6').value = 'KRP-4';
    const file = next();
    await book.xlsx.writeFile(file);

    const t = table(await readTable(file));
    expect(t.format).toBe('xlsx');
    expect(t.sheetName).toBe('Produk');
    expect(t.headers).toEqual(['SKU', 'Nama', 'Harga', 'Total', 'Tanggal', 'Aktif', 'Toko', 'Cek']);
    expect(t.rows).toEqual([
      {
        line: 2,
        cells: ['KRP-1', 'Kripik Pedas', '12500', '25000', '2024-08-17', 'TRUE', 'Toko Sari', '#N/A'],
        problems: [{ reason: 'cell_error', params: { column: 8, value: '#N/A' } }],
      },
      {
        line: 3,
        cells: ['KRP-2', 'Dodol', '0.3', '', '', 'FALSE', '', '0.25'],
        problems: [{ reason: 'formula_without_value', params: { column: 4 } }],
      },
      { line: 4, cells: ['KRP-3', 'Kopi', '1000000000000000000000', '', '', '', '', '-5'], problems: [] },
      { line: 5, cells: ['', 'Paket hemat', '', '', '', '', '', ''], problems: [] },
      { line: 6, cells: ['KRP-4', '', '', '', '', '', '', ''], problems: [] },
    ]);
    expect(t.notes).toEqual(
      expect.arrayContaining([
        { reason: 'hidden_sheets_skipped', params: { count: 1, names: 'Rahasia' } },
        { reason: 'other_sheets_ignored', params: { sheet: 'Produk', count: 1, names: 'Catatan' } },
        { reason: 'merged_cells', params: { count: 1, ranges: 'B5:D6' } },
        { reason: 'formulas_used_cached_values', params: { count: 2 } },
      ]),
    );
  });

  it('refuses a workbook whose every sheet is hidden', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('A', { state: 'hidden' }).addRow(['x']);
    book.addWorksheet('B', { state: 'veryHidden' }).addRow(['y']);
    const file = next();
    await book.xlsx.writeFile(file);
    expect(await readTable(file)).toEqual({ ok: false, error: { reason: 'no_visible_sheet', params: {} } });
  });

  it('refuses an empty first visible sheet', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Kosong');
    book.addWorksheet('Isi').addRow(['x']);
    const file = next();
    await book.xlsx.writeFile(file);
    expect(await readTable(file)).toEqual({ ok: false, error: { reason: 'empty_sheet', params: { sheet: 'Kosong' } } });
  });
});

describe('readTable: XLSX as Excel writes it', () => {
  const styles =
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[$-421]d mmmm yyyy;@"/>' +
    '<numFmt numFmtId="166" formatCode="#,##0 &quot;hari&quot;"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/>' +
    '<xf numFmtId="22"/><xf numFmtId="166"/><xf numFmtId="20"/></cellXfs></styleSheet>';

  it('reads shared and inline rich text, escapes, date formats and typed cells', async () => {
    const file = next();
    await writeRawXlsx(
      file,
      [
        {
          name: 'Data',
          body:
            '<dimension ref="A1:F4"/><sheetData>' +
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
            '<c r="D1" t="inlineStr"><is><t>Tanggal</t></is></c><c r="E1" t="inlineStr"><is><t>Jam</t></is></c><c r="F1" t="inlineStr"><is><t>Lain</t></is></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><r><t>Dodol </t></r><r><rPr><b/></rPr><t>Garut</t></r></is></c>' +
            '<c r="C2"><v>0.30000000000000004</v></c><c r="D2" s="1"><v>45521</v></c><c r="E2" s="4"><v>45521.5</v></c><c r="F2" s="5"><v>7</v></c></row>' +
            // No r attributes: positions follow on.
            '<row><c t="s"><v>4</v></c><c t="str"><f>A3&amp;"!"</f><v>x!</v></c><c><v>2.5E-3</v></c><c s="2"><v>45292</v></c><c s="6"><v>0.75</v></c><c t="b"><f>TRUE()</f><v>1</v></c></row>' +
            '<row r="5"><c r="A5" t="s"><v>5</v></c><c r="B5" t="d"><v>2024-08-17T00:00:00</v></c><c r="C5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D5" s="3"><v>45521</v></c><c r="E5" t="inlineStr"><is><t>_x005F_x0041_</t></is></c></row>' +
            '</sheetData>',
        },
      ],
      {
        styles,
        sharedStrings: [
          '<si><t>SKU</t></si>',
          '<si><r><t xml:space="preserve">Nama </t></r><r><rPr><i/></rPr><t>Produk</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
          '<si><t>Harga</t></si>',
          '<si><t xml:space="preserve"> baris_x000D_\nbaru </t></si>',
          "<si><t>'=x</t></si>",
          '<si><t>=SUM(A1)</t></si>',
        ],
      },
    );
    const t = table(await readTable(file));
    expect(t.headers).toEqual(['SKU', 'Nama Produk', 'Harga', 'Tanggal', 'Jam', 'Lain']);
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, [' baris\r\nbaru ', 'Dodol Garut', '0.3', '2024-08-17', '2024-08-17 12:00:00', '7']],
      [3, ['=x', 'x!', '0.0025', '2024-01-01', '18:00:00', 'TRUE']],
      [5, ['=SUM(A1)', '2024-08-17', '#DIV/0!', '2024-08-17', '_x0041_', '']],
    ]);
    expect(t.rows[2]?.problems).toEqual([{ reason: 'cell_error', params: { column: 3, value: '#DIV/0!' } }]);
    expect(t.notes).toContainEqual({ reason: 'formulas_used_cached_values', params: { count: 3 } });
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    const file = next();
    await writeRawXlsx(
      file,
      [
        {
          name: 'Mac',
          body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tanggal</t></is></c></row><row r="2"><c r="A2" s="1"><v>0</v></c></row><row r="3"><c r="A3" s="1"><v>43693</v></c></row></sheetData>',
        },
      ],
      { styles, date1904: true },
    );
    expect(table(await readTable(file)).rows.map((r) => r.cells[0])).toEqual(['1904-01-01', '2023-08-17']);
  });

  it('reads elements with a namespace prefix', async () => {
    const file = next();
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    await writeRawXlsx(file, [
      {
        name: 'Prefixed',
        body: `<x:sheetData xmlns:x="${ns}"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>SKU</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>5</x:v></x:c></x:row></x:sheetData>`,
      },
    ]);
    const t = table(await readTable(file));
    expect(t.headers).toEqual(['SKU']);
    expect(t.rows[0]?.cells).toEqual(['5']);
  });

  it('blanks values other writers leave inside a merged range, and keeps columns with no header', async () => {
    const file = next();
    await writeRawXlsx(file, [
      {
        name: 'Merge',
        body:
          '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Judul</t></is></c><c r="B1" t="inlineStr"><is><t>stale</t></is></c></row>' +
          '<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
      },
    ]);
    const t = table(await readTable(file));
    expect(t.headers).toEqual(['Judul', 'Kolom 2', 'Kolom 3']);
    expect(t.rows[0]?.cells).toEqual(['1', '', '3']);
  });
});
