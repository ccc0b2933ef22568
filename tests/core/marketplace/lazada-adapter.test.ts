import { afterEach, describe, expect, it } from 'vitest';
import { MarketplaceFailure, type ListingPayload } from '../../../electron/core/marketplace/adapter';
import { LAZADA_CODES } from '../../../electron/core/marketplace/lazada/codes';
import { LazadaAdapter } from '../../../electron/core/marketplace/lazada/lazada-adapter';
import { remoteStatus } from '../../../electron/core/marketplace/lazada/remote-status';
import { LazadaTransport } from '../../../electron/core/marketplace/lazada/transport';
import { lazadaError, ok, startServer, type Handler, type TestServer } from './lazada-test-server';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(handler: Handler, token: () => string = () => 'tok-1') {
  const server = await startServer(handler);
  servers.push(server);
  const transport = new LazadaTransport({ baseUrl: `${server.url}/rest`, appKey: 'k', appSecret: 's' });
  const adapter = new LazadaAdapter({ marketplace: 'practice', transport, accessToken: token });
  return { server, adapter, transport };
}

const listing: ListingPayload = {
  primaryCategory: 10002019,
  name: 'Keripik Singkong',
  description: 'Renyah',
  brand: 'No Brand',
  attributes: {},
  images: ['https://img.example/a.jpg'],
  skus: [
    {
      sellerSku: 'AKR-1-RED',
      price: 15000,
      quantity: 3,
      weightGrams: 200,
      lengthCm: 10,
      widthCm: 10,
      heightCm: 4,
      saleProps: { color_family: 'Merah' },
      images: [],
    },
  ],
};

async function failureOf(promise: Promise<unknown>): Promise<MarketplaceFailure> {
  const error: unknown = await promise.then(
    () => new Error('succeeded'),
    (e: unknown) => e,
  );
  if (error instanceof MarketplaceFailure) return error;
  throw error;
}

function product(itemId: number, status: string, skus: [string, number][], extra: Record<string, unknown> = {}) {
  return {
    item_id: itemId,
    status,
    skus: skus.map(([SellerSku, SkuId]) => ({ SellerSku, SkuId, ShopSku: `S-${SkuId}` })),
    ...extra,
  };
}

describe('LazadaAdapter', () => {
  it('uploads an image as multipart field "image" and returns data.image.url', async () => {
    const { server, adapter } = await setup((_request, response) =>
      ok(response, { image: { url: 'https://id-live.slatic.net/p/abc.jpg', hash_code: 'h' } }),
    );
    expect(adapter.marketplace).toBe('practice');
    const uploaded = await adapter.uploadImage({ bytes: Buffer.alloc(5000, 1), fileName: 'p1.jpg' });
    expect(uploaded).toEqual({ url: 'https://id-live.slatic.net/p/abc.jpg' });
    expect(server.received[0]).toMatchObject({ path: '/rest/image/upload', file: { field: 'image', size: 5000 } });
    expect(server.received[0]?.params.access_token).toBe('tok-1');
  });

  it('creates a listing: payload form field, item id and SKU ids as text, status mapped', async () => {
    const { server, adapter } = await setup((_request, response) =>
      ok(response, {
        item_id: 2736282744,
        sku_list: [{ seller_sku: 'AKR-1-RED', sku_id: 11122233, shop_sku: '2736282744_ID-111' }],
        item_status: 'Pending QC',
      }),
    );
    const created = await adapter.createListing(listing);
    expect(created).toEqual({
      itemId: '2736282744',
      skus: [{ sellerSku: 'AKR-1-RED', skuId: '11122233' }],
      status: 'pending_qc',
    });
    const payload = JSON.parse(server.received[0]?.params.payload ?? '') as {
      Request: { Product: { PrimaryCategory: string } };
    };
    expect(payload.Request.Product.PrimaryCategory).toBe('10002019');
  });

  it('reads a missing item_status as pending QC and "Active" as live', async () => {
    let status = '';
    const { adapter } = await setup((_request, response) =>
      ok(response, { item_id: '1', sku_list: [], ...(status ? { item_status: status } : {}) }),
    );
    expect((await adapter.createListing(listing)).status).toBe('pending_qc');
    status = 'Active';
    expect((await adapter.createListing(listing)).status).toBe('live');
  });

  it('turns a create answer with a non-numeric item_id into unknown_outcome', async () => {
    const { adapter } = await setup((_request, response) => ok(response, { item_id: 'abc', sku_list: [] }));
    const failure = await failureOf(adapter.createListing(listing));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('data.item_id');
  });

  it('passes marketplace failures through (duplicate SellerSku)', async () => {
    const { adapter } = await setup((_request, response) => lazadaError(response, LAZADA_CODES.skuRepeat));
    expect((await failureOf(adapter.createListing(listing))).kind).toBe('duplicate');
  });

  it('asks for the access token at every call (it may have been refreshed)', async () => {
    let token = 'old';
    const { server, adapter } = await setup(
      (_request, response) => ok(response, { image: { url: 'https://img.example/x.jpg' } }),
      () => token,
    );
    await adapter.uploadImage({ bytes: Buffer.alloc(10), fileName: 'a.jpg' });
    token = 'new';
    await adapter.uploadImage({ bytes: Buffer.alloc(10), fileName: 'a.jpg' });
    expect(server.received.map((request) => request.params.access_token)).toEqual(['old', 'new']);
  });
});

