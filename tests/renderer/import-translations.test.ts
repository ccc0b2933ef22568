import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, IMPORT_REASONS, type ImportReport } from '../../electron/shared/imports';
import type { AppError } from '../../electron/shared/result';
import en from '../../resources/locales/en/importer.json';
import id from '../../resources/locales/id/importer.json';
import { CHOICES } from '../../renderer/src/features/import/fields';
import {
  choiceName,
  fileProblemWords,
  lineRanges,
  noteWords,
  reasonWords,
  saveProblemWords,
  type Translate,
} from '../../renderer/src/features/import/messages';
import { summarySheet } from '../../renderer/src/features/import/summary';
import { NAMESPACES, resources } from '../../renderer/src/i18n/resources';

/**
 * Every code main can send about an import has words in both languages: file refusals,
 * file notes, row problems and save failures. Codes are worded by the same functions the
 * screen uses, with the parameters main sends, so a missing key, a missing parameter or
 * a fallback to the generic message fails here rather than on a participant's screen.
 */
const i18n = i18next.createInstance();

/**
 * The spreadsheet reader's codes. electron/core is outside this folder's typecheck project
 * (tsconfig.web.json: renderer code may not depend on the core), so the module is loaded
 * at run time by path rather than imported.
 */
const SPREADSHEET_TYPES = '../../electron/core/spreadsheet/types';
interface ReaderCodes {
  readonly FILE_ERROR_REASONS: readonly string[];
  readonly FILE_NOTE_REASONS: readonly string[];
  readonly WRITE_ERROR_REASONS: readonly string[];
}
let codes: ReaderCodes;

beforeAll(async () => {
  codes = (await import(/* @vite-ignore */ SPREADSHEET_TYPES)) as ReaderCodes;
  expect(codes.FILE_ERROR_REASONS).toContain('too_large');
  await i18n.init({
    resources,
    lng: 'id',
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
});

const languages = ['id', 'en'] as const;
const tFor = (language: (typeof languages)[number]) => i18n.getFixedT(language) as unknown as Translate;

/** Parameters as main sends them, so every placeholder has something to fill it. */
const PARAMS = {
  sizeMb: 100.5,
  maxMb: 30,
  maxRows: 50_000,
  line: 7,
  sheet: 'Produk',
  detected: 'pdf',
  format: 'xls',
  code: 'EIO',
  count: 2,
  names: 'Lama, Arsip',
  ranges: 'A2:A3, B5:C5',
  value: '#N/A',
  sku: 'BTK-01',
  max: 50,
  expected: 6,
  found: 7,
  column: 3,
  minimum: 0,
  maximum: 5,
  keys: 'warna',
  attribute: 'bahan',
} as const;

function expectWorded(text: string, label: string): void {
  expect(text, label).not.toMatch(/{{|}}|importer:|common:|validation\./);
  // messages.ts's marker for a missing key must never reach the screen.
  expect(text.includes(String.fromCharCode(0)), label).toBe(false);
  expect(text.trim(), label).not.toBe('');
}

describe.each(languages)('import words in %s', (language) => {
  const t = tFor(language);

  it('explain every reason a file cannot be read, and what to do next', () => {
    const unknown = fileProblemWords(
      t,
      { code: 'file_unreadable', message: '', params: { reason: 'from_a_newer_main' } },
      language,
    );
    for (const reason of codes.FILE_ERROR_REASONS) {
      const error: AppError = { code: 'file_unreadable', message: '', params: { ...PARAMS, reason } };
      const { what, next } = fileProblemWords(t, error, language);
      expectWorded(what, `${reason}.what`);
      expectWorded(next, `${reason}.next`);
      expect(what, reason).not.toBe(unknown.what);
    }
  });

  it('word every note about a file that was read', () => {
    const unknown = noteWords(t, { reason: 'from_a_newer_main', params: {} }, language);
    for (const reason of codes.FILE_NOTE_REASONS) {
      const text = noteWords(t, { reason, params: PARAMS }, language);
      expectWorded(text, reason);
      expect(text, reason).not.toBe(unknown);
    }
  });

  it('word every reason a row is skipped, with its own words', () => {
    const fallback = reasonWords(t, { reason: 'invalid' }, language);
    for (const reason of IMPORT_REASONS) {
      const text = reasonWords(t, { reason, params: PARAMS }, language);
      expectWorded(text, reason);
      if (reason !== 'invalid') expect(text, reason).not.toBe(fallback);
    }
  });

  it('word every reason a summary cannot be saved', () => {
    const unknown = saveProblemWords(
      t,
      { code: 'file_unwritable', message: '', params: { reason: 'other' } },
      language,
    );
    for (const reason of codes.WRITE_ERROR_REASONS) {
      const text = saveProblemWords(t, { code: 'file_unwritable', message: '', params: { reason } }, language);
      expectWorded(text, reason);
      expect(text, reason).not.toBe(unknown);
    }
  });

  it('name every field a column can be matched to', () => {
    const names = CHOICES.map((choice) => choiceName(t, choice));
    for (const name of names) expectWorded(name, name);
    expect(new Set(names).size).toBe(names.length);
    // Every field of the contract can be chosen (weight as kg or gram).
    for (const field of IMPORT_FIELDS) {
      expect(CHOICES.some((choice) => choice === field || (field === 'weight' && choice.startsWith('weight')))).toBe(
        true,
      );
    }
  });
});

describe('the words themselves', () => {
  it('say the sizes in the plain words the brief asks for', () => {
    const error: AppError = {
      code: 'file_unreadable',
      message: '',
      params: { reason: 'too_large', sizeMb: 100, maxMb: 30 },
    };
    expect(fileProblemWords(tFor('id'), error, 'id')).toEqual({
      what: 'File ini 100 MB; batasnya 30 MB.',
      next: 'Bagi menjadi beberapa file yang lebih kecil, lalu impor satu per satu.',
    });
    const decimal: AppError = {
      code: 'file_unreadable',
      message: '',
      params: { reason: 'too_large', sizeMb: 100.5, maxMb: 30 },
    };
    expect(fileProblemWords(tFor('id'), decimal, 'id').what).toBe('File ini 100,5 MB; batasnya 30 MB.');
    expect(fileProblemWords(tFor('en'), decimal, 'en').what).toBe('This file is 100.5 MB; the limit is 30 MB.');
  });

  it('tell an old .xls file to be saved again as .xlsx or CSV', () => {
    const error: AppError = {
      code: 'file_unreadable',
      message: '',
      params: { reason: 'unsupported_spreadsheet', format: 'xls' },
    };
    const words = fileProblemWords(tFor('id'), error, 'id');
    expect(words.what).toBe('File XLS belum bisa dibaca Akar.');
    expect(words.next).toContain('Simpan ulang sebagai .xlsx atau CSV dari Excel');
  });

  it('give an example that fits the column when a cell is not a number', () => {
    const issue = { line: 2, column: 'Stok', reason: 'not_a_number' } as const;
    expect(reasonWords(tFor('id'), issue, 'id', 'stock')).toBe('Bukan angka. Tulis angkanya saja, misalnya 10.');
    expect(reasonWords(tFor('id'), issue, 'id', 'weightG')).toBe(
      'Bukan angka. Tulis angkanya saja, misalnya 250 atau 250 gr.',
    );
    expect(reasonWords(tFor('en'), issue, 'en', 'price')).toBe(
      'Not a number. Write the number only, for example 25000, Rp 25.000 or 25rb.',
    );
  });

  it('say what a CSV cell starting with "=" is, rather than "not valid"', () => {
    const issue = { line: 2, reason: 'invalid', params: { column: 3 } } as const;
    expect(reasonWords(tFor('id'), issue, 'id')).toContain('diawali tanda “=”');
  });

  it('keep row numbers as Excel shows them', () => {
    expect(reasonWords(tFor('id'), { reason: 'duplicate_sku_in_file', params: { line: 1234 } }, 'id')).toContain(
      'baris 1234',
    );
    expect(lineRanges([2, 3, 4, 7, 9, 10])).toBe('2–4, 7, 9–10');
  });

  it('have the same keys and placeholders in Indonesian and English', () => {
    const leaves = (tree: object, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
          ? leaves(value, `${prefix}${key}.`)
          : [[`${prefix}${key}`, String(value)]],
      );
    // Indonesian has one plural form, English two: compare by stem.
    const stem = (key: string) => key.replace(/_(one|other)$/, '');
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)[^}]*}}/g)].map((m) => m[1] ?? '').sort();
    const byStem = (tree: object) => {
      const out = new Map<string, string[]>();
      for (const [key, text] of leaves(tree)) out.set(stem(key), placeholders(text));
      return out;
    };
    const idKeys = byStem(id);
    const enKeys = byStem(en);
    expect([...enKeys.keys()].sort()).toEqual([...idKeys.keys()].sort());
    for (const [key, names] of idKeys) expect(enKeys.get(key), key).toEqual(names);
  });
});

