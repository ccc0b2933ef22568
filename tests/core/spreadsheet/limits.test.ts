import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, writeTable, type ReadResult } from '../../../electron/core/spreadsheet';
import { calmest, calmestStall, describeStalls, peakRssGrowth, tempFolder, writeRawXlsx } from './files';

/**
 * Limits and responsiveness: a main process reading a file must stay responsive, memory
 * must follow the row limit rather than the file, and a hostile file must be stopped
 * early. The bounds are generous (2-core CI machines); the figures are printed for the record.
 */
const dir = tempFolder('limits');
const at = (name: string): string => path.join(dir, name);

function describeResult(result: ReadResult): string {
  return result.ok ? `${result.table.rows.length} rows` : result.error.reason;
}

describe('readTable limits', () => {
  it('reads a 25 MB CSV with bounded memory and no long event-loop stall', async () => {
    const file = at('catalogue-25mb.csv');
    const description = 'Keripik singkong pedas manis khas Garut, digoreng renyah tanpa pengawet. '.repeat(7);
    const handle = fs.openSync(file, 'w');
    fs.writeSync(handle, 'SKU,Nama,Harga,Stok,Deskripsi\r\n');
    for (let i = 0; i < 50; i++) {
      let chunk = '';
      for (let j = 0; j < 1_000; j++) {
        const n = i * 1_000 + j;
        chunk += `KRP-${n},Keripik ${n},${12_500 + n},${n % 100},"${description}"\r\n`;
      }
      fs.writeSync(handle, chunk);
    }
    fs.closeSync(handle);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(24 * 1024 * 1024);

    const started = performance.now();
    const { result, growthMb } = await peakRssGrowth(() => readTable(file));
    const elapsed = performance.now() - started;
    const { stalls } = await calmestStall(3, () => readTable(file));
    console.log(
      `25 MB CSV: ${describeResult(result)} in ${Math.round(elapsed)} ms, peak RSS +${Math.round(growthMb)} MB, longest stall per run: ${describeStalls(stalls)}`,
    );
    expect(result.ok && result.table.rows.length).toBe(50_000);
    expect(calmest(stalls)).toBeLessThan(100);
    // The table itself holds ~25 MB of text; the file is never held whole, nor twice.
    expect(growthMb).toBeLessThan(250);
  }, 60_000);

  it('stops a 1,000,000-row CSV at maxRows, early and quickly', async () => {
    const file = at('million.csv');
    fs.writeFileSync(file, 'SKU,Nama,Harga\r\n' + 'KRP-1,Keripik,12500\r\n'.repeat(1_000_000));
    const size = fs.statSync(file).size;
    let lastBytes = 0;
    const started = performance.now();
    const result = await readTable(file, {
      onProgress: (_rows, bytes) => {
        lastBytes = bytes;
      },
    });
    const elapsed = performance.now() - started;
    const { stalls } = await calmestStall(3, () => readTable(file));
    console.log(
      `1,000,000-row CSV (${Math.round(size / 1e6)} MB): ${describeResult(result)} after ${Math.round(elapsed)} ms, ${Math.round((lastBytes / size) * 100)}% read, longest stall per run: ${describeStalls(stalls)}`,
    );
    expect(result).toEqual({ ok: false, error: { reason: 'too_many_rows', params: { maxRows: 50_000 } } });
    expect(elapsed).toBeLessThan(5_000);
    expect(lastBytes).toBeLessThan(size / 5);
    expect(calmest(stalls)).toBeLessThan(100);
  }, 60_000);

  it('stops a zip-bomb-like XLSX (1,000,000 rows that compress to almost nothing) without inflating it', async () => {
    const file = at('bomb.xlsx');
    const rows = 1_000_000;
    await writeRawXlsx(
      file,
      [
        {
          name: 'Bom',
          body: function* () {
            yield '<sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>';
            // No r attributes, so every row is the same bytes and deflate shrinks them ~1000:1.
            const row = '<row><c t="s"><v>2</v></c><c><v>12500</v></c></row>';
            for (let i = 0; i < rows; i += 10_000) yield row.repeat(10_000);
            yield '</sheetData>';
          },
        },
      ],
      { sharedStrings: ['<si><t>SKU</t></si>', '<si><t>Harga</t></si>', '<si><t>KRP-1</t></si>'] },
    );
    const size = fs.statSync(file).size;
    let lastBytes = 0;
    const started = performance.now();
    const { result, growthMb } = await peakRssGrowth(() =>
      readTable(file, {
        onProgress: (_rows, bytes) => {
          lastBytes = bytes;
        },
      }),
    );
    const elapsed = performance.now() - started;
    const { stalls } = await calmestStall(3, () => readTable(file));
    console.log(
      `XLSX bomb (${Math.round(size / 1024)} KB, ${Math.round((rows * 50) / 1e6)} MB of XML): ${describeResult(result)} after ${Math.round(elapsed)} ms, ~${Math.round((lastBytes / size) * 100)}% inflated, peak RSS +${Math.round(growthMb)} MB, longest stall per run: ${describeStalls(stalls)}`,
    );
    expect(size).toBeLessThan(1024 * 1024);
    expect(result).toEqual({ ok: false, error: { reason: 'too_many_rows', params: { maxRows: 50_000 } } });
    expect(elapsed).toBeLessThan(5_000);
    expect(lastBytes).toBeLessThan(size / 5);
    expect(calmest(stalls)).toBeLessThan(100);
    expect(growthMb).toBeLessThan(150);
  }, 60_000);

  it('reads a 50,000-row XLSX export with bounded memory and no long stall', async () => {
    const file = at('export.xlsx');
    const rows = Array.from({ length: 50_000 }, (_, i) => [
      `KRP-${i}`,
      `Keripik pedas ${i}`,
      12_500 + i,
      i % 100,
      'Garut',
    ]);
    const written = await writeTable(file, 'xlsx', ['SKU', 'Nama', 'Harga', 'Stok', 'Asal'], rows);
    expect(written).toEqual({ ok: true });
    const started = performance.now();
    const { result, growthMb } = await peakRssGrowth(() => readTable(file));
    const elapsed = performance.now() - started;
    const { stalls } = await calmestStall(3, () => readTable(file));
    console.log(
      `50,000-row XLSX (${Math.round(fs.statSync(file).size / 1e6)} MB): ${describeResult(result)} in ${Math.round(elapsed)} ms, peak RSS +${Math.round(growthMb)} MB, longest stall per run: ${describeStalls(stalls)}`,
    );
    expect(result.ok && result.table.rows[49_999]?.cells).toEqual([
      'KRP-49999',
      'Keripik pedas 49999',
      '62499',
      '99',
      'Garut',
    ]);
    expect(calmest(stalls)).toBeLessThan(100);
    expect(growthMb).toBeLessThan(250);
  }, 60_000);

  it('honours a smaller maxRows exactly', async () => {
    const file = at('ten.csv');
    fs.writeFileSync(file, 'SKU\n' + 'A\n'.repeat(10));
    expect((await readTable(file, { maxRows: 10 })).ok).toBe(true);
    expect(await readTable(file, { maxRows: 9 })).toEqual({
      ok: false,
      error: { reason: 'too_many_rows', params: { maxRows: 9 } },
    });
  });

  it('can be cancelled: a CSV or an XLSX read resolves with `cancelled`', async () => {
    const csv = at('cancel.csv');
    fs.writeFileSync(csv, 'SKU,Nama\n' + 'KRP-1,Keripik\n'.repeat(40_000));
    const before = new AbortController();
    before.abort();
    expect(await readTable(csv, { signal: before.signal })).toEqual({
      ok: false,
      error: { reason: 'cancelled', params: {} },
    });

    for (const file of [csv, at('export.xlsx')]) {
      const controller = new AbortController();
      let progressCalls = 0;
      const result = await readTable(file, {
        maxRows: 100_000,
        signal: controller.signal,
        onProgress: () => {
          progressCalls++;
          controller.abort();
        },
      });
      expect(result).toEqual({ ok: false, error: { reason: 'cancelled', params: {} } });
      expect(progressCalls).toBe(1);
    }
  });
});
