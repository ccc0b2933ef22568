import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { READY_CATEGORY_ID } from '../../support/catalogue';
import { unwrap } from '../../support/results';
import { tempCore, tempDir } from '../../support/temp';
import { connectPractice, seedShop } from '../../support/uploads';
import { call } from '../practice/signed';

/**
 * A product's brand reaches the marketplace as its `brand_id` (Lazada's payload requires
 * one from the brand list), looked up by name in the brand list a category refresh
 * brought. A brand the list does not have is refused before anything is sent; without any
 * list (offline from day one) the brand still goes by name, as it always did.
 */

let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function setup(count = 1) {
  const server = await startPracticeServer({ qcDelayMs: 60_000 });
  servers.push(server);
  const { core } = tempCore({ marketplaceTimeoutMs: 2_000 });
  const shop = await seedShop(core, tempDir(), { count, photos: 1 });
  await connectPractice(core, server, shop.sellerId);
  const shopInput = { sellerId: shop.sellerId, marketplace: 'practice' } as const;
  return { core, server, shop, shopInput };
}

function creates(server: PracticeServer): number {
  return server.stats().requests['/product/create']?.received ?? 0;
}

describe('brand ids in uploads', () => {
  it('sends the brand as brand_id from the list, found however the name was typed', async () => {
    const { core, server, shop, shopInput } = await setup(2);
    unwrap(await core.categories.refresh(shopInput));
    const [first, second] = shop.products;
    // "No Brand" as every new product has it, and a brand typed in another case and spacing.
    unwrap(await core.products.update({ id: second?.id ?? 0, changes: { brand: 'buatan  SENDIRI' } }));

    expect(unwrap(await core.uploads.enqueue(shopInput))).toEqual({ queued: 2, refused: [] });
    expect(unwrap(await core.uploads.drain(shopInput)).outcome).toBe('done');

    const byName = new Map(server.listings().map((listing) => [listing.name, listing.attributes]));
    expect(byName.get(first?.name ?? '')).toMatchObject({ brand_id: '1' });
    expect(byName.get(second?.name ?? '')).toMatchObject({ brand_id: '20002' });
    // One brand, never a name beside the id that could disagree with it.
    for (const attributes of byName.values()) expect(attributes).not.toHaveProperty('brand');
  });

  it('refuses a brand the marketplace does not know before anything is sent', async () => {
    const { core, server, shop, shopInput } = await setup();
    unwrap(await core.categories.refresh(shopInput));
    const product = shop.products[0];
    unwrap(await core.products.update({ id: product?.id ?? 0, changes: { brand: 'Merek Asing' } }));

    const queued = unwrap(await core.uploads.enqueue(shopInput));
    expect(queued.queued).toBe(0);
    expect(queued.refused).toEqual([{ productId: product?.id, name: product?.name, problems: ['unknown_brand'] }]);
    expect(creates(server)).toBe(0);
    expect(server.stats().requests['/image/upload']?.received ?? 0).toBe(0);
  });

  it('blocks a listing whose brand became unknown while it waited, without sending it', async () => {
    const { core, server, shop, shopInput } = await setup();
    unwrap(await core.categories.refresh(shopInput));
    expect(unwrap(await core.uploads.enqueue(shopInput)).queued).toBe(1);
    unwrap(await core.products.update({ id: shop.products[0]?.id ?? 0, changes: { brand: 'Merek Asing' } }));

    unwrap(await core.uploads.drain(shopInput));
    const [listing] = unwrap(await core.uploads.shop(shopInput)).listings;
    expect(listing).toMatchObject({ state: 'blocked', error: { kind: 'rejected', code: '4142', field: 'brand_id' } });
    expect(creates(server)).toBe(0);
  });

  it('sends the brand by name when no brand list was ever fetched', async () => {
    const { core, server, shop, shopInput } = await setup();
    unwrap(await core.products.update({ id: shop.products[0]?.id ?? 0, changes: { brand: 'Merek Asing' } }));
    expect(unwrap(await core.uploads.enqueue(shopInput)).queued).toBe(1);
    expect(unwrap(await core.uploads.drain(shopInput)).outcome).toBe('done');
    const [listing] = server.listings();
    expect(listing?.attributes).toMatchObject({ brand: 'Merek Asing' });
    expect(listing?.attributes).not.toHaveProperty('brand_id');
  });
});

describe('the practice marketplace and brand_id', () => {
  it('answers Lazada’s invalid-brand code for a brand_id not in its list, and takes one that is', async () => {
    const server = await startPracticeServer({ qcDelayMs: 60_000 });
    servers.push(server);
    const { accessToken } = server.issueToken('Toko Brand');
    const payload = (brandId: string) =>
      JSON.stringify({
        Request: {
          Product: {
            PrimaryCategory: String(READY_CATEGORY_ID),
            Images: { Image: [] },
            Attributes: { name: 'Keripik', description: 'Renyah.', brand_id: brandId, shelf_life: '3 Bulan' },
            Skus: {
              Sku: [
                {
                  SellerSku: 'BRAND-1',
                  quantity: '1',
                  price: '15000',
                  package_length: '10',
                  package_width: '10',
                  package_height: '5',
                  package_weight: '0.25',
                },
              ],
            },
          },
        },
      });
    const refused = await call(server, '/product/create', { payload: payload('999') }, { method: 'POST', accessToken });
    expect(refused.json).toMatchObject({ code: '4142' });
    // A known brand passes the brand check (and stops at the next one: no photo).
    const known = await call(server, '/product/create', { payload: payload('1') }, { method: 'POST', accessToken });
    expect(known.json).toMatchObject({ code: '4139' });
  });
});
