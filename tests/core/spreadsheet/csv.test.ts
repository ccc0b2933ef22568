import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadResult, type SheetTable } from '../../../electron/core/spreadsheet';
import { tempFolder } from './files';

const dir = tempFolder('csv');
let counter = 0;

/** Writes the bytes to a fresh file (named .txt on purpose: the format is judged by content). */
function file(content: string | Buffer): string {
  const target = path.join(dir, `input-${++counter}.txt`);
  fs.writeFileSync(target, content);
  return target;
}

function table(result: ReadResult): SheetTable {
  if (!result.ok) throw new Error(`expected a table, got ${JSON.stringify(result.error)}`);
  return result.table;
}

const cells = (t: SheetTable): string[][] => t.rows.map((r) => r.cells);

describe('readTable: CSV delimiters', () => {
  it('reads comma-separated text', async () => {
    const t = table(await readTable(file('SKU,Nama,Harga\nKRP-1,Kripik Pedas,12500\nDDL-2,Dodol Garut,30000\n')));
    expect(t).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', headers: ['SKU', 'Nama', 'Harga'] });
    expect(cells(t)).toEqual([
      ['KRP-1', 'Kripik Pedas', '12500'],
      ['DDL-2', 'Dodol Garut', '30000'],
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads semicolons (Indonesian Excel), where commas are decimal marks in the data', async () => {
    const t = table(await readTable(file('SKU;Nama;Berat\r\nKRP-1;Kripik, pedas;0,25\r\nDDL-2;Dodol;1,5\r\n')));
    expect(t.delimiter).toBe(';');
    expect(cells(t)).toEqual([
      ['KRP-1', 'Kripik, pedas', '0,25'],
      ['DDL-2', 'Dodol', '1,5'],
    ]);
  });

  it('ignores delimiters inside quotes when guessing', async () => {
    const t = table(await readTable(file('"Nama; lengkap",Harga\n"Kripik; pedas; manis",12500\n"A;B;C;D",1\n')));
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['Nama; lengkap', 'Harga']);
  });

  it('reads tab-separated text', async () => {
    const t = table(await readTable(file('SKU\tNama\tHarga\nKRP-1\tKripik, pedas; manis\t12.500\n')));
    expect(t.delimiter).toBe('\t');
    expect(cells(t)).toEqual([['KRP-1', 'Kripik, pedas; manis', '12.500']]);
  });

  it("obeys Excel's sep= line and does not count it as a row", async () => {
    const t = table(await readTable(file('sep=;\nSKU;Nama,lengkap\nKRP-1;Kripik\n')));
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['SKU', 'Nama,lengkap']);
    expect(t.rows[0]?.line).toBe(2);
  });

  it('reads a one-column file', async () => {
    const t = table(await readTable(file('SKU\nKRP-1\nKRP-2\n')));
    expect(t.headers).toEqual(['SKU']);
    expect(cells(t)).toEqual([['KRP-1'], ['KRP-2']]);
  });
});

describe('readTable: CSV encodings', () => {
  it('reads UTF-8 with a BOM and drops the BOM from the first header', async () => {
    const t = table(await readTable(file('\uFEFFNama,Harga\nKéripik 🌶️,12500\n')));
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.headers).toEqual(['Nama', 'Harga']);
    expect(cells(t)).toEqual([['Kéripik 🌶️', '12500']]);
  });

  it('reads UTF-8 without a BOM', async () => {
    const t = table(await readTable(file('Nama,Harga\nKéripik,12500\n')));
    expect(t.encoding).toBe('utf-8');
    expect(cells(t)).toEqual([['Kéripik', '12500']]);
    expect(t.notes).toEqual([]);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and says so', async () => {
    // é as 0xE9 and € as 0x80: Excel's "CSV (Comma delimited)" on a Western Windows.
    const bytes = Buffer.concat([
      Buffer.from('Nama,Harga\nKripik Pedas ', 'ascii'),
      Buffer.from([0xe9]),
      Buffer.from(',', 'ascii'),
      Buffer.from([0x80]),
      Buffer.from(' 12\n', 'ascii'),
    ]);
    const t = table(await readTable(file(bytes)));
    expect(t.encoding).toBe('windows-1252');
    expect(cells(t)).toEqual([['Kripik Pedas é', '€ 12']]);
    expect(t.notes).toContainEqual({ reason: 'decoded_as_windows_1252', params: {} });
  });

  it('does not turn real UTF-8 é into mojibake (Ã©)', async () => {
    const t = table(await readTable(file(Buffer.from('Nama\nKripik Pedas é\n', 'utf8'))));
    expect(cells(t)).toEqual([['Kripik Pedas é']]);
  });

  it('falls back even when the first non-UTF-8 byte is far into the file', async () => {
    const lines = ['SKU,Nama'];
    for (let i = 0; i < 20_000; i++) lines.push(`S${i},Kripik`);
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\nLAST,Caf', 'ascii'), Buffer.from([0xe9, 0x0a])]);
    const t = table(await readTable(file(bytes)));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows).toHaveLength(20_001);
    expect(t.rows.at(-1)?.cells).toEqual(['LAST', 'Café']);
  });

  it('reads UTF-16LE with a BOM, tab-separated (Excel "Unicode Text")', async () => {
    const text = 'SKU\tNama\tHarga\r\nKRP-1\tKéripik 🌶️\t12500\r\n';
    const t = table(await readTable(file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))));
    expect(t).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['SKU', 'Nama', 'Harga'] });
    expect(cells(t)).toEqual([['KRP-1', 'Kéripik 🌶️', '12500']]);
  });
});