describe('the summary file', () => {
  const report: ImportReport = {
    committed: true,
    rows: 5,
    created: 1,
    updated: 1,
    unchanged: 0,
    skipped: 1,
    skippedRows: 2,
    outcomesCut: false,
    outcomes: [
      {
        action: 'skipped',
        lines: [4, 5],
        name: 'Kaos Polos',
        issues: [
          { line: 4, column: 'Harga', reason: 'not_a_number' },
          { line: 5, reason: 'cell_error', params: { column: 2, value: '#N/A' } },
        ],
      },
      { action: 'created', lines: [2, 3], name: 'Kemeja Batik', productId: 1, issues: [] },
      { action: 'updated', lines: [6], name: 'Dodol', productId: 2, issues: [] },
    ],
  };

  it('has one row per problem and per product, in the order of the file, in the seller’s language', () => {
    const sheet = summarySheet(
      tFor('id'),
      report,
      'produk bu siti.xlsx',
      ['Nama', 'Harga', 'Stok'],
      ['name', 'price', 'stock'],
      'id',
    );
    expect(sheet.suggestedName).toBe('ringkasan impor produk bu siti');
    expect(sheet.headers).toEqual(['Baris', 'Produk', 'Hasil', 'Masalah']);
    expect(sheet.rows).toEqual([
      ['2–3', 'Kemeja Batik', 'Baru', ''],
      ['4', 'Kaos Polos', 'Dilewati', 'Harga: Bukan angka. Tulis angkanya saja, misalnya 25000, Rp 25.000 atau 25rb.'],
      [
        '5',
        'Kaos Polos',
        'Dilewati',
        'Harga: Sel ini berisi kesalahan rumus #N/A. Perbaiki rumusnya di Excel, atau tulis isinya langsung.',
      ],
      ['6', 'Dodol', 'Diperbarui', ''],
    ]);
    const english = summarySheet(tFor('en'), report, 'a/b:c.csv', [], [], 'en');
    expect(english.headers).toEqual(['Row', 'Product', 'Result', 'Problem']);
    expect(english.suggestedName).toBe('import summary a b c');
  });

  it('says how many products it leaves out when main cut the list', () => {
    const cut = { ...report, created: 3001, outcomesCut: true };
    const sheet = summarySheet(tFor('id'), cut, 'x.csv', [], [], 'id');
    expect(sheet.rows.at(-1)).toEqual(['', '… dan 3.000 produk lain tidak tercantum di ringkasan ini.', '', '']);
  });
});
