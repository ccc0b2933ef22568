import { describe, expect, it } from 'vitest';
import { formatPriceRange, formatRupiah } from '../../renderer/src/lib/money';
import { measureText, parseMeasure, parseWholeAmount } from '../../renderer/src/lib/numbers';

/**
 * How the product form reads what sellers type. Pure functions of the renderer, run in
 * the `unit` project under Node (no DOM needed).
 * The one mistake that must never happen: "15.000" read as fifteen rupiah.
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
  ])('reads %j as %d', (text, value) => {
    expect(parseWholeAmount(text)).toBe(value);
  });

  it('treats an empty field as empty and words as not a number', () => {
    expect(parseWholeAmount('')).toBeNull();
    expect(parseWholeAmount('   ')).toBeNull();
    expect(parseWholeAmount('lima ribu')).toBeNaN();
    expect(parseWholeAmount('15.000.00.0')).toBeNaN();
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

  it('shows stored measures with a decimal comma', () => {
    expect(measureText(0.25)).toBe('0,25');
    expect(measureText(null)).toBe('');
  });
});

describe('rupiah', () => {
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');
  it('formats the Indonesian way, whole rupiah', () => {
    expect(plain(formatRupiah(15000))).toBe('Rp 15.000');
    expect(plain(formatRupiah(1250000))).toBe('Rp 1.250.000');
    expect(plain(formatPriceRange(15000, 15000))).toBe('Rp 15.000');
    expect(plain(formatPriceRange(15000, 25000))).toBe('Rp 15.000 – Rp 25.000');
  });
});
