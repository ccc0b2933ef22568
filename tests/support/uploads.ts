import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Core } from '../../electron/core';
import type { PracticeServer } from '../../electron/core/practice/server';
import type { Product } from '../../electron/shared/catalogue';
import type { Connection } from '../../electron/shared/uploads';
import { addProduct, addSeller, READY_FIELDS, readySku } from './catalogue';
import { seededRandom } from './random';
import { unwrap } from './results';

/**
 * A product photo the practice marketplace's QC accepts: a textured block (the product)
 * filling most of a white square, its texture seeded by `index` so every photo differs.
 * With `background` the block sits on that colour instead, which QC rejects.
 */
export async function productPhoto(index: number, side = 400, background?: [number, number, number]): Promise<Buffer> {
  // The product is a block of coarse seeded texture, so every photo of a test is its own
  // picture, different enough to stay different after JPEG compression. One raw buffer,
  // one encode: tests make hundreds of these.
  const [r, g, b] = background ?? [255, 255, 255];
  const block = Math.round(side * 0.8);
  const margin = Math.floor((side - block) / 2);
  const cell = 8;
  const cells = Math.ceil(block / cell);
  const next = seededRandom(index + 1);
  const shades = Array.from({ length: cells * cells * 3 }, () => 40 + Math.floor(next() * 160));
  const pixels = Buffer.alloc(side * side * 3);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const at = (y * side + x) * 3;
      const bx = x - margin;
      const by = y - margin;
      if (bx >= 0 && by >= 0 && bx < block && by < block) {
        const c = (Math.floor(by / cell) * cells + Math.floor(bx / cell)) * 3;
        pixels[at] = shades[c] ?? 0;
        pixels[at + 1] = shades[c + 1] ?? 0;
        pixels[at + 2] = shades[c + 2] ?? 0;
      } else {
        pixels[at] = r;
        pixels[at + 1] = g;
        pixels[at + 2] = b;
      }
    }
  }
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export interface ShopSeed {
  readonly sellerId: number;
  readonly products: Product[];
}

/**
 * A participant with `count` ready products, each with `photos` photos imported through
 * the photo studio and rendered: what an upload starts from.
 */
export async function seedShop(
  core: Core,
  dir: string,
  options: { count: number; photos: number; name?: string; side?: number },
): Promise<ShopSeed> {
  const seller = await addSeller(core, options.name ?? 'Ibu Sari');
  const products: Product[] = [];
  const photoDir = path.join(dir, `photos-${seller.id}`);
  fs.mkdirSync(photoDir, { recursive: true });
  for (let i = 1; i <= options.count; i += 1) {
    const sku = `S${seller.id}-P${String(i).padStart(4, '0')}`;
    products.push(
      await addProduct(core, seller.id, `Keripik Singkong Rasa ${i}`, [readySku({ sellerSku: sku })], {
        status: 'ready',
        ...READY_FIELDS,
      }),
    );
    await Promise.all(
      Array.from({ length: options.photos }, async (_, n) => {
        const p = n + 1;
        const name = p === 1 ? `${sku}.jpg` : `${sku}_${p}.jpg`;
        fs.writeFileSync(path.join(photoDir, name), await productPhoto(seller.id * 10_000 + i * 10 + p, options.side));
      }),
    );
  }
  unwrap(await core.photos.importFiles([photoDir], { sellerId: seller.id }));
  unwrap(await core.photos.process({ action: 'start', wait: true, sellerId: seller.id }));
  return { sellerId: seller.id, products };
}

/** Connects the participant to a practice shop of their own, with a token the server issued. */
export async function connectPractice(core: Core, server: PracticeServer, sellerId: number): Promise<Connection> {
  const tokens = server.issueToken(`Toko ${sellerId}`);
  return unwrap(
    await core.uploads.connect({
      sellerId,
      marketplace: 'practice',
      endpoint: server.baseUrl,
      appKey: server.appKey,
      appSecret: server.appSecret,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
    }),
  );
}

/** The server's listings of a shop, by SellerSku. */
export function listingsBySku(server: PracticeServer): Map<string, number[]> {
  const bySku = new Map<string, number[]>();
  for (const listing of server.listings()) {
    for (const sku of listing.skus) {
      const key = sku.sellerSku.toLowerCase();
      bySku.set(key, [...(bySku.get(key) ?? []), listing.itemId]);
    }
  }
  return bySku;
}

/**
 * Plays the participant on the practice marketplace's authorisation page: opens it, allows
 * `shopName`, and returns where the page sends the browser back to (with the code).
 */
export async function grantInBrowser(authorizeUrl: string, shopName: string): Promise<URL> {
  const pageHtml = await (await fetch(authorizeUrl)).text();
  expect(pageHtml).toContain('<form');
  const query = new URL(authorizeUrl).searchParams;
  const form = new URLSearchParams({
    response_type: query.get('response_type') ?? '',
    client_id: query.get('client_id') ?? '',
    redirect_uri: query.get('redirect_uri') ?? '',
    state: query.get('state') ?? '',
    shop_name: shopName,
  });
  const answer = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
}

/** Allows the shop and follows the redirect back to the waiting app, as a browser does. */
export async function allowInBrowser(authorizeUrl: string, shopName: string): Promise<void> {
  const back = await fetch(await grantInBrowser(authorizeUrl, shopName));
  expect(back.status).toBe(200);
}
