import { describe, expect, it } from 'vitest';
import type { CategoryAttribute, CategoryDetail } from '../../electron/shared/categories';
import {
  attributeFormValue,
  emptySku,
  formAttributes,
  productToValues,
  toFormError,
  valuesToInput,
  type ProductValues,
  type SkuValues,
} from '../../renderer/src/features/products/productValues';
import { readinessItems } from '../../renderer/src/features/products/readiness';
import { spelledDate } from '../../renderer/src/features/products/spelledDate';
import {
  combineVariants,
  optionsFor,
  parseOptions,
  toggleOption,
  usedOptions,
  variationNames,
} from '../../renderer/src/features/products/variations';

/**
 * The product form's pure parts: variations and their combinations, what is sent to main,
 * and the live readiness checklist. Run under Node in the `unit` project.
 */

const sku = (values: Partial<SkuValues>): SkuValues => ({ ...emptySku(), ...values });

function attribute(values: Partial<CategoryAttribute> & Pick<CategoryAttribute, 'name'>): CategoryAttribute {
  return {
    label: values.name,
    inputType: 'text',
    isMandatory: false,
    isSaleProp: false,
    options: [],
    ...values,
  };
}

const KERIPIK: CategoryDetail = {
  id: 13891072,
  name: 'Keripik',
  leaf: true,
  path: [
    { id: 74835, name: 'Makanan & Minuman' },
    { id: 23393508, name: 'Makanan Ringan' },
    { id: 13891072, name: 'Keripik' },
  ],
  attributesKnown: true,
  attributes: [
    attribute({ name: 'brand', label: 'Merek', inputType: 'enumInput', isMandatory: true }),
    attribute({ name: 'shelf_life', label: 'Masa Simpan', inputType: 'singleSelect', isMandatory: true }),
    attribute({ name: 'occasion', label: 'Acara', inputType: 'multiSelect' }),
    attribute({ name: 'material', label: 'Bahan', inputType: 'multiEnumInput' }),
    attribute({ name: 'short_description', label: 'Keunggulan Produk', inputType: 'richText' }),
    attribute({
      name: 'flavor',
      label: 'Rasa',
      inputType: 'multiEnumInput',
      isSaleProp: true,
      options: [
        { value: 'Original', label: 'Original' },
        { value: 'Pedas', label: 'Hot' },
      ],
    }),
  ],
  children: [],
};

function values(overrides: Partial<ProductValues> = {}): ProductValues {
  return { ...productToValues(null, 'id'), ...overrides };
}

describe('options typed for a variation', () => {
  it('splits on commas, trims, and drops blanks and repeats whatever their case', () => {
    expect(parseOptions(' Merah, biru ,, MERAH;Hijau\nBiru ')).toEqual(['Merah', 'biru', 'Hijau']);
    expect(parseOptions('   ')).toEqual([]);
  });

  it('toggles a value in or out of the list, as a chip does', () => {
    expect(toggleOption('Merah', 'Biru')).toBe('Merah, Biru');
    expect(toggleOption('Merah, biru', 'Biru')).toBe('Merah');
    expect(toggleOption('', 'Merah')).toBe('Merah');
  });

  it('reads the options the variants already use', () => {
    const skus = [sku({ option1: 'Merah', option2: 'S' }), sku({ option1: 'merah', option2: 'M' })];
    expect(usedOptions(skus, 'option1')).toEqual(['Merah']);
    expect(usedOptions(skus, 'option2')).toEqual(['S', 'M']);
  });
});

