import { afterEach, describe, expect, it } from 'vitest';
import { MarketplaceFailure, type ListingPayload } from '../../../electron/core/marketplace/adapter';
import { practiceEndpoints } from '../../../electron/core/marketplace/lazada/endpoints';
import { LazadaAdapter } from '../../../electron/core/marketplace/lazada/lazada-adapter';
import { createToken, refreshToken } from '../../../electron/core/marketplace/lazada/oauth';
import { LazadaTransport } from '../../../electron/core/marketplace/lazada/transport';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { whiteCanvasJpeg } from './signed';

/**
 * The contract with Akar's own Lazada client (the fields its adapter documents it reads):
 * the real client, pointed at the practice marketplace, must connect, upload, create, look
 * up, update, and see faults as the failure kinds the engine acts on.
 */

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function listing(sellerSku: string, image: string, name = 'Wajan Besi Garut'): ListingPayload {
  return {
    primaryCategory: 12085371,
    name,
    description: 'Wajan besi tebal buatan pengrajin Garut, awet dan tahan panas untuk masak sehari-hari.',
    brand: 'No Brand',
    attributes: {},
    images: [image],
    skus: [
      {
        sellerSku,
        price: 15000,
        quantity: 10,
        weightGrams: 800,
        lengthCm: 30,
        widthCm: 30,
        heightCm: 8,
        saleProps: {},
        images: [],
      },
    ],
  };
}

async function connect(s: PracticeServer) {
  const endpoints = practiceEndpoints(s.baseUrl);
  const transport = new LazadaTransport({ baseUrl: endpoints.api, appKey: s.appKey, appSecret: s.appSecret });
  const form = await fetch(endpoints.authorize, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      response_type: 'code',
      client_id: s.appKey,
      redirect_uri: 'http://127.0.0.1:1/cb',
      state: 's',
      shop_name: 'Toko Ani',
    }).toString(),
  });
  const code = new URL(form.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const tokens = await createToken(transport, code);
  const adapter = new LazadaAdapter({ marketplace: 'practice', transport, accessToken: () => tokens.accessToken });
  return { transport, tokens, adapter };
}

describe('practice marketplace ↔ Akar Lazada client', () => {
  it('connects, uploads, creates, looks up, updates and follows QC', async () => {
    server = await startPracticeServer({ qcDelayMs: 0 });
    const { transport, tokens, adapter } = await connect(server);
    expect(tokens.account).toMatchObject({ country: 'id' });
    expect(tokens.account.sellerId).toMatch(/^\d+$/);
    const refreshed = await refreshToken(transport, tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);

    const { url } = await adapter.uploadImage({ bytes: await whiteCanvasJpeg(600), fileName: 'a.jpg' });
    const created = await adapter.createListing(listing('AKR-1', url));
    expect(created).toMatchObject({ status: 'pending_qc', skus: [{ sellerSku: 'AKR-1' }] });
    const found = await adapter.findBySellerSkus(['AKR-1', 'AKR-404']);
    expect(found).toEqual([
      { itemId: created.itemId, status: 'live', skus: [{ sellerSku: 'AKR-1', skuId: created.skus[0]?.skuId }] },
    ]);

    await adapter.updateListing(created.itemId, listing('AKR-1', url, 'Wajan Besi Garut PROMO'));
    const rejected = await adapter.findBySellerSkus(['AKR-1']);
    expect(rejected[0]).toMatchObject({ status: 'rejected', rejectReason: 'Prohibited Keywords in Product Name' });

    await expect(adapter.createListing(listing('akr-1', url))).rejects.toMatchObject({
      kind: 'duplicate',
      details: { code: '4126' },
    });
    await expect(adapter.createListing({ ...listing('AKR-2', url), primaryCategory: 74835 })).rejects.toMatchObject({
      kind: 'rejected',
      details: { code: '4134', field: 'PrimaryCategory' },
    });
  });

  it('shows lost, 5xx, malformed and throttle faults as the failure kinds the engine acts on', async () => {
    server = await startPracticeServer({ qcDelayMs: 0, banGraceMs: 0 });
    const s = server;
    const { adapter } = await connect(s);
    const { url } = await adapter.uploadImage({ bytes: await whiteCanvasJpeg(600), fileName: 'a.jpg' });
    const kindOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ok',
        (error: unknown) => (error instanceof MarketplaceFailure ? error.kind : String(error)),
      );
    s.setFaults('lost=1,paths=/product/create');
    expect(await kindOf(adapter.createListing(listing('F-1', url)))).toBe('unknown_outcome');
    s.setFaults('5xx=1,paths=/product/create');
    expect(await kindOf(adapter.createListing(listing('F-2', url)))).toBe('unknown_outcome');
    for (let seed = 1; seed <= 6; seed++) {
      s.setFaults({ malformed: 1, paths: ['/product/create'], seed });
      expect(await kindOf(adapter.createListing(listing(`M-${seed}`, url)))).toBe('unknown_outcome');
    }
    s.setFaults('throttle=1,paths=/product/create');
    const throttled = await adapter.createListing(listing('F-3', url)).catch((e: unknown) => e);
    expect(throttled).toMatchObject({ kind: 'throttled' });
    expect((throttled as MarketplaceFailure).details.retryAfterMs).toBeGreaterThanOrEqual(1000);
    s.setFaults('');
    // Reconciling by SellerSku finds exactly the creates that were processed.
    const found = await adapter.findBySellerSkus([
      'F-1',
      'F-2',
      'F-3',
      ...Array.from({ length: 6 }, (_, i) => `M-${i + 1}`),
    ]);
    expect(found.flatMap((l) => l.skus.map((k) => k.sellerSku)).sort()).toEqual([
      'F-1',
      'M-1',
      'M-2',
      'M-3',
      'M-4',
      'M-5',
      'M-6',
    ]);
    expect(s.stats().createsBySellerSku).toEqual(
      Object.fromEntries(['F-1', 'M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6'].map((k) => [k, 1])),
    );
  });
});
