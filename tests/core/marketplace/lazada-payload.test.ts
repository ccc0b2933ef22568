import { describe, expect, it } from 'vitest';
import type { ListingPayload, ListingSku } from '../../../electron/core/marketplace/adapter';
import {
  centimetres,
  createPayload,
  packageWeightKg,
  updatePayload,
} from '../../../electron/core/marketplace/lazada/payload';

const sku = (over: Partial<ListingSku> = {}): ListingSku => ({
  sellerSku: 'AKR-KRIPIK-001',
  price: 15000,
  quantity: 10,
  weightGrams: 250,
  lengthCm: 10,
  widthCm: 10,
  heightCm: 5,
  saleProps: {},
  images: [],
  ...over,
});

const listing = (over: Partial<ListingPayload> = {}): ListingPayload => ({
  primaryCategory: 10002019,
  name: 'Keripik Singkong Pedas',
  description: '<p>Renyah</p>',
  brand: 'No Brand',
  attributes: { net_weight: '250' },
  images: ['https://id-live.slatic.net/p/a.jpg'],
  skus: [sku()],
  ...over,
});

function parsed(text: string): { Request: { Product: Record<string, unknown> } } {
  return JSON.parse(text) as { Request: { Product: Record<string, unknown> } };
}

describe('package weight and sizes', () => {
  it('converts grams to kg, rounding up to 0.01 so a parcel is never under-declared', () => {
    expect(packageWeightKg(250)).toBe('0.25');
    expect(packageWeightKg(251)).toBe('0.26');
    expect(packageWeightKg(1001)).toBe('1.01');
    expect(packageWeightKg(1000)).toBe('1');
    expect(packageWeightKg(40_000)).toBe('40');
    expect(packageWeightKg(1)).toBe('0.01');
    expect(packageWeightKg(0)).toBe('0.01');
    expect(packageWeightKg(0.3)).toBe('0.01');
  });

  it('keeps at most two decimals for centimetres, rounding up, without binary noise', () => {
    expect(centimetres(12.34)).toBe('12.34');
    expect(centimetres(12.341)).toBe('12.35');
    expect(centimetres(0.1 + 0.2)).toBe('0.3');
    expect(centimetres(10)).toBe('10');
  });

  it('refuses impossible numbers', () => {
    expect(() => packageWeightKg(-1)).toThrow(RangeError);
    expect(() => centimetres(Number.NaN)).toThrow(RangeError);
    expect(() => createPayload(listing({ skus: [sku({ price: 1.5 })] }))).toThrow(RangeError);
  });
});

describe('create payload', () => {
  it('builds Lazada JSON with text values and arrays even for one element', () => {
    const product = parsed(createPayload(listing())).Request.Product;
    expect(product).toEqual({
      PrimaryCategory: '10002019',
      Images: { Image: ['https://id-live.slatic.net/p/a.jpg'] },
      Attributes: {
        name: 'Keripik Singkong Pedas',
        description: '<p>Renyah</p>',
        brand: 'No Brand',
        net_weight: '250',
      },
      Skus: {
        Sku: [
          {
            SellerSku: 'AKR-KRIPIK-001',
            quantity: '10',
            price: '15000',
            package_length: '10',
            package_width: '10',
            package_height: '5',
            package_weight: '0.25',
          },
        ],
      },
    });
  });

  it('sends an empty Images array rather than leaving it out', () => {
    const product = parsed(createPayload(listing({ images: [] }))).Request.Product;
    expect(product.Images).toEqual({ Image: [] });
  });

  it('puts sale properties, special price and variant images on each SKU', () => {
    const skus = [
      sku({
        sellerSku: 'A-RED',
        saleProps: { color_family: 'Merah' },
        specialPrice: 12000,
        images: ['https://x/r.jpg'],
      }),
      sku({
        sellerSku: 'A-BLUE',
        saleProps: { color_family: 'Biru', SellerSku: 'HIJACK' },
        images: ['https://x/b.jpg'],
      }),
    ];
    const product = parsed(createPayload(listing({ skus }))).Request.Product as {
      Skus: { Sku: Record<string, unknown>[] };
    };
    expect(product.Skus.Sku).toHaveLength(2);
    expect(product.Skus.Sku[0]).toMatchObject({
      SellerSku: 'A-RED',
      color_family: 'Merah',
      special_price: '12000',
      Images: { Image: ['https://x/r.jpg'] },
    });
    expect(product.Skus.Sku[1]).toMatchObject({ SellerSku: 'A-BLUE', color_family: 'Biru' });
    expect(product.Skus.Sku[1]).not.toHaveProperty('special_price');
  });

  it('lets the listing fields win over a same-named category attribute', () => {
    const product = parsed(createPayload(listing({ attributes: { name: 'other', warranty_type: 'No Warranty' } })))
      .Request.Product as { Attributes: Record<string, string> };
    expect(product.Attributes.name).toBe('Keripik Singkong Pedas');
    expect(product.Attributes.warranty_type).toBe('No Warranty');
  });
});

describe('update payload', () => {
  it('adds ItemId and the SkuIds that are known', () => {
    const skus = [sku({ sellerSku: 'A-RED' }), sku({ sellerSku: 'A-NEW' })];
    const product = parsed(updatePayload('2736282744', listing({ skus }), new Map([['A-RED', '11122233']]))).Request
      .Product as { ItemId: string; Skus: { Sku: Record<string, unknown>[] } };
    expect(product.ItemId).toBe('2736282744');
    expect(product.Skus.Sku[0]).toMatchObject({ SkuId: '11122233', SellerSku: 'A-RED' });
    expect(product.Skus.Sku[1]).not.toHaveProperty('SkuId');
    expect(() => updatePayload('abc', listing())).toThrow(RangeError);
  });
});

describe('brand', () => {
  it('goes as brand_id when the listing has one, with no brand name beside it', () => {
    const product = parsed(
      createPayload(listing({ brandId: '20002', attributes: { brand: 'Buatan Sendiri', net_weight: '250' } })),
    ).Request.Product;
    expect(product.Attributes).toEqual({
      name: 'Keripik Singkong Pedas',
      description: '<p>Renyah</p>',
      brand_id: '20002',
      net_weight: '250',
    });
  });

  it('goes by name when there is no id (no brand list on this laptop)', () => {
    const product = parsed(createPayload(listing({ attributes: { brand: 'Other', net_weight: '250' } }))).Request
      .Product;
    expect(product.Attributes).toEqual({
      name: 'Keripik Singkong Pedas',
      description: '<p>Renyah</p>',
      brand: 'No Brand',
      net_weight: '250',
    });
  });

  it('refuses an id that is not one', () => {
    expect(() => createPayload(listing({ brandId: 'Buatan Sendiri' }))).toThrow(RangeError);
    expect(() => updatePayload('123', listing({ brandId: '0' }))).toThrow(RangeError);
  });
});
