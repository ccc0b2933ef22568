import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { Photo } from '../../../electron/shared/photos';
import { addProduct, addSeller } from '../../support/catalogue';
import { dumpDatabase } from '../../support/db';
import { photoJpeg, writeOddFiles } from '../../support/photo-corpus';
import { expectError, unwrap } from '../../support/results';
import { openTempCore, tempDir, type TempCore } from '../../support/temp';

/**
 * The photo studio end to end in the core: a phone folder imported (matched by file name,
 * bad files reported, the same picture stored once), rendered by the queue, edited,
 * reordered, and still all there after a restart.
 */

async function setUp() {
  const temp = openTempCore({ log: (message) => console.error(message) });
  const core = temp.core;
  const sari = await addSeller(core);
  const keripik = await addProduct(core, sari.id, 'Keripik Singkong', [{ price: 10_000, sellerSku: 'KR-01' }]);
  const dodol = await addProduct(core, sari.id, 'Dodol Garut', [{ price: 25_000, sellerSku: 'DD-7' }]);
  return { temp, core, sari, keripik, dodol };
}

/** A phone's folder: photos named by SKU and by name, a copy, a stray photo, and broken files. */
async function phoneFolder() {
  const dir = tempDir();
  const camera = path.join(dir, 'DCIM', 'Camera');
  fs.mkdirSync(camera, { recursive: true });
  fs.mkdirSync(path.join(dir, 'DCIM', '.thumbnails'));
  const photo = (seed: number, orientation: 1 | 6 = 1) =>
    // Portrait when shot sideways (stored on its side, with EXIF orientation 6).
    photoJpeg({ width: orientation === 6 ? 1200 : 1600, height: orientation === 6 ? 1600 : 1200, seed, orientation });
  const first = await photo(1);
  fs.writeFileSync(path.join(camera, 'KR-01.jpg'), first);
  fs.writeFileSync(path.join(camera, 'KR-01_2.jpg'), await photo(2, 6));
  // The same picture again under another name: stored once, shown once.
  fs.writeFileSync(path.join(camera, 'KR-01 (3).jpg'), first);
  fs.writeFileSync(path.join(camera, 'dodol-garut.jpg'), await photo(3));
  fs.writeFileSync(path.join(camera, 'IMG_20250301_101500.jpg'), await photo(4));
  fs.writeFileSync(path.join(dir, 'DCIM', '.thumbnails', 'KR-01.jpg'), await photo(5));
  fs.writeFileSync(path.join(camera, 'video.mp4'), 'not a photo and not looked at');
  const odd = await writeOddFiles(path.join(dir, 'DCIM'));
  return { dir, camera, odd };
}

