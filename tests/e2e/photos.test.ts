import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Product, Seller } from '../../electron/shared/catalogue';
import type { Photo } from '../../electron/shared/photos';
import { photoJpeg, writeOddFiles } from '../support/photo-corpus';
import { renderScene } from '../support/photo-scenes';
import { AppShell, readable } from './pages/AppShell';
import { PhotosPage } from './pages/PhotosPage';
import { ProductListPage } from './pages/ProductListPage';
import { SellerListPage } from './pages/SellerListPage';
import { openApp, SCREENSHOT_DIR, startSuite, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';
import { seedProduct, seedSeller } from './support/seed';

/**
 * The photo studio as a participant uses it: a phone's photos (real JPEGs, some stored
 * sideways, plus the odd files phones and chat apps leave behind) brought in from a folder,
 * matched to products by SKU, rendered by sharp in the real core worker, then arranged and
 * edited on the product's form. Every step is checked in the core as well as on screen.
 */
let suite: Suite;
let app: AppSession;
let shell: AppShell;
let dir: string;
let seller: Seller;

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-photos-'));
  app = await openApp(suite);
  shell = new AppShell(app.page);
  seller = await seedSeller(app.core, { name: 'Ibu Siti Aminah', businessName: 'Kripik Bu Siti', district: 'Garut' });
});
afterEach(async () => {
  const problems = [...app.problems];
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // A CSP violation, a React error or a broken image request shows up in the console.
  expect(problems).toEqual([]);
});

async function product(name: string, sku: string): Promise<Product> {
  return seedProduct(app.core, {
    sellerId: seller.id,
    name,
    skus: [{ sellerSku: sku, price: 15_000, stock: 10, weightKg: 0.25 }],
  });
}

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** A product on a white sheet, as the studio's QC likes it. */
function productShot(seed: number, background: 'white' | 'grey' = 'white'): Promise<Buffer> {
  return renderScene({ seed, background, fill: 0.75, texture: 'label', size: 900 });
}

async function photosOf(productId: number): Promise<Photo[]> {
  return [...unwrap(await app.core.photos.forProduct({ productId })).photos];
}

const names = (photos: readonly Photo[]) => photos.map((photo) => photo.fileName);

/** From the start screen to the participant's product list, the way a trainer goes. */
async function openProducts(): Promise<ProductListPage> {
  await app.page.reload();
  await new SellerListPage(app.page).open('Ibu Siti Aminah');
  await shell.heading().filter({ hasText: 'Produk Ibu Siti Aminah' }).waitFor();
  return new ProductListPage(app.page);
}

async function openPhotos(): Promise<PhotosPage> {
  await openProducts();
  await app.page.getByRole('main').getByRole('button', { name: 'Foto produk' }).click();
  await shell.heading().filter({ hasText: 'Foto produk Ibu Siti Aminah' }).waitFor();
  return new PhotosPage(app.page, app);
}

