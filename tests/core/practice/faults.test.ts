import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultInjector, mulberry32, parseFaultSpec } from '../../../electron/core/practice/faults';
import { startPracticeServer, type PracticeServer } from '../../../electron/core/practice';
import { call, create, productPayload, signedParams, sku, uploadImage, whiteCanvasJpeg } from './signed';

let server: PracticeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function outcome(promise: Promise<{ status: number; json: Record<string, unknown> }>): Promise<string> {
  try {
    const result = await promise;
    return `${result.status}:${String(result.json.code ?? 'garbage')}`;
  } catch {
    return 'closed';
  }
}

async function setup(options: Parameters<typeof startPracticeServer>[0] = {}) {
  server = await startPracticeServer({ qcDelayMs: 0, banGraceMs: 0, ...options });
  const s = server;
  const { accessToken } = s.issueToken('Toko Ani');
  const image = await uploadImage(s, accessToken, await whiteCanvasJpeg(600));
  return { s, accessToken, image };
}

describe('fault spec and PRNG', () => {
  it('parses the spec string and refuses nonsense', () => {
    expect(
      parseFaultSpec(
        'drop=0.03,lost=0.05,5xx=0.03,throttle=0.03,reset=0.02,slow=0.02,latency=20-200,malformed=0.01,seed=7',
      ),
    ).toEqual({
      drop: 0.03,
      lost: 0.05,
      '5xx': 0.03,
      throttle: 0.03,
      reset: 0.02,
      slow: 0.02,
      latency: [20, 200],
      malformed: 0.01,
      seed: 7,
    });
    expect(parseFaultSpec('')).toEqual({});
    expect(parseFaultSpec('lost=1,paths=/product/create|/image/upload').paths).toEqual([
      '/product/create',
      '/image/upload',
    ]);
    expect(() => parseFaultSpec('drop=0.6,lost=0.6')).toThrow(/more than 1/);
    expect(() => parseFaultSpec('explode=0.1')).toThrow(/unknown/);
    expect(() => parseFaultSpec('drop=2')).toThrow(/probability/);
    expect(() => parseFaultSpec('latency=200-20')).toThrow(/latency/);
  });

  it('reproduces the same fault sequence from the same seed', () => {
    const a = new FaultInjector('drop=0.1,lost=0.2,5xx=0.1,latency=0-100', 42);
    const b = new FaultInjector({ drop: 0.1, lost: 0.2, '5xx': 0.1, latency: [0, 100] }, 42);
    const c = new FaultInjector('drop=0.1,lost=0.2,5xx=0.1,latency=0-100', 43);
    const seqA = Array.from({ length: 200 }, () => a.decide('/product/create'));
    const seqB = Array.from({ length: 200 }, () => b.decide('/product/create'));
    const seqC = Array.from({ length: 200 }, () => c.decide('/product/create'));
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    const kinds = seqA.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'lost').length).toBeGreaterThan(20);
    expect(kinds.filter((k) => k === null).length).toBeGreaterThan(90);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
});

