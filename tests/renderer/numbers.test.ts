import { describe, expect, it } from 'vitest';
import { formatPriceRange, formatRupiah } from '../../renderer/src/lib/money';
import { formatNumber, measureText, parseMeasure, parseWholeAmount } from '../../renderer/src/lib/numbers';
import en from '../../resources/locales/en/ui.json';
import id from '../../resources/locales/id/ui.json';

/**
 * How the product form reads what sellers type and how numbers are shown. Pure functions
 * of the renderer, run in the `unit` project under Node (no DOM needed).
 * The one mistake that must never happen: "15.000" read as fifteen rupiah.
 * Reading does not depend on the interface language; showing does, except for rupiah.
 */
describe('parseWholeAmount', () => {
  it.each([
    ['15000', 15000],
    ['15.000', 15000],
    ['1.250.000', 1250000],
    ['15,000', 15000],
    ['Rp 15.000', 15000],
    ['Rp15000', 15000],
    ['rp. 7.500', 7500],
    ['  25 000 ', 25000],
    ['-5000', -5000],
    ['15000,5', 15000.5],
    ['15.000,50', 15000.5],
    ['15,000.50', 15000.5],
    ['1.5', 1.5],
    // What the English interface shows for a count reads back the same.
    ['1,250', 1250],
    ['1,250,000', 1250000],
    // The shorthand of price tags and chats, read like the spreadsheet importer reads it.
    ['25rb', 25000],
    ['Rp 1,5jt', 1500000],
  ])('reads %j as %d', (text, value) => {
    expect(parseWholeAmount(text)).toBe(value);
  });

  it('treats an empty field as empty and words as not a number', () => {
    expect(parseWholeAmount('')).toBeNull();
    expect(parseWholeAmount('   ')).toBeNull();
    expect(parseWholeAmount('lima ribu')).toBeNaN();
    expect(parseWholeAmount('15.000.00.0')).toBeNaN();
    // Rp 1.500 or Rp 1.500.000: the form asks rather than guesses.
    expect(parseWholeAmount('1.500rb')).toBeNaN();
  });
});

describe('parseMeasure', () => {
  it.each([
    ['0,5', 0.5],
    ['0.5', 0.5],
    ['1,25', 1.25],
    ['20', 20],
    [',5', 0.5],
    ['-1', -1],
  ])('reads %j as %d', (text, value) => {
    expect(parseMeasure(text)).toBe(value);
  });

  it('treats an empty field as empty and words as not a number', () => {
    expect(parseMeasure('')).toBeNull();
    expect(parseMeasure('setengah')).toBeNaN();
    expect(parseMeasure('1,2,3')).toBeNaN();
  });

  it("starts a form field with the interface language's decimal mark, no grouping", () => {
    expect(measureText(0.25, 'id')).toBe('0,25');
    expect(measureText(0.25, 'en')).toBe('0.25');
    expect(measureText(1000, 'id')).toBe('1000');
    expect(measureText(1000, 'en')).toBe('1000');
    expect(measureText(20, 'en')).toBe('20');
    expect(measureText(null, 'id')).toBe('');
    expect(measureText(undefined, 'en')).toBe('');
  });

  it.each([0.01, 0.5, 1.25, 20, 999.99, 1000])('reads %d back unchanged from either language', (value) => {
    expect(parseMeasure(measureText(value, 'id'))).toBe(value);
    expect(parseMeasure(measureText(value, 'en'))).toBe(value);
  });
});

describe('formatNumber', () => {
  it.each([
    [1250, '1.250', '1,250'],
    [1250000, '1.250.000', '1,250,000'],
    [0.5, '0,5', '0.5'],
    [12, '12', '12'],
    [0, '0', '0'],
  ])('shows %d as %j in Indonesian and %j in English', (value, indonesian, english) => {
    expect(formatNumber(value, 'id')).toBe(indonesian);
    expect(formatNumber(value, 'en')).toBe(english);
  });

  it('shows whole counts so they read back the same in either language', () => {
    for (const value of [8, 1250, 1000000]) {
      expect(parseWholeAmount(formatNumber(value, 'id'))).toBe(value);
      expect(parseWholeAmount(formatNumber(value, 'en'))).toBe(value);
    }
  });
});

describe('examples and hints in ui.json', () => {
  const ui = { id, en } as const;

  it.each(['id', 'en'] as const)('write a half kilo the %s way and read back as numbers', (language) => {
    const { form, productForm } = ui[language];
    expect(form.example.weightKg).toBe(formatNumber(0.5, language));
    expect(productForm.weightHint.endsWith(` ${form.example.weightKg}`)).toBe(true);
    expect(parseMeasure(form.example.weightKg)).toBe(0.5);
    expect(parseMeasure(form.example.size)).toBe(20);
    expect(parseWholeAmount(form.example.price)).toBe(15000);
    expect(parseWholeAmount(form.example.stock)).toBe(10);
    expect(productForm.priceHint.endsWith(` ${form.example.price}`)).toBe(true);
  });

  it("use no other language's decimal mark in any string", () => {
    const strings = (tree: object): string[] =>
      Object.values(tree).flatMap((value: unknown) => (typeof value === 'string' ? [value] : strings(value as object)));
    // A mark followed by one or two digits is a decimal one ("0,5"); three are grouping.
    expect(strings(id).filter((text) => /\d\.\d{1,2}(?!\d)/.test(text))).toEqual([]);
    expect(strings(en).filter((text) => /\d,\d{1,2}(?!\d)/.test(text))).toEqual([]);
  });
});

describe('rupiah', () => {
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');
  // No language argument: prices read "Rp 15.000" in the English interface too.
  it('formats the Indonesian way, whole rupiah, in either interface language', () => {
    expect(plain(formatRupiah(15000))).toBe('Rp 15.000');
    expect(plain(formatRupiah(1250000))).toBe('Rp 1.250.000');
    expect(plain(formatPriceRange(15000, 15000))).toBe('Rp 15.000');
    expect(plain(formatPriceRange(15000, 25000))).toBe('Rp 15.000 – Rp 25.000');
  });
});
