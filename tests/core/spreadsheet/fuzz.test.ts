import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILE_ERROR_REASONS, readTable, writeTable, type ReadResult } from '../../../electron/core/spreadsheet';
import { tempFolder, writeRawXlsx } from './files';

/**
 * Mutated and truncated files: the reader must always answer with a table or a known
 * reason code, never throw and never hang (reliability goal 12, in miniature).
 */
const dir = tempFolder('fuzz');
const seeds: Record<string, Buffer> = {};

beforeAll(async () => {
  const rows = [
    ['KRP-1', 'Kripik "Pedas", 🌶️', 12500, '=x'],
    ['DDL-2', 'Dodol\nGarut', 0.25, null],
  ];
  for (const format of ['csv', 'xlsx'] as const) {
    const file = path.join(dir, `seed.${format}`);
    await writeTable(file, format, ['SKU', 'Nama', 'Harga', 'Catatan'], rows);
    seeds[format] = fs.readFileSync(file);
  }
  const raw = path.join(dir, 'seed-raw.xlsx');
  await writeRawXlsx(
    raw,
    [
      { name: 'Hidden', state: 'hidden', body: '<sheetData/>' },
      {
        name: 'Data',
        body:
          '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Nama</t></r></is></c></row>' +
          '<row r="2"><c r="A2" s="1"><v>45521</v></c><c r="B2" t="str"><f>A2</f><v>x</v></c></row></sheetData>' +
          '<mergeCells><mergeCell ref="A2:B2"/></mergeCells>',
      },
    ],
    {
      sharedStrings: ['<si><t>Tanggal</t></si>'],
      styles:
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
    },
  );
  seeds.raw = fs.readFileSync(raw);
});

function wellFormed(result: ReadResult): void {
  if (result.ok) {
    for (const row of result.table.rows) expect(row.cells).toHaveLength(result.table.headers.length);
  } else {
    expect(FILE_ERROR_REASONS).toContain(result.error.reason);
  }
}

const mutation = fc.record({
  edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

describe('readTable on damaged files', () => {
  for (const seed of ['csv', 'xlsx', 'raw']) {
    it(`${seed}: always a table or a reason code`, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async ({ edits, cut }) => {
          const original = seeds[seed];
          if (!original) throw new Error('seed missing');
          let bytes = Buffer.from(original);
          for (const [offset, value] of edits) bytes[offset % bytes.length] = value;
          if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
          const file = path.join(dir, `case-${seed}-${++n}`);
          fs.writeFileSync(file, bytes);
          wellFormed(await readTable(file));
          fs.rmSync(file);
        }),
        { numRuns: 300, seed: 20240817 },
      );
    }, 60_000);
  }
});
