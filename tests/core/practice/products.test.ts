import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import {
  call,
  COLOUR_LEAF,
  create,
  dataOf,
  NOT_LEAF,
  productPayload,
  sku,
  SNACK_LEAF,
  uploadImage,
  testClock,
  whiteCanvasJpeg,
} from './signed';

let server: PracticeServer;
let token: string;
let image: string;

beforeEach(async () => {
  server = await startPracticeServer({ qcDelayMs: 0 });
  token = server.issueToken('Toko Ani').accessToken;
  image = await uploadImage(server, token, await whiteCanvasJpeg(600));
});
afterEach(() => server.close());

describe('practice /product/create', () => {
  it('stores a product and answers item_id, sku_list and "Pending QC"', async () => {
    const result = await create(server, token, {
      images: [image],
      skus: [sku('WJN-001'), sku('WJN-002', { color_family: 'Hitam' })],
    });
    const data = dataOf<{
      item_id: number;
      sku_list: { seller_sku: string; shop_sku: string; sku_id: number }[];
      item_status: string;
    }>(result);
    expect(data.item_status).toBe('Pending QC');
    expect(typeof data.item_id).toBe('number');
    expect(data.sku_list.map((s) => s.seller_sku)).toEqual(['WJN-001', 'WJN-002']);
    expect(data.sku_list[0]?.shop_sku).toBe(`${data.item_id}_ID-${data.sku_list[0]?.sku_id}`);
    const [listing] = server.listings('Toko Ani');
    expect(listing).toMatchObject({ itemId: data.item_id, name: 'Wajan Besi Garut', images: [image] });
    expect(listing?.skus[1]?.saleProps).toEqual({ color_family: 'Hitam' });
    expect(server.stats().createsBySellerSku).toEqual({ 'WJN-001': 1, 'WJN-002': 1 });
    expect(server.stats().items).toBe(1);
  });

  it('refuses each rule with its code and a detail naming the field, storing nothing', async () => {
    const other = 'https://img.example.com/a.jpg';
    const cases: [string, Parameters<typeof productPayload>[0] | string, string, string][] = [
      ['not JSON', '{"Request":', 'InvalidParameter', 'payload'],
      [
        'Sku not an array',
        JSON.stringify({
          Request: { Product: { PrimaryCategory: '12085371', Attributes: { name: 'x' }, Skus: { Sku: sku('A') } } },
        }),
        'InvalidParameter',
        'Skus.Sku',
      ],
      [
        'a price that is not a number',
        { images: [image], skus: [sku('A', { price: 'lima ribu' })] },
        'InvalidParameter',
        'Skus.Sku[0].price',
      ],
      ['not a leaf', { category: NOT_LEAF, images: [image] }, '4134', 'PrimaryCategory'],
      ['unknown category', { category: '1', images: [image] }, '4134', 'PrimaryCategory'],
      ['mandatory attribute', { category: SNACK_LEAF, images: [image] }, '4108', 'shelf_life'],
      ['mandatory sale prop', { category: COLOUR_LEAF, images: [image] }, '4108', 'color_family'],
      ['no main image', { images: [] }, '4139', 'Images'],
      ['external image', { images: [image, other] }, '4138', 'Images'],
      ['unknown hosted id', { images: [`${server.baseUrl}/img/${'0'.repeat(24)}.jpg`] }, '4138', 'Images'],
      ['too many images', { images: Array(9).fill(image) as string[] }, '4169', 'Images'],
      ['title too long', { images: [image], name: 'é'.repeat(128) }, '4160', 'name'],
      ['forbidden characters', { images: [image], name: 'Wajan <besar>' }, '4129', 'name'],
      [
        'too heavy',
        { images: [image], skus: [sku('A', { package_weight: '40.01' })] },
        '4164',
        'Skus.Sku[0].package_weight',
      ],
      [
        'too big',
        { images: [image], skus: [sku('A', { package_length: '100', package_width: '100', package_height: '100.5' })] },
        '4165',
        'Skus.Sku[0].package_length',
      ],
    ];
    for (const [what, payload, code, field] of cases) {
      const result = await call(
        server,
        '/product/create',
        { payload: typeof payload === 'string' ? payload : productPayload(payload) },
        { method: 'POST', accessToken: token },
      );
      expect({
        what,
        code: result.json.code,
        field: (result.json.detail as { field: string }[] | undefined)?.[0]?.field,
      }).toEqual({ what, code, field });
      expect(result.json.type).toBe('ISV');
    }
    // A valid name of exactly 255 bytes and the sale prop on every SKU pass.
    expect((await create(server, token, { images: [image], name: 'a'.repeat(255) })).json.code).toBe('0');
    const colour = await create(server, token, {
      category: COLOUR_LEAF,
      images: [image],
      skus: [sku('P-1', { color_family: 'Hitam' }), sku('P-2', { saleProp: { color_family: 'Putih' } })],
    });
    expect(colour.json.code).toBe('0');
    expect(server.stats().items).toBe(2);
  });

  it('refuses a SellerSku already used in the shop, in any case, even by a deleted item; other shops are separate', async () => {
    expect((await create(server, token, { images: [image], skus: [sku('Kripik-01')] })).json.code).toBe('0');
    const again = await create(server, token, { images: [image], skus: [sku('KRIPIK-01')] });
    expect(again.json).toMatchObject({ code: '4126', detail: [{ field: 'Skus.Sku[0].SellerSku' }] });
    const twice = await create(server, token, { images: [image], skus: [sku('B-1'), sku('b-1')] });
    expect(twice.json.code).toBe('4126');
    // Deleted items keep their SellerSkus.
    expect(
      (
        await call(
          server,
          '/product/remove',
          { seller_sku_list: '["kripik-01"]' },
          { method: 'POST', accessToken: token },
        )
      ).json.code,
    ).toBe('0');
    expect(server.listings()[0]?.status).toBe('deleted');
    expect((await create(server, token, { images: [image], skus: [sku('Kripik-01')] })).json.code).toBe('4126');
    const other = server.issueToken('Toko Budi').accessToken;
    const otherImage = await uploadImage(server, other, await whiteCanvasJpeg(600));
    expect((await create(server, other, { images: [otherImage], skus: [sku('Kripik-01')] })).json.code).toBe('0');
    expect(server.stats().createsBySellerSku).toEqual({ 'Kripik-01': 2 });
  });
});