describe('LazadaAdapter.findBySellerSkus', () => {
  it('pages through /products/get and maps items, statuses and reject reasons', async () => {
    const all = Array.from({ length: 60 }, (_, i) =>
      product(1000 + i, i === 0 ? 'rejected' : i === 1 ? 'Pending QC' : 'live', [[`SKU-${i}`, 5000 + i]], {
        reject_reason: i === 0 ? 'No White Background' : i === 2 ? 'stale reason' : null,
      }),
    );
    const { server, adapter } = await setup((request, response) => {
      const offset = Number(request.params.offset);
      const limit = Number(request.params.limit);
      ok(response, { total_products: all.length, products: all.slice(offset, offset + limit) });
    });
    const skus = all.map((_, i) => `SKU-${i}`);
    const found = await adapter.findBySellerSkus(skus);
    expect(found).toHaveLength(60);
    expect(found[0]).toEqual({
      itemId: '1000',
      status: 'rejected',
      rejectReason: 'No White Background',
      skus: [{ sellerSku: 'SKU-0', skuId: '5000' }],
    });
    expect(found[1]?.status).toBe('pending_qc');
    expect(found[2]).not.toHaveProperty('rejectReason');
    expect(server.received.map((request) => request.params.offset)).toEqual(['0', '50']);
    const first = server.received[0];
    expect(first?.method).toBe('GET');
    expect(first?.params.filter).toBe('all');
    expect(first?.params.limit).toBe('50');
    expect(JSON.parse(first?.params.sku_seller_list ?? '')).toEqual(skus);
  });

  it('splits more than 100 SellerSkus into several lookups, and asks nothing for none', async () => {
    const { server, adapter } = await setup((_request, response) => ok(response, { total_products: 0, products: [] }));
    expect(await adapter.findBySellerSkus([])).toEqual([]);
    expect(server.received).toHaveLength(0);
    await adapter.findBySellerSkus(Array.from({ length: 150 }, (_, i) => `S${i}`));
    const sizes = server.received.map(
      (request) => (JSON.parse(request.params.sku_seller_list ?? '[]') as string[]).length,
    );
    expect(sizes).toEqual([100, 50]);
  });

  it('drops items that only matched a SellerSku partly, and reads a missing products list as none', async () => {
    let empty = false;
    const { adapter } = await setup((_request, response) =>
      ok(
        response,
        empty
          ? {}
          : { products: [product(1, 'live', [['AKR-1-RED-XL', 9]]), product(2, 'inactive', [['AKR-1-RED', 10]])] },
      ),
    );
    const found = await adapter.findBySellerSkus(['AKR-1-RED']);
    expect(found.map((item) => [item.itemId, item.status])).toEqual([['2', 'inactive']]);
    empty = true;
    expect(await adapter.findBySellerSkus(['AKR-1-RED'])).toEqual([]);
  });

  it('refuses to guess an unknown status', async () => {
    const { adapter } = await setup((_request, response) =>
      ok(response, { products: [product(1, 'frozen', [['A', 1]])] }),
    );
    const failure = await failureOf(adapter.findBySellerSkus(['A']));
    expect(failure.kind).toBe('unknown_outcome');
    expect(failure.message).toContain('unknown item status "frozen"');
  });

  it('stops a server that pages forever', async () => {
    const { adapter } = await setup((request, response) =>
      ok(response, {
        products: Array.from({ length: 50 }, (_, i) =>
          product(Number(request.params.offset) + i + 1, 'live', [['A', i + 1]]),
        ),
      }),
    );
    expect((await failureOf(adapter.findBySellerSkus(['A']))).kind).toBe('unknown_outcome');
  });
});

describe('LazadaAdapter.updateListing', () => {
  it('sends ItemId and the SkuIds learned at create, without a lookup', async () => {
    const { server, adapter } = await setup((request, response) =>
      request.path.endsWith('/product/create')
        ? ok(response, { item_id: 77, sku_list: [{ seller_sku: 'AKR-1-RED', sku_id: 88 }] })
        : ok(response, {}),
    );
    await adapter.createListing(listing);
    await adapter.updateListing('77', listing);
    expect(server.received.map((request) => request.path)).toEqual(['/rest/product/create', '/rest/product/update']);
    const payload = JSON.parse(server.received[1]?.params.payload ?? '') as {
      Request: { Product: { ItemId: string; Skus: { Sku: { SkuId?: string }[] } } };
    };
    expect(payload.Request.Product.ItemId).toBe('77');
    expect(payload.Request.Product.Skus.Sku[0]?.SkuId).toBe('88');
  });

  it('looks the SkuIds up first when it does not know them (after a restart)', async () => {
    const { server, adapter } = await setup((request, response) =>
      request.path.endsWith('/products/get')
        ? ok(response, { products: [product(77, 'rejected', [['AKR-1-RED', 99]])] })
        : ok(response, {}),
    );
    await adapter.updateListing('77', listing);
    expect(server.received.map((request) => request.path)).toEqual(['/rest/products/get', '/rest/product/update']);
    expect(server.received[1]?.params.payload).toContain('"SkuId":"99"');
  });
});

describe('remote statuses', () => {
  it('reads Lazada words liberally', () => {
    expect(remoteStatus('LIVE')).toBe('live');
    expect(remoteStatus('active')).toBe('live');
    expect(remoteStatus('Pending QC')).toBe('pending_qc');
    expect(remoteStatus('pending')).toBe('pending_qc');
    expect(remoteStatus('InActive')).toBe('inactive');
    expect(remoteStatus('sold-out')).toBe('live');
    expect(remoteStatus('Deleted')).toBe('deleted');
    expect(remoteStatus('toString')).toBeUndefined();
  });
});
