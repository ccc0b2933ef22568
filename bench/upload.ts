/**
 * bench:upload — is the upload engine the bottleneck? Against the practice marketplace on
 * loopback (its own process, as `akar practice-server`, so it has its own core; no faults,
 * no latency, no QPS limit), the engine (outbox rows, recovery points
 * committed to SQLite, token buckets, photo cache, payload building) sends N listings with
 * 3 small photos each. The baseline, in the same run against the same server, sends the
 * same requests for an identical second shop straight through the Lazada client with the
 * same concurrency and no bookkeeping. Prints listings/s for both, their ratio, and the
 * bytes the engine put on the wire against image bytes + payload bytes.
 *
 *   npm run bench:upload [-- --count 300]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../electron/core';
import { LazadaAdapter } from '../electron/core/marketplace/lazada/lazada-adapter';
import { LazadaTransport } from '../electron/core/marketplace/lazada/transport';
import { requestWireBytes } from '../electron/core/marketplace/lazada/wire-size';
import { listingOf } from '../electron/core/outbox/listing';
import { createToken } from '../electron/core/marketplace/lazada/oauth';
import { seedShop } from '../tests/support/uploads';

const { values } = parseArgs({ options: { count: { type: 'string', default: '300' } } });
const COUNT = Number(values.count);
const CONCURRENCY = 8;
const NO_LIMIT = { perSecond: 1_000_000, burst: 1_000 };

interface Wire {
  requests: number;
  wireBytes: number;
  imageBytes: number;
  payloadBytes: number;
}

/** A fetch that counts what goes on the wire, and how much of it is images and payloads. */
function countingFetch(wire: Wire): typeof fetch {
  return (input, init) => {
    const url = new URL(String(input));
    const body = init?.body;
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.length : 0;
    const headers = (init?.headers ?? {}) as Record<string, string>;
    wire.requests += 1;
    wire.wireBytes += requestWireBytes(init?.method ?? 'GET', url, headers, bytes);
    if (typeof body === 'string') {
      const payload = new URLSearchParams(body).get('payload');
      if (payload !== null) wire.payloadBytes += Buffer.byteLength(payload);
    }
    return fetch(input, init);
  };
}

interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly appKey: string;
  readonly appSecret: string;
}

/** `akar practice-server` in its own process, once it printed where it listens. */
function startServerProcess(dataDir: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/index.ts',
      '--data',
      dataDir,
      '--lang',
      'en',
      'practice-server',
      '--port',
      '0',
      '--qps',
      '100000',
      '--qc-delay',
      '3600',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /runs at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const appKey = /App Key: (\S+)/.exec(out)?.[1];
      const appSecret = /App Secret: (\S+)/.exec(out)?.[1];
      if (url && appKey && appSecret) resolve({ child, url, appKey, appSecret });
    });
    child.on('exit', (code) => reject(new Error(`practice-server exited (${code}): ${out}`)));
  });
}

