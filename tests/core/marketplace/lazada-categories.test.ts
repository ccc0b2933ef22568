import { afterEach, describe, expect, it } from 'vitest';
import { categoryTreeSchema, TREE_VERSION_PATTERN } from '../../../electron/core/categories/schema';
import { MarketplaceFailure } from '../../../electron/core/marketplace/adapter';
import {
  BRANDS_PAGE_SIZE,
  fetchBrands,
  fetchCategorySnapshot,
} from '../../../electron/core/marketplace/lazada/categories-fetch';
import { LazadaTransport } from '../../../electron/core/marketplace/lazada/transport';
import { ok, startServer, type Handler, type TestServer } from './lazada-test-server';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(handler: Handler) {
  const server = await startServer(handler);
  servers.push(server);
  return { server, transport: new LazadaTransport({ baseUrl: `${server.url}/rest`, appKey: 'k', appSecret: 's' }) };
}

const tree = (en: boolean) => [
  {
    category_id: 10000001,
    name: en ? 'Groceries' : 'Bahan Makanan',
    leaf: false,
    var: false,
    children: [
      { category_id: 10002019, name: en ? 'Chips' : 'Keripik', leaf: true, var: true, advanced: { is_direct: 1 } },
      { category_id: 10002020, name: en ? '' : 'Kacang', leaf: true, var: false },
    ],
  },
];

const attributes = (en: boolean) => [
  {
    name: 'name',
    label: en ? 'Name' : 'Nama',
    is_mandatory: 1,
    is_sale_prop: 0,
    input_type: 'text',
    attribute_type: 'normal',
    options: [],
  },
  {
    name: 'flavor',
    label: en ? 'Flavour' : 'Rasa',
    is_mandatory: 0,
    is_sale_prop: 1,
    input_type: 'singleSelect',
    attribute_type: 'sku',
    options: en
      ? [
          { id: 2, name: 'Spicy' },
          { id: 1, name: 'Original' },
        ]
      : [
          { id: 1, name: 'Original' },
          { id: 2, name: 'Pedas' },
        ],
  },
];

const categoryHandler: Handler = (request, response) => {
  const en = request.params.language_code === 'en_US';
  if (request.path.endsWith('/category/tree/get')) return ok(response, tree(en));
  if (request.path.endsWith('/category/attributes/get')) return ok(response, attributes(en));
  response.writeHead(404);
  response.end();
};

describe('category snapshot fetch', () => {
  it('builds a document categoryTreeSchema accepts, with English names merged in', async () => {
    const { server, transport } = await setup(categoryHandler);
    const document = await fetchCategorySnapshot(transport, { leaves: [10002019] });

    const parsed = categoryTreeSchema.parse(JSON.parse(JSON.stringify(document)));
    expect(document.source).toBe(`fetched from ${new URL(server.url).host}`);
    expect(document.snapshotVersion).toMatch(TREE_VERSION_PATTERN);
    const root = parsed.tree[0];
    expect(root?.name).toBe('Bahan Makanan');
    expect(root?.name_en).toBe('Groceries');
    expect(root?.children?.[0]).toMatchObject({ name: 'Keripik', name_en: 'Chips', advanced: { is_direct: 1 } });
    expect(root?.children?.[1]?.name_en).toBeUndefined(); // an empty English name is left out

    const flavor = parsed.attributes['10002019']?.find((attribute) => attribute.name === 'flavor');
    expect(flavor?.label_en).toBe('Flavour');
    expect(flavor?.options).toEqual([
      { id: 1, name: 'Original', name_en: 'Original' },
      { id: 2, name: 'Pedas', name_en: 'Spicy' },
    ]);

    const calls = server.received.map((request) => `${request.path} ${request.params.language_code}`);
    expect(calls).toEqual([
      '/rest/category/tree/get id_ID',
      '/rest/category/tree/get en_US',
      '/rest/category/attributes/get id_ID',
      '/rest/category/attributes/get en_US',
    ]);
    expect(server.received[2]?.params.primary_category_id).toBe('10002019');
  });

  it('takes the version it is given', async () => {
    const { transport } = await setup(categoryHandler);
    const document = await fetchCategorySnapshot(transport, { version: '2026-03-01.2' });
    expect(document.snapshotVersion).toBe('2026-03-01.2');
    expect(document.attributes).toEqual({});
  });

  it('refuses a tree that could not be installed (attributes asked for a non-leaf)', async () => {
    const { transport } = await setup(categoryHandler);
    const failure = await fetchCategorySnapshot(transport, { leaves: [10000001] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MarketplaceFailure);
    expect((failure as MarketplaceFailure).kind).toBe('unknown_outcome');
    expect((failure as MarketplaceFailure).message).toContain('cannot be installed');
  });
});

describe('brands', () => {
  it('pages with startRow/pageSize until a short page', async () => {
    const all = Array.from({ length: 450 }, (_, i) => ({ brand_id: i + 1, name: `Brand ${i + 1}`, name_en: 'x' }));
    const { server, transport } = await setup((request, response) => {
      const start = Number(request.params.startRow);
      ok(response, { module: all.slice(start, start + Number(request.params.pageSize)), total_page: 3 });
    });
    const brands = await fetchBrands(transport);
    expect(brands).toHaveLength(450);
    expect(brands[449]).toEqual({ brand_id: 450, name: 'Brand 450' });
    expect(server.received.map((request) => request.params.startRow)).toEqual(['0', '200', '400']);
    expect(server.received[0]?.params.pageSize).toBe(String(BRANDS_PAGE_SIZE));
  });

  it('reports each page, and refuses a list cut short by an empty page (over the call limit)', async () => {
    const all = Array.from({ length: 450 }, (_, i) => ({ brand_id: i + 1, name: `Brand ${i + 1}` }));
    const { transport } = await setup((request, response) => {
      const start = Number(request.params.startRow);
      // The second page comes back empty although 450 brands are counted.
      const page = start === 200 ? [] : all.slice(start, start + Number(request.params.pageSize));
      ok(response, { module: page, total_record: String(all.length) });
    });
    const pages: [number, number | undefined][] = [];
    const failure = await fetchBrands(transport, { onPage: (count, total) => pages.push([count, total]) }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MarketplaceFailure);
    expect((failure as MarketplaceFailure).kind).toBe('throttled');
    expect(pages).toEqual([
      [200, 3],
      [200, 3],
    ]);
  });

  it('takes a last short page as the end, with or without a total', async () => {
    const { transport } = await setup((_request, response) => ok(response, { module: [{ brand_id: '7', name: 'X' }] }));
    expect(await fetchBrands(transport)).toEqual([{ brand_id: 7, name: 'X' }]);
  });
});
