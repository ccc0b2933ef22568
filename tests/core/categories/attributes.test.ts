import { beforeEach, describe, expect, it } from 'vitest';
import {
  normalizeAttributes,
  parseDate,
  parseNumber,
  validateAttributes,
} from '../../../electron/core/categories/attribute-values';
import { installTree } from '../../../electron/core/categories/install';
import type { Db } from '../../../electron/core/db/open';
import { bundledLeafId, lazadaTree, sharedBundledDb, tempDb } from './helpers';

const LEAF = 900;
const PARENT = 800;

const attribute = (name: string, input_type: string, extra: Record<string, unknown> = {}) => ({
  name,
  label: name,
  is_mandatory: 0,
  is_sale_prop: 0,
  input_type,
  attribute_type: 'normal',
  options: [],
  ...extra,
});

/** One leaf with an attribute of every input type (and a few of Lazada's odd cases). */
const EVERY_TYPE = lazadaTree(
  [
    {
      category_id: PARENT,
      name: 'Uji',
      leaf: false,
      children: [{ category_id: LEAF, name: 'Semua Jenis', leaf: true, var: true }],
    },
  ],
  {
    [LEAF]: [
      attribute('brand', 'enumInput', { is_mandatory: 1, options: [{ name: 'No Brand' }] }),
      attribute('net_weight', 'numeric', { is_mandatory: 1 }),
      attribute('expiry_date', 'date'),
      attribute('shelf_life', 'singleSelect', {
        options: [
          { name: '12 Bulan', name_en: '12 Months' },
          { name: '24 Bulan', name_en: '24 Months' },
        ],
      }),
      attribute('occasion', 'multiSelect', {
        options: [
          { name: 'Santai', name_en: 'Casual' },
          { name: 'Kerja', name_en: 'Work' },
          { name: 'Pesta', name_en: 'Party' },
        ],
      }),
      attribute('notes', 'text'),
      attribute('short_description', 'richText'),
      attribute('motif', 'enumInput', { options: [{ name: 'Mega Mendung' }, { name: 'Parang' }] }),
      attribute('tags', 'multiEnumInput', { options: [{ name: 'Oleh-oleh' }, { name: 'Hadiah', name_en: 'Gift' }] }),
      attribute('color_family', 'multiEnumInput', {
        is_sale_prop: 1,
        is_mandatory: 1,
        attribute_type: 'sku',
        options: [{ name: 'Hitam', name_en: 'Black' }],
      }),
      // Brand lists live at their own endpoint: a select Lazada sends without options.
      attribute('legacy_brand', 'singleSelect'),
      // An input type this Akar does not know yet.
      attribute('swatch', 'colorPicker'),
    ],
  },
);

