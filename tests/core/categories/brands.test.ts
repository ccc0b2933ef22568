import { describe, expect, it } from 'vitest';
import { brandKey, brandList, matchBrand, replaceBrands, searchBrands } from '../../../electron/core/categories/brands';
import { tempDb } from './helpers';

const AT = '2026-03-01T08:00:00.000Z';
const LIST = [
  { brand_id: 1, name: 'No Brand' },
  { brand_id: 30, name: 'Buatan Sendiri' },
  { brand_id: 31, name: 'BUATAN SENDIRI' },
  { brand_id: 40, name: "L'Oréal" },
  { brand_id: 50, name: 'Kopi Kapal' },
  { brand_id: 51, name: 'Kopi Kuda' },
  { brand_id: 52, name: '   ' },
];

describe('brand list', () => {
  it('folds case, spaces, punctuation and accents into one key', () => {
    expect(brandKey('No Brand')).toBe('nobrand');
    expect(brandKey('  no   BRAND ')).toBe('nobrand');
    expect(brandKey('No-Brand')).toBe('nobrand');
    expect(brandKey("L'Oréal")).toBe('loreal');
    expect(brandKey('  ')).toBe('');
  });

  it('replaces a marketplace list whole, leaving out names that cannot be matched', () => {
    const db = tempDb();
    expect(brandList(db, 'lazada')).toBeNull();
    expect(replaceBrands(db, 'lazada', LIST, AT)).toBe(6);
    expect(replaceBrands(db, 'practice', [{ brand_id: 1, name: 'No Brand' }], AT)).toBe(1);
    expect(brandList(db, 'lazada')).toEqual({ fetchedAt: AT, count: 6 });
    // A second list replaces the first; the other marketplace keeps its own.
    expect(replaceBrands(db, 'lazada', [{ brand_id: 7, name: 'Kopi Kapal' }], '2026-03-02T08:00:00.000Z')).toBe(1);
    expect(searchBrands(db, 'lazada', '')).toEqual(['Kopi Kapal']);
    expect(searchBrands(db, 'practice', '')).toEqual(['No Brand']);
  });

  it('finds a product’s brand however it was typed; empty is “No Brand”', () => {
    const db = tempDb();
    replaceBrands(db, 'lazada', LIST, AT);
    expect(matchBrand(db, 'lazada', 'no brand')).toEqual({ kind: 'found', brandId: 1, name: 'No Brand' });
    expect(matchBrand(db, 'lazada', '  ')).toEqual({ kind: 'found', brandId: 1, name: 'No Brand' });
    expect(matchBrand(db, 'lazada', 'loreal')).toMatchObject({ kind: 'found', brandId: 40 });
    expect(matchBrand(db, 'lazada', 'Merek Asing')).toEqual({ kind: 'unknown' });
    // No list for this marketplace at all: nothing to check against.
    expect(matchBrand(db, 'practice', 'Merek Asing')).toEqual({ kind: 'no_list' });
  });

  it('picks the same brand every time when two share a key: exact spelling, then case, then lowest id', () => {
    const db = tempDb();
    replaceBrands(db, 'lazada', LIST, AT);
    expect(matchBrand(db, 'lazada', 'BUATAN SENDIRI')).toMatchObject({ brandId: 31 });
    expect(matchBrand(db, 'lazada', 'Buatan Sendiri')).toMatchObject({ brandId: 30 });
    expect(matchBrand(db, 'lazada', 'buatan sendiri')).toMatchObject({ brandId: 30 });
    expect(matchBrand(db, 'lazada', 'buatansendiri!')).toMatchObject({ brandId: 30 });
  });

  it('searches names by the start of what was typed, in order, each once, limited', () => {
    const db = tempDb();
    replaceBrands(db, 'lazada', LIST, AT);
    expect(searchBrands(db, 'lazada', 'kopi k')).toEqual(['Kopi Kapal', 'Kopi Kuda']);
    expect(searchBrands(db, 'lazada', 'KOPIKU')).toEqual(['Kopi Kuda']);
    expect(searchBrands(db, 'lazada', 'buatan')).toEqual(['Buatan Sendiri', 'BUATAN SENDIRI']);
    expect(searchBrands(db, 'lazada', '', 2)).toEqual(['Buatan Sendiri', 'BUATAN SENDIRI']);
    expect(searchBrands(db, 'lazada', 'zzz')).toEqual([]);
    expect(searchBrands(db, 'lazada', '%')).toHaveLength(6);
  });
});
