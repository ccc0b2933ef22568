import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { registerAppProtocol } from '../../electron/main/app-protocol';
import { parsePhotoPath } from '../../electron/main/photo-route';
import { addProduct, addSeller } from '../support/catalogue';
import { photoJpeg } from '../support/photo-corpus';
import { unwrap } from '../support/results';
import { makeTempDir, openTempCore, removeDir, type TempCore } from '../support/temp';

/**
 * Photos are served under akar://app/photo/<id>/<kind> by opaque id. Requests that try to
 * leave the photos folder (dot segments, encoded separators, absolute paths, a symbolic
 * link planted in the folder) get a plain 404 and never a byte of anything else.
 */
const registered = vi.hoisted(() => ({ protocols: new Map<string, (request: Request) => Promise<Response>>() }));
vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      registered.protocols.set(scheme, handler);
    },
  },
}));

let temp: TempCore;
let rendererDir: string;
let photoId: number;
let get: (url: string) => Promise<Response>;

beforeAll(async () => {
  temp = openTempCore();
  const seller = await addSeller(temp.core);
  const product = await addProduct(temp.core, seller.id, 'Dodol Garut', [{ price: 20_000, sellerSku: 'DD-1' }]);
  const source = makeTempDir();
  fs.writeFileSync(path.join(source, 'DD-1.jpg'), await photoJpeg({ width: 900, height: 700, seed: 9 }));
  unwrap(await temp.core.photos.importFiles([path.join(source, 'DD-1.jpg')], { sellerId: seller.id }));
  removeDir(source);
  unwrap(await temp.core.photos.process({ action: 'start', wait: true }));
  photoId = unwrap(await temp.core.photos.forProduct({ productId: product.id })).photos[0]!.id;
  rendererDir = makeTempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Akar</title>');
  registerAppProtocol(rendererDir, { core: () => temp.core, photosDir: path.join(temp.dataDir, 'photos') });
  const handler = registered.protocols.get('akar')!;
  get = (url) => handler(new Request(url));
});

afterAll(() => {
  temp.dispose();
  removeDir(rendererDir);
});

describe('photo URLs', () => {
  it('serve the thumbnail, the optimised image and the upright original as JPEG', async () => {
    for (const kind of ['thumb', 'main', 'original']) {
      const response = await get(`akar://app/photo/${photoId}/${kind}?v=abc`);
      expect(response.status, kind).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    }
  });

  it('refuse everything that is not exactly /photo/<id>/<kind>', async () => {
    const db = fs.readFileSync(temp.dbPath).subarray(0, 16).toString();
    for (const url of [
      `akar://app/photo/${photoId}/../../akar.db`,
      `akar://app/photo/${photoId}/%2e%2e/%2e%2e/akar.db`,
      `akar://app/photo/${photoId}/thumb%2f..%2f..%2fakar.db`,
      `akar://app/photo/..%2f..%2fakar.db/thumb`,
      `akar://app/photo/${photoId}/..%5c..%5cakar.db`,
      `akar://app/photo//etc/passwd`,
      `akar://app/photo/${temp.dataDir}/thumb`,
      `akar://app/photo/0/thumb`,
      `akar://app/photo/-1/thumb`,
      `akar://app/photo/${photoId}/THUMB`,
      `akar://app/photo/${photoId}/thumb/extra`,
      `akar://app/photo/${photoId}`,
      `akar://app/photo/999999/main`,
      `akar://app/photo/1e3/main`,
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(db);
    }
  });

  it('refuse a file the folder links to outside itself', async () => {
    const main = unwrap(await temp.core.photos.file({ id: photoId, kind: 'main' })).path;
    const outside = path.join(temp.dataDir, 'secret.jpg');
    fs.writeFileSync(outside, 'secret');
    fs.rmSync(main);
    fs.symlinkSync(outside, main);
    const response = await get(`akar://app/photo/${photoId}/main`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('parse only plain ids and known kinds', () => {
    expect(parsePhotoPath('/photo/12/thumb')).toEqual({ id: 12, kind: 'thumb' });
    expect(parsePhotoPath('/photo/012/thumb')).toBeNull();
    expect(parsePhotoPath('/photo/12/thumb/')).toBeNull();
    expect(parsePhotoPath('/photo/1234567890123456/thumb')).toBeNull();
  });
});
