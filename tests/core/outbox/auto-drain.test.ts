import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { addProduct, readySku } from '../../support/catalogue';
import { unwrap } from '../../support/results';
import { tempCore, tempDir } from '../../support/temp';
import { connectPractice, productPhoto, seedShop } from '../../support/uploads';

const FAST = {
  limits: {
    image: { perSecond: 200, burst: 20 },
    create: { perSecond: 200, burst: 20 },
    update: { perSecond: 200, burst: 20 },
    lookup: { perSecond: 200, burst: 20 },
  },
  circuit: { threshold: 2, cooldownMs: 100 },
  backoff: { baseMs: 20, capMs: 200 },
} as const;

let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('automatic sending', () => {
  it('keeps every flow working while the marketplace is gone, and drains the queue by itself when it is back', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'practice.db');
    const { core } = tempCore({
      uploadEngine: FAST,
      marketplaceTimeoutMs: 1_000,
      autoUpload: { idleMs: 200, qcEveryMs: 300 },
    });
    let server = await startPracticeServer({ dbPath, qcDelayMs: 0 });
    const port = Number(new URL(server.baseUrl).port);
    const shop = await seedShop(core, dir, { count: 3, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    await server.close();

    // Offline: queue the upload, and keep working on the catalogue and photos meanwhile.
    expect(unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' })).queued).toBe(3);
    const extra = await addProduct(core, shop.sellerId, 'Dodol Garut Wijen', [readySku({ sellerSku: 'DODOL-1' })], {
      status: 'ready',
    });
    const photoDir = path.join(dir, 'more');
    fs.mkdirSync(photoDir);
    fs.writeFileSync(path.join(photoDir, 'DODOL-1.jpg'), await productPhoto(999));
    unwrap(await core.photos.importFiles([photoDir], { sellerId: shop.sellerId }));
    unwrap(await core.photos.process({ action: 'start', wait: true }));
    unwrap(
      await core.products.update({ id: extra.id, changes: { description: 'Dodol ketan wijen, legit dan wangi.' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const waiting = unwrap(await core.uploads.shop({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(waiting.counts.queued + waiting.counts.images).toBe(3);

    // Back online: nobody presses anything.
    server = await startPracticeServer({ dbPath, port, qcDelayMs: 0 });
    servers.push(server);
    await until('the queue to drain and QC to be followed', async () => {
      const now = unwrap(await core.uploads.shop({ sellerId: shop.sellerId, marketplace: 'practice' }));
      return now.counts.live === 3;
    });
    expect(server.stats().items).toBe(3);
  }, 60_000);

  it('sends nothing by itself once the user turned it off', async () => {
    const dir = tempDir();
    const { core } = tempCore({ uploadEngine: FAST, autoUpload: { idleMs: 100 } });
    const server = await startPracticeServer({ qcDelayMs: 0 });
    servers.push(server);
    const shop = await seedShop(core, dir, { count: 1, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    expect(unwrap(await core.uploads.autoUpload({ enabled: false }))).toEqual({ enabled: false });
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(server.stats().items).toBe(0);
    expect(unwrap(await core.uploads.autoUpload({ enabled: true }))).toEqual({ enabled: true });
    await until('the upload to go by itself', async () => server.stats().items === 1);
  }, 30_000);
});