describe('practice create races', () => {
  it('stores exactly one item when the same SellerSku is created concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => create(server, token, { images: [image], skus: [sku('RACE-1')] })),
    );
    expect(results.filter((r) => r.json.code === '0')).toHaveLength(1);
    expect(results.filter((r) => r.json.code === '4126')).toHaveLength(7);
    expect(server.stats().createsBySellerSku).toEqual({ 'RACE-1': 1 });
  });
});

describe('practice /product/update', () => {
  it('replaces the content and puts the item back in QC from the update time', async () => {
    const clock = testClock(Date.now());
    await server.close();
    server = await startPracticeServer({ qcDelayMs: 60_000, clock: clock.now });
    token = server.issueToken('Toko Ani').accessToken;
    image = await uploadImage(server, token, await whiteCanvasJpeg(600));
    const created = dataOf<{ item_id: number; sku_list: { sku_id: number }[] }>(
      await create(server, token, { images: [image], skus: [sku('U-1')] }),
    );
    clock.advance(60_000);
    expect(server.listings()[0]?.status).toBe('live');
    const skuId = String(created.sku_list[0]?.sku_id);
    const update = productPayload({
      itemId: created.item_id,
      images: [image],
      name: 'Wajan Besi Garut Besar',
      skus: [sku('U-1', { SkuId: skuId, price: '20000' }), sku('U-2')],
    });
    const result = await call(
      server,
      '/product/update',
      { payload: update },
      { method: 'POST', accessToken: token, timestamp: clock.now() },
    );
    expect(result.json.code).toBe('0');
    const listing = server.listings()[0];
    expect(listing).toMatchObject({ status: 'pending', name: 'Wajan Besi Garut Besar' });
    expect(listing?.skus.map((s) => [s.sellerSku, s.price])).toEqual([
      ['U-1', 20000],
      ['U-2', 15000],
    ]);
    clock.advance(59_999);
    expect(server.listings()[0]?.status).toBe('pending');
    clock.advance(1);
    expect(server.listings()[0]?.status).toBe('live');
    // Updates are not creates.
    expect(server.stats().createsBySellerSku).toEqual({ 'U-1': 1 });

    const unknown = await call(
      server,
      '/product/update',
      { payload: productPayload({ itemId: 123, images: [image] }) },
      { method: 'POST', accessToken: token, timestamp: clock.now() },
    );
    expect(unknown.json).toMatchObject({ code: 'InvalidParameter', detail: [{ field: 'ItemId' }] });
    const renamed = productPayload({ itemId: created.item_id, images: [image], skus: [sku('U-9', { SkuId: skuId })] });
    expect(
      (
        await call(
          server,
          '/product/update',
          { payload: renamed },
          { method: 'POST', accessToken: token, timestamp: clock.now() },
        )
      ).json.code,
    ).toBe('InvalidParameter');
  });
});