describe('practice faults over HTTP', () => {
  it('drop: the socket closes before anything is stored', async () => {
    const { s, accessToken, image } = await setup();
    s.setFaults('drop=1');
    expect(await outcome(create(s, accessToken, { images: [image], skus: [sku('D-1')] }))).toBe('closed');
    expect(s.listings()).toEqual([]);
    expect(s.stats().requests['/product/create']).toMatchObject({ received: 1, processed: 0, faulted: { drop: 1 } });
  });

  it('lost: the item is stored, then the socket closes with no response', async () => {
    const { s, accessToken, image } = await setup();
    s.setFaults('lost=1');
    expect(await outcome(create(s, accessToken, { images: [image], skus: [sku('L-1')] }))).toBe('closed');
    expect(s.listings().map((l) => l.skus[0]?.sellerSku)).toEqual(['L-1']);
    expect(s.stats().createsBySellerSku).toEqual({ 'L-1': 1 });
    expect(s.stats().requests['/product/create']).toMatchObject({
      received: 1,
      processed: 1,
      succeeded: 1,
      faulted: { lost: 1 },
    });
    // A naive retry is refused as a duplicate; the SellerSku lookup finds the item.
    s.setFaults('');
    expect((await create(s, accessToken, { images: [image], skus: [sku('L-1')] })).json.code).toBe('4126');
    const found = await call(s, '/products/get', { sku_seller_list: '["L-1"]' }, { accessToken });
    expect((found.json.data as { total_products: number }).total_products).toBe(1);
  });

  it('5xx: an HTML error page, nothing stored', async () => {
    const { s, accessToken, image } = await setup();
    s.setFaults('5xx=1');
    const response = await create(s, accessToken, { images: [image], skus: [sku('F-1')] });
    expect([500, 502, 503]).toContain(response.status);
    expect(response.text).toMatch(/<html/);
    expect(s.listings()).toEqual([]);
  });

  it('reset: the upload is cut mid-body, nothing stored', async () => {
    const { s, accessToken } = await setup();
    const before = s.stats().imageUploads;
    s.setFaults('reset=1');
    expect(await outcome(call(s, '/image/upload', {}, { accessToken, image: await whiteCanvasJpeg(900) }))).toBe(
      'closed',
    );
    expect(s.stats().imageUploads).toEqual(before);
    expect(s.stats().requests['/image/upload']?.faulted.reset).toBe(1);
  });

  it('throttle: 429 with Retry-After, nothing stored, and the API refused until then; early calls are violations', async () => {
    const { s, accessToken, image } = await setup();
    s.setFaults('throttle=1');
    const response = await create(s, accessToken, { images: [image], skus: [sku('T-1')] });
    expect(response.status).toBe(429);
    expect(response.json).toMatchObject({ code: 'ApiCallLimit', type: 'SYSTEM' });
    const seconds = Number(response.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(3);
    s.setFaults('');
    const early = await create(s, accessToken, { images: [image], skus: [sku('T-1')] });
    expect(early.status).toBe(429);
    expect(s.stats().throttleViolations).toBe(1);
    // Counted on arrival: an early call that a fault then drops is still a violation.
    s.setFaults('drop=1,paths=/product/create');
    expect(await outcome(create(s, accessToken, { images: [image], skus: [sku('T-1')] }))).toBe('closed');
    expect(s.stats().throttleViolations).toBe(2);
    s.setFaults('');
    // Other APIs are not banned.
    expect((await call(s, '/products/get', {}, { accessToken })).json.code).toBe('0');
    expect(s.listings()).toEqual([]);
    await new Promise((r) => setTimeout(r, seconds * 1000 + 50));
    expect((await create(s, accessToken, { images: [image], skus: [sku('T-1')] })).json.code).toBe('0');
    expect(s.stats().throttleViolations).toBe(2);
    expect(s.stats().requests['/product/create']).toMatchObject({
      received: 4,
      processed: 1,
      refused: 1,
      violations: 2,
      faulted: { throttle: 1, drop: 1 },
    });
  }, 10_000);

  it('slow: the processed answer arrives whole, in pieces', async () => {
    const { s, accessToken, image } = await setup();
    s.setFaults('slow=1');
    const started = performance.now();
    const response = await create(s, accessToken, { images: [image], skus: [sku('S-1')] });
    expect(response.json.code).toBe('0');
    expect(performance.now() - started).toBeGreaterThan(200);
    expect(s.stats().requests['/product/create']?.faulted.slow).toBe(1);
  });

  it('malformed: processed, then garbage of each kind', async () => {
    const { s, accessToken, image } = await setup();
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      s.setFaults({ malformed: 1, seed });
      const response = await create(s, accessToken, { images: [image], skus: [sku(`M-${seed}`)] });
      expect(response.status).toBe(200);
      expect(response.json.code === '0').toBe(false);
      seen.add(response.text.startsWith('<') ? 'html' : response.json.code === 0 ? 'types' : 'truncated');
    }
    expect(seen).toEqual(new Set(['html', 'types', 'truncated']));
    expect(s.listings()).toHaveLength(12);
  });

  it('limits faults to given paths, adds latency, and leaves the storefront and images alone', async () => {
    const { s, accessToken, image } = await setup();
    s.setFaults('drop=1,latency=150,paths=/product/create');
    const started = performance.now();
    expect((await call(s, '/products/get', {}, { accessToken })).json.code).toBe('0');
    expect(await outcome(create(s, accessToken, { images: [image], skus: [sku('P-1')] }))).toBe('closed');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    s.setFaults('drop=1');
    expect((await fetch(image)).status).toBe(200);
    expect((await fetch(s.storefrontUrl)).status).toBe(200);
  });

  it('gives the same outcomes for the same seed and request order', async () => {
    const run = async () => {
      const { s, accessToken, image } = await setup({
        faults: 'drop=0.15,lost=0.15,5xx=0.15,malformed=0.1,paths=/product/create',
        seed: 99,
      });
      const outcomes: string[] = [];
      for (let i = 0; i < 25; i++)
        outcomes.push(await outcome(create(s, accessToken, { images: [image], skus: [sku(`R-${i}`)] })));
      const stored = s.listings().map((l) => l.skus[0]?.sellerSku);
      const stats = s.stats().requests['/product/create'];
      await s.close();
      return { outcomes, stored, stats };
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(new Set(first.outcomes).size).toBeGreaterThan(2);
    // Exact bookkeeping: every create either stored once or not at all, and lost ones count as processed.
    expect(first.stats?.processed).toBe(first.stored.length);
  });
});

describe('a client killed mid-request', () => {
  it('leaves nothing stored and only `received` in the ledger, and the server keeps serving', async () => {
    const { s, accessToken, image } = await setup();
    const body = new URLSearchParams(
      signedParams(
        s,
        '/product/create',
        { payload: productPayload({ images: [image], skus: [sku('K-1')] }) },
        { accessToken },
      ),
    ).toString();
    await new Promise<void>((resolve) => {
      const req = request(`${s.apiUrl}/product/create`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
        },
      });
      req.on('error', () => resolve());
      req.write(body.slice(0, Math.floor(body.length / 2)), () => setTimeout(() => req.destroy(), 50));
      req.on('close', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(s.listings()).toEqual([]);
    expect(s.stats().requests['/product/create']).toMatchObject({ received: 1, processed: 0, refused: 0 });
    expect((await create(s, accessToken, { images: [image], skus: [sku('K-1')] })).json.code).toBe('0');
  });
});

describe('practice QPS limits', () => {
  it('answers ApiCallLimit over the limit and bans the API for 1 second', async () => {
    const { s, accessToken } = await setup({ qps: { '/products/get': 3 } });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push(String((await call(s, '/products/get', {}, { accessToken })).json.code));
    expect(codes).toEqual(['0', '0', '0', 'ApiCallLimit']);
    const banned = await call(s, '/products/get', {}, { accessToken });
    expect(banned.status).toBe(200);
    expect(banned.json).toMatchObject({ code: 'ApiCallLimit', type: 'SYSTEM' });
    expect(s.stats().throttleViolations).toBe(1);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await call(s, '/products/get', {}, { accessToken })).json.code).toBe('0');
    expect(s.stats().requests['/products/get']).toMatchObject({ received: 6, processed: 4, refused: 2, violations: 1 });
  });
});