describe('combineVariants', () => {
  it('makes every combination in order, new ones priced and packed like the first variant', () => {
    const first = sku({ price: '150.000', stock: '5', weightKg: '0,3', lengthCm: '30', sellerSku: 'BTK-1' });
    const result = combineVariants([first], ['Merah', 'Biru'], ['S', 'M', 'L'], 50);
    expect(result.kind).toBe('done');
    if (result.kind !== 'done') return;
    expect(result.skus.map((s) => `${s.option1}/${s.option2}`)).toEqual([
      'Merah/S',
      'Merah/M',
      'Merah/L',
      'Biru/S',
      'Biru/M',
      'Biru/L',
    ]);
    // The single variant of a simple product becomes the first combination, code and stock kept.
    expect(result.skus[0]).toMatchObject({ sellerSku: 'BTK-1', stock: '5', price: '150.000' });
    expect(result.skus[5]).toMatchObject({ skuId: null, sellerSku: '', stock: '', price: '150.000', weightKg: '0,3' });
    expect(result.created).toBe(5);
    expect(result.dropped).toEqual([]);
  });

  it('keeps variants that match, whatever the case, and says which ones no longer fit', () => {
    const current = [
      sku({ skuId: 1, option1: 'Merah', option2: 's', price: '10' }),
      sku({ skuId: 2, option1: 'Hijau', option2: 'S', price: '20' }),
      sku({ skuId: 3, option1: 'Biru', option2: 'M', price: '30' }),
    ];
    const result = combineVariants(current, ['Biru', 'Merah'], ['S', 'M'], 50);
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.skus.map((s) => [s.skuId, s.option1, s.option2, s.price])).toEqual([
      [null, 'Biru', 'S', '10'],
      [3, 'Biru', 'M', '30'],
      [1, 'Merah', 'S', '10'],
      [null, 'Merah', 'M', '10'],
    ]);
    expect(result.dropped.map((s) => s.skuId)).toEqual([2]);
  });

  it('adding a second variation keeps each first option its own variant', () => {
    const current = [
      sku({ skuId: 1, option1: 'Merah', price: '100' }),
      sku({ skuId: 2, option1: 'Biru', price: '200' }),
    ];
    const result = combineVariants(current, ['Merah', 'Biru'], ['S', 'M'], 50);
    if (result.kind !== 'done') throw new Error(result.kind);
    expect(result.skus.map((s) => [s.skuId, s.option1, s.option2])).toEqual([
      [1, 'Merah', 'S'],
      [null, 'Merah', 'M'],
      [2, 'Biru', 'S'],
      [null, 'Biru', 'M'],
    ]);
  });

  it('refuses more than the maximum instead of cutting the list short, and needs options', () => {
    expect(
      combineVariants([sku({})], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], ['1', '2', '3', '4', '5', '6', '7'], 50),
    ).toEqual({ kind: 'too_many', count: 56 });
    expect(combineVariants([sku({})], [], ['S'], 50)).toEqual({ kind: 'no_options' });
  });
});

describe('names and options offered for variations', () => {
  const saleProps = KERIPIK.attributes.filter((a) => a.isSaleProp);

  it("offers the category's own variations first, then the common ones, each once", () => {
    expect(variationNames(saleProps, ['Warna', 'Ukuran', 'rasa', 'Isi'])).toEqual(['Rasa', 'Warna', 'Ukuran', 'Isi']);
  });

  it("offers a sale property's marketplace values for a variation with its name", () => {
    expect(optionsFor('rasa', saleProps)).toEqual(['Original', 'Pedas']);
    expect(optionsFor('Warna', saleProps)).toEqual([]);
  });
});

describe('valuesToInput', () => {
  it('sends a product without variations as one, whatever option text is left over', () => {
    const form = values({
      variation1: 'Warna',
      skus: [sku({ option1: 'Merah', price: '15.000', specialFrom: '2026-12-01' })],
    });
    const { input } = valuesToInput(form, { category: null, variations: false });
    expect(input).toMatchObject({ variation1: '', variation2: '', highlights: [''] });
    expect(input.skus[0]).toMatchObject({
      option1: '',
      option2: '',
      price: 15000,
      specialPrice: null,
      specialFrom: null,
      specialTo: null,
    });
  });

  it('sends options, a promotion and its dates, and flags text that is no number', () => {
    const form = values({
      variation1: ' Warna ',
      skus: [
        sku({
          option1: ' Merah ',
          price: '20000',
          specialPrice: 'Rp 15.000',
          specialFrom: '2026-12-01',
          specialTo: '',
        }),
        sku({ option1: 'Biru', price: '20000', specialPrice: 'murah' }),
      ],
    });
    const { input, notNumbers } = valuesToInput(form, { category: null, variations: true });
    expect(input.variation1).toBe('Warna');
    expect(input.skus[0]).toMatchObject({
      option1: 'Merah',
      specialPrice: 15000,
      specialFrom: '2026-12-01',
      specialTo: null,
    });
    expect(notNumbers).toEqual(['skus.1.specialPrice']);
  });

  it("sends the category's attributes only, the brand from the Merek field, and no empty values", () => {
    const form = values({
      brand: 'Bu Siti',
      categoryId: KERIPIK.id,
      attributes: {
        shelf_life: '6 Bulan',
        occasion: [' ', 'Pesta'],
        material: '  ',
        color_family: 'Merah',
        flavor: 'Pedas',
        short_description: '<ul><li>Renyah</li></ul>',
      },
    });
    const { input } = valuesToInput(form, { category: KERIPIK, variations: false });
    expect(input.attributes).toEqual({
      brand: 'Bu Siti',
      shelf_life: '6 Bulan',
      occasion: ['Pesta'],
      short_description: '<ul><li>Renyah</li></ul>',
    });
    // Without the category's details, everything filled in goes (main sorts it out).
    const unknown = valuesToInput(form, { category: null, variations: false }).input.attributes;
    expect(Object.keys(unknown ?? {})).toEqual([
      'shelf_life',
      'occasion',
      'color_family',
      'flavor',
      'short_description',
    ]);
  });

  it('asks only for the attributes the form shows: no sale properties, no brand, no highlights twin', () => {
    expect(formAttributes(KERIPIK).map((a) => a.name)).toEqual(['shelf_life', 'occasion', 'material']);
    expect(formAttributes(null)).toEqual([]);
  });

  it('puts stored values in the shape their input wants', () => {
    const occasion = KERIPIK.attributes.find((a) => a.name === 'occasion');
    const material = KERIPIK.attributes.find((a) => a.name === 'material');
    if (!occasion || !material) throw new Error('fixture');
    expect(attributeFormValue(occasion, 'Pesta')).toEqual(['Pesta']);
    expect(attributeFormValue(occasion, undefined)).toEqual([]);
    expect(attributeFormValue(material, ['Katun', 'Rayon'])).toBe('Katun, Rayon');
  });
});

