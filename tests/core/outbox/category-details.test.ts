import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { READY_CATEGORY_ID } from '../../support/catalogue';
import { unwrap } from '../../support/results';
import { tempCore, tempDir } from '../../support/temp';
import { connectPractice, seedShop } from '../../support/uploads';

/**
 * A category from a fetched tree whose attributes were never downloaded: readiness cannot
 * ask for its mandatory attributes, so the upload holds the product back (the marketplace
 * would refuse it after the upload) until "Ambil keterangan" brings them.
 */
let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

describe('a category whose details are not on this laptop', () => {
  it('holds the product back before anything is sent, and lets it go once the details are fetched', async () => {
    const server = await startPracticeServer({ qcDelayMs: 60_000 });
    servers.push(server);
    const temp = tempCore();
    const { core } = temp;
    const shop = await seedShop(core, tempDir(), { count: 1, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    const shopInput = { sellerId: shop.sellerId, marketplace: 'practice' } as const;
    unwrap(await core.categories.refresh(shopInput));

    // As a refresh of a real tree leaves most leaves: known by name, details at the marketplace.
    const db = new Database(temp.dbPath);
    db.prepare('DELETE FROM category_attributes WHERE category_id = ?').run(READY_CATEGORY_ID);
    db.prepare('UPDATE categories SET attributes_known = 0 WHERE id = ?').run(READY_CATEGORY_ID);
    db.close();

    const held = unwrap(await core.uploads.enqueue(shopInput));
    expect(held.queued).toBe(0);
    expect(held.refused[0]?.problems).toEqual(['category_details_missing']);
    expect(server.stats().requests['/product/create']?.received ?? 0).toBe(0);

    const detail = unwrap(await core.categories.loadAttributes({ ...shopInput, categoryId: READY_CATEGORY_ID }));
    expect(detail.attributesKnown).toBe(true);
    expect(unwrap(await core.uploads.enqueue(shopInput))).toEqual({ queued: 1, refused: [] });
  });
});

describe('refreshing categories through the practice shop', () => {
  it('never replaces a tree that came from Lazada; its brands still come', async () => {
    const lazada = await startPracticeServer({ qcDelayMs: 60_000 });
    const practice = await startPracticeServer({ qcDelayMs: 60_000 });
    servers.push(lazada, practice);
    const { core } = tempCore();
    const shop = await seedShop(core, tempDir(), { count: 1, photos: 1 });
    unwrap(
      await core.uploads.connect({
        sellerId: shop.sellerId,
        marketplace: 'lazada',
        endpoint: lazada.baseUrl,
        appKey: lazada.appKey,
        appSecret: lazada.appSecret,
        accessToken: lazada.issueToken('Keripik Sari').accessToken,
      }),
    );
    await connectPractice(core, practice, shop.sellerId);
    const fromLazada = unwrap(await core.categories.refresh({ sellerId: shop.sellerId, marketplace: 'lazada' }));
    const fromPractice = unwrap(await core.categories.refresh({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(fromPractice.version).toBe(fromLazada.version);
    expect(fromPractice.attributesFetched).toBe(0);
    expect(fromPractice.brandCount).toBeGreaterThan(0);
    expect(unwrap(await core.categories.brands({ marketplace: 'practice', query: 'no' })).names.length).toBeGreaterThan(
      0,
    );
  });
});