describe('validateAttributes and normalizeAttributes, per input type', () => {
  let db: Db;
  beforeEach(() => {
    db = tempDb();
    installTree(db, EVERY_TYPE, { source: 'fetched', version: '2026-12-01.1' });
  });
  const check = (values: Record<string, string | string[]>, requireMandatory = false) =>
    validateAttributes(db, LEAF, values, { requireMandatory });

  it('asks for mandatory attributes only when the product is marked ready', () => {
    expect(check({})).toEqual([]);
    expect(check({}, true)).toEqual([
      { field: 'attributes.brand', reason: 'required' },
      { field: 'attributes.net_weight', reason: 'required' },
    ]);
    // Blank is not filled.
    expect(check({ brand: '   ', net_weight: [] }, true)).toHaveLength(2);
    expect(check({ brand: 'Sari Rasa', net_weight: '250' }, true)).toEqual([]);
  });

  it('numeric: a number, written the Indonesian way or plainly', () => {
    expect(check({ net_weight: 'dua ratus' })).toEqual([{ field: 'attributes.net_weight', reason: 'not_a_number' }]);
    expect(check({ net_weight: '250 gr' })).toEqual([{ field: 'attributes.net_weight', reason: 'not_a_number' }]);
    expect(check({ net_weight: ['1', '2'] })).toEqual([{ field: 'attributes.net_weight', reason: 'one_value_only' }]);
    for (const [typed, stored] of [
      ['250', '250'],
      ['1,5', '1.5'],
      ['1.5', '1.5'],
      ['1.000', '1000'],
      ['1.000,25', '1000.25'],
      [' 12 ', '12'],
    ]) {
      expect(check({ net_weight: typed! }), typed).toEqual([]);
      expect(normalizeAttributes(db, LEAF, { net_weight: typed! }), typed).toEqual({ net_weight: stored });
    }
  });

  it('date: a real calendar day, stored as YYYY-MM-DD', () => {
    expect(normalizeAttributes(db, LEAF, { expiry_date: '31-12-2026' })).toEqual({ expiry_date: '2026-12-31' });
    expect(normalizeAttributes(db, LEAF, { expiry_date: '1/2/2027' })).toEqual({ expiry_date: '2027-02-01' });
    expect(check({ expiry_date: '2026-12-31' })).toEqual([]);
    for (const wrong of ['2026-02-30', '31-13-2026', 'besok', '2026/12']) {
      expect(check({ expiry_date: wrong }), wrong).toEqual([{ field: 'attributes.expiry_date', reason: 'not_a_date' }]);
    }
  });

  it('singleSelect: one of the options, matched without case or accents, or by its English label', () => {
    for (const typed of ['12 Bulan', '12 bulan', ' 12 BULAN ', '12 Months', ['12 bulan']]) {
      expect(check({ shelf_life: typed }), String(typed)).toEqual([]);
      expect(normalizeAttributes(db, LEAF, { shelf_life: typed })).toEqual({ shelf_life: '12 Bulan' });
    }
    expect(check({ shelf_life: '13 Bulan' })).toEqual([
      { field: 'attributes.shelf_life', reason: 'invalid_choice', params: { value: '13 Bulan' } },
    ]);
    expect(check({ shelf_life: ['12 Bulan', '24 Bulan'] })).toEqual([
      { field: 'attributes.shelf_life', reason: 'one_value_only' },
    ]);
    // Without options (Lazada keeps brand lists elsewhere) any text passes.
    expect(check({ legacy_brand: 'Dodol Picnic' })).toEqual([]);
  });

  it('multiSelect: every item an option; "a, b" is two items; repeats go', () => {
    expect(normalizeAttributes(db, LEAF, { occasion: ['santai', 'Kerja', 'SANTAI', ' '] })).toEqual({
      occasion: ['Santai', 'Kerja'],
    });
    expect(normalizeAttributes(db, LEAF, { occasion: 'Santai, work; pesta' })).toEqual({
      occasion: ['Santai', 'Kerja', 'Pesta'],
    });
    expect(check({ occasion: ['Santai', 'Kerja'] })).toEqual([]);
    expect(check({ occasion: ['Santai', 'Berenang', 'Tidur'] })).toEqual([
      { field: 'attributes.occasion', reason: 'invalid_choice', params: { value: 'Berenang' } },
    ]);
  });

  it('enumInput and multiEnumInput: options offered, own text allowed, option spelling made canonical', () => {
    expect(
      normalizeAttributes(db, LEAF, { brand: 'no brand', motif: 'mega-mendung', tags: 'gift, Buatan Sendiri' }),
    ).toEqual({ brand: 'No Brand', motif: 'Mega Mendung', tags: ['Hadiah', 'Buatan Sendiri'] });
    expect(check({ motif: 'Garutan Kontemporer', tags: ['Khas Garut'] })).toEqual([]);
    expect(check({ tags: ['x'.repeat(256)] })).toEqual([
      { field: 'attributes.tags', reason: 'too_long', params: { maximum: 255 } },
    ]);
  });

  it('text up to 255 characters, rich text up to 25,000; unknown input types are text', () => {
    expect(check({ notes: 'x'.repeat(255), short_description: 'x'.repeat(25_000), swatch: '#ffffff' })).toEqual([]);
    expect(check({ notes: 'x'.repeat(256), short_description: 'x'.repeat(25_001), swatch: 'y'.repeat(256) })).toEqual([
      { field: 'attributes.notes', reason: 'too_long', params: { maximum: 255 } },
      { field: 'attributes.short_description', reason: 'too_long', params: { maximum: 25_000 } },
      { field: 'attributes.swatch', reason: 'too_long', params: { maximum: 255 } },
    ]);
    expect(normalizeAttributes(db, LEAF, { notes: '  Pedas   manis  ' })).toEqual({ notes: 'Pedas   manis' });
  });

  it('drops names the category does not know and sale properties, silently', () => {
    const values = { brand: 'Sari', kolom_lain: 'apa saja', color_family: ['Hitam'], '': 'x' };
    expect(normalizeAttributes(db, LEAF, values)).toEqual({ brand: 'Sari' });
    // Sale properties belong to the variants: even a mandatory one is not asked for here.
    expect(check({ kolom_lain: 'x'.repeat(5000), color_family: 'Ungu' }, true)).toEqual([
      { field: 'attributes.brand', reason: 'required' },
      { field: 'attributes.net_weight', reason: 'required' },
    ]);
  });

  it('puts the field prefix in front of every field and clips a long wrong value', () => {
    const issues = validateAttributes(
      db,
      LEAF,
      { shelf_life: 'z'.repeat(300) },
      { requireMandatory: true, fieldPrefix: 'changes.' },
    );
    expect(issues.map((i) => i.field)).toEqual([
      'changes.attributes.brand',
      'changes.attributes.net_weight',
      'changes.attributes.shelf_life',
    ]);
    expect(String(issues[2]?.params?.['value'])).toHaveLength(51);
  });

  it('reports an unknown or non-leaf category once, on categoryId, and keeps values as they are', () => {
    expect(validateAttributes(db, 12345, { brand: 'x' }, { requireMandatory: true, fieldPrefix: 'changes.' })).toEqual([
      { field: 'changes.categoryId', reason: 'category_unknown', params: { id: 12345 } },
    ]);
    expect(validateAttributes(db, PARENT, {}, { requireMandatory: true })).toEqual([
      { field: 'categoryId', reason: 'category_not_leaf', params: { id: PARENT } },
    ]);
    expect(normalizeAttributes(db, 12345, { brand: ' x ', occasion: ['a'] })).toEqual({
      brand: ' x ',
      occasion: ['a'],
    });
    expect(normalizeAttributes(db, PARENT, { brand: ' x ' })).toEqual({ brand: ' x ' });
  });
});