describe('bringing in a phone’s photos', () => {
  it('matches photos to products by SKU, explains refused files, and gives the rest their product', async () => {
    const keripik = await product('Keripik Singkong Balado', 'KR-01');
    const dodol = await product('Dodol Garut Wijen', 'DD-01');
    const kopi = await product('Kopi Arabika Cikajang', 'KP-01');
    const first = await productShot(11);
    write('KR-01.jpg', first);
    // Stored sideways by the phone, as most portrait photos are: the studio stands it up.
    write('KR-01_2.jpg', await photoJpeg({ width: 900, height: 1200, seed: 2, orientation: 6 }));
    // The same picture again under a copy's name: already there, not added twice.
    write('KR-01 (2).jpg', first);
    write('DD-01.jpg', await productShot(12));
    write('IMG_20240512_101500.jpg', await productShot(13));
    write('IMG_20240512_101633.jpg', await photoJpeg({ width: 1200, height: 900, seed: 5 }));
    await writeOddFiles(dir);

    const photos = await openPhotos();
    expect(await photos.productNames()).toHaveLength(3);
    expect(await photos.verdict('Kopi Arabika Cikajang')).toBe('Belum ada foto');
    await app.screenshot('photos-01-overview-empty');

    await photos.importFolder(dir);
    expect(readable(await photos.summary.getByRole('heading').textContent())).toBe('12 file diperiksa');
    expect(await photos.summaryLine('matched')).toBe('3 foto langsung masuk ke produknya.');
    expect(await photos.summaryLine('unmatched')).toMatch(/^2 foto belum punya produk/);
    expect(await photos.summaryLine('duplicates')).toBe('1 foto sudah ada sebelumnya, jadi tidak ditambah lagi.');
    expect(await photos.summaryLine('rejected')).toBe('6 file tidak bisa dipakai:');
    // Each refused file says what happened and what to do, in words an owner understands.
    const heic = await photos.rejected('heic');
    expect(heic?.files).toBe('IMG_0001.jpg');
    expect(heic?.next).toContain('Pengaturan > Kamera > Format');
    expect(heic?.next).toContain('“Paling Kompatibel”');
    expect((await photos.rejected('not_an_image'))?.files).toBe('catalogue.jpg');
    expect((await photos.rejected('empty'))?.what).toBe('File ini kosong, isinya 0 byte.');
    expect((await photos.rejected('svg'))?.files).toBe('logo.jpg');
    expect((await photos.rejected('truncated'))?.files).toBe('cut-upload.jpg');
    expect((await photos.rejected('too_many_pixels'))?.what).toContain('70 megapiksel');
    await app.screenshot('photos-02-import-summary', { fullPage: true });

    // Rendered by sharp in the core worker: each "Sedang diproses…" becomes a picture.
    expect(await photos.stray('IMG_20240512_101500.jpg').count()).toBe(1);
    await photos.waitForPictures(photos.main);
    expect(await photos.photoCount('Keripik Singkong Balado')).toBe('2 foto');
    expect(await photos.photoCount('Dodol Garut Wijen')).toBe('1 foto');
    // Worst first: the product without photos leads.
    expect((await photos.productNames())[0]).toBe('Kopi Arabika Cikajang');
    expect(names(await photosOf(keripik.id))).toEqual(['KR-01.jpg', 'KR-01_2.jpg']);
    expect(names(await photosOf(dodol.id))).toEqual(['DD-01.jpg']);
    await app.screenshot('photos-03-overview-rendered', { fullPage: true });

    // A stray photo gets its product from the list...
    await photos.assign('IMG_20240512_101500.jpg', 'Kopi Arabika Cikajang');
    await photos.stray('IMG_20240512_101500.jpg').waitFor({ state: 'detached' });
    expect(readable(await shell.toast.textContent())).toContain('Foto dipasang ke “Kopi Arabika Cikajang”.');
    expect(names(await photosOf(kopi.id))).toEqual(['IMG_20240512_101500.jpg']);
    await expect.poll(() => photos.photoCount('Kopi Arabika Cikajang')).toBe('1 foto');

    // ...or is dragged onto it.
    await photos.stray('IMG_20240512_101633.jpg').dragTo(photos.productCard('Dodol Garut Wijen'));
    await photos.review.waitFor({ state: 'detached' });
    expect(names(await photosOf(dodol.id))).toEqual(['DD-01.jpg', 'IMG_20240512_101633.jpg']);
    expect(unwrap(await app.core.photos.unmatched({ sellerId: seller.id }))).toEqual([]);
    await expect.poll(() => photos.photoCount('Dodol Garut Wijen')).toBe('2 foto');
    await shell.dismissToast();
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('photos-04-all-assigned', { fullPage: true });

    // A product opens its form, with the photos first; "Kembali" leads back here.
    await photos.openProduct('Keripik Singkong Balado');
    expect(await photos.order()).toEqual(['KR-01.jpg', 'KR-01_2.jpg']);
    await shell.back();
    await shell.heading().filter({ hasText: 'Foto produk Ibu Siti Aminah' }).waitFor();

    // The participant's product cards now show each product's main photo.
    await shell.back();
    const list = new ProductListPage(app.page);
    const card = list.card('Keripik Singkong Balado').locator('img');
    await card.waitFor();
    await expect.poll(() => card.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
    await app.screenshot('photos-05-product-cards');

    // In English, every word of the photo screens follows.
    await shell.language('English').click();
    await app.page.getByRole('main').getByRole('button', { name: 'Product photos' }).click();
    await shell.heading().filter({ hasText: 'Product photos of Ibu Siti Aminah' }).waitFor();
    const english = app.page.getByRole('list', { name: 'Photos per product' }).getByTestId('verdict');
    expect((await english.allTextContents()).map(readable)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(Photos ready|Could be better|Needs fixing)$/)]),
    );
    await app.screenshot('photos-15-english-overview');
  });
});