/** An OAuth code for a new practice shop, as the authorisation page gives it to a browser. */
async function authorisationCode(server: ServerProcess, shopName: string, redirectUri: string): Promise<string> {
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: server.appKey,
    redirect_uri: redirectUri,
    state: 'bench',
    shop_name: shopName,
  });
  const answer = await fetch(`${server.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(answer.headers.get('location') ?? '', server.url).searchParams.get('code');
  if (!code) throw new Error(`no authorisation code (HTTP ${answer.status})`);
  return code;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-bench-upload-'));
  const server = await startServerProcess(path.join(dir, 'practice'));
  const wire: Wire = { requests: 0, wireBytes: 0, imageBytes: 0, payloadBytes: 0 };
  const core: Core = createCore({
    dataDir: path.join(dir, 'data'),
    fetch: countingFetch(wire),
    uploadEngine: {
      limits: { image: NO_LIMIT, create: NO_LIMIT, update: NO_LIMIT, lookup: NO_LIMIT },
      concurrency: CONCURRENCY,
    },
  });
  try {
    console.log(`Seeding two shops of ${COUNT} listings × 3 photos…`);
    const engineShop = await seedShop(core, dir, { count: COUNT, photos: 3, name: 'Engine', side: 360 });
    const baseShop = await seedShop(core, dir, { count: COUNT, photos: 3, name: 'Baseline', side: 360 });
    const redirectUri = 'http://127.0.0.1:9/callback';
    const connected = await core.uploads.connect({
      sellerId: engineShop.sellerId,
      marketplace: 'practice',
      endpoint: server.url,
      appKey: server.appKey,
      appSecret: server.appSecret,
      code: await authorisationCode(server, 'Engine', redirectUri),
      redirectUri,
    });
    if (!connected.ok) throw new Error(connected.error.message);

    // Baseline: the same requests for the second shop, straight through the client.
    const files = new Map<number, string[]>();
    for (const product of baseShop.products) {
      const photos = await core.photos.forProduct({ productId: product.id });
      if (!photos.ok) throw new Error(photos.error.message);
      const paths: string[] = [];
      for (const photo of photos.value.photos) {
        const file = await core.photos.file({ id: photo.id, kind: 'main' });
        if (!file.ok) throw new Error(file.error.message);
        paths.push(file.value.path);
      }
      files.set(product.id, paths);
    }
    const transport = new LazadaTransport({
      baseUrl: `${server.url}/rest`,
      appKey: server.appKey,
      appSecret: server.appSecret,
    });
    const { accessToken } = await createToken(transport, await authorisationCode(server, 'Baseline', redirectUri));
    const adapter = new LazadaAdapter({ marketplace: 'practice', transport, accessToken: () => accessToken });
    const queue = [...baseShop.products];
    const baseStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let product = queue.shift(); product; product = queue.shift()) {
          const urls: string[] = [];
          for (const [index, file] of (files.get(product.id) ?? []).entries()) {
            urls.push((await adapter.uploadImage({ bytes: fs.readFileSync(file), fileName: `${index}.jpg` })).url);
          }
          await adapter.createListing(listingOf(product, urls, (_c, v) => v));
        }
      }),
    );
    const baseSeconds = (performance.now() - baseStart) / 1000;

    // The engine, from "upload" pressed to every listing in review.
    const enqueue = await core.uploads.enqueue({ sellerId: engineShop.sellerId, marketplace: 'practice' });
    if (!enqueue.ok || enqueue.value.queued !== COUNT) throw new Error(`enqueue: ${JSON.stringify(enqueue)}`);
    wire.requests = 0;
    wire.wireBytes = 0;
    wire.payloadBytes = 0;
    const engineStart = performance.now();
    const report = await core.uploads.drain({ sellerId: engineShop.sellerId, marketplace: 'practice' });
    const engineSeconds = (performance.now() - engineStart) / 1000;
    if (!report.ok || report.value.counts.in_qc !== COUNT) throw new Error(`drain: ${JSON.stringify(report)}`);
    const shop = await core.uploads.shop({ sellerId: engineShop.sellerId, marketplace: 'practice' });
    if (!shop.ok) throw new Error(shop.error.message);
    wire.imageBytes = shop.value.listings.reduce((sum, listing) => sum + listing.bytesTotal, 0);

    const engineRate = COUNT / engineSeconds;
    const baseRate = COUNT / baseSeconds;
    const content = wire.imageBytes + wire.payloadBytes;
    console.log('');
    console.log(
      `Listings:                 ${COUNT} × 3 photos (mean photo ${Math.round(wire.imageBytes / COUNT / 3 / 1024)} KB)`,
    );
    console.log(`Baseline (client only):   ${baseRate.toFixed(1)} listings/s (${baseSeconds.toFixed(2)} s)`);
    console.log(
      `Engine (outbox + SQLite): ${engineRate.toFixed(1)} listings/s (${engineSeconds.toFixed(2)} s)  target ≥ 50`,
    );
    console.log(`Engine / baseline:        ${(engineRate / baseRate).toFixed(2)}x`);
    console.log(`Requests sent:            ${wire.requests} (${(wire.requests / COUNT).toFixed(2)} per listing)`);
    console.log(
      `Bytes on the wire:        ${(wire.wireBytes / 1e6).toFixed(2)} MB for ${(content / 1e6).toFixed(2)} MB of images + payloads = ${(wire.wireBytes / content).toFixed(3)}x  target ≤ 1.05`,
    );
  } finally {
    await core.close();
    server.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