describe('attributes of the bundled snapshot', () => {
  const db = sharedBundledDb();

  it('a ready Keripik needs a brand and a shelf life, and checks the rest', () => {
    const keripik = bundledLeafId('Keripik');
    expect(validateAttributes(db(), keripik, {}, { requireMandatory: true })).toEqual([
      { field: 'attributes.brand', reason: 'required' },
      { field: 'attributes.shelf_life', reason: 'required' },
    ]);
    const values = {
      brand: 'no brand',
      shelf_life: '6 bulan',
      net_weight: '250',
      halal_certification: 'halal certified',
      spiciness_level: 'Pedas',
      expiry_date: '01-06-2027',
      flavor: ['Balado'],
      warna_kemasan: 'Merah',
    };
    expect(validateAttributes(db(), keripik, values, { requireMandatory: true })).toEqual([]);
    expect(normalizeAttributes(db(), keripik, values)).toEqual({
      brand: 'No Brand',
      net_weight: '250',
      shelf_life: '6 Bulan',
      expiry_date: '2027-06-01',
      halal_certification: 'Bersertifikat Halal',
      spiciness_level: 'Pedas',
    });
  });

  it('a batik shirt checks its material and occasions against the options', () => {
    const kemeja = bundledLeafId('Kemeja Batik Pria');
    expect(
      validateAttributes(
        db(),
        kemeja,
        { brand: 'Batik Garutan Rahayu', material: 'Katun Primisima', occasion: ['Kerja', 'Kondangan'] },
        { requireMandatory: true },
      ),
    ).toEqual([]);
    expect(
      validateAttributes(
        db(),
        kemeja,
        { material: 'Plastik', occasion: 'kerja, mancing' },
        { requireMandatory: false },
      ),
    ).toEqual([
      { field: 'attributes.material', reason: 'invalid_choice', params: { value: 'Plastik' } },
      { field: 'attributes.occasion', reason: 'invalid_choice', params: { value: 'mancing' } },
    ]);
  });
});

describe('parseNumber and parseDate', () => {
  it('read Indonesian and plain numbers, refuse the rest', () => {
    expect(parseNumber('2.500.000')).toBe('2500000');
    expect(parseNumber('-3,75')).toBe('-3.75');
    expect(parseNumber('0.5')).toBe('0.5');
    for (const wrong of ['', '1e5', '1.2.3', '12,5,6', 'Rp 10.000', '1 000x'])
      expect(parseNumber(wrong), wrong).toBeNull();
  });

  it('read ISO and day-month-year dates, refuse impossible days', () => {
    expect(parseDate('2028-02-29')).toBe('2028-02-29');
    expect(parseDate('29.02.2028')).toBe('2028-02-29');
    expect(parseDate('2027-02-29')).toBeNull();
    expect(parseDate('0099-01-01')).toBeNull();
  });
});