describe('readTable: CSV structure', () => {
  it('keeps quoted newlines, quotes and delimiters inside cells, and counts rows as Excel does', async () => {
    const t = table(await readTable(file('Nama,Deskripsi\r\n"Dodol","Manis,\r\nlegit ""asli"""\r\nKripik,"a\nb"\r\n')));
    expect(cells(t)).toEqual([
      ['Dodol', 'Manis,\r\nlegit "asli"'],
      ['Kripik', 'a\nb'],
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('skips blank lines but keeps Excel row numbers', async () => {
    const t = table(await readTable(file('\n\nSKU,Nama\n\nKRP-1,Kripik\n,\n   \nKRP-2,Dodol\n\n')));
    expect(t.headers).toEqual(['SKU', 'Nama']);
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [5, 'KRP-1'],
      [8, 'KRP-2'],
    ]);
  });

  it('reads files with mixed or old-Mac line ends', async () => {
    const t = table(await readTable(file('SKU,Nama\rA,1\nB,2\r\nC,3')));
    expect(cells(t)).toEqual([
      ['A', '1'],
      ['B', '2'],
      ['C', '3'],
    ]);
  });

  it('keeps ragged rows, padded or cut to the header, each with a problem', async () => {
    const t = table(await readTable(file('SKU,Nama,Harga\nA,Kripik\nB,Dodol,1000,extra\nC,Keripik,500,,\n')));
    expect(t.rows).toEqual([
      {
        line: 2,
        cells: ['A', 'Kripik', ''],
        problems: [{ reason: 'too_few_cells', params: { expected: 3, found: 2 } }],
      },
      {
        line: 3,
        cells: ['B', 'Dodol', '1000'],
        problems: [{ reason: 'too_many_cells', params: { expected: 3, found: 4 } }],
      },
      // Trailing empty fields are how Excel pads rows: not a problem.
      { line: 4, cells: ['C', 'Keripik', '500'], problems: [] },
    ]);
  });

  it('trims header cells and names empty or repeated ones', async () => {
    const t = table(await readTable(file(' SKU ,,Harga,harga," Nama\n  Barang ",Kolom 2\n1,2,3,4,5,6\n')));
    expect(t.headers).toEqual(['SKU', 'Kolom 2 (2)', 'Harga', 'harga (2)', 'Nama Barang', 'Kolom 2']);
    expect(t.notes).toContainEqual({
      reason: 'headers_renamed',
      params: { count: 2, names: 'Kolom 2 (2), harga (2)' },
    });
  });

  it('drops trailing header cells that are empty', async () => {
    const t = table(await readTable(file('SKU,Nama,,\nA,Kripik,,\n')));
    expect(t.headers).toEqual(['SKU', 'Nama']);
    expect(cells(t)).toEqual([['A', 'Kripik']]);
  });

  it('flags a cell holding a formula (a CSV carries no results, so it is only text)', async () => {
    const t = table(await readTable(file('Nama,Harga\n"=HYPERLINK(""http://x.invalid"",""klik"")",=1+2\n')));
    expect(t.rows[0]).toEqual({
      line: 2,
      cells: ['=HYPERLINK("http://x.invalid","klik")', '=1+2'],
      problems: [
        { reason: 'formula', params: { column: 1 } },
        { reason: 'formula', params: { column: 2 } },
      ],
    });
  });

  it('removes the formula escape it wrote itself', async () => {
    const t = table(await readTable(file("Nama,Telepon\n'=x,'+62 812\n''=y,'hello\n")));
    expect(cells(t)).toEqual([
      ['=x', '+62 812'],
      ["'=y", "'hello"],
    ]);
    expect(t.rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('takes a quote inside an unquoted value literally', async () => {
    const t = table(await readTable(file('Nama,Ukuran\nTablet 10" hitam,10"\n')));
    expect(cells(t)).toEqual([['Tablet 10" hitam', '10"']]);
  });
});

describe('readTable: CSV refusals', () => {
  it('names the line where an unclosed quote opened', async () => {
    const result = await readTable(file('SKU,Nama\nA,Kripik\nB,"Dodol\nC,Keripik\nD,Kopi\n'));
    expect(result).toEqual({ ok: false, error: { reason: 'unbalanced_quote', params: { line: 3 } } });
  });

  it('counts lines inside earlier quoted cells and after a sep= line', async () => {
    const result = await readTable(file('sep=,\nSKU,Nama\nA,"multi\r\nline"\r\nB,x,"open\r\nC\r\n'));
    expect(result).toEqual({ ok: false, error: { reason: 'unbalanced_quote', params: { line: 5 } } });
  });

  it('refuses an empty file, and one with only a BOM or blank lines', async () => {
    for (const content of ['', '\uFEFF', '\n\r\n  \n', ',,,\n, ,\n']) {
      expect(await readTable(file(content))).toEqual({ ok: false, error: { reason: 'empty_file', params: {} } });
    }
  });

  it('accepts a header without rows', async () => {
    const t = table(await readTable(file('SKU,Nama,Harga\r\n')));
    expect(t.headers).toEqual(['SKU', 'Nama', 'Harga']);
    expect(t.rows).toEqual([]);
  });
});
