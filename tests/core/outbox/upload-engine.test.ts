import { afterEach, describe, expect, it } from 'vitest';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice/server';
import { expectError, unwrap } from '../../support/results';
import { tempCore, tempDir } from '../../support/temp';
import { connectPractice, listingsBySku, seedShop } from '../../support/uploads';

/** Fast engine settings for tests: generous budgets, a short circuit pause. */
const ENGINE = {
  limits: {
    image: { perSecond: 200, burst: 20 },
    create: { perSecond: 200, burst: 20 },
    update: { perSecond: 200, burst: 20 },
    lookup: { perSecond: 200, burst: 20 },
  },
  circuit: { threshold: 3, cooldownMs: 200 },
  // Backoff waits scaled down 100x, so retries happen within the test.
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(ms, 50));
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
} as const;

let servers: PracticeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function practice(options: Parameters<typeof startPracticeServer>[0] = {}): Promise<PracticeServer> {
  const server = await startPracticeServer({ qcDelayMs: 60_000, ...options });
  servers.push(server);
  return server;
}

function setup(engine: Partial<typeof ENGINE> & { concurrency?: number } = {}) {
  const dir = tempDir();
  const temp = tempCore({ uploadEngine: { ...ENGINE, ...engine }, marketplaceTimeoutMs: 2_000 });
  return { dir, temp, core: temp.core };
}

