import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PRICE_RUPIAH, MAX_STOCK } from '../../electron/shared/plain/limits';
import {
  formatRupiah,
  parseCentimetres,
  parseDecimal,
  parseRupiah,
  parseWeightKg,
  parseWholeNumber,
  type ParsedNumber,
} from '../../electron/shared/plain/numbers';

/**
 * The number parsers shared by the product form, the CLI and the spreadsheet importer.
 * The mistake that must never happen: a price read a thousand times too small or too big
 * ("15.000" as Rp 15). What cannot be read for sure is refused with a reason instead.
 */

const num = (value: number): ParsedNumber => ({ kind: 'number', value });
const bad = (reason: 'not_a_number' | 'unknown_unit' | 'ambiguous'): ParsedNumber => ({ kind: 'invalid', reason });
const decimals = (value: number): ParsedNumber => ({ kind: 'invalid', reason: 'has_decimals', value });
const negative = (value: number): ParsedNumber => ({ kind: 'invalid', reason: 'negative', value });
const EMPTY: ParsedNumber = { kind: 'empty' };

/** Groups thousands with `mark`, as a spreadsheet or Intl would ("1.250.000"). */
const grouped = (value: number, mark: string) => String(value).replace(/\B(?=(\d{3})+$)/g, mark);

describe('parseRupiah', () => {
  it.each<[string, ParsedNumber]>([
    // The shapes sellers and spreadsheets use.
    ['Rp 25.000', num(25000)],
    ['Rp25.000,-', num(25000)],
    ['Rp. 25.000', num(25000)],
    ['rp 7.500', num(7500)],
    ['25.000', num(25000)],
    ['25000', num(25000)],
    ['25,000', num(25000)],
    ['25 000', num(25000)],
    ['1.250.000', num(1250000)],
    ['1,250,000', num(1250000)],
    ['25.000,00', num(25000)],
    ['25,000.00', num(25000)],
    ['25.000.000,00', num(25000000)],
    ['IDR 25000', num(25000)],
    ['IDR25.000', num(25000)],
    ['25.000 rupiah', num(25000)],
    ['25rb', num(25000)],
    ['25 rb', num(25000)],
    ['25 ribu', num(25000)],
    ['25 rebu', num(25000)],
    ['25K', num(25000)],
    ['25k', num(25000)],
    ['Rp 25rb', num(25000)],
    ['2,5rb', num(2500)],
    ['1,5jt', num(1500000)],
    ['1.5 juta', num(1500000)],
    ['2jt', num(2000000)],
    ['1,25 jt', num(1250000)],
    ['0,125jt', num(125000)],
    // Spaces of every kind around and inside, as copied from web pages and chats.
    ['  25.000  ', num(25000)],
    ['\u00a025.000\u00a0', num(25000)],
    ['Rp\u00a025.000', num(25000)],
    ['Rp\u202f25.000', num(25000)],
    ['\u200b25.000', num(25000)],
    ['\t25000\n', num(25000)],
    ['0', num(0)],
    ['007', num(7)],
    // A lone mark not grouping thousands is a decimal mark; zeros after it are fine.
    ['25.00', num(25)],
    ['1.250,000', num(1250)],
  ])('reads %j', (text, expected) => {
    expect(parseRupiah(text)).toEqual(expected);
  });

  it.each<[string, ParsedNumber]>([
    // "harga tanpa sen": cents are refused, with the amount written so a caller can show it.
    ['25.000,50', decimals(25000.5)],
    ['25,000.50', decimals(25000.5)],
    ['15000,5', decimals(15000.5)],
    ['1.5', decimals(1.5)],
    ['0.500', decimals(0.5)],
    ['2,0005 rb', decimals(2000.5)],
    ['-5000', negative(-5000)],
    ['-Rp 5.000', negative(-5000)],
    ['Rp -5.000', negative(-5000)],
    ['\u22125000', negative(-5000)],
    ['-0', negative(0)],
    ['-1,5', negative(-1.5)],
  ])('refuses %j, saying what it reads', (text, expected) => {
    expect(parseRupiah(text)).toEqual(expected);
  });

  it.each<[string, ParsedNumber]>([
    // Rp 1.500 or Rp 1.500.000? Never guessed.
    ['1.500rb', bad('ambiguous')],
    ['1,500 jt', bad('ambiguous')],
    ['15000.000', bad('ambiguous')],
    ['15000,000', bad('ambiguous')],
    ['25 usd', bad('unknown_unit')],
    ['25 pcs', bad('unknown_unit')],
    ['abc', bad('not_a_number')],
    ['lima ribu', bad('not_a_number')],
    ['Rp', bad('not_a_number')],
    ['rb', bad('not_a_number')],
    ['-', bad('not_a_number')],
    ['25.00.0', bad('not_a_number')],
    ['25..000', bad('not_a_number')],
    ['25.000.', bad('not_a_number')],
    ['.', bad('not_a_number')],
    ['1.250.00', bad('not_a_number')],
    ['1,250.000,5', bad('not_a_number')],
    ['1.250,5.0', bad('not_a_number')],
    ['1.2,3 4', bad('not_a_number')],
    ['2 5000', bad('not_a_number')],
    ['25 000 rb', bad('not_a_number')],
    ['1.250.000 rb', bad('not_a_number')],
    ['0.250.000', bad('not_a_number')],
    // Hostile and machine-made text: nothing Number() would accept slips through.
    ['1e5', bad('not_a_number')],
    ['1E5', bad('not_a_number')],
    ['0x10', bad('not_a_number')],
    ['0b101', bad('not_a_number')],
    ['Infinity', bad('not_a_number')],
    ['-Infinity', bad('not_a_number')],
    ['NaN', bad('not_a_number')],
    ['--5', bad('not_a_number')],
    ['-Rp -5', bad('not_a_number')],
    ['+5', bad('not_a_number')],
    ['5-', bad('not_a_number')],
    ['(5.000)', bad('not_a_number')],
    ['２５', bad('not_a_number')],
    ['٢٥', bad('not_a_number')],
    ['25½', bad('not_a_number')],
    ['5²', bad('not_a_number')],
    ['1'.repeat(400), bad('not_a_number')],
    [`Rp ${'9'.repeat(70)}`, bad('not_a_number')],
    ['25\u0000000', bad('not_a_number')],
    ['<script>', bad('not_a_number')],
  ])('refuses %j', (text, expected) => {
    expect(parseRupiah(text)).toEqual(expected);
  });

  it('treats blank text as empty', () => {
    expect(parseRupiah('')).toEqual(EMPTY);
    expect(parseRupiah('   ')).toEqual(EMPTY);
    expect(parseRupiah('\u00a0\u200b')).toEqual(EMPTY);
    expect(parseRupiah(' '.repeat(400))).toEqual(EMPTY);
  });

  it('reads back every price it formats, with either kind of space', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_PRICE_RUPIAH }), (value) => {
        expect(parseRupiah(formatRupiah(value))).toEqual(num(value));
        expect(parseRupiah(formatRupiah(value).replace('\u00a0', ' '))).toEqual(num(value));
      }),
    );
  });

  it('reads whole amounts grouped the Indonesian or the English way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(parseRupiah(grouped(value, '.'))).toEqual(num(value));
        expect(parseRupiah(grouped(value, ','))).toEqual(num(value));
        expect(parseRupiah(String(value))).toEqual(num(value));
      }),
    );
  });

  it('never throws, and any number it reads is a finite whole one', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-\d., rpbkjtu]*$/)),
        (text) => {
          const parsed = parseRupiah(text);
          if (parsed.kind === 'number') expect(Number.isInteger(parsed.value) && parsed.value >= 0).toBe(true);
          if (parsed.kind === 'invalid' && 'value' in parsed) expect(Number.isFinite(parsed.value)).toBe(true);
        },
      ),
    );
  });
});

