import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/spreadsheet';
import { tempFolder, writeOle2, writeRawXlsx, writeZip } from './files';

const dir = tempFolder('refusals');
const at = (name: string): string => path.join(dir, name);
const refused = (reason: string, params: Record<string, string | number> = {}) => ({
  ok: false,
  error: { reason, params },
});

describe('readTable refuses what is not a readable spreadsheet, by content rather than name', () => {
  it('refuses a file above maxBytes before reading it', async () => {
    const file = at('huge.csv');
    // Sparse: 100 MB of size, no data written. Read as text it would be "binary" (all zero
    // bytes); `too_large` proves the size was checked first.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 100 * 1024 * 1024);
    const started = performance.now();
    expect(await readTable(file)).toEqual(refused('too_large', { maxMb: 30, sizeMb: 100 }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(await readTable(file, { maxBytes: 200 * 1024 * 1024 })).toEqual(
      refused('not_a_spreadsheet', { detected: 'binary' }),
    );
  });

  it('refuses PDF bytes named .csv', async () => {
    const file = at('katalog.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), Buffer.alloc(64)]),
    );
    expect(await readTable(file)).toEqual(refused('not_a_spreadsheet', { detected: 'pdf' }));
  });

  it('refuses images and other binary files', async () => {
    const png = at('foto.xlsx');
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(await readTable(png)).toEqual(refused('not_a_spreadsheet', { detected: 'image' }));
    const blob = at('data.csv');
    fs.writeFileSync(blob, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expect(await readTable(blob)).toEqual(refused('not_a_spreadsheet', { detected: 'binary' }));
  });

  it('refuses HTML saved as .xls by web "export to Excel" buttons', async () => {
    const file = at('export.xls');
    fs.writeFileSync(file, '\uFEFF<html><body><table><tr><td>SKU</td></tr></table></body></html>');
    expect(await readTable(file)).toEqual(refused('not_a_spreadsheet', { detected: 'html' }));
  });

  it('refuses an old binary .xls with advice to save as .xlsx or CSV', async () => {
    const file = at('lama.xlsx');
    writeOle2(file, ['Workbook']);
    expect(await readTable(file)).toEqual(refused('unsupported_spreadsheet', { format: 'xls' }));
  });

  it('refuses a password-protected .xlsx', async () => {
    const file = at('rahasia.xlsx');
    writeOle2(file, ['EncryptionInfo', 'EncryptedPackage']);
    expect(await readTable(file)).toEqual(refused('encrypted_xlsx'));
  });

  it('refuses a zip that is not a workbook, an OpenDocument spreadsheet, and a Word file', async () => {
    const zip = at('foto.xlsx');
    await writeZip(zip, [{ name: 'IMG_0001.jpg', data: Buffer.alloc(100, 1) }]);
    expect(await readTable(zip)).toEqual(refused('not_a_spreadsheet', { detected: 'zip' }));

    const ods = at('sheet.xlsx');
    await writeZip(ods, [
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    expect(await readTable(ods)).toEqual(refused('unsupported_spreadsheet', { format: 'ods' }));

    const docx = at('surat.xlsx');
    await writeZip(docx, [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(await readTable(docx)).toEqual(refused('not_a_spreadsheet', { detected: 'docx' }));

    const empty = at('empty.zip');
    fs.writeFileSync(empty, Buffer.from('504b0506000000000000000000000000000000000000', 'hex'));
    expect(await readTable(empty)).toEqual(refused('not_a_spreadsheet', { detected: 'zip' }));
  });

  it('refuses a binary .xlsb workbook', async () => {
    const file = at('book.xlsb');
    await writeZip(file, [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.bin', data: Buffer.alloc(10) },
    ]);
    expect(await readTable(file)).toEqual(refused('unsupported_spreadsheet', { format: 'xlsb' }));
  });

  it('calls a truncated or damaged .xlsx corrupt, without throwing', async () => {
    const good = at('good.xlsx');
    await writeRawXlsx(good, [{ name: 'A', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }]);
    const bytes = fs.readFileSync(good);
    const truncated = at('truncated.xlsx');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await readTable(truncated)).toMatchObject({ ok: false, error: { reason: 'corrupt_xlsx' } });

    const badXml = at('bad-xml.xlsx');
    await writeRawXlsx(badXml, [{ name: 'A', body: '<sheetData><row r="1"><c r="A1"><v>1</c></row></sheetData>' }]);
    expect(await readTable(badXml)).toMatchObject({ ok: false, error: { reason: 'corrupt_xlsx' } });
  });

  it('names a missing file, a folder and an empty file', async () => {
    expect(await readTable(at('nowhere.csv'))).toEqual(refused('file_not_found'));
    expect(await readTable(dir)).toEqual(refused('not_a_file'));
    const empty = at('empty.csv');
    fs.writeFileSync(empty, '');
    expect(await readTable(empty)).toEqual(refused('empty_file'));
  });
});