describe('practice /products/get', () => {
  it('finds items by whole SellerSku in any case, filters by status and pages', async () => {
    for (let i = 1; i <= 7; i++) {
      const name = i === 7 ? 'Wajan PROMO' : `Wajan ${i}`;
      expect(
        (await create(server, token, { images: [image], name, skus: [sku(`W-${i}`), sku(`W-${i}-B`)] })).json.code,
      ).toBe('0');
    }
    const get = async (params: Record<string, string>) =>
      dataOf<{
        total_products: number;
        products: {
          item_id: number;
          status: string;
          reject_reason?: string;
          skus: { SellerSku: string; SkuId: number; ShopSku: string; Status: string }[];
          attributes: { name: string };
        }[];
      }>(await call(server, '/products/get', params, { accessToken: token }));
    const bySku = await get({ filter: 'all', sku_seller_list: JSON.stringify(['w-2', 'W-5-b', 'W-']) });
    expect(bySku.total_products).toBe(2);
    expect(bySku.products.map((p) => p.attributes.name).sort()).toEqual(['Wajan 2', 'Wajan 5']);
    expect(bySku.products[0]?.skus[0]).toMatchObject({ Status: 'active' });
    expect(typeof bySku.products[0]?.skus[0]?.SkuId).toBe('number');

    const page1 = await get({ filter: 'all', limit: '3', offset: '0' });
    const page3 = await get({ filter: 'all', limit: '3', offset: '6' });
    expect(page1.total_products).toBe(7);
    expect(page1.products).toHaveLength(3);
    expect(page3.products).toHaveLength(1);
    const rejected = await get({ filter: 'rejected' });
    expect(rejected.products.map((p) => [p.attributes.name, p.status, p.reject_reason])).toEqual([
      ['Wajan PROMO', 'rejected', 'Prohibited Keywords in Product Name'],
    ]);
    expect((await get({ filter: 'live' })).total_products).toBe(6);
    expect((await get({ filter: 'pending' })).total_products).toBe(0);

    const tooMany = await call(
      server,
      '/products/get',
      { sku_seller_list: JSON.stringify(Array.from({ length: 101 }, (_, i) => `S${i}`)) },
      { accessToken: token },
    );
    expect(tooMany.json.code).toBe('InvalidParameter');
    expect((await call(server, '/products/get', { limit: '51' }, { accessToken: token })).json.code).toBe(
      'InvalidParameter',
    );
    expect((await call(server, '/products/get', { filter: 'sold' }, { accessToken: token })).json.code).toBe(
      'InvalidParameter',
    );
  });
});