describe('parseWholeNumber', () => {
  it.each<[string, ParsedNumber]>([
    ['1.250', num(1250)],
    ['1250', num(1250)],
    ['1,250', num(1250)],
    ['1 250', num(1250)],
    ['10 pcs', num(10)],
    ['10pcs', num(10)],
    ['10 buah', num(10)],
    ['10 Buah', num(10)],
    ['10 unit', num(10)],
    ['10 biji', num(10)],
    ['10 pak', num(10)],
    ['10 pack', num(10)],
    ['1.000 lembar', num(1000)],
    ['0', num(0)],
    ['', EMPTY],
    ['1,5', decimals(1.5)],
    ['-3', negative(-3)],
    // A dozen is twelve: ignoring the word would store the wrong stock.
    ['5 lusin', bad('unknown_unit')],
    ['2 kodi', bad('unknown_unit')],
    ['10 kg', bad('unknown_unit')],
    ['Rp 10', bad('not_a_number')],
    ['10rb', bad('unknown_unit')],
    ['sepuluh', bad('not_a_number')],
    ['1e3', bad('not_a_number')],
  ])('reads %j', (text, expected) => {
    expect(parseWholeNumber(text)).toEqual(expected);
  });

  it('reads back every stock count, grouped either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_STOCK }), (value) => {
        expect(parseWholeNumber(grouped(value, '.'))).toEqual(num(value));
        expect(parseWholeNumber(`${grouped(value, ',')} pcs`)).toEqual(num(value));
      }),
    );
  });
});

