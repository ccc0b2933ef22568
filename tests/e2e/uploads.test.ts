import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../electron/shared/catalogue';
import { addProduct, addSeller, readySku } from '../support/catalogue';
import { renderScene } from '../support/photo-scenes';
import { AppShell, readable } from './pages/AppShell';
import { ProductFormPage } from './pages/ProductFormPage';
import { UploadsPage } from './pages/UploadsPage';
import { openApp, SCREENSHOT_DIR, startSuite, VIEWPORT, type AppSession, type Suite } from './support/harness';
import { unwrap } from './support/results';

/**
 * The upload centre as a participant uses it at a workshop without internet: connect the
 * practice shop (the practice marketplace the core runs on 127.0.0.1), send the products
 * marked ready with their rendered photos, follow QC, fix the one QC refuses in the product
 * form, send again, and see the shop the way a buyer does. Everything below the page is
 * real: main's handler table, the core worker the app ships, SQLite, sharp, and HTTP to the
 * practice marketplace, whose QC decides at once (practiceQcDelayMs 0).
 */
let suite: Suite;
let app: AppSession;
let shell: AppShell;
let dir: string;
let sellerId: number;
let products: Product[];

const SELLER = 'Ibu Siti Aminah';
const SHOP = 'Kripik Bu Siti';
const NAMES = ['Keripik Singkong Balado', 'Dodol Garut Wijen', 'Opak Ketan Bakar'] as const;
/** Readiness only asks for a description; QC wants 30 letters at least ("Poor Product Description"). */
const SHORT_DESCRIPTION = 'Manis dan legit.';
const NO_PHOTOS = 'Kopi Arabika Cikajang';

beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.close();
});
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akar-uploads-'));
  app = await openApp(suite, { practiceQcDelayMs: 0 });
  shell = new AppShell(app.page);
  const seller = await addSeller(app.core, SELLER, { businessName: SHOP, district: 'Garut' });
  sellerId = seller.id;
  // Three products marked ready, each with two photos on white named by its SKU, rendered by
  // the photo studio, as a workshop leaves them...
  products = [];
  for (const [index, name] of NAMES.entries()) {
    const sku = `BS-0${index + 1}`;
    const description = index === 1 ? { description: SHORT_DESCRIPTION } : {};
    products.push(
      await addProduct(app.core, sellerId, name, [readySku({ sellerSku: sku })], { status: 'ready', ...description }),
    );
    for (const photo of [1, 2]) {
      const jpeg = await renderScene({
        seed: index * 10 + photo,
        background: 'white',
        fill: 0.75,
        texture: 'label',
        size: 900,
      });
      fs.writeFileSync(path.join(dir, photo === 1 ? `${sku}.jpg` : `${sku}_${photo}.jpg`), jpeg);
    }
  }
  unwrap(await app.core.photos.importFiles([dir], { sellerId }));
  unwrap(await app.core.photos.process({ action: 'start', wait: true, sellerId }));
  // ...and one marked ready whose photos never came: the checks before upload hold it back.
  await addProduct(app.core, sellerId, NO_PHOTOS, [readySku({ sellerSku: 'KP-01', price: 45_000 })], {
    status: 'ready',
  });
});
afterEach(async () => {
  const problems = [...app.problems];
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

function openUploads(): Promise<UploadsPage> {
  return UploadsPage.open(app.page, SELLER);
}

describe('Pusat Unggah with the practice shop', () => {
  it('connects, uploads with progress, explains a QC refusal, and after the fix the shop shows every product', async () => {
    const uploads = await openUploads();
    expect(readable(await shell.currentCrumb.textContent())).toBe('Pusat Unggah');

    // Not connected: one thing to do, said plainly.
    expect(await uploads.practiceState()).toBe('Belum tersambung');
    // Lazada waits for the trainer's app key; the practice shop works at once.
    expect(readable(await uploads.lazadaCard.textContent())).toContain('Pelatih perlu mengisi kunci aplikasi Lazada');
    expect(readable(await uploads.emptyState.textContent())).toContain('Sambungkan toko dulu');
    await app.screenshot('uploads-01-not-connected', { fullPage: true });

    await uploads.connectButton.click();
    await expect.poll(() => uploads.practiceState()).toBe('Tersambung');
    expect(readable(await shell.toast.textContent())).toContain('Berhasil tersambung ke toko latihan.');
    await shell.dismissToast();
    expect(readable(await uploads.emptyState.textContent())).toContain('Belum ada produk yang diunggah');
    expect(readable(await uploads.main.textContent())).toContain('4 produk siap jual di laptop ini.');
    await app.screenshot('uploads-02-connected-empty', { fullPage: true });

    // Upload: the bar shows the count and "Hentikan" while the outbox drains.
    const seen = await uploads.upload();
    expect(seen.bar).toBe(true);
    expect(seen.cancel).toBe(true);
    for (const line of seen.numbers) expect(readable(line)).toMatch(/^(Memulai…|\d+ dari 3 \(\d+%\))/);
    expect(seen.numbers.some((line) => / dari 3 /.test(line))).toBe(true);
    expect(await uploads.outcomeMessage()).toBe('3 produk terkirim ke toko.');
    // The product without photos was held back, with why and a way to fix it.
    expect(readable(await uploads.refused.textContent())).toContain('1 produk belum bisa diunggah:');
    expect(readable(await uploads.refusedProduct(NO_PHOTOS).textContent())).toContain('Belum ada foto');
    expect(
      await uploads
        .refusedProduct(NO_PHOTOS)
        .getByRole('button', { name: `Perbaiki ${NO_PHOTOS}` })
        .count(),
    ).toBe(1);

    // QC decides: two are live, the one with the short description is refused, with advice.
    await uploads.followQcButton.click();
    await uploads.notice.waitFor();
    await expect.poll(() => uploads.listingState(NAMES[1])).toBe('Ditolak QC');
    await expect.poll(() => uploads.count('live')).toBe(2);
    expect(await uploads.count('rejected')).toBe(1);
    expect(await uploads.count('waiting')).toBe(0);
    expect(await uploads.listingState(NAMES[0])).toBe('Tayang');
    expect(await uploads.listingMeta(NAMES[0])).toMatch(/^Foto 2\/2 · \d+ KB terkirim$/);
    const advice = await uploads.listingAdvice(NAMES[1]);
    expect(advice).toContain('Deskripsi terlalu singkat. Tulis bahan, ukuran, dan cara pakai (minimal 30 huruf).');
    expect(advice).toContain('“Poor Product Description”');
    // The refused listing comes first: it is what needs the seller.
    expect(readable(await uploads.listings.getByRole('heading').first().textContent())).toBe(NAMES[1]);
    await app.screenshot('uploads-03-after-qc', { fullPage: true });

    // Fix it in the product form, which leads back here.
    await uploads.fix(NAMES[1]);
    const form = new ProductFormPage(app.page);
    await form.field('Deskripsi').waitFor();
    await form.fillProduct({
      description: 'Dodol ketan asli Garut dengan taburan wijen sangrai. Isi 250 gram, tahan 3 bulan.',
    });
    await form.save();
    await shell
      .heading()
      .filter({ hasText: `Pusat Unggah ${SELLER}` })
      .waitFor();
    expect(unwrap(await app.core.products.get({ id: products[1]!.id })).description).toContain('wijen sangrai');

    // Send again and look at QC: everything is live.
    await uploads.upload();
    expect(await uploads.outcomeMessage()).toMatch(/^\d produk terkirim ke toko\.$/);
    expect(await uploads.refusedProduct(NO_PHOTOS).count()).toBe(1);
    await uploads.followQcButton.click();
    await uploads.notice.waitFor();
    await expect.poll(() => uploads.listingState(NAMES[1])).toBe('Tayang');
    expect(await uploads.count('live')).toBe(3);
    expect(await uploads.count('rejected')).toBe(0);
    expect(await uploads.listingAdvice(NAMES[1])).toBe('');
    expect(readable(await uploads.notice.textContent())).toMatch(
      /^(1 produk berubah status\.|Pemeriksaan sudah selesai untuk semua produk\.)$/,
    );
    // The form's "saved" message, if its ten seconds are not over yet.
    if ((await shell.toast.count()) > 0) await shell.dismissToast();
    await app.screenshot('uploads-04-all-live', { fullPage: true });

    // "Lihat toko": main opens the practice storefront; a buyer's browser is a page of its own.
    expect(await uploads.viewShopButton.isEnabled()).toBe(true);
    await uploads.viewShopButton.click();
    await expect.poll(() => app.opened.length).toBe(1);
    const url = app.opened[0]!;
    // The participant's own practice shop, not the list of shops.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/shop\/\d+$/);
    const buyer = await suite.browser.newContext({ viewport: VIEWPORT, locale: 'id-ID' });
    try {
      const storefront = await buyer.newPage();
      await storefront.goto(url);
      await storefront.getByRole('heading', { level: 1 }).filter({ hasText: SHOP }).waitFor();
      const card = storefront.getByRole('link').filter({ hasText: NAMES[1] });
      await card.waitFor();
      expect(readable(await card.textContent())).toContain('Rp15.000');
      for (const name of NAMES) expect(await storefront.getByRole('link').filter({ hasText: name }).count()).toBe(1);
      expect(await storefront.getByText(NO_PHOTOS).count()).toBe(0);
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await storefront.screenshot({ path: path.join(SCREENSHOT_DIR, 'uploads-05-storefront.png'), fullPage: true });
    } finally {
      await buyer.close();
    }

    // The same screen in English, complete.
    await shell.language('English').click();
    await shell
      .heading()
      .filter({ hasText: `Upload centre: ${SELLER}` })
      .waitFor();
    expect(await uploads.listings.count()).toBe(0);
    expect(await app.page.getByRole('list', { name: 'Uploaded products' }).getByRole('listitem').count()).toBe(3);
    expect(readable(await app.page.getByTestId('count-live').textContent())).toBe('3 Live');
    expect(readable(await uploads.notice.textContent())).not.toMatch(/produk|Pemeriksaan/);
    await app.screenshot('uploads-06-english', { fullPage: true });
  });
});