describe('dropping photos from the computer', () => {
  it('takes in files dragged onto the photo page, and ignores files the page made itself', async () => {
    const dodol = await product('Dodol Garut Wijen', 'DD-01');
    const file = write('DD-01.jpg', await productShot(21));
    const page = await openPhotos();
    const drop = (names: string[], paths: Record<string, string>) =>
      app.page.evaluate(
        ({ names, paths }) => {
          (window as unknown as { __akarDropPaths: Record<string, string> }).__akarDropPaths = paths;
          const data = new DataTransfer();
          for (const name of names) data.items.add(new File(['x'], name, { type: 'image/jpeg' }));
          const area = document.querySelector('[data-testid="photo-import"]');
          if (!area) throw new Error('no drop area');
          area.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
          area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        { names, paths },
      );

    // A file the page made (no path on disk): nothing happens.
    await drop(['made-up.jpg'], {});
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await photosOf(dodol.id)).toEqual([]);

    await drop(['DD-01.jpg'], { 'DD-01.jpg': file });
    await expect.poll(async () => (await photosOf(dodol.id)).length).toBe(1);
    await page.summary.waitFor();
    expect(readable(await page.summary.textContent())).toContain('1 foto langsung masuk ke produknya');
    await app.screenshot('photos-16-dropped');
  });
});