describe('parseWeightKg', () => {
  it.each<[string, 'kg' | 'g', ParsedNumber]>([
    ['1,5 kg', 'kg', num(1.5)],
    ['1.5', 'kg', num(1.5)],
    ['1.5kg', 'kg', num(1.5)],
    ['0,25', 'kg', num(0.25)],
    [',5', 'kg', num(0.5)],
    ['2 kilo', 'kg', num(2)],
    ['250 gr', 'kg', num(0.25)],
    ['250 g', 'kg', num(0.25)],
    ['250g', 'kg', num(0.25)],
    ['250 gram', 'kg', num(0.25)],
    ['250 gr.', 'kg', num(0.25)],
    ['300 g', 'kg', num(0.3)],
    ['1.000 g', 'kg', num(1)],
    ['1,000 g', 'kg', num(1)],
    ['1.250,5 g', 'kg', num(1.2505)],
    ['2 ons', 'kg', num(0.2)],
    ['2,5 ons', 'kg', num(0.25)],
    // In kilograms a lone mark is always decimal: nobody ships 1500 kg, it is over the limit.
    ['1.500 kg', 'kg', num(1.5)],
    ['1,500', 'kg', num(1.5)],
    ['0.1', 'kg', num(0.1)],
    ['0.3', 'kg', num(0.3)],
    // A bare number is in the column's unit; grams group thousands.
    ['250', 'g', num(0.25)],
    ['1.000', 'g', num(1)],
    ['1.500', 'g', num(1.5)],
    ['300', 'g', num(0.3)],
    ['1,5 kg', 'g', num(1.5)],
    ['1', 'g', num(0.001)],
    ['0', 'kg', num(0)],
    ['', 'kg', EMPTY],
    ['-1', 'kg', negative(-1)],
    ['-250 g', 'kg', negative(-0.25)],
    ['1,2,3', 'kg', bad('not_a_number')],
    ['1.000,5 kg', 'kg', bad('not_a_number')],
    ['setengah', 'kg', bad('not_a_number')],
    ['1 kg 200 g', 'kg', bad('not_a_number')],
    ['100 mg', 'kg', bad('unknown_unit')],
    ['2 lbs', 'kg', bad('unknown_unit')],
    ['1e3 g', 'kg', bad('not_a_number')],
  ])('reads %j (bare number in %s)', (text, unit, expected) => {
    expect(parseWeightKg(text, unit)).toEqual(expected);
  });

  it('reads any weight in whole grams back exactly, whichever way it is written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (grams) => {
        const kg = grams / 1000;
        expect(parseWeightKg(`${grouped(grams, '.')} g`, 'kg')).toEqual(num(kg));
        expect(parseWeightKg(`${grams}gr`, 'kg')).toEqual(num(kg));
        expect(parseWeightKg(grouped(grams, ','), 'g')).toEqual(num(kg));
        expect(parseWeightKg(String(kg).replace('.', ','), 'kg')).toEqual(num(kg));
      }),
    );
  });
});

describe('parseCentimetres', () => {
  it.each<[string, ParsedNumber]>([
    ['10', num(10)],
    ['10,5', num(10.5)],
    ['10.5 cm', num(10.5)],
    ['10cm', num(10)],
    ['0,5', num(0.5)],
    ['1 m', num(100)],
    ['1,2 m', num(120)],
    ['1.5 meter', num(150)],
    ['25 mm', num(25 / 10)],
    ['2,5 mm', num(0.25)],
    ['1.500 mm', num(150)],
    ['1.000 cm', num(1)],
    ['', EMPTY],
    ['-5', negative(-5)],
    ['10x20x5', bad('not_a_number')],
    ['1,2,3', bad('not_a_number')],
    ['10 inch', bad('unknown_unit')],
    ['5 kg', bad('unknown_unit')],
  ])('reads %j', (text, expected) => {
    expect(parseCentimetres(text)).toEqual(expected);
  });

  it('reads any size with two decimals back exactly, with either mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (hundredths) => {
        const cm = hundredths / 100;
        expect(parseCentimetres(String(cm))).toEqual(num(cm));
        expect(parseCentimetres(`${String(cm).replace('.', ',')} cm`)).toEqual(num(cm));
      }),
    );
  });
});

describe('parseDecimal', () => {
  it.each<[string, ParsedNumber]>([
    ['0,5', num(0.5)],
    ['0.5', num(0.5)],
    [',5', num(0.5)],
    ['5.', num(5)],
    ['20', num(20)],
    ['-1', negative(-1)],
    ['1 kg', bad('unknown_unit')],
    ['1,2,3', bad('not_a_number')],
    ['1 000', bad('not_a_number')],
  ])('reads %j', (text, expected) => {
    expect(parseDecimal(text)).toEqual(expected);
  });
});

describe('formatRupiah', () => {
  it.each([
    [15000, 'Rp\u00a015.000'],
    [1250000, 'Rp\u00a01.250.000'],
    [0, 'Rp\u00a00'],
    [999, 'Rp\u00a0999'],
    [-5000, '-Rp\u00a05.000'],
    [2.5, 'Rp\u00a03'],
    [1e21, 'Rp\u00a01.000.000.000.000.000.000.000'],
  ])('shows %d as %j', (value, text) => {
    expect(formatRupiah(value)).toBe(text);
  });

  it("matches Intl's id-ID rupiah, which the app showed before", () => {
    const intl = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -MAX_PRICE_RUPIAH, max: MAX_PRICE_RUPIAH }), (value) => {
        expect(formatRupiah(value)).toBe(intl.format(value));
      }),
    );
  });
});
