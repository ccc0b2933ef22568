import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '../../electron/core';
import type { PracticeServer } from '../../electron/core/practice/server';
import type { Product } from '../../electron/shared/catalogue';
import type { Connection } from '../../electron/shared/uploads';
import { addProduct, addSeller, READY_FIELDS, readySku } from './catalogue';
import { unwrap } from './results';

/**
 * A product photo the practice marketplace's QC accepts: a coloured block (the product)
 * filling most of a white square, with a few hues so every photo's bytes differ. With
 * `background` the block sits on that colour instead, which QC rejects.
 */
export async function productPhoto(index: number, side = 400, background?: [number, number, number]): Promise<Buffer> {
  const hue = (index * 47) % 200;
  const block = Math.round(side * 0.8);
  const product = await sharp({
    create: { width: block, height: block, channels: 3, background: { r: 40 + hue, g: 120, b: 220 - hue } },
  })
    .png()
    .toBuffer();
  const [r, g, b] = background ?? [255, 255, 255];
  return sharp({ create: { width: side, height: side, channels: 3, background: { r, g, b } } })
    .composite([{ input: product, gravity: 'centre' }])
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
    for (let p = 1; p <= options.photos; p += 1) {
      const name = p === 1 ? `${sku}.jpg` : `${sku}_${p}.jpg`;
      fs.writeFileSync(path.join(photoDir, name), await productPhoto(seller.id * 10_000 + i * 10 + p, options.side));
    }
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