describe('upload engine against the practice marketplace', () => {
  it('uploads every ready product once, each photo once, and records the marketplace ids', async () => {
    const { dir, core } = setup();
    const server = await practice();
    const shop = await seedShop(core, dir, { count: 5, photos: 2 });
    await connectPractice(core, server, shop.sellerId);

    const queued = unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(queued).toEqual({ queued: 5, refused: [] });
    const report = unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(report.outcome).toBe('done');
    expect(report.counts.in_qc).toBe(5);

    const stats = server.stats();
    expect(Object.values(stats.createsBySellerSku)).toEqual([1, 1, 1, 1, 1]);
    expect(Object.keys(stats.imageUploads)).toHaveLength(10);
    expect(Object.values(stats.imageUploads).every((n) => n === 1)).toBe(true);

    const bySku = listingsBySku(server);
    const local = unwrap(await core.uploads.shop({ sellerId: shop.sellerId, marketplace: 'practice' }));
    for (const listing of local.listings) {
      const product = shop.products.find((p) => p.id === listing.productId);
      const sku = product?.skus[0]?.sellerSku.toLowerCase() ?? '';
      expect(bySku.get(sku)).toEqual([Number(listing.itemId)]);
      expect(listing.imagesDone).toBe(2);
      expect(listing.bytesSent).toBe(listing.bytesTotal);
    }

    // Asking again sends nothing new: every listing is already there.
    unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(server.stats().items).toBe(5);
    expect(server.stats().requests['/product/create']?.received).toBe(5);
  });

  it('reconciles a create whose answer was lost instead of creating the listing again', async () => {
    const { dir, core } = setup();
    const server = await practice({ faults: { lost: 1, paths: ['/product/create'] }, seed: 3 });
    const shop = await seedShop(core, dir, { count: 2, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));

    const report = unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    // Every create was stored and every answer lost; each was found by SellerSku and adopted.
    expect(report.outcome).toBe('done');
    expect(report.counts.in_qc).toBe(2);
    expect(server.stats().requests['/product/create']?.faulted.lost).toBeGreaterThanOrEqual(2);
    expect(Object.values(server.stats().createsBySellerSku)).toEqual([1, 1]);
    expect(server.stats().items).toBe(2);
  });

  it('adopts a listing that already holds the SellerSku when the create is refused as a duplicate', async () => {
    const { dir, core, temp } = setup();
    const server = await practice();
    const shop = await seedShop(core, dir, { count: 1, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const itemId = listingsBySku(server).values().next().value?.[0];

    // The outbox forgets the listing was made (as if the create's answer had never been recorded).
    const db = (await import('better-sqlite3')).default(temp.dbPath);
    db.prepare("UPDATE uploads SET state = 'queued', item_id = NULL, create_sent = 0, sku_ids = '{}'").run();
    db.close();
    const again = unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(again.counts.in_qc).toBe(1);
    const local = unwrap(await core.uploads.shop({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(local.listings[0]?.itemId).toBe(String(itemId));
    expect(server.stats().items).toBe(1);
  });

  it('follows QC: a rejected listing shows the reason, is fixed, updated in place and goes live', async () => {
    const { dir, core } = setup();
    const server = await practice({ qcDelayMs: 0 });
    const shop = await seedShop(core, dir, { count: 2, photos: 1 });
    const [good, bad] = shop.products;
    if (!good || !bad) throw new Error('seed failed');
    // A description QC finds too thin.
    unwrap(await core.products.update({ id: bad.id, changes: { description: 'Enak.' } }));
    await connectPractice(core, server, shop.sellerId);
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    unwrap(await core.uploads.followQc({ sellerId: shop.sellerId, marketplace: 'practice' }));

    let local = unwrap(await core.uploads.shop({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const rejected = local.listings.find((l) => l.productId === bad.id);
    expect(rejected?.state).toBe('rejected');
    expect(rejected?.rejectReason).toBe('Poor Product Description');
    expect(local.listings.find((l) => l.productId === good.id)?.state).toBe('live');

    unwrap(
      await core.products.update({
        id: bad.id,
        changes: { description: 'Keripik singkong renyah, dibuat dari singkong pilihan, tanpa pengawet.' },
      }),
    );
    expect(
      unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice', productIds: [bad.id] }))
        .queued,
    ).toBe(1);
    unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    unwrap(await core.uploads.followQc({ sellerId: shop.sellerId, marketplace: 'practice' }));
    local = unwrap(await core.uploads.shop({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const fixed = local.listings.find((l) => l.productId === bad.id);
    expect(fixed?.state).toBe('live');
    expect(fixed?.itemId).toBe(rejected?.itemId);
    expect(server.stats().items).toBe(2);
    expect(server.stats().requests['/product/update']?.succeeded).toBe(1);
  });

  it('stops when the marketplace is gone, keeps the queue, and drains it when it is back', async () => {
    const { dir, core } = setup();
    const dbPath = `${dir}/practice.db`;
    let server = await practice({ dbPath });
    const shop = await seedShop(core, dir, { count: 3, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const port = Number(new URL(server.baseUrl).port);
    await server.close();
    servers = [];

    const offline = unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(offline.outcome).toBe('offline');
    expect(offline.counts.queued + offline.counts.images).toBe(3);

    server = await practice({ dbPath, port });
    const online = unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(online.outcome).toBe('done');
    expect(online.counts.in_qc).toBe(3);
    expect(server.stats().items).toBe(3);
  });

  it('refuses products that are not ready, saying why, and queues the rest', async () => {
    const { dir, core } = setup();
    const server = await practice();
    const shop = await seedShop(core, dir, { count: 2, photos: 1 });
    const [first] = shop.products;
    if (!first) throw new Error('seed failed');
    unwrap(await core.products.update({ id: first.id, changes: { name: 'Keripik <Pedas> | Mantap' } }));
    await connectPractice(core, server, shop.sellerId);
    const result = unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(result.queued).toBe(1);
    expect(result.refused).toEqual([
      { productId: first.id, name: 'Keripik <Pedas> | Mantap', problems: ['name_characters'] },
    ]);
  });

  it('says when the app secret is wrong, and when the shop is not connected', async () => {
    const { dir, core } = setup();
    const server = await practice();
    const shop = await seedShop(core, dir, { count: 1, photos: 1 });
    expectError(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }), {
      code: 'not_connected',
    });
    const tokens = server.issueToken('Toko Sari');
    expectError(
      await core.uploads.connect({
        sellerId: shop.sellerId,
        marketplace: 'practice',
        endpoint: server.baseUrl,
        appKey: server.appKey,
        appSecret: 'not-the-secret',
        accessToken: tokens.accessToken,
      }),
      { code: 'marketplace_auth' },
    );
  });

  it('never calls an API again before the Retry-After the marketplace asked for', async () => {
    // One request at a time: with several in flight, one sent before the refusal arrived
    // may reach the server after it, which is no fault of the engine.
    const { dir, core } = setup({ concurrency: 1 });
    const server = await practice({ faults: 'throttle=0.4', seed: 11, qps: { default: 1000, '/image/upload': 1000 } });
    const shop = await seedShop(core, dir, { count: 4, photos: 2 });
    await connectPractice(core, server, shop.sellerId);
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    const report = unwrap(
      await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice', keepTrying: true }),
    );
    expect(report.outcome).toBe('done');
    const stats = server.stats();
    const throttled = Object.values(stats.requests).reduce((n, api) => n + api.faulted.throttle, 0);
    expect(throttled).toBeGreaterThan(0);
    expect(stats.throttleViolations, JSON.stringify(stats.requests)).toBe(0);
    expect(Object.values(stats.createsBySellerSku)).toEqual([1, 1, 1, 1]);
  }, 60_000);
});

describe('upload pacing', () => {
  it('keeps each API within its configured budget, measured at the network', async () => {
    const sent: { path: string; at: number }[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push({ path: new URL(String(input)).pathname.replace(/^\/rest/, ''), at: performance.now() });
      return fetch(input, init);
    };
    const dir = tempDir();
    const limits = {
      image: { perSecond: 10, burst: 2 },
      create: { perSecond: 4, burst: 1 },
      update: { perSecond: 4, burst: 1 },
      lookup: { perSecond: 4, burst: 1 },
    };
    const { core } = tempCore({ uploadEngine: { limits, concurrency: 3 }, fetch: recording });
    const server = await practice();
    const shop = await seedShop(core, dir, { count: 8, photos: 2 });
    await connectPractice(core, server, shop.sellerId);
    sent.length = 0;
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    expect(unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' })).outcome).toBe('done');

    for (const [path, limit] of [
      ['/image/upload', limits.image],
      ['/product/create', limits.create],
    ] as const) {
      const times = sent.filter((s) => s.path === path).map((s) => s.at);
      expect(times.length).toBeGreaterThan(limit.burst + limit.perSecond);
      // In any one-second window: at most the burst plus a second's worth of tokens.
      for (const start of times) {
        const inWindow = times.filter((t) => t >= start && t < start + 1000).length;
        expect(inWindow).toBeLessThanOrEqual(limit.burst + limit.perSecond);
      }
      // Over the whole run, the average rate stays within the budget.
      const span = ((times[times.length - 1] ?? 0) - (times[0] ?? 0)) / 1000;
      expect((times.length - limit.burst) / span).toBeLessThanOrEqual(limit.perSecond * 1.05);
    }
  }, 60_000);
});

describe('two processes on one outbox', () => {
  it('lets only one of them mark a create as sent; the other must look the listing up first', async () => {
    const { dir, temp, core } = setup();
    const server = await practice();
    const shop = await seedShop(core, dir, { count: 1, photos: 1 });
    await connectPractice(core, server, shop.sellerId);
    unwrap(await core.uploads.enqueue({ sellerId: shop.sellerId, marketplace: 'practice' }));
    // Two connections, as the app's core and the CLI's would have, both reading the row first.
    const Database = (await import('better-sqlite3')).default;
    const { OutboxStore } = await import('../../../electron/core/outbox/store');
    const app = new Database(temp.dbPath);
    const cli = new Database(temp.dbPath);
    try {
      const now = () => new Date().toISOString();
      const [appStore, cliStore] = [new OutboxStore(app, now), new OutboxStore(cli, now)];
      const seenByApp = appStore.list(1)[0];
      const seenByCli = cliStore.list(1)[0];
      expect(seenByApp?.create_sent).toBe(0);
      expect(seenByCli?.create_sent).toBe(0);
      expect(appStore.markCreateSent(seenByApp?.id ?? 0, seenByApp?.create_sent ?? -1)).toBe(true);
      expect(cliStore.markCreateSent(seenByCli?.id ?? 0, seenByCli?.create_sent ?? -1)).toBe(false);
      expect(cliStore.get(seenByCli?.id ?? 0)?.create_sent).toBe(1);
    } finally {
      app.close();
      cli.close();
    }
    // The engine that comes next finds create_sent = 1, looks first, and creates once.
    const lookups = server.stats().requests['/products/get']?.received ?? 0;
    unwrap(await core.uploads.drain({ sellerId: shop.sellerId, marketplace: 'practice' }));
    // One lookup before the create, one for QC after the drain.
    expect(server.stats().requests['/products/get']?.received).toBe(lookups + 2);
    expect(Object.values(server.stats().createsBySellerSku)).toEqual([1]);
  });
});
