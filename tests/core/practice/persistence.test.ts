import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { call, create, sku, uploadImage, whiteCanvasJpeg } from './signed';

let dir: string | undefined;
let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('practice marketplace persistence', () => {
  it('keeps shops, tokens, images, items, credentials and the ledger across close and reopen', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'akar-practice-'));
    const dbPath = path.join(dir, 'practice.sqlite');
    const first = await startPracticeServer({ dbPath, qcDelayMs: 0 });
    server = first;
    const { accessToken, sellerId } = first.issueToken('Toko Ani');
    const image = await uploadImage(first, accessToken, await whiteCanvasJpeg(600));
    expect((await create(first, accessToken, { images: [image], skus: [sku('KEEP-1')] })).json.code).toBe('0');
    const before = { stats: first.stats(), listings: first.listings() };
    const imagePath = new URL(image).pathname;
    await first.close();

    const second = await startPracticeServer({ dbPath, qcDelayMs: 0 });
    server = second;
    // Same generated app key and secret, so the app's stored connection still works.
    expect([second.appKey, second.appSecret]).toEqual([first.appKey, first.appSecret]);
    expect(second.listings()).toEqual(before.listings);
    expect(second.stats()).toEqual(before.stats);
    expect(second.listings(sellerId)[0]?.status).toBe('live');
    const found = await call(second, '/products/get', { sku_seller_list: '["keep-1"]' }, { accessToken });
    expect((found.json.data as { total_products: number }).total_products).toBe(1);
    expect((await fetch(second.baseUrl + imagePath)).status).toBe(200);
    // An image URL from before the restart (another port) is still this marketplace's image.
    expect((await create(second, accessToken, { images: [image], skus: [sku('KEEP-2')] })).json.code).toBe('0');
    expect(
      (
        await create(second, accessToken, {
          images: [image],
          skus: [sku('KEEP-1')],
        })
      ).json.code,
    ).toBe('4126');
  });
});