describe('arranging and editing a product’s photos', () => {
  it('reorders by drag and by keyboard, sets the main photo, deletes with undo, and edits', async () => {
    const keripik = await product('Keripik Singkong Balado', 'KR-01');
    write('KR-01.jpg', await productShot(21));
    // Upright 900 x 1200, stored sideways with an EXIF tag, as phones do.
    write('KR-01_2.jpg', await photoJpeg({ width: 900, height: 1200, seed: 22, orientation: 6 }));
    write('KR-01_3.jpg', await productShot(23, 'grey'));
    unwrap(await app.core.photos.importFiles([dir], { sellerId: seller.id }));
    unwrap(await app.core.photos.process({ action: 'start', wait: true }));

    const list = await openProducts();
    await list.edit('Keripik Singkong Balado');
    const photos = new PhotosPage(app.page, app);
    await photos.section.waitFor();
    await photos.waitForPictures(photos.section);
    expect(await photos.order()).toEqual(['KR-01.jpg', 'KR-01_2.jpg', 'KR-01_3.jpg']);
    expect(await photos.tile(1).getByTestId('main-badge').textContent()).toBe('Foto utama');
    // Nothing is waiting: the header says nothing about photos.
    expect(await photos.queue.count()).toBe(0);
    await app.screenshot('photos-06-product-photos');

    // Dragged onto the first place: the grey-background photo becomes the main photo.
    await photos.tile(3).dragTo(photos.tile(1));
    await expect.poll(() => photos.order()).toEqual(['KR-01_3.jpg', 'KR-01.jpg', 'KR-01_2.jpg']);
    expect(names(await photosOf(keripik.id))).toEqual(['KR-01_3.jpg', 'KR-01.jpg', 'KR-01_2.jpg']);
    expect((await photosOf(keripik.id))[0]?.isMain).toBe(true);
    await photos.waitForPictures(photos.section);
    // The readiness panel's photo line: a grey background on the main photo would be refused.
    const photoLine = app.page.getByTestId('photo-readiness');
    await expect
      .poll(async () => readable(await photoLine.getByTestId('verdict').textContent()))
      .toBe('Perlu diperbaiki');
    expect(readable(await photoLine.getByRole('button').textContent())).toMatch(/^Latar foto utama belum putih/);
    await photoLine.scrollIntoViewIfNeeded();
    await app.screenshot('photos-07a-readiness-photo-line');
    // Its button brings the photo section into view, with focus on it.
    await photoLine.getByRole('button').click();
    expect(await app.page.evaluate(() => document.activeElement?.id)).toBe('product-photos');
    const badges = photos.tile(1).getByTestId('qc-badge');
    if ((await badges.count()) > 0) {
      // QC's finding on the new main photo, with its fix-it tip on hover.
      await badges.first().hover();
      await badges.first().getByRole('tooltip').waitFor();
      // Taken as is: the shared helper moves the mouse away, which would close the tip.
      await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'photos-07-qc-tip.png') });
      await app.page.mouse.move(0, 0);
    }

    // By keyboard: "Geser ke kanan" moves it, and focus stays on the photo as it moves.
    await photos.section.getByRole('button', { name: 'Geser foto 1 ke kanan' }).focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => photos.order()).toEqual(['KR-01.jpg', 'KR-01_3.jpg', 'KR-01_2.jpg']);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Geser foto 2 ke kanan',
    );
    expect(names(await photosOf(keripik.id))).toEqual(['KR-01.jpg', 'KR-01_3.jpg', 'KR-01_2.jpg']);

    // "Jadikan utama": the sideways phone photo goes first.
    await photos.makeMain(3);
    await expect.poll(() => photos.order()).toEqual(['KR-01_2.jpg', 'KR-01.jpg', 'KR-01_3.jpg']);
    expect(names(await photosOf(keripik.id))).toEqual(['KR-01_2.jpg', 'KR-01.jpg', 'KR-01_3.jpg']);

    // "Hapus" at once, "Urungkan" puts it back in its place.
    await photos.delete(2);
    await expect.poll(() => photos.order()).toEqual(['KR-01_2.jpg', 'KR-01_3.jpg']);
    expect(readable(await shell.toast.textContent())).toContain('Foto “KR-01.jpg” dihapus.');
    expect(names(await photosOf(keripik.id))).toEqual(['KR-01_2.jpg', 'KR-01_3.jpg']);
    await app.screenshot('photos-08-deleted-undo');
    await shell.undo();
    await expect.poll(() => photos.order()).toEqual(['KR-01_2.jpg', 'KR-01.jpg', 'KR-01_3.jpg']);
    expect(names(await photosOf(keripik.id))).toEqual(['KR-01_2.jpg', 'KR-01.jpg', 'KR-01_3.jpg']);
    await shell.dismissToast();

    // The editor: turn, cut a square, lighten; compare before and after; save.
    const before = (await photosOf(keripik.id))[0];
    const editor = await photos.edit(1);
    await editor.getByTestId('photo-stage-status').waitFor({ state: 'detached' });
    await app.screenshot('photos-09-editor');
    await editor.getByRole('button', { name: 'Putar ke kanan' }).click();
    await editor.getByRole('radio', { name: /Potong kotak/ }).check();
    const frame = editor.getByTestId('crop-frame');
    await frame.waitFor();
    const size = editor.getByRole('slider', { name: 'Ukuran potongan' });
    await size.focus();
    for (let i = 0; i < 20; i++) await app.page.keyboard.press('ArrowLeft');
    expect(await size.getAttribute('aria-valuetext')).toBe('80%');
    // Dragged to the right-hand edge of the picture.
    const box = await frame.boundingBox();
    if (!box) throw new Error('no crop frame');
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, { steps: 5 });
    await app.page.mouse.up();
    const light = editor.getByRole('slider', { name: 'Terang' });
    await light.focus();
    for (let i = 0; i < 6; i++) await app.page.keyboard.press('ArrowRight');
    expect(await light.getAttribute('aria-valuetext')).toBe('130%');
    await app.screenshot('photos-10-editor-crop');
    await editor.getByRole('button', { name: 'Sebelum' }).click();
    await editor.getByTestId('photo-stage-before').locator('img').waitFor();
    await editor.getByRole('button', { name: 'Sesudah' }).click();
    await editor.getByTestId('photo-stage-after').locator('img').waitFor();
    await app.screenshot('photos-11-editor-after');
    await editor.getByRole('button', { name: 'Simpan foto' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(readable(await shell.toast.textContent())).toContain('Foto disimpan.');

    await photos.waitForPictures(photos.section);
    const edited = (await photosOf(keripik.id))[0];
    expect(edited?.id).toBe(before?.id);
    expect(edited?.recipe).toMatchObject({ rotate: 90, fit: 'crop', brightness: 1.3 });
    const crop = (edited?.recipe as { crop?: { x: number; y: number; size: number } }).crop;
    expect(crop?.size).toBe(0.8);
    // Turned, the photo is 1200 x 900; the frame (80 % of 900 = 720 px) was dragged to the right edge.
    expect(crop?.x).toBeCloseTo(1 - 720 / 1200, 2);
    expect(crop?.y).toBeCloseTo(0.1, 2);
    expect(edited?.output).toMatchObject({ width: 720, height: 720 });
    expect(edited?.version).not.toBe(before?.version);
    await shell.dismissToast();

    // A frame that does not fit the photo (saved elsewhere) fails to render: the tile says why
    // and what to do; "Ubah" opens with the frame pulled inside, and saving renders it again.
    const second = (await photosOf(keripik.id))[1];
    unwrap(await app.core.photos.setRecipe({ id: second?.id ?? 0, recipe: { crop: { x: 0.9, y: 0.9, size: 1 } } }));
    unwrap(await app.core.photos.process({ action: 'start', wait: true }));
    expect((await photosOf(keripik.id))[1]?.state).toBe('failed');
    await shell.back();
    // On the list, the card carries the photos' verdict as the core works it out: a photo that
    // failed is at least worth a look.
    const summary = unwrap(await app.core.photos.overview({ sellerId: seller.id })).products.find(
      (entry) => entry.productId === keripik.id,
    );
    expect(summary?.verdict).not.toBe('good');
    const onCard = { reject: 'Foto perlu diperbaiki', warn: 'Foto bisa lebih bagus', good: '' };
    await expect.poll(() => list.photoVerdict('Keripik Singkong Balado')).toBe(onCard[summary?.verdict ?? 'good']);
    await app.screenshot('photos-12a-card-verdict');
    await list.edit('Keripik Singkong Balado');
    const failed = photos.tile(2).getByTestId('photo-failed');
    await failed.waitFor();
    expect(readable(await failed.textContent())).toBe(
      'Gagal diproses. Bingkai potongan keluar dari foto. Tekan “Ubah”, lalu atur lagi bingkai potongannya dan simpan.',
    );
    await app.screenshot('photos-12-render-failed');
    const fix = await photos.edit(2);
    await fix.getByTestId('photo-stage-status').waitFor({ state: 'detached' });
    await fix.getByRole('button', { name: 'Simpan foto' }).click();
    await fix.waitFor({ state: 'detached' });
    await photos.waitForPictures(photos.section);
    expect((await photosOf(keripik.id))[1]?.state).toBe('ready');
  });
});