function originalsOn(temp: TempCore): string[] {
  const root = path.join(temp.dataDir, 'photos', 'originals');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('photo studio', () => {
  it('imports a phone folder: matched by name, bad files explained, each picture stored once', async () => {
    const { temp, core, sari, keripik, dodol } = await setUp();
    try {
      const { dir } = await phoneFolder();
      const report = unwrap(await core.photos.importFiles([dir], { sellerId: sari.id }));
      expect(report).toMatchObject({ files: 11, matched: 3, unmatched: 1, duplicates: 1, truncated: false });
      expect(Object.fromEntries(report.rejected.map((r) => [r.fileName, r.reason]))).toEqual({
        'empty.jpg': 'empty',
        'catalogue.jpg': 'not_an_image',
        'cut-upload.jpg': 'truncated',
        'huge.png': 'too_many_pixels',
        'logo.jpg': 'svg',
        'IMG_0001.jpg': 'heic',
      });
      // KR-01 and KR-01 (3) are one picture: one file in the originals folder.
      expect(originalsOn(temp)).toHaveLength(4);

      const kr = unwrap(await core.photos.forProduct({ productId: keripik.id }));
      expect(kr.photos.map((p) => [p.fileName, p.isMain, p.state])).toEqual([
        ['KR-01.jpg', true, 'pending'],
        ['KR-01_2.jpg', false, 'pending'],
      ]);
      // Upright size: the second was shot sideways (EXIF orientation 6).
      expect(kr.photos[1]?.original).toMatchObject({ width: 1200, height: 1600, format: 'jpeg' });
      expect(unwrap(await core.photos.forProduct({ productId: dodol.id })).photos).toHaveLength(1);
      const stray = unwrap(await core.photos.unmatched({ sellerId: sari.id }));
      expect(stray.map((p) => p.fileName)).toEqual(['IMG_20250301_101500.jpg']);

      // The same folder again: nothing new.
      const again = unwrap(await core.photos.importFiles([dir], { sellerId: sari.id }));
      expect(again).toMatchObject({ matched: 0, unmatched: 0, duplicates: 5 });
    } finally {
      temp.dispose();
    }
  });

  it('renders waiting photos to the marketplace size, with thumbnails, and serves them only from the photos folder', async () => {
    const { temp, core, sari, keripik } = await setUp();
    try {
      const { camera } = await phoneFolder();
      unwrap(await core.photos.importFiles([path.join(camera, 'KR-01_2.jpg')], { sellerId: sari.id }));
      const status = unwrap(await core.photos.process({ action: 'start', wait: true }));
      expect(status).toMatchObject({ pending: 0, ready: 1, failed: 0, running: false, paused: false });

      const [photo] = unwrap(await core.photos.forProduct({ productId: keripik.id })).photos;
      expect(photo?.state).toBe('ready');
      expect(photo?.output).toMatchObject({ width: 1200, height: 1200 });
      expect(photo?.output?.bytes).toBeLessThanOrEqual(1_000_000);
      const photosDir = path.join(temp.dataDir, 'photos');
      for (const kind of ['main', 'thumb', 'original'] as const) {
        const file = unwrap(await core.photos.file({ id: photo!.id, kind })).path;
        expect(path.relative(photosDir, file).startsWith('..')).toBe(false);
        const meta = await sharp(file).metadata();
        expect(meta.format).toBe('jpeg');
        // Nothing of the camera's metadata leaves in what is uploaded.
        if (kind !== 'original') expect(meta.exif).toBeUndefined();
        if (kind === 'thumb') expect([meta.width, meta.height]).toEqual([300, 300]);
        if (kind === 'original') expect([meta.width, meta.height]).toEqual([900, 1200]);
      }
      expectError(await core.photos.file({ id: 999, kind: 'main' }), { code: 'not_found' });
      expectError(await core.photos.file({ id: photo!.id, kind: '../../akar.db' }), { code: 'invalid_input' });
    } finally {
      temp.dispose();
    }
  });

  it('renders again after an edit, under a new version, and orders photos as the seller drags them', async () => {
    const { temp, core, sari, keripik } = await setUp();
    try {
      const { camera } = await phoneFolder();
      unwrap(
        await core.photos.importFiles([path.join(camera, 'KR-01.jpg'), path.join(camera, 'KR-01_2.jpg')], {
          sellerId: sari.id,
        }),
      );
      unwrap(await core.photos.process({ action: 'start', wait: true }));
      const [main, second] = unwrap(await core.photos.forProduct({ productId: keripik.id })).photos as Photo[];
      const edited = unwrap(await core.photos.setRecipe({ id: main!.id, recipe: { rotate: 90, fit: 'crop' } }));
      expect(edited.state).toBe('pending');
      unwrap(await core.photos.process({ action: 'start', wait: true }));
      const after = unwrap(await core.photos.forProduct({ productId: keripik.id })).photos;
      expect(after[0]?.version).not.toBe(main!.version);
      expect(after[0]?.recipe).toMatchObject({ rotate: 90, fit: 'crop' });

      const reordered = unwrap(await core.photos.reorder({ productId: keripik.id, photoIds: [second!.id, main!.id] }));
      expect(reordered.photos.map((p) => [p.id, p.isMain])).toEqual([
        [second!.id, true],
        [main!.id, false],
      ]);
      // An order that leaves a photo out (or names another product's) is refused whole.
      expectError(await core.photos.reorder({ productId: keripik.id, photoIds: [second!.id] }), {
        code: 'invalid_input',
        field: 'photoIds',
      });
      // A bad recipe never reaches the database.
      expectError(await core.photos.setRecipe({ id: main!.id, recipe: { rotate: 45 } }), { code: 'invalid_input' });
    } finally {
      temp.dispose();
    }
  });

  it('says what marketplace QC would refuse: a dark photo, and too few photos', async () => {
    const { temp, core, sari, dodol } = await setUp();
    try {
      const dir = tempDir();
      const dark = await sharp(await photoJpeg({ width: 1400, height: 1400, seed: 8 }))
        .modulate({ brightness: 0.2 })
        .jpeg()
        .toBuffer();
      fs.writeFileSync(path.join(dir, 'DD-7.jpg'), dark);
      unwrap(await core.photos.importFiles([dir], { sellerId: sari.id }));
      unwrap(await core.photos.process({ action: 'start', wait: true }));
      const { photos, issues } = unwrap(await core.photos.forProduct({ productId: dodol.id }));
      expect(photos[0]?.issues.map((issue) => [issue.code, issue.severity])).toContainEqual(['too_dark', 'reject']);
      expect(issues).toEqual([{ code: 'too_few_photos', severity: 'warn', params: { count: 1, minimum: 2 } }]);
      const overview = unwrap(await core.photos.overview({ sellerId: sari.id }));
      // The product that needs work comes first; the one without photos is refused too.
      expect(overview.products.map((p) => [p.name, p.verdict, p.photoCount])).toEqual([
        ['Dodol Garut', 'reject', 1],
        ['Keripik Singkong', 'reject', 0],
      ]);
    } finally {
      temp.dispose();
    }
  });

  it('assigns a stray photo to a product of the same participant only', async () => {
    const { temp, core, sari, dodol } = await setUp();
    try {
      const budi = await addSeller(core, 'Pak Budi');
      const kopi = await addProduct(core, budi.id, 'Kopi Puntang');
      const { camera } = await phoneFolder();
      // Photos for another participant's product are refused before anything is copied.
      expectError(await core.photos.importFiles([camera], { sellerId: sari.id, productId: kopi.id }), {
        code: 'invalid_input',
        field: 'productId',
      });
      expect(fs.existsSync(path.join(temp.dataDir, 'photos', 'originals'))).toBe(false);
      unwrap(await core.photos.importFiles([path.join(camera, 'IMG_20250301_101500.jpg')], { sellerId: sari.id }));
      const [stray] = unwrap(await core.photos.unmatched({ sellerId: sari.id }));
      expectError(await core.photos.assign({ id: stray!.id, productId: kopi.id }), {
        code: 'invalid_input',
        field: 'productId',
      });
      const assigned = unwrap(await core.photos.assign({ id: stray!.id, productId: dodol.id }));
      expect(assigned).toMatchObject({ productId: dodol.id, isMain: true });
      expect(unwrap(await core.photos.unmatched({ sellerId: sari.id }))).toEqual([]);
    } finally {
      temp.dispose();
    }
  });

  it('a stopped import leaves no photo rows, and a paused queue stays paused after a restart', async () => {
    const { temp, core, sari } = await setUp();
    try {
      const { dir } = await phoneFolder();
      const before = dumpDatabase(temp.dbPath);
      unwrap(await core.jobs.cancel({ jobId: 'photo-import-1' }));
      expectError(await core.photos.importFiles([dir], { sellerId: sari.id, jobId: 'photo-import-1' }), {
        code: 'cancelled',
      });
      expect(dumpDatabase(temp.dbPath)).toBe(before);

      unwrap(await core.photos.importFiles([dir], { sellerId: sari.id }));
      unwrap(await core.photos.process({ action: 'pause' }));
      const reopened: Core = temp.reopen({ processPhotos: true });
      expect(unwrap(await reopened.photos.status())).toMatchObject({ pending: 4, paused: true, running: false });
      // "Lanjutkan": everything waiting is rendered.
      expect(unwrap(await reopened.photos.process({ action: 'start', wait: true }))).toMatchObject({
        pending: 0,
        ready: 4,
        paused: false,
      });
    } finally {
      temp.dispose();
    }
  });

  it('picks up waiting photos by itself when the app starts again', async () => {
    const { temp, core, sari } = await setUp();
    try {
      const { dir } = await phoneFolder();
      unwrap(await core.photos.importFiles([dir], { sellerId: sari.id }));
      const reopened = temp.reopen({ processPhotos: true });
      await expect
        .poll(async () => unwrap(await reopened.photos.status()).pending, { timeout: 30_000, interval: 200 })
        .toBe(0);
      expect(unwrap(await reopened.photos.status())).toMatchObject({ ready: 4, failed: 0 });
    } finally {
      temp.dispose();
    }
  });
});