describe('toFormError', () => {
  it('shows a problem with the brand attribute on the Merek field', () => {
    const moved = toFormError({
      code: 'invalid_input',
      message: 'x',
      field: 'changes.attributes.brand',
      reason: 'too_long',
      issues: [
        { field: 'changes.attributes.brand', reason: 'too_long' },
        { field: 'changes.attributes.brandy', reason: 'required' },
      ],
    });
    expect(moved.field).toBe('changes.brand');
    expect(moved.issues?.map((issue) => issue.field)).toEqual(['changes.brand', 'changes.attributes.brandy']);
  });
});

describe('readinessItems', () => {
  const known = { state: 'known', detail: KERIPIK } as const;

  it('lists what a new product lacks, in the order the form asks for it', () => {
    expect(readinessItems(values(), { state: 'none' }).map((item) => item.problem)).toEqual([
      'no_description',
      'no_category',
      'no_weight',
      'no_package_size',
    ]);
  });

  it('names the mandatory attributes still empty; the Merek field counts for the brand', () => {
    const form = values({ categoryId: KERIPIK.id, description: 'Renyah' });
    expect(readinessItems(form, known)[0]).toEqual({
      problem: 'missing_attributes',
      field: 'attributes.shelf_life',
      names: ['Masa Simpan'],
    });
    const noBrand = readinessItems({ ...form, brand: ' ' }, known)[0];
    expect(noBrand?.names).toEqual(['Merek', 'Masa Simpan']);
    expect(noBrand?.field).toBe('brand');
  });

  it('points at the first variant missing its weight or size, and is empty once all is there', () => {
    const packed = { weightKg: '0,5', lengthCm: '20', widthCm: '10', heightCm: '5' };
    const form = values({
      categoryId: KERIPIK.id,
      description: 'Renyah',
      attributes: { shelf_life: '6 Bulan' },
      skus: [sku(packed), sku({ ...packed, widthCm: '' }), sku({ ...packed, weightKg: '' })],
    });
    expect(readinessItems(form, known)).toEqual([
      { problem: 'no_weight', field: 'skus.2.weightKg' },
      { problem: 'no_package_size', field: 'skus.1.widthCm' },
    ]);
    const complete = { ...form, skus: [sku(packed)] };
    expect(readinessItems(complete, known)).toEqual([]);
    // A typo is an error of its own, not a missing value.
    expect(readinessItems({ ...complete, skus: [sku({ ...packed, weightKg: 'setengah' })] }, known)).toEqual([]);
  });

  it('asks for a new category when the old one is gone, and waits for one that is loading', () => {
    const form = values({ categoryId: 1, description: 'x' });
    expect(readinessItems(form, { state: 'gone' })[0]?.problem).toBe('category_gone');
    expect(readinessItems(form, { state: 'loading' }).map((item) => item.problem)).not.toContain('missing_attributes');
    expect(readinessItems(form, { state: 'loading' }, ['missing_attributes'])[0]?.problem).toBe('missing_attributes');
  });
});

describe('spelledDate', () => {
  it('spells the month out, so 12/01 cannot be read the wrong way round', () => {
    expect(spelledDate('2026-12-01', 'id')).toBe('1 Desember 2026');
    expect(spelledDate('2026-12-01', 'en')).toBe('1 December 2026');
    expect(spelledDate('', 'id')).toBe('');
    expect(spelledDate('01/12/2026', 'id')).toBe('');
  });
});