describe('the photo queue in the header', () => {
  it('shows how far rendering is, pauses it (also across a restart) and resumes it', async () => {
    await product('Keripik Singkong Balado', 'KR-01');
    // A phone's DCIM folder: many photos that match no product. One picture, made different
    // per file by a JPEG comment, so each is its own photo (and generating stays quick).
    const base = await photoJpeg({ width: 3000, height: 2250, seed: 40 });
    const count = 40;
    for (let i = 0; i < count; i++) write(`IMG_20240601_${String(100_000 + i)}.jpg`, withComment(base, `copy ${i}`));

    const photos = await openPhotos();
    // Nothing waits yet: the header says nothing about photos.
    expect(await photos.queue.count()).toBe(0);

    // "Hentikan" while the files are copied and checked: nothing is kept, and it says so.
    app.dialogs.nextFolder.push(dir);
    await photos.folderButton.click();
    await app.page.getByTestId('photo-import-progress').getByRole('button', { name: 'Hentikan' }).click();
    await app.page.getByTestId('photo-import-stopped').waitFor();
    expect(unwrap(await app.core.photos.unmatched({ sellerId: seller.id }))).toEqual([]);
    expect(unwrap(await app.core.photos.status({})).pending).toBe(0);
    await app.screenshot('photos-12b-import-stopped');

    await photos.importFolder(dir);
    expect(await photos.summaryLine('unmatched')).toMatch(new RegExp(`^${count} foto belum punya produk`));

    // While the photos render: "Memproses foto 12 dari 60 · sekitar 3 detik", with "Jeda".
    const pause = photos.queue.getByRole('button', { name: 'Jeda' });
    await pause.waitFor();
    await photos.queue.getByText(/^Memproses foto \d+ dari \d+$/).waitFor();
    await pause.click();
    // Paused once the photos being made are finished; the rest wait.
    await expect
      .poll(async () => unwrap(await app.core.photos.status({})))
      .toMatchObject({ paused: true, running: false });
    const paused = unwrap(await app.core.photos.status({}));
    expect(paused.pending).toBeGreaterThan(0);
    const resume = photos.queue.getByRole('button', { name: 'Lanjutkan' });
    await resume.waitFor();
    expect(readable(await photos.queue.textContent())).toBe(
      `Pemrosesan foto dijeda${paused.pending} foto menungguLanjutkan`,
    );
    await photos.review.getByText('Menunggu: pemrosesan foto dijeda').first().waitFor();
    await app.screenshot('photos-13-queue-paused');

    // The pause is kept across a restart: nothing is rendered until the seller resumes. (The
    // page leaves the photos first: the harness swaps the core under an open page, which a
    // real restart never does.)
    await shell.crumb('Peserta').click();
    await app.restart();
    await resume.waitFor();
    expect(unwrap(await app.core.photos.status({}))).toMatchObject({ paused: true, pending: paused.pending });
    await resume.click();
    await pause.waitFor();
    await photos.queue.getByText(/^sekitar \d+ detik$/).waitFor();
    await app.screenshot('photos-14-queue-running');
    await photos.queue.waitFor({ state: 'detached', timeout: 60_000 });
    expect(unwrap(await app.core.photos.status({}))).toMatchObject({ pending: 0, paused: false, ready: count });
  });
});

/** The same JPEG with a comment segment after its start marker: other bytes, same picture. */
function withComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'latin1');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}
